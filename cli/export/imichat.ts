import { Settings } from "../../provider/core/settings";
import { imichatAccount } from "../../provider/imichat/account";
import { LiveUser } from "../../provider/imichat/live";
import { ResourceNames } from "./names";
import { connectionArgs, ExportedResource, ExportOptions, ExportPlan } from "./plan";
import { readEach } from "./progress";
import { adoptionHeading } from "./zoho-desk";

/** Custom attribute values the resource takes (text or numbers). */
const attributeValues = (attributes: Record<string, unknown> = {}) =>
  Object.fromEntries(Object.entries(attributes).filter(([, value]) => typeof value === "string" || typeof value === "number"));

const present = (value: Record<string, unknown>) => Object.keys(value).length > 0;

/**
 * The users of the connection's IMIchat team, adopted as imichat.User. The search answer lacks custom attributes and
 * team roles, so each user is read once. Team roles are create-only in IMIchat (an adopted user cannot declare them):
 * the program names them in a comment.
 */
export async function exportImichat(settings: Settings, options: ExportOptions): Promise<ExportPlan> {
  const account = imichatAccount(settings, options.connection);
  const listed = await account.client.listUsers();
  const users = await readEach(listed, "users", async (user) => (await account.client.getUser(user.id)) ?? user);
  const names = new ResourceNames(options.connection);
  return {
    namespaces: ["imichat"],
    heading: [`IMIchat ${account.label}${options.connection ? ` (connection ${options.connection})` : ""}, exported by pulumi-helpdesk export.`, ...adoptionHeading],
    resources: users.map((user) => userResource(user, names, options)),
    leftOut: [],
  };
}

function userResource(user: LiveUser, names: ResourceNames, options: ExportOptions): ExportedResource {
  const customAttributes = attributeValues(user.customAttributes);
  const roles = (user.privileges ?? []).map((p) => `${p.role} in team ${p.team}`);
  return {
    kind: "imichat.User",
    name: names.allocate(`${user.firstName} ${user.lastName}`, user.loginId),
    args: {
      firstName: user.firstName,
      ...(user.lastName ? { lastName: user.lastName } : {}),
      loginId: user.loginId,
      email: user.email,
      status: user.status,
      ...(user.jobDescription ? { jobDescription: user.jobDescription } : {}),
      loginUsingEmail: user.loginUsingEmail,
      ...(present(customAttributes) ? { customAttributes } : {}),
      ...(present(user.skillAttributes) ? { skillAttributes: user.skillAttributes } : {}),
      adopt: true,
      ...connectionArgs(options),
    },
    notes: roles.length > 0 ? [`team roles: ${roles.join(", ")} (create-only in IMIchat: change them in the admin console)`] : [],
  };
}

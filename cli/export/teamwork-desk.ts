import { Settings } from "../../provider/core/settings";
import { teamworkDeskAccount } from "../../provider/teamworkDesk/account";
import { LiveUser } from "../../provider/teamworkDesk/live";
import { USER_FIELDS } from "../../provider/teamworkDesk/schema";
import { ResourceNames } from "./names";
import { connectionArgs, ExportedResource, ExportOptions, ExportPlan } from "./plan";
import { adoptionHeading } from "./zoho-desk";

/**
 * Teamwork Desk users, adopted as teamworkDesk.User with every field the resource takes. Deleted users are left out
 * (adopting one would restore it), and so is the installation owner, whom Teamwork never lets anyone delete.
 */
export async function exportTeamworkDesk(settings: Settings, options: ExportOptions): Promise<ExportPlan> {
  const account = teamworkDeskAccount(settings, options.connection);
  const users = await account.client.listUsers();
  process.stderr.write(`read ${users.length} users of ${account.site}\n`);
  const names = new ResourceNames(options.connection);
  const resources: ExportedResource[] = [];
  const leftOut: string[] = [];
  for (const user of users) {
    if (user.deleted) leftOut.push(`${user.email}: deleted in Teamwork Desk (adopting the user would restore it)`);
    else if (user.isAppOwner) leftOut.push(`${user.email}: the installation owner, whom Teamwork never lets anyone delete or demote`);
    else resources.push(userResource(user, names, options));
  }
  return {
    namespaces: ["teamworkDesk"],
    heading: [`Teamwork Desk site ${account.site}${options.connection ? ` (connection ${options.connection})` : ""}, exported by pulumi-helpdesk export.`, ...adoptionHeading],
    resources,
    leftOut,
  };
}

function userResource(user: LiveUser, names: ResourceNames, options: ExportOptions): ExportedResource {
  const fields = Object.fromEntries(USER_FIELDS.map((field) => [field, user[field]]).filter(([field, value]) => !(field === "lastName" && value === "")));
  const inboxes = user.inboxIds ?? [];
  return {
    kind: "teamworkDesk.User",
    name: names.allocate(`${user.firstName} ${user.lastName}`, `user-${user.id}`),
    args: { ...fields, adopt: true, ...connectionArgs(options) },
    notes: inboxes.length > 0 ? [`inboxes ${inboxes.join(", ")}: set on each inbox's page (Teamwork's API cannot write them)`] : [],
  };
}

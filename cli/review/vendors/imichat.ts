import { Settings } from "../../../provider/core/settings";
import { imichatAccount } from "../../../provider/imichat/account";
import { readEach } from "../../export/progress";
import { AccessModel, Holder } from "../model";
import { ProgramResource } from "../program-state";
import { ofKind, text } from "./lookup";

const teamRole = (team: number, role: string): Holder => ({ key: `team:${team}:${role}`, name: role, label: `team ${team}`, permissions: new Set([role]) });

function withRoles(model: AccessModel, privileges: Array<{ team: number; role: string }>): string[] {
  return privileges.map(({ team, role }) => {
    const holder = teamRole(team, role);
    if (!model.holders.has(holder.key)) model.holders.set(holder.key, holder);
    return holder.key;
  });
}

/** The team's active users (an inactive one cannot sign in) through their team roles, one read each (search carries none). */
export async function liveImichat(settings: Settings, connection: string | undefined): Promise<AccessModel> {
  const account = imichatAccount(settings, connection);
  const listed = (await account.client.listUsers()).filter((u) => u.status === "active");
  const users = await readEach(listed, "users", async (u) => (await account.client.getUser(u.id)) ?? u);
  const model: AccessModel = { holders: new Map(), people: [] };
  model.people = users.map((u) => ({ id: String(u.id), name: `${u.firstName} ${u.lastName}`.trim(), email: u.email, holders: withRoles(model, u.privileges ?? []) }));
  return model;
}

/** A user set inactive loses access; declared privileges (users the program creates) replace the roles. */
export function intendImichat(model: AccessModel, resources: ProgramResource[], connection: string | undefined): void {
  for (const { inputs } of ofKind(resources, "imichat:User", connection)) {
    const email = text(inputs.email)?.toLowerCase() ?? "";
    let person = model.people.find((p) => p.email.toLowerCase() === email);
    if (inputs.status === "inactive") {
      model.people = model.people.filter((p) => p !== person);
      continue;
    }
    if (!person) model.people.push((person = { id: `new:${email}`, name: [text(inputs.firstName), text(inputs.lastName)].filter(Boolean).join(" "), email, holders: [] }));
    if (Array.isArray(inputs.privileges)) {
      person.holders = withRoles(model, inputs.privileges.map((p) => ({ team: Number((p as { team?: unknown }).team), role: String((p as { role?: unknown }).role) })));
    }
  }
}

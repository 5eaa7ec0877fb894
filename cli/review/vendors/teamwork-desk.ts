import { Settings } from "../../../provider/core/settings";
import { teamworkDeskAccount } from "../../../provider/teamworkDesk/account";
import { AccessModel, Holder } from "../model";
import { ProgramResource } from "../program-state";
import { ofKind, text } from "./lookup";

/** Teamwork Desk grants through the user's role, and lets a reviewer review other agents' replies. */
const HOLDERS: Holder[] = [
  { key: "role:admin", name: "admin", label: 'role "admin"', permissions: new Set(["admin"]) },
  { key: "role:agent", name: "agent", label: 'role "agent"', permissions: new Set(["agent"]) },
  { key: "reviewer", name: "reviewer", label: 'setting "reviewer"', permissions: new Set(["review replies"]) },
];
const holdersOf = (role: string, reviewer: boolean) => [`role:${role}`, ...(reviewer ? ["reviewer"] : [])];

/** The site's users that can sign in (deleted users cannot), by role. */
export async function liveTeamworkDesk(settings: Settings, connection: string | undefined): Promise<AccessModel> {
  const users = await teamworkDeskAccount(settings, connection).client.listUsers();
  return {
    holders: new Map(HOLDERS.map((h) => [h.key, { ...h, permissions: new Set(h.permissions) }])),
    people: users.filter((u) => !u.deleted).map((u) => ({ id: String(u.id), name: `${u.firstName} ${u.lastName}`.trim(), email: u.email, holders: holdersOf(u.role, u.reviewer) })),
  };
}

export function intendTeamworkDesk(model: AccessModel, resources: ProgramResource[], connection: string | undefined): void {
  for (const { inputs } of ofKind(resources, "teamworkDesk:User", connection)) {
    const email = text(inputs.email) ?? "";
    let person = model.people.find((p) => p.email.toLowerCase() === email.toLowerCase());
    if (!person) model.people.push((person = { id: `new:${email}`, name: [text(inputs.firstName), text(inputs.lastName)].filter(Boolean).join(" "), email, holders: ["role:agent"] }));
    const role = text(inputs.role) ?? person.holders[0].replace("role:", "");
    const reviewer = typeof inputs.reviewer === "boolean" ? inputs.reviewer : person.holders.includes("reviewer");
    person.holders = holdersOf(role, reviewer);
  }
}

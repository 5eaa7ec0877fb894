import { chatwootAccount, notAdministratorReason } from "../../../provider/chatwoot/account";
import { Settings } from "../../../provider/core/settings";
import { AccessModel, Holder, Person } from "../model";
import { ProgramResource } from "../program-state";
import { ofKind, text } from "./lookup";

/**
 * Chatwoot's built-in roles grant what Chatwoot gives them (an administrator everything, an agent the default agent
 * permissions), named after the role; an agent with a custom role holds only that role's permissions.
 */
const BUILT_IN: Holder[] = [
  { key: "role:administrator", name: "administrator", label: 'role "administrator"', permissions: new Set(["administrator"]) },
  { key: "role:agent", name: "agent", label: 'role "agent"', permissions: new Set(["agent"]) },
];
const customKey = (id: number | string) => `custom-role:${id}`;
const customHolder = (key: string, name: string, permissions: Iterable<string>): Holder => ({ key, name, label: `custom role "${name}"`, permissions: new Set(permissions) });
const holderOf = (role: string, customRole: string | undefined) => (role === "administrator" ? "role:administrator" : customRole ?? "role:agent");

/** Members of a Chatwoot (or Omnivibe) account through their role or custom role; needs an administrator's token. */
export async function liveChatwoot(settings: Settings, connection: string | undefined): Promise<AccessModel> {
  const account = chatwootAccount(settings, connection);
  const refused = await notAdministratorReason(account, "reading the account's agents and custom roles");
  if (refused) throw new Error(refused);
  const [roles, agents] = await Promise.all([account.customRoles.all(), account.agents.all()]);
  const holders = new Map<string, Holder>([...BUILT_IN.map((h): [string, Holder] => [h.key, { ...h, permissions: new Set(h.permissions) }]),
    ...roles.map((r): [string, Holder] => [customKey(r.id), customHolder(customKey(r.id), r.name, r.permissions)])]);
  const people: Person[] = agents.map((a) => ({
    id: String(a.id), name: a.name, email: a.email,
    holders: [holderOf(a.role, a.customRoleId !== null && holders.has(customKey(a.customRoleId)) ? customKey(a.customRoleId) : undefined)],
  }));
  return { holders, people };
}

/** Custom roles take the declared permissions whole; agents the declared role and custom role (undeclared: as live). */
export function intendChatwoot(model: AccessModel, resources: ProgramResource[], connection: string | undefined): void {
  const roleByReference = (reference: unknown) =>
    [...model.holders.values()].find((h) => h.key.startsWith("custom-role:") && (h.name === reference || h.key === customKey(String(reference))));
  for (const { name: resourceName, inputs, outputs } of ofKind(resources, "chatwoot:CustomRole", connection)) {
    const holder = roleByReference(outputs.customRoleId) ?? roleByReference(inputs.name) ?? customHolder(customKey(`new:${resourceName}`), text(inputs.name) ?? resourceName, []);
    model.holders.set(holder.key, Object.assign(holder, customHolder(holder.key, text(inputs.name) ?? holder.name, Array.isArray(inputs.permissions) ? inputs.permissions.map(String) : holder.permissions)));
  }
  for (const { inputs } of ofKind(resources, "chatwoot:Agent", connection)) {
    const email = text(inputs.email)?.toLowerCase() ?? "";
    let person = model.people.find((p) => p.email.toLowerCase() === email);
    if (!person) model.people.push((person = { id: `new:${email}`, name: text(inputs.name) ?? email, email, holders: ["role:agent"] }));
    const current = person.holders[0];
    const role = text(inputs.role) ?? (current === "role:administrator" ? "administrator" : "agent");
    const declared = inputs.customRole === undefined ? undefined : roleByReference(inputs.customRole)?.key;
    person.holders = [holderOf(role, declared ?? (current.startsWith("custom-role:") ? current : undefined))];
  }
}

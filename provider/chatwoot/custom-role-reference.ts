import { ChatwootAccount } from "./account";
import { LiveCustomRole } from "./live";

/** A custom role by id (a number, or digits) or by exact name. */
export async function resolveCustomRole(account: ChatwootAccount, reference: string | number): Promise<LiveCustomRole | undefined> {
  const roles = await account.customRoles.all();
  const asId = typeof reference === "number" ? reference : /^[0-9]+$/.test(reference) ? Number(reference) : undefined;
  return roles.find((role) => role.id === asId) ?? roles.find((role) => role.name === reference);
}

/** Why the reference names no role of the account, listing the ones it has. */
export async function unknownCustomRoleReason(account: ChatwootAccount, reference: string | number): Promise<string> {
  const names = (await account.customRoles.all()).map((role) => `'${role.name}' (${role.id})`).join(", ") || "none";
  return `account ${account.accountId} has no custom role named ${JSON.stringify(reference)} or with that id (its roles: ${names}); ` +
    `for a role this program creates, pass its customRoleId output`;
}

/** The live role in the form the program refers to it: its id when the program gave an id, else its name. */
export async function referenceInProgramsForm(account: ChatwootAccount, declared: string | number, liveId: number): Promise<string | number> {
  if (typeof declared === "number") return liveId;
  if (/^[0-9]+$/.test(declared)) return String(liveId);
  return (await account.customRoles.byId(liveId))?.name ?? liveId;
}

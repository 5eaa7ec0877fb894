import { changedLeaves, formatPath, leafPaths, pickLeaves, Tree, valueAt, withValueAt } from "../core/leaves";
import { ProfileFields } from "./client";
import { LiveProfile } from "./live";
import { ProfileArgs, profileArgsSchema, WRITE_ONLY } from "./profile-schema";

/** The profile fields a program may own, and the key each has in PUT /profile. */
export const PROFILE_FIELDS = {
  name: "name",
  displayName: "display_name",
  email: "email",
  messageSignature: "message_signature",
  phoneNumber: "phone_number",
} as const;

export interface ProfileOutputs extends Omit<ProfileArgs, "currentPassword"> {
  userId: number;
  /** The declared fields as the profile had them when this resource adopted it; restoreOnDestroy puts them back. */
  originalValues: Tree;
  /** A new email Chatwoot holds back until the user follows the confirmation link (the profile still shows the old one). */
  emailPendingConfirmation?: string;
}

/** The fields a program declares (the values it owns); `password` is compared by hash, outside this tree. */
export function ownedTree(args: Partial<ProfileArgs>): Tree {
  const tree: Tree = {};
  for (const key of [...Object.keys(PROFILE_FIELDS), "availability"] as const) {
    const value = args[key as keyof ProfileArgs];
    if (value !== undefined) tree[key] = value;
  }
  if (args.uiSettings) tree.uiSettings = args.uiSettings;
  return tree;
}

/** The profile in the program's terms: blanks as "", the availability of the connection's account. */
export function liveTree(profile: LiveProfile, accountId: number): Tree {
  return {
    name: profile.name,
    displayName: profile.displayName ?? "",
    email: profile.email,
    messageSignature: profile.messageSignature ?? "",
    phoneNumber: profile.phoneNumber ?? "",
    uiSettings: profile.uiSettings,
    availability: profile.accounts.find((a) => a.id === accountId)?.availability,
  };
}

/** Chatwoot lower-cases emails: compared without case. */
function comparable(tree: Tree): Tree {
  return typeof tree.email === "string" ? { ...tree, email: tree.email.toLowerCase() } : tree;
}

/** Declared leaves that differ from `current`, as dotted paths ("uiSettings.rtl_view"). */
export function driftedPaths(args: Partial<ProfileArgs>, current: Tree): string[] {
  return changedLeaves(comparable(ownedTree(args)), comparable(current)).map(formatPath);
}

/** The live values of what was last seen, from recorded outputs: a pending email counts as set. */
export function lastSeenTree(outputs: ProfileOutputs): Tree {
  const seen = ownedTree(outputs);
  return outputs.emailPendingConfirmation ? { ...seen, email: outputs.emailPendingConfirmation } : seen;
}

/**
 * The PUT /profile body that brings `live` to `args` (undefined: nothing to send). Chatwoot replaces ui_settings
 * whole, so a change of one declared key sends the live settings with the declared keys laid over them.
 */
export function profileFieldsFor(args: Partial<ProfileArgs>, live: Tree): ProfileFields | undefined {
  const changed = driftedPaths(args, live).map((path) => path.split(".")[0]);
  const fields: Record<string, unknown> = {};
  for (const [key, wire] of Object.entries(PROFILE_FIELDS)) if (changed.includes(key)) fields[wire] = args[key as keyof ProfileArgs];
  if (changed.includes("uiSettings") && args.uiSettings) {
    fields.ui_settings = leafPaths(args.uiSettings).reduce((merged, path) => withValueAt(merged, path, valueAt(args.uiSettings, path)), { ...(live.uiSettings as Tree) });
  }
  return Object.keys(fields).length > 0 ? (fields as ProfileFields) : undefined;
}

/** The declared fields at their live values (uiSettings: only the declared keys). */
export function outputsFor(args: Partial<ProfileArgs>, live: Tree): Partial<ProfileArgs> {
  const owned = ownedTree(args);
  const seen = pickLeaves(owned, live);
  // The program's spelling of an email Chatwoot stored in lower case.
  if (typeof args.email === "string" && typeof seen.email === "string" && seen.email === args.email.toLowerCase()) seen.email = args.email;
  return { ...withoutWriteOnly(args), ...seen };
}

export function withoutWriteOnly<T extends Partial<ProfileArgs>>(args: T): Omit<T, "currentPassword"> {
  const rest = { ...args } as Record<string, unknown>;
  for (const key of WRITE_ONLY) if (key !== "password") delete rest[key];
  return rest as Omit<T, "currentPassword">;
}

/** The program's arguments inside recorded outputs. */
export function argsOf(outputs: ProfileOutputs): Partial<ProfileArgs> {
  const args: Record<string, unknown> = {};
  for (const key of Object.keys(profileArgsSchema.shape)) {
    const value = outputs[key as keyof ProfileOutputs];
    if (value !== undefined) args[key] = value;
  }
  return args as Partial<ProfileArgs>;
}

/**
 * The declared fields as the profile has them before this resource changes anything. A declared ui setting the
 * profile did not have is recorded as null, so that restoring puts an unset value back (Chatwoot replaces
 * ui_settings whole; null is what the dashboard reads as unset).
 */
export function originalsOf(args: Partial<ProfileArgs>, live: Tree): Tree {
  const owned = ownedTree(args);
  return leafPaths(owned).reduce((tree, path) => withValueAt(tree, path, valueAt(live, path) ?? null), {} as Tree);
}

/** The originals recorded so far, plus those of fields the program declares for the first time (taken from `live`). */
export function originalsWithNew(recorded: Tree, args: Partial<ProfileArgs>, live: Tree): Tree {
  return leafPaths(recorded).reduce((tree, path) => withValueAt(tree, path, valueAt(recorded, path)), originalsOf(args, live));
}

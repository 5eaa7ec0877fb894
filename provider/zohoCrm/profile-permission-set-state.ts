import { CrmPermissions } from "./schema";

/**
 * What a zohoCrm.ProfilePermissionSet stores. `permissions` holds the live values of the listed switches as last
 * seen (drift detection needs nothing else); `originalPermissions` the values they had before this resource first
 * set them, which destroy puts back.
 */
export interface ProfilePermissionSetOutputs {
  profile: string;
  permissions: CrmPermissions;
  connection?: string;
  profileId: string;
  /** The profile's name as Zoho last showed it. */
  profileName: string;
  originalPermissions: CrmPermissions;
}

/** The live values of the listed switches: what create records as the originals, and what read writes back. */
export function liveValuesOf(listed: CrmPermissions, live: CrmPermissions): CrmPermissions {
  return Object.fromEntries(Object.keys(listed).filter((name) => live[name] !== undefined).map((name) => [name, live[name]]));
}

/** The switches of `wanted` whose value differs from `current`; undefined if none. */
export function differingSwitches(wanted: CrmPermissions, current: CrmPermissions): CrmPermissions | undefined {
  const changed = Object.entries(wanted).filter(([name, value]) => current[name] !== value);
  return changed.length === 0 ? undefined : Object.fromEntries(changed);
}

/** The switches recorded but no longer listed: they go back to their original value. */
export function droppedNames(originals: CrmPermissions, listed: CrmPermissions): string[] {
  return Object.keys(originals).filter((name) => listed[name] === undefined);
}

/** The listed switches with no recorded original (added to the program since the create). */
export function addedNames(originals: CrmPermissions, listed: CrmPermissions): string[] {
  return Object.keys(listed).filter((name) => originals[name] === undefined);
}

/**
 * At update: the one body from the last known live values (`current`) to the program, the switches dropped from the
 * program going back to their original values; and the originals to record from now on (dropped ones forgotten,
 * added ones recorded at their `current` value, which the caller read live).
 */
export function planUpdate(listed: CrmPermissions, current: CrmPermissions, originals: CrmPermissions): { change?: CrmPermissions; originals: CrmPermissions } {
  const wanted = { ...listed };
  for (const name of droppedNames(originals, listed)) wanted[name] = originals[name];
  const recorded = Object.fromEntries(
    Object.keys(listed).map((name) => [name, originals[name] ?? current[name]]).filter(([, value]) => value !== undefined),
  ) as CrmPermissions;
  return { change: differingSwitches(wanted, current), originals: recorded };
}

/** What diff reports: listed switches whose value differs from the last seen one, and switches dropped from the program. */
export function changedPermissionPaths(olds: ProfilePermissionSetOutputs, listed: CrmPermissions): string[] {
  const changed = Object.keys(differingSwitches(listed, olds.permissions) ?? {});
  const dropped = droppedNames(olds.originalPermissions ?? olds.permissions, listed);
  return [...changed, ...dropped].map((name) => `permissions.${name}`);
}

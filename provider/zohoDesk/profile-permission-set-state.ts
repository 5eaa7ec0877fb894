import { Claim } from "../core/claims";
import { changedLeaves, formatPath, leafPaths, pickLeaves, Tree, valueAt, withValueAt } from "../core/leaves";
import { ProfilePermissionSetArgs } from "./profile-permission-set-schema";
import { DeskPermissions } from "./schema";

/**
 * What a ProfilePermissionSet stores. `permissions` holds the live values of the listed keys as last seen (drift
 * detection needs nothing else); `originalPermissions` the values those keys had before this resource first set
 * them, which destroy puts back.
 */
export interface ProfilePermissionSetOutputs extends ProfilePermissionSetArgs {
  profileId: string;
  /** The profile's name as Zoho last showed it. */
  profileName: string;
  originalPermissions: DeskPermissions;
}

/** The listed keys as [module, key] paths. */
export function listedPaths(permissions: DeskPermissions | undefined): string[][] {
  return leafPaths((permissions ?? {}) as Tree);
}

/** The live values of the listed keys: what create records as the originals, and what read writes back. */
export function liveValuesOf(permissions: DeskPermissions, live: unknown): DeskPermissions {
  return pickLeaves(permissions as Tree, live) as DeskPermissions;
}

/** The switches of `wanted` whose value differs from `current`, nested like a PATCH body; undefined if none. */
export function differingSwitches(wanted: DeskPermissions, current: unknown): DeskPermissions | undefined {
  const changed = changedLeaves(wanted as Tree, current);
  return changed.length === 0 ? undefined : (pickLeaves(wanted as Tree, wanted, changed) as DeskPermissions);
}

/** At create: the one PATCH body (only the keys that differ from the live profile), if any. */
export function patchAtCreate(args: ProfilePermissionSetArgs, livePermissions: unknown): DeskPermissions | undefined {
  return differingSwitches(args.permissions, livePermissions);
}

/** The keys recorded but no longer listed: they go back to their original value. */
export function droppedPaths(originals: DeskPermissions, listed: DeskPermissions): string[][] {
  return listedPaths(originals).filter((path) => valueAt(listed, path) === undefined);
}

/** The listed keys with no recorded original (added to the program since the create). */
export function addedPaths(originals: DeskPermissions, listed: DeskPermissions): string[][] {
  return listedPaths(listed).filter((path) => valueAt(originals, path) === undefined);
}

/**
 * At update: the one PATCH body from the last known live values (`current`) to the program, the keys dropped from
 * the program going back to their original values; and the originals to record from now on (dropped keys
 * forgotten, added keys recorded at their `current` value, which the caller read live).
 */
export function planUpdate(news: ProfilePermissionSetArgs, current: unknown, originals: DeskPermissions): { patch?: DeskPermissions; originals: DeskPermissions } {
  let wanted = news.permissions as Tree;
  for (const path of droppedPaths(originals, news.permissions)) wanted = withValueAt(wanted, path, valueAt(originals, path));
  const recorded = listedPaths(news.permissions).reduce<Tree>((tree, path) => {
    const value = valueAt(originals, path) ?? valueAt(current, path);
    return value === undefined ? tree : withValueAt(tree, path, value);
  }, {});
  return { patch: differingSwitches(wanted as DeskPermissions, current), originals: recorded as DeskPermissions };
}

/** At delete: the one PATCH body that puts back each recorded original the live profile no longer has; undefined if none. */
export function restoreBody(originals: DeskPermissions, livePermissions: unknown): DeskPermissions | undefined {
  return differingSwitches(originals, livePermissions);
}

/** The leaves a write should have set but the vendor's answer does not show. */
export function unappliedSwitches(patch: DeskPermissions, livePermissions: unknown): string[] {
  return changedLeaves(patch as Tree, livePermissions).map((path) => `permissions.${formatPath(path)}`);
}

/** What diff reports: listed keys whose value differs from the last seen one, and keys dropped from the program. */
export function changedPermissionPaths(olds: ProfilePermissionSetOutputs, news: ProfilePermissionSetArgs): string[] {
  const changed = changedLeaves(news.permissions as Tree, olds.permissions);
  const dropped = droppedPaths(olds.originalPermissions ?? olds.permissions, news.permissions);
  return [...changed, ...dropped].map((path) => `permissions.${formatPath(path)}`);
}

/** Claim key of the profile with this id, and of a profile by name (compared the way Zoho compares names). */
export const profileIdPrefix = (org: string, id: string) => `zohoDesk/${org}/profile/${id}`;
export const profileNamePrefix = (org: string, name: string) => `zohoDesk/${org}/profile-name/${name.trim().toLowerCase()}`;

/**
 * One claim per listed permission key on a profile, keyed "<prefix>/permission/<module>.<key>": two resources of
 * one program setting the same switch of the same profile would undo each other. Used by ProfilePermissionSet and
 * Profile alike, so the two kinds collide with each other.
 */
export function permissionClaims(prefix: string, profileLabel: string, permissions: DeskPermissions | undefined): Claim[] {
  return listedPaths(permissions).map((path) => ({
    key: `${prefix}/permission/${formatPath(path)}`,
    what: `the permission ${formatPath(path)} of ${profileLabel}`,
    property: `permissions.${formatPath(path)}`,
  }));
}

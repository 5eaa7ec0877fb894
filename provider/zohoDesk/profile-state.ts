import { changedLeaves, formatPath, isTree, pickLeaves, Tree, valueAt } from "../core/leaves";
import { ProfilePatch } from "./client";
import { DeskPermissions, LiveProfile, ProfileArgs, profileArgsSchema } from "./schema";

/** What a Profile resource stores: its arguments, the vendor's id, and the profile exactly as Zoho returned it. */
export interface ProfileOutputs extends ProfileArgs {
  profileId: string;
  profile: LiveProfile;
  /** Written once, when an existing profile was adopted: the leaves the adoption changed ("a.b: x => y"). */
  changesOnAdoption?: string[];
}

/** Settings that steer create and delete but are not part of the vendor object. */
export const creationAndDeletionSettings = ["cloneFrom", "transferToProfile", "adopt"] as const;

/** The part of the vendor object a program owns: its name, and its description and permissions if declared. */
export function ownedTree(args: ProfileArgs): Tree {
  return {
    name: args.name,
    ...(args.description !== undefined ? { description: args.description } : {}),
    ...(args.permissions ? { permissions: args.permissions } : {}),
  };
}

export function liveTree(profile: LiveProfile): Tree {
  return { name: profile.name, description: profile.description ?? "", permissions: profile.permissions ?? {} };
}

/** Owned leaves whose live value differs from the declared one, as dotted paths. */
export function driftedPaths(args: ProfileArgs, profile: LiveProfile): string[] {
  return changedLeaves(ownedTree(args), liveTree(profile)).map(formatPath);
}

/** One PATCH body with only the leaves that differ; undefined when there is nothing to send. */
export function patchFor(args: ProfileArgs, profile: LiveProfile): ProfilePatch | undefined {
  const changed = changedLeaves(ownedTree(args), liveTree(profile));
  if (changed.length === 0) return undefined;
  return pickLeaves(ownedTree(args), ownedTree(args), changed) as ProfilePatch;
}

/** Human lines for each change a patch makes: "permissions.tickets.delete: true => false". */
export function describeChanges(args: ProfileArgs, profile: LiveProfile): string[] {
  const live = liveTree(profile);
  return changedLeaves(ownedTree(args), live).map(
    (path) => `${formatPath(path)}: ${JSON.stringify(valueAt(live, path))} => ${JSON.stringify(valueAt(ownedTree(args), path))}`,
  );
}

export function outputsFor(args: ProfileArgs, profile: LiveProfile, extra: Partial<ProfileOutputs> = {}): ProfileOutputs {
  return { ...args, ...extra, profileId: profile.id, profile };
}

/** The program's arguments inside recorded outputs (which also hold the vendor's answer). */
export function argsOf(outputs: ProfileOutputs): ProfileArgs {
  const args: Record<string, unknown> = {};
  for (const key of Object.keys(profileArgsSchema.shape)) {
    if (outputs[key as keyof ProfileOutputs] !== undefined) args[key] = outputs[key as keyof ProfileOutputs];
  }
  return args as ProfileArgs;
}

/** The arguments as they are live: what refresh writes back, so that the next preview shows exactly the drift. */
export function argsAsLive(outputs: ProfileOutputs, profile: LiveProfile): ProfileArgs {
  const args = argsOf(outputs);
  const live = liveTree(profile);
  return {
    ...args,
    name: profile.name,
    ...(args.description !== undefined ? { description: profile.description ?? "" } : {}),
    ...(args.permissions ? { permissions: pickLeaves(args.permissions as Tree, live.permissions) as DeskPermissions } : {}),
  };
}

/** The leaves a successful write should have set but that the vendor's answer does not show. */
export function unappliedPaths(patch: ProfilePatch, profile: LiveProfile): string[] {
  return changedLeaves(patch as Tree, liveTree(profile)).map(formatPath);
}

export function isProfile(value: unknown): value is LiveProfile {
  return isTree(value) && typeof value.id === "string" && typeof value.name === "string";
}

import { changedLeaves, formatPath, isTree, pickLeaves, Tree, valueAt } from "../core/leaves";
import { withoutMarker } from "../core/ownership";
import { ProfilePatch } from "./client";
import { DeskPermissions, LiveProfile, ProfileArgs, profileArgsSchema } from "./schema";

/**
 * What a Profile resource stores. The arguments' keys (name, description, permissions) hold the live values of
 * what the program declares, as last seen: drift detection needs nothing else, and a value the program marked
 * secret stays secret because the engine carries secrecy over by key. `profile` holds only the vendor's facts
 * about the profile that no argument sets (type, default, visibility), so no argument's value leaks through it.
 */
export interface ProfileOutputs extends ProfileArgs {
  profileId: string;
  profile: ProfileFacts;
  /** Written once, when an existing profile was adopted: the leaves the adoption changed. */
  changesOnAdoption?: string[];
  /** Set when the create failed half-way and the profile could not be removed: the next `up` finishes it. */
  pendingCreate?: boolean;
  /** "project/stack/resource" of the resource that created the profile (its ownership marker names it too). */
  createdBy?: string;
}

/** What a user reads about a profile besides its arguments; the rest of Zoho's answer is not kept in state. */
export type ProfileFacts = Pick<LiveProfile, "type" | "default" | "isVisible">;

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

/** The live profile in the program's terms: the description without our ownership marker. */
export function liveTree(profile: LiveProfile): Tree {
  return { name: profile.name, description: withoutMarker(profile.description ?? ""), permissions: profile.permissions ?? {} };
}

/**
 * The live values last seen, from recorded outputs. State written by 0.1 kept the whole vendor profile under
 * `profile`; later releases keep the declared leaves under the arguments' own keys.
 */
export function lastSeenTree(outputs: ProfileOutputs): Tree {
  const legacy = outputs.profile as Partial<LiveProfile> | undefined;
  if (legacy && isTree(legacy.permissions) && typeof legacy.name === "string") return liveTree(legacy as LiveProfile);
  return ownedTree(argsOf(outputs));
}

/** Owned leaves whose value differs between the program and `live`, as dotted paths. */
export function driftedPaths(args: ProfileArgs, live: Tree): string[] {
  return changedLeaves(ownedTree(args), live).map(formatPath);
}

/** One PATCH body with only the leaves that differ; undefined when there is nothing to send. */
export function patchFor(args: ProfileArgs, live: Tree): ProfilePatch | undefined {
  const changed = changedLeaves(ownedTree(args), live);
  if (changed.length === 0) return undefined;
  return pickLeaves(ownedTree(args), ownedTree(args), changed) as ProfilePatch;
}

/**
 * Human lines for each change a patch makes: "permissions.tickets.delete: true => false". Text values are not
 * shown ("description: changed"): this output is not secret even when the program's description is.
 */
export function describeChanges(args: ProfileArgs, profile: LiveProfile): string[] {
  const live = liveTree(profile);
  return changedLeaves(ownedTree(args), live).map((path) => {
    const before = valueAt(live, path);
    const after = valueAt(ownedTree(args), path);
    return typeof after === "boolean" ? `${formatPath(path)}: ${JSON.stringify(before)} => ${after}` : `${formatPath(path)}: changed`;
  });
}

/** The outputs after a read or write of `profile`: the declared leaves at their live values, and the facts. */
export function outputsFor(args: ProfileArgs, profile: LiveProfile): ProfileOutputs {
  return { ...argsAsLive(args, profile), profileId: profile.id, profile: factsOf(profile) };
}

/** The facts users read, from a live answer or from state (state written by 0.1 kept the whole profile). */
export function factsOf(profile: Partial<LiveProfile>): ProfileFacts {
  const facts = { type: profile.type, default: profile.default, isVisible: profile.isVisible };
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as ProfileFacts;
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
export function argsAsLive(args: ProfileArgs, profile: LiveProfile): ProfileArgs {
  const live = liveTree(profile);
  return {
    ...args,
    name: profile.name,
    ...(args.description !== undefined ? { description: live.description as string } : {}),
    ...(args.permissions ? { permissions: pickLeaves(args.permissions as Tree, live.permissions) as DeskPermissions } : {}),
  };
}

/** The leaves a successful write should have set but that the vendor's answer does not show. */
export function unappliedPaths(patch: ProfilePatch, profile: LiveProfile): string[] {
  const wanted: Tree = { ...patch, ...(patch.description !== undefined ? { description: withoutMarker(patch.description) } : {}) };
  return changedLeaves(wanted, liveTree(profile)).map(formatPath);
}

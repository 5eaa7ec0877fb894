import { changedLeaves, formatPath, pickLeaves, Tree, valueAt } from "../core/leaves";
import { withoutMarker } from "../core/ownership";
import { CrmPermissions, DetailedProfile, LiveProfile, ProfileArgs, profileArgsSchema, switchesOf } from "./schema";

/**
 * What a zohoCrm.Profile stores. The arguments' keys (name, description, permissions) hold the live values of what
 * the program declares, as last seen: drift detection needs nothing else, and a value the program marked secret
 * stays secret because the engine carries secrecy over by key. `profile` holds only Zoho's stable facts that no
 * argument sets (type, custom, api_name): no argument's value leaks through it, and no timestamp makes a refresh
 * look like a change.
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

export interface ProfileFacts {
  type?: string;
  custom?: boolean;
  api_name?: string;
}

/** What one update sends: the changed leaves only. */
export interface ProfileChange {
  name?: string;
  description?: string;
  permissions?: CrmPermissions;
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

/** The live profile in the program's terms: switches by name, the description without our ownership marker. */
export function liveTree(profile: DetailedProfile): Tree {
  return { name: profile.name, description: withoutMarker(profile.description ?? ""), permissions: switchesOf(profile) };
}

/** The live values last seen, from recorded outputs. */
export function lastSeenTree(outputs: ProfileOutputs): Tree {
  return ownedTree(argsOf(outputs));
}

/** Owned leaves whose value differs between the program and `live`, as dotted paths. */
export function driftedPaths(args: ProfileArgs, live: Tree): string[] {
  return changedLeaves(ownedTree(args), live).map(formatPath);
}

/** The leaves that differ, nested like the arguments; undefined when there is nothing to send. */
export function changeFor(args: ProfileArgs, live: Tree): ProfileChange | undefined {
  const changed = changedLeaves(ownedTree(args), live);
  return changed.length === 0 ? undefined : (pickLeaves(ownedTree(args), ownedTree(args), changed) as ProfileChange);
}

/**
 * Human lines for each change: "permissions.Crm_Implied_Delete_Leads: true => false". Text values are not shown
 * ("description: changed"): this output is not secret even when the program's description is.
 */
export function describeChanges(args: ProfileArgs, profile: DetailedProfile): string[] {
  const live = liveTree(profile);
  return changedLeaves(ownedTree(args), live).map((path) => {
    const after = valueAt(ownedTree(args), path);
    return typeof after === "boolean" ? `${formatPath(path)}: ${JSON.stringify(valueAt(live, path))} => ${after}` : `${formatPath(path)}: changed`;
  });
}

/** The outputs after a read of `profile`: the declared leaves at their live values, and the facts. */
export function outputsFor(args: ProfileArgs, profile: DetailedProfile): ProfileOutputs {
  return { ...argsAsLive(args, profile), profileId: profile.id, profile: factsOf(profile) };
}

export function factsOf(profile: Partial<LiveProfile>): ProfileFacts {
  const facts: ProfileFacts = { type: profile.type, custom: profile.custom, api_name: profile.api_name };
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as ProfileFacts;
}

/** The program's arguments inside recorded outputs (which also hold Zoho's facts). */
export function argsOf(outputs: ProfileOutputs): ProfileArgs {
  const args: Record<string, unknown> = {};
  for (const key of Object.keys(profileArgsSchema.shape)) {
    if (outputs[key as keyof ProfileOutputs] !== undefined) args[key] = outputs[key as keyof ProfileOutputs];
  }
  return args as ProfileArgs;
}

/** The arguments as they are live: what refresh writes back, so that the next preview shows exactly the drift. */
export function argsAsLive(args: ProfileArgs, profile: DetailedProfile): ProfileArgs {
  const live = liveTree(profile);
  return {
    ...args,
    name: profile.name,
    ...(args.description !== undefined ? { description: live.description as string } : {}),
    ...(args.permissions ? { permissions: pickLeaves(args.permissions, live.permissions) as CrmPermissions } : {}),
  };
}

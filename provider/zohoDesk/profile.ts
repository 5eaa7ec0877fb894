import { failuresFromZod } from "../core/check-failures";
import { Claim, claimsOfThisRun } from "../core/claims";
import { HelpdeskError, PartialCreateError, RefusedOperationError, VendorApiError, VendorUnreachableError } from "../core/errors";
import { sleep } from "../core/http/throttle";
import { describeOwner, formatOwner, markedOwner, parseOwner, ResourceOwner, sameOwner, withMarker } from "../core/ownership";
import { CheckFailure, CheckOutcome, DiffOutcome, ProgramEntry, ReadOutcome, ResourceContext, ResourceKind } from "../core/resource-kind";
import { Settings } from "../core/settings";
import { deskAccount } from "./account";
import { ZohoDeskClient } from "./client";
import { ProfileDirectory } from "./profile-directory";
import { permissionClaims, profileIdPrefix, profileNamePrefix } from "./profile-permission-set-state";
import {
  argsAsLive, argsOf, creationAndDeletionSettings, describeChanges, driftedPaths, factsOf, lastSeenTree, liveTree, outputsFor, patchFor,
  ProfileOutputs, unappliedPaths,
} from "./profile-state";
import { allowedProfileKeys, DESCRIPTION_MAX, LiveProfile, ProfileArgs, profileArgsSchema } from "./schema";

/** The profile Zoho's own "New Profile" dialog starts from; also where agents go when nothing else is said. */
export const DEFAULT_CLONE_SOURCE = "Agent";

/** A clone whose outcome was unknown and that provably did not land is sent again, this many times at most. */
const CLONE_ATTEMPTS = 3;

/**
 * Zoho Desk's built-in profiles: only "Custom" ones can be edited (Zoho's help: Support Administrator, Agent and
 * Light Agent are not editable), and the portal (Help Center) profile is for end users, not agents.
 */
const isBuiltIn = (profile: LiveProfile) => profile.type !== undefined && profile.type !== "Custom";
const isPortal = (profile: LiveProfile) => profile.type === "Portal";

/** zohoDesk:Profile, a profile this stack owns: created by cloning (or adopted), deleted on destroy. */
export class ZohoDeskProfileKind implements ResourceKind<ProfileArgs, ProfileOutputs> {
  constructor(private readonly settings: Settings, private readonly connection?: string) {}

  private get client(): ZohoDeskClient {
    return deskAccount(this.settings, this.connection).client;
  }

  private get directory(): ProfileDirectory {
    return deskAccount(this.settings, this.connection).profiles;
  }

  async check(olds: Record<string, unknown>, news: Record<string, unknown>, context: ResourceContext): Promise<CheckOutcome<ProfileArgs>> {
    const parsed = profileArgsSchema.safeParse(news);
    if (!parsed.success) return { failures: failuresFromZod(parsed.error, allowedProfileKeys) };
    const args = parsed.data;
    const creating = olds.name === undefined;
    const failures = await this.vendorFailures(args, { creating, owner: context.owner, previousName: olds.name });
    if (failures.length > 0) return { failures: [...failures, ...(await this.othersRefused(context))] };
    if (creating && args.adopt) {
      const target = await this.directory.resolve(args.adopt);
      const live = target && (await this.client.getProfile(target.id));
      if (live) return { inputs: { ...args, changesOnAdoption: describeChanges(args, live) } as ProfileArgs, failures: [] };
    }
    const carried = Array.isArray(olds.changesOnAdoption) ? { changesOnAdoption: olds.changesOnAdoption } : {};
    return { inputs: { ...args, ...carried } as ProfileArgs, failures: [] };
  }

  async claims(inputs: Record<string, unknown>): Promise<Claim[]> {
    const parsed = profileArgsSchema.safeParse(inputs);
    if (!parsed.success) return [];
    const org = deskAccount(this.settings, this.connection).orgId;
    const claims: Claim[] = [
      { key: `zohoDesk/${org}/profile-name/${parsed.data.name.trim().toLowerCase()}`, what: `the Zoho Desk profile name '${parsed.data.name}'`, property: "name" },
    ];
    const adopted = parsed.data.adopt ? await this.directory.resolve(parsed.data.adopt) : undefined;
    if (adopted) claims.push({ key: profileKey(org, adopted.id), what: `the Zoho Desk profile '${adopted.name}' (id ${adopted.id})`, property: "adopt" });
    // Each declared switch, so a zohoDesk.ProfilePermissionSet of the program setting the same one collides: by id
    // for an adopted profile, by name for one this resource creates (it has no id before the up).
    claims.push(...(adopted
      ? permissionClaims(profileIdPrefix(org, adopted.id), `the Zoho Desk profile '${adopted.name}'`, parsed.data.permissions)
      : permissionClaims(profileNamePrefix(org, parsed.data.name), `the Zoho Desk profile '${parsed.data.name}'`, parsed.data.permissions)));
    return claims;
  }

  /** Read-only look-ups that catch, at preview, what Zoho would refuse at apply. */
  private async vendorFailures(
    args: ProfileArgs,
    { creating, owner, previousName }: { creating: boolean; owner?: ResourceOwner; previousName?: unknown },
  ): Promise<CheckFailure[]> {
    const failures: CheckFailure[] = [];
    const refer = async (property: string, reference: string, rule?: (p: LiveProfile) => string | undefined, hint = "") => {
      const profile = await this.directory.resolve(reference);
      if (!profile) {
        const known = (await this.directory.names()).join(", ");
        failures.push({ property, reason: `no Zoho Desk profile is named '${reference}' or has that id (profiles: ${known})${hint}` });
      } else {
        const broken = rule?.(profile);
        if (broken) failures.push({ property, reason: broken });
      }
      return profile;
    };
    const sameProgramHint = "; if this program creates that profile, pass its profileId output instead of its name";

    if (creating && args.adopt) {
      await refer("adopt", args.adopt, (p) => (isBuiltIn(p) ? builtInRefusal(p) : foreignMarkerRefusal(p, owner)));
    }
    if (creating && !args.adopt) {
      await refer("cloneFrom", args.cloneFrom ?? DEFAULT_CLONE_SOURCE, (p) =>
        isPortal(p) ? `'${p.name}' is Zoho Desk's portal profile, for end users; Zoho refuses to clone it. Clone an agent profile.` : undefined, sameProgramHint);
    }
    if (args.transferToProfile) {
      await refer("transferToProfile", args.transferToProfile, (p) => {
        if (isPortal(p)) return `'${p.name}' is Zoho Desk's portal profile, for end users; agents cannot be moved to it`;
        if (p.name.trim().toLowerCase() === args.name.trim().toLowerCase()) return `'${p.name}' is this profile itself; name the profile that receives its agents`;
        return undefined;
      }, sameProgramHint);
    }
    if (args.description !== undefined && owner && creating && !args.adopt) {
      const room = DESCRIPTION_MAX - (withMarker(args.description, owner).length - args.description.length);
      if (args.description.length > room) {
        failures.push({ property: "description", reason: `description must be at most ${room} characters here: Zoho Desk allows ${DESCRIPTION_MAX}, and the profile also carries the ownership marker of '${owner.name}'` });
      }
    }

    const renamed = typeof previousName === "string" && previousName.toLowerCase() !== args.name.toLowerCase();
    if (creating || renamed) {
      const holder = await this.directory.findByName(args.name);
      const adopted = creating && args.adopt ? await this.directory.resolve(args.adopt) : undefined;
      const ours = holder && creating && sameOwner(markedOwner(holder.description), owner);
      if (holder && holder.id !== adopted?.id && !ours) failures.push({ property: "name", reason: nameTakenReason(holder, owner) });
    }
    return failures;
  }

  /**
   * The engine stops at the first resource that fails its check. So that a user fixes everything in one pass,
   * that failure also lists what the program's other new profiles would run into.
   */
  private async othersRefused(context: ResourceContext): Promise<CheckFailure[]> {
    const others = (context.program ?? []).filter((entry: ProgramEntry) => entry.type === "zohoDesk:Profile");
    const failures: CheckFailure[] = [];
    for (const entry of others) {
      const parsed = profileArgsSchema.safeParse(entry.inputs);
      if (!parsed.success) continue;
      const theirs = await this.vendorFailures(parsed.data, { creating: true, owner: parseOwner(entry.owner) });
      const name = parseOwner(entry.owner)?.name ?? entry.owner;
      failures.push(...theirs.map((f) => ({ property: "", reason: `also resource '${name}' (if it is new): ${f.property}: ${f.reason}` })));
    }
    return failures;
  }

  async diff(olds: ProfileOutputs, news: ProfileArgs): Promise<DiffOutcome> {
    if (olds.pendingCreate && !(await this.client.getProfile(olds.profileId))) {
      return { changes: true, replaces: ["profileId"], changedPaths: ["profileId"] };
    }
    const changedPaths = driftedPaths(news, lastSeenTree(olds));
    const settingsChanged = creationAndDeletionSettings.filter((key) => olds[key] !== news[key]);
    const changes = changedPaths.length + settingsChanged.length > 0 || olds.pendingCreate === true;
    return { changes, changedPaths: [...changedPaths, ...settingsChanged] };
  }

  async create(args: ProfileArgs, context: ResourceContext): Promise<{ id: string; outs: ProfileOutputs }> {
    const { changesOnAdoption, ...declared } = args as ProfileArgs & { changesOnAdoption?: string[] };
    if (declared.adopt) return this.adopt(declared, declared.adopt, changesOnAdoption);

    const source = await this.requireProfile("cloneFrom", declared.cloneFrom ?? DEFAULT_CLONE_SOURCE);
    const clash = await this.directory.findByName(declared.name);
    if (clash) {
      if (!sameOwner(markedOwner(clash.description), context.owner)) throw new RefusedOperationError(nameTakenReason(clash, context.owner));
      // Created by this very resource in an `up` that was interrupted before the engine recorded it: finish it.
      const live = await this.requireLive(clash.id);
      return { id: live.id, outs: await this.converge(live.id, declared, live) };
    }
    const created = await this.cloneOnce(source, declared, context.owner);
    try {
      return { id: created.id, outs: await this.converge(created.id, declared, created) };
    } catch (error) {
      throw await this.rollBack(created, declared, error);
    }
  }

  async read(id: string, olds: ProfileOutputs): Promise<ReadOutcome<ProfileArgs, ProfileOutputs> | undefined> {
    const live = await this.directory.current(id);
    if (!live) return undefined;
    const args = argsOf(olds);
    return { id, props: withCreator({ ...outputsFor(args, live), ...keep(olds) }, markedOwner(live.description)), inputs: { ...argsAsLive(args, live), ...keep(olds) } as ProfileArgs };
  }

  async update(id: string, olds: ProfileOutputs, news: ProfileArgs): Promise<ProfileOutputs> {
    const base = olds.pendingCreate ? await this.requireLive(id) : olds;
    return { ...(await this.converge(id, news, base)), ...keep(olds) };
  }

  /** One request where the program names transferToProfile; otherwise a look at the agents first. */
  async delete(id: string, olds: ProfileOutputs, context: ResourceContext): Promise<void> {
    const adopter = claimsOfThisRun.heldByOther(profileKey(deskAccount(this.settings, this.connection).orgId, id), context.owner);
    if (adopter) throw new RefusedOperationError(adoptedAndDeletedReason(id, olds, adopter, context.owner));
    const target = await this.transferTarget({ id, name: olds.name }, olds.transferToProfile);
    if (!target) return;
    await this.client.deleteProfile(id, target.id);
    this.directory.drop(id);
  }

  /**
   * Zoho moves a deleted profile's agents to another profile and wants that profile named on every delete.
   * Without transferToProfile we pick the default one, but only when nobody would be moved by it. Undefined when
   * the profile turns out to be gone already.
   */
  private async transferTarget(profile: { id: string; name: string }, transferToProfile?: string): Promise<LiveProfile | undefined> {
    if (transferToProfile) return this.requireProfile("transferToProfile", transferToProfile);
    const agents = await this.client.agentsOfProfile(profile.id);
    if (!agents) return undefined;
    if (agents.length > 0) {
      const who = agents.slice(0, 5).map((a) => a.emailId ?? a.id).join(", ");
      throw new RefusedOperationError(
        `cannot delete Zoho Desk profile '${profile.name}' (id ${profile.id}): ${agents.length} agent(s) still use it (${who}). ` +
          `Set transferToProfile to the profile that should receive them, run pulumi up, then delete again.`,
      );
    }
    return this.requireProfile("transferToProfile", DEFAULT_CLONE_SOURCE);
  }

  private async adopt(args: ProfileArgs, reference: string, changesOnAdoption?: string[]) {
    const target = await this.requireProfile("adopt", reference);
    const live = await this.requireLive(target.id);
    const outs = await this.converge(target.id, args, live);
    return { id: target.id, outs: { ...outs, changesOnAdoption: changesOnAdoption ?? describeChanges(args, live) } };
  }

  /**
   * Sends the one PATCH that brings the profile from `base` (live, or as last recorded) to the declared state, if
   * anything differs, and checks Zoho applied it. A description written to a profile this resource created
   * keeps the ownership marker after the user's text.
   */
  private async converge(id: string, args: ProfileArgs, base: LiveProfile | ProfileOutputs): Promise<ProfileOutputs> {
    const live = isLiveProfile(base) ? liveTree(base) : lastSeenTree(base);
    const creator = isLiveProfile(base) ? markedOwner(base.description) : parseOwner(base.createdBy);
    const patch = patchFor(args, live);
    if (!patch) {
      const outs = isLiveProfile(base) ? outputsFor(args, base) : { ...args, profileId: base.profileId, profile: factsOf(base.profile) };
      return withCreator(outs, creator);
    }
    if (patch.description !== undefined && creator) patch.description = withMarker(patch.description, creator);
    const updated = await this.client.updateProfile(id, patch);
    if (patch.name) this.directory.remember(updated);
    const ignored = unappliedPaths(patch, updated);
    if (ignored.length > 0) {
      throw new HelpdeskError(`Zoho Desk accepted the update of profile ${id} but did not apply: ${ignored.join(", ")}`);
    }
    return withCreator(outputsFor(args, updated), creator);
  }

  /**
   * A clone is not safe to repeat: when its answer is lost, look for the profile by name and its marker. If it
   * landed, use it; if it provably did not, send the clone again.
   * Zoho's clone requires a description; when the program declares none, the new profile says where it came from.
   */
  private async cloneOnce(source: LiveProfile, args: ProfileArgs, owner?: ResourceOwner): Promise<LiveProfile> {
    const text = args.description ?? `Created by Pulumi from '${source.name}'.`;
    const description = owner ? withMarker(text, owner) : text;
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await this.client.cloneProfile(source.id, { name: args.name, description });
        this.directory.remember(created);
        return created;
      } catch (error) {
        const outcomeUnknown = error instanceof VendorUnreachableError || (error instanceof VendorApiError && error.status >= 500);
        if (!outcomeUnknown) throw error;
        this.directory.forget();
        const landed = await this.directory.findByName(args.name);
        if (landed) return this.requireLive(landed.id);
        if (attempt >= CLONE_ATTEMPTS) throw error;
        await sleep(1000 * attempt);
      }
    }
  }

  private async rollBack(created: LiveProfile, args: ProfileArgs, cause: unknown): Promise<Error> {
    const reason = cause instanceof Error ? cause.message : String(cause);
    try {
      const target = await this.transferTarget(created);
      if (target) await this.client.deleteProfile(created.id, target.id);
      this.directory.drop(created.id);
      return new HelpdeskError(`${reason} (the profile '${created.name}' cloned for this resource was deleted again; nothing is left behind)`);
    } catch (rollbackError) {
      const why = rollbackError instanceof Error ? rollbackError.message : String(rollbackError);
      return new PartialCreateError(
        `${reason}; the cloned profile '${created.name}' (id ${created.id}) could not be deleted again (${why}). ` +
          `It is recorded in the stack: the next pulumi up finishes it.`,
        created.id,
        { ...outputsFor(args, created), pendingCreate: true },
      );
    }
  }

  private async requireProfile(property: string, reference: string): Promise<LiveProfile> {
    const found = await this.directory.resolve(reference);
    if (!found) throw new RefusedOperationError(`${property}: no Zoho Desk profile is named '${reference}' or has that id`);
    return found;
  }

  private async requireLive(id: string): Promise<LiveProfile> {
    const live = await this.client.getProfile(id);
    if (!live) throw new RefusedOperationError(`Zoho Desk profile ${id} does not exist (deleted outside Pulumi?); run pulumi refresh`);
    return live;
  }
}

const profileKey = (org: string, id: string) => `zohoDesk/${org}/profile/${id}`;

/** A live answer from Zoho (it has `id`), as opposed to recorded outputs (they have `profileId`). */
function isLiveProfile(value: LiveProfile | ProfileOutputs): value is LiveProfile {
  return typeof (value as LiveProfile).id === "string";
}

/** Who created the profile (its marker), kept so that later description updates keep the marker. */
function withCreator(outputs: ProfileOutputs, owner: ResourceOwner | undefined): ProfileOutputs {
  return owner ? { ...outputs, createdBy: formatOwner(owner) } : outputs;
}

/** Adoption history is ours, not the vendor's: carried across reads and updates unchanged. */
function keep(olds: ProfileOutputs): Partial<ProfileOutputs> {
  return olds.changesOnAdoption ? { changesOnAdoption: olds.changesOnAdoption } : {};
}

function builtInRefusal(profile: LiveProfile): string {
  return `'${profile.name}' is a built-in Zoho Desk profile (type ${profile.type}); Zoho lets nobody edit it, so it cannot be adopted. ` +
    `Clone it instead (cloneFrom: '${profile.name}')`;
}

function foreignMarkerRefusal(profile: LiveProfile, owner: ResourceOwner | undefined): string | undefined {
  const creator = markedOwner(profile.description);
  if (!creator || !owner || sameOwner(creator, owner)) return undefined;
  if (creator.project === owner.project && creator.stack === owner.stack) {
    return `'${profile.name}' was created by resource '${creator.name}' of this stack. If you renamed that resource, do not adopt: ` +
      `keep it with aliases: [{ name: "${creator.name}" }] in the resource options (adopting it while '${creator.name}' is deleted in the same run would delete the profile)`;
  }
  return `'${profile.name}' is managed by ${describeOwner(creator)}; two stacks cannot manage one profile`;
}

function nameTakenReason(holder: LiveProfile, owner: ResourceOwner | undefined): string {
  const creator = markedOwner(holder.description);
  const taken = `a Zoho Desk profile named '${holder.name}' already exists (id ${holder.id}); names are unique (compared case-insensitively)`;
  if (creator && owner && creator.project === owner.project && creator.stack === owner.stack) {
    return `${taken}. It was created by resource '${creator.name}' of this stack: if you renamed that resource, add ` +
      `aliases: [{ name: "${creator.name}" }] to the resource options so the engine keeps it instead of creating another`;
  }
  if (creator) return `${taken} and is managed by ${describeOwner(creator)}; choose another name`;
  return `${taken}. To manage that profile from this program, set adopt: '${holder.name}'.`;
}

function adoptedAndDeletedReason(id: string, olds: ProfileOutputs, adopter: ResourceOwner, owner: ResourceOwner | undefined): string {
  const old = owner?.name ?? "the old resource";
  const urn = owner ? `urn:pulumi:${owner.stack}::${owner.project}::pulumi-nodejs:dynamic/zohoDesk:Profile::${owner.name}` : "<the old resource's URN>";
  return `not deleting Zoho Desk profile '${olds.name}' (id ${id}): resource '${adopter.name}' of this program adopts the same profile in this ` +
    `update, and deleting it would destroy what was just adopted. If you renamed '${old}' to '${adopter.name}', the profile is safe; ` +
    `drop the stale record with: pulumi state delete '${urn}' (next time, rename with aliases: [{ name: "${old}" }])`;
}

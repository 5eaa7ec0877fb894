import { failuresFromZod } from "../core/check-failures";
import { Claim, claimsOfThisRun } from "../core/claims";
import { HelpdeskError, PartialCreateError, RefusedOperationError, VendorApiError, VendorUnreachableError } from "../core/errors";
import { sleep } from "../core/http/throttle";
import { formatOwner, markedOwner, markerFor, parseOwner, ResourceOwner, sameOwner, withMarker } from "../core/ownership";
import { CheckFailure, CheckOutcome, DiffOutcome, ProgramEntry, ReadOutcome, ResourceContext, ResourceKind } from "../core/resource-kind";
import { Settings } from "../core/settings";
import { CrmAccount, crmAccount } from "./account";
import { permissionClaims, profileIdPrefix, profileNamePrefix } from "./claims";
import { BaseProfile, permissionFailures } from "./permission-rules";
import { adoptedAndDeletedReason, foreignMarkerRefusal, nameTakenReason, systemProfileRefusal } from "./profile-messages";
import {
  argsAsLive, argsOf, changeFor, creationAndDeletionSettings, describeChanges, driftedPaths, factsOf, lastSeenTree, liveTree, outputsFor,
  ProfileOutputs,
} from "./profile-state";
import { allowedProfileKeys, CrmPermissions, DESCRIPTION_MAX, DetailedProfile, isLiteProfile, isSystemProfile, LiveProfile, permissionsSchema, ProfileArgs, profileArgsSchema, switchesOf } from "./schema";

/** Zoho's "New Profile" starts from Standard; a deleted profile's users go there unless the program says otherwise. */
export const DEFAULT_PROFILE = "Standard";

/** A clone whose outcome was unknown and that provably did not land is sent again, this many times at most. */
const CLONE_ATTEMPTS = 3;

/** zohoCrm:Profile, a profile this stack owns: created by cloning (or adopted), deleted on destroy. */
export class ZohoCrmProfileKind implements ResourceKind<ProfileArgs, ProfileOutputs> {
  constructor(private readonly settings: Settings, private readonly connection?: string) {}

  private get account(): CrmAccount {
    return crmAccount(this.settings, this.connection);
  }

  async check(olds: Record<string, unknown>, news: Record<string, unknown>, context: ResourceContext): Promise<CheckOutcome<ProfileArgs>> {
    const parsed = profileArgsSchema.safeParse(news);
    if (!parsed.success) return { failures: failuresFromZod(parsed.error, allowedProfileKeys) };
    const args = parsed.data;
    const creating = olds.name === undefined;
    const existingId = typeof olds.profileId === "string" ? olds.profileId : undefined;
    const before = creating ? undefined : permissionsSchema.safeParse(olds.permissions);
    const previously = before?.success ? before.data : undefined;
    const failures = await this.vendorFailures(args, { creating, owner: context.owner, previousName: olds.name, existingId, previously });
    if (failures.length > 0) return { failures: [...failures, ...(await this.othersRefused(context))] };
    if (creating && args.adopt) {
      const target = await this.account.profiles.resolve(args.adopt);
      const live = target && (await this.account.getProfile(target.id));
      if (live) return { inputs: { ...args, changesOnAdoption: describeChanges(args, live) } as ProfileArgs, failures: [] };
    }
    const carried = Array.isArray(olds.changesOnAdoption) ? { changesOnAdoption: olds.changesOnAdoption } : {};
    return { inputs: { ...args, ...carried } as ProfileArgs, failures: [] };
  }

  async claims(inputs: Record<string, unknown>): Promise<Claim[]> {
    const parsed = profileArgsSchema.safeParse(inputs);
    if (!parsed.success) return [];
    const { key } = this.account;
    const { name, adopt, permissions } = parsed.data;
    const claims: Claim[] = [{ key: `zohoCrm/${key}/profile-name/${name.trim().toLowerCase()}`, what: `the Zoho CRM profile name '${name}'`, property: "name" }];
    const adopted = adopt ? await this.account.profiles.resolve(adopt) : undefined;
    if (adopted) claims.push({ key: profileIdPrefix(key, adopted.id), what: `the Zoho CRM profile '${adopted.name}' (id ${adopted.id})`, property: "adopt" });
    // Each declared switch, so a zohoCrm.ProfilePermissionSet of the program setting the same one collides: by id for
    // an adopted profile, by name for one this resource creates (it has no id before the up).
    claims.push(...(adopted
      ? permissionClaims(profileIdPrefix(key, adopted.id), `the Zoho CRM profile '${adopted.name}'`, permissions)
      : permissionClaims(profileNamePrefix(key, name), `the Zoho CRM profile '${name}'`, permissions)));
    return claims;
  }

  /** Read-only look-ups that catch, at preview, what Zoho would refuse at apply. */
  private async vendorFailures(
    args: ProfileArgs,
    { creating, owner, previousName, existingId, previously }: { creating: boolean; owner?: ResourceOwner; previousName?: unknown; existingId?: string; previously?: CrmPermissions },
  ): Promise<CheckFailure[]> {
    const failures: CheckFailure[] = [];
    const directory = this.account.profiles;
    const refer = async (property: string, reference: string, rule?: (p: LiveProfile) => string | undefined, hint = "") => {
      const profile = await directory.resolve(reference);
      if (!profile) {
        const known = (await directory.names()).join(", ");
        failures.push({ property, reason: `no Zoho CRM profile is named '${reference}' or has that id (profiles: ${known})${hint}` });
      } else {
        const broken = rule?.(profile);
        if (broken) failures.push({ property, reason: broken });
      }
      return profile;
    };
    const sameProgramHint = "; if this program creates that profile, pass its profileId output instead of its name";

    let base: LiveProfile | undefined;
    if (creating && args.adopt) {
      base = await refer("adopt", args.adopt, (p) => (isSystemProfile(p) ? systemProfileRefusal(p, "adopted") : foreignMarkerRefusal(p, owner)));
    }
    if (creating && !args.adopt) {
      base = await refer("cloneFrom", args.cloneFrom ?? DEFAULT_PROFILE, (p) =>
        isLiteProfile(p) ? `'${p.name}' is a lite profile; Zoho CRM refuses to clone it ("Profile cannot be Cloned"). Clone Standard or a custom profile.` : undefined, sameProgramHint);
    }
    if (args.transferToProfile) {
      await refer("transferToProfile", args.transferToProfile, (p) =>
        p.id === existingId || p.name.trim().toLowerCase() === args.name.trim().toLowerCase() ? `'${p.name}' is this profile itself; name the profile that receives its users` : undefined, sameProgramHint);
    }
    if (owner && creating && !args.adopt) failures.push(...markerRoom(args.description, owner));

    const renamed = typeof previousName === "string" && previousName.toLowerCase() !== args.name.toLowerCase();
    if (creating || renamed) {
      const holder = await directory.findByName(args.name);
      const ours = holder && creating && sameOwner(markedOwner(holder.description), owner);
      if (holder && holder.id !== (args.adopt ? base?.id : existingId) && !ours) failures.push({ property: "name", reason: nameTakenReason(holder, owner) });
    }

    const baseId = existingId ?? base?.id;
    if (args.permissions && (existingId || base)) {
      const label = existingId ? `the profile '${args.name}'` : args.adopt ? `the adopted profile '${base!.name}'` : `the clone source '${base!.name}'`;
      const readBase = async (): Promise<BaseProfile | undefined> => {
        const live = baseId ? await this.account.getProfile(baseId) : undefined;
        return live && { label, switches: switchesOf(live) };
      };
      failures.push(...(await permissionFailures(args.permissions, await this.account.catalogue(), readBase, previously)));
    }
    return failures;
  }

  /**
   * The engine stops at the first resource that fails its check. So that a user fixes everything in one pass,
   * that failure also lists what the program's other new profiles would run into.
   */
  private async othersRefused(context: ResourceContext): Promise<CheckFailure[]> {
    const others = (context.program ?? []).filter((entry: ProgramEntry) => entry.type === "zohoCrm:Profile");
    const failures: CheckFailure[] = [];
    for (const entry of others) {
      const parsed = profileArgsSchema.safeParse(entry.inputs);
      if (!parsed.success || parsed.data.connection !== this.connection) continue;
      const theirs = await this.vendorFailures(parsed.data, { creating: true, owner: parseOwner(entry.owner) });
      const name = parseOwner(entry.owner)?.name ?? entry.owner;
      failures.push(...theirs.map((f) => ({ property: "", reason: `also resource '${name}' (if it is new): ${f.property}: ${f.reason}` })));
    }
    return failures;
  }

  async diff(olds: ProfileOutputs, news: ProfileArgs): Promise<DiffOutcome> {
    if (olds.pendingCreate && !(await this.account.getProfile(olds.profileId))) {
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

    const source = await this.requireProfile("cloneFrom", declared.cloneFrom ?? DEFAULT_PROFILE);
    const clash = await this.account.profiles.findByName(declared.name);
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
    const live = await this.account.getProfile(id);
    if (!live) return undefined;
    const args = argsOf(olds);
    return { id, props: withCreator({ ...outputsFor(args, live), ...keep(olds) }, markedOwner(live.description)), inputs: { ...argsAsLive(args, live), ...keep(olds) } as ProfileArgs };
  }

  async update(id: string, olds: ProfileOutputs, news: ProfileArgs): Promise<ProfileOutputs> {
    const base = olds.pendingCreate ? await this.requireLive(id) : olds;
    return { ...(await this.converge(id, news, base)), ...keep(olds) };
  }

  /** Zoho wants transfer_to on every delete; the API shows no profile's users, so without transferToProfile they go to Standard. */
  async delete(id: string, olds: ProfileOutputs, context: ResourceContext): Promise<void> {
    const adopter = claimsOfThisRun.heldByOther(profileIdPrefix(this.account.key, id), context.owner);
    if (adopter) throw new RefusedOperationError(adoptedAndDeletedReason(id, olds.name, adopter, context.owner));
    const target = await this.requireProfile("transferToProfile", olds.transferToProfile ?? DEFAULT_PROFILE);
    this.account.written(id);
    await this.account.client.deleteProfile(id, target.id);
    this.account.profiles.drop(id);
  }

  private async adopt(args: ProfileArgs, reference: string, changesOnAdoption?: string[]) {
    const target = await this.requireProfile("adopt", reference);
    const live = await this.requireLive(target.id);
    const outs = await this.converge(target.id, args, live);
    return { id: target.id, outs: { ...outs, changesOnAdoption: changesOnAdoption ?? describeChanges(args, live) } };
  }

  /**
   * Sends the one PATCH that brings the profile from `base` (live, or as last recorded) to the declared state, if
   * anything differs: only the changed fields and switches, switches by this org's ids, parents first. Zoho's answer
   * carries no profile, so it is checked for SUCCESS on this id (client). A description written to a profile this
   * resource created keeps the ownership marker after the user's text.
   */
  private async converge(id: string, args: ProfileArgs, base: DetailedProfile | ProfileOutputs): Promise<ProfileOutputs> {
    const live = isLiveProfile(base) ? liveTree(base) : lastSeenTree(base);
    const creator = isLiveProfile(base) ? markedOwner(base.description) : parseOwner(base.createdBy);
    const facts = isLiveProfile(base) ? factsOf(base) : base.profile;
    const change = changeFor(args, live);
    if (change) {
      const toggles = change.permissions ? (await this.account.catalogue()).toggles(change.permissions) : undefined;
      const description = change.description !== undefined && creator ? withMarker(change.description, creator) : change.description;
      this.account.written(id);
      await this.account.client.updateProfile(id, { name: change.name, description, toggles });
      if (change.name !== undefined) this.account.profiles.remember({ id, name: change.name, description, ...facts });
    }
    const outputs: ProfileOutputs = isLiveProfile(base) && !change ? outputsFor(args, base) : { ...args, profileId: id, profile: facts };
    return withCreator(outputs, creator);
  }

  /**
   * A clone is not safe to repeat: when its answer is lost, look for the profile by name and our marker. If it
   * landed, use it; if it provably did not, send the clone again. Zoho's answer holds only the new id, so the new
   * profile is read once: what it inherited decides which switches the one PATCH must send.
   */
  private async cloneOnce(source: LiveProfile, args: ProfileArgs, owner?: ResourceOwner): Promise<DetailedProfile> {
    const description = owner ? withMarker(args.description ?? "", owner) : args.description;
    for (let attempt = 1; ; attempt++) {
      try {
        const id = await this.account.client.cloneProfile(source.id, { name: args.name, ...(description !== undefined ? { description } : {}) });
        const created = await this.requireLive(id);
        this.account.profiles.remember(created);
        return created;
      } catch (error) {
        const outcomeUnknown = error instanceof VendorUnreachableError || (error instanceof VendorApiError && error.status >= 500);
        if (!outcomeUnknown) throw error;
        this.account.profiles.forget();
        const landed = await this.account.profiles.findByName(args.name);
        if (landed && sameOwner(markedOwner(landed.description), owner)) return this.requireLive(landed.id);
        if (landed) throw new RefusedOperationError(nameTakenReason(landed, owner));
        if (attempt >= CLONE_ATTEMPTS) throw error;
        await sleep(1000 * attempt);
      }
    }
  }

  private async rollBack(created: DetailedProfile, args: ProfileArgs, cause: unknown): Promise<Error> {
    const reason = cause instanceof Error ? cause.message : String(cause);
    try {
      // A profile cloned a moment ago has no users; Zoho still wants somewhere to move them.
      this.account.written(created.id);
      await this.account.client.deleteProfile(created.id, (await this.requireProfile("transferToProfile", DEFAULT_PROFILE)).id);
      this.account.profiles.drop(created.id);
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
    const found = await this.account.profiles.resolve(reference);
    if (!found) throw new RefusedOperationError(`${property}: no Zoho CRM profile is named '${reference}' or has that id`);
    return found;
  }

  private async requireLive(id: string): Promise<DetailedProfile> {
    const live = await this.account.getProfile(id);
    if (!live) throw new RefusedOperationError(`Zoho CRM profile ${id} does not exist (deleted outside Pulumi?); run pulumi refresh`);
    return live;
  }
}

/**
 * The ownership marker must fit in Zoho's 250 characters with the description: core's marker,
 * "[pulumi-helpdesk: project/stack/resource]", is 21 characters plus the three names, which leaves most of the
 * room for usual names, so no compact form is needed; when it does not fit, the preview says how much does.
 */
function markerRoom(description: string | undefined, owner: ResourceOwner): CheckFailure[] {
  const marker = markerFor(owner);
  if (marker.length > DESCRIPTION_MAX) {
    return [{ property: "description", reason: `the ownership marker '${marker}' alone is longer than Zoho CRM's ${DESCRIPTION_MAX} characters; use shorter project, stack or resource names (${formatOwner(owner).length} characters now)` }];
  }
  if (description === undefined) return [];
  const room = DESCRIPTION_MAX - (withMarker(description, owner).length - description.length);
  return description.length > room
    ? [{ property: "description", reason: `description must be at most ${room} characters here: Zoho CRM allows ${DESCRIPTION_MAX}, and the profile also carries the ownership marker of '${owner.name}'` }]
    : [];
}

/** A live answer from Zoho (it has `id`), as opposed to recorded outputs (they have `profileId`). */
function isLiveProfile(value: DetailedProfile | ProfileOutputs): value is DetailedProfile {
  return typeof (value as DetailedProfile).id === "string";
}

/** Who created the profile (its marker), kept so that later description updates keep the marker. */
function withCreator(outputs: ProfileOutputs, owner: ResourceOwner | undefined): ProfileOutputs {
  return owner ? { ...outputs, createdBy: formatOwner(owner) } : outputs;
}

/** Adoption history is ours, not the vendor's: carried across reads and updates unchanged. */
function keep(olds: ProfileOutputs): Partial<ProfileOutputs> {
  return olds.changesOnAdoption ? { changesOnAdoption: olds.changesOnAdoption } : {};
}

import { failuresFromZod } from "../core/check-failures";
import { Claim } from "../core/claims";
import { HelpdeskError, RefusedOperationError, VendorApiError } from "../core/errors";
import { markedOwner, parseOwner } from "../core/ownership";
import { CheckFailure, CheckOutcome, DiffOutcome, ReadOutcome, ResourceContext, ResourceKind } from "../core/resource-kind";
import { Settings } from "../core/settings";
import { deskAccount } from "./account";
import { ZohoDeskClient } from "./client";
import { ProfileDirectory } from "./profile-directory";
import { allowedPermissionSetKeys, ProfilePermissionSetArgs, profilePermissionSetArgsSchema } from "./profile-permission-set-schema";
import {
  addedPaths, changedPermissionPaths, liveValuesOf, patchAtCreate, permissionClaims, planUpdate, ProfilePermissionSetOutputs, profileIdPrefix,
  profileNamePrefix, restoreBody, unappliedSwitches,
} from "./profile-permission-set-state";
import { DeskPermissions, LiveProfile, profileArgsSchema } from "./schema";

/** Only "Custom" profiles can be edited in Zoho Desk; the built-in ones and the portal profile cannot. */
const isEditable = (profile: LiveProfile) => profile.type === undefined || profile.type === "Custom";

/**
 * zohoDesk:ProfilePermissionSet: a few switches of a profile the stack does not own. Non-authoritative: it manages
 * only the keys it lists, records what they were at creation, and puts those values back on destroy.
 */
export class ZohoDeskProfilePermissionSetKind implements ResourceKind<ProfilePermissionSetArgs, ProfilePermissionSetOutputs> {
  constructor(private readonly settings: Settings, private readonly connection?: string) {}

  /** The org's one client and profile listing, shared with zohoDesk.Profile (one rate limiter, one listing). */
  private get client(): ZohoDeskClient {
    return deskAccount(this.settings, this.connection).client;
  }

  private get directory(): ProfileDirectory {
    return deskAccount(this.settings, this.connection).profiles;
  }

  async check(_olds: Record<string, unknown>, news: Record<string, unknown>, context: ResourceContext): Promise<CheckOutcome<ProfilePermissionSetArgs>> {
    const parsed = profilePermissionSetArgsSchema.safeParse(news);
    if (!parsed.success) return { failures: failuresFromZod(parsed.error, allowedPermissionSetKeys) };
    const failures = await this.vendorFailures(parsed.data, context);
    return failures.length > 0 ? { failures } : { inputs: parsed.data, failures: [] };
  }

  /** Read-only look-ups that catch, at preview, what Zoho would refuse at apply. */
  private async vendorFailures(args: ProfilePermissionSetArgs, context: ResourceContext): Promise<CheckFailure[]> {
    const profile = await this.directory.resolve(args.profile);
    if (!profile) {
      const known = (await this.directory.names()).join(", ");
      const creator = (context.program ?? []).find((entry) => {
        const parsed = entry.type === "zohoDesk:Profile" ? profileArgsSchema.safeParse(entry.inputs) : undefined;
        return parsed?.success && parsed.data.name.trim().toLowerCase() === args.profile.trim().toLowerCase();
      });
      const hint = creator
        ? `; resource '${parseOwner(creator.owner)?.name ?? creator.owner}' of this program creates that profile: declare these switches in its permissions instead`
        : "";
      return [{ property: "profile", reason: `no Zoho Desk profile is named '${args.profile}' or has that id (profiles: ${known})${hint}` }];
    }
    if (!isEditable(profile)) {
      const what = profile.type === "Portal" ? `Zoho Desk's portal profile (type Portal), for end users` : `a built-in Zoho Desk profile (type ${profile.type})`;
      const instead = profile.type === "Portal" ? "" : `. To change its switches, make your own with zohoDesk.Profile (cloneFrom: '${profile.name}')`;
      return [{ property: "profile", reason: `'${profile.name}' is ${what}; Zoho lets nobody edit it, so its permissions cannot be set${instead}` }];
    }
    return [];
  }

  async claims(inputs: Record<string, unknown>): Promise<Claim[]> {
    const parsed = profilePermissionSetArgsSchema.safeParse(inputs);
    if (!parsed.success) return [];
    const org = deskAccount(this.settings, this.connection).orgId;
    const { profile: reference, permissions } = parsed.data;
    const target = await this.directory.resolve(reference);
    const label = target ? `the Zoho Desk profile '${target.name}'` : `the Zoho Desk profile '${reference}'`;
    // By id (what a zohoDesk.Profile adopting the profile claims), and by name (what a zohoDesk.Profile creating
    // it claims, having no id before its first up): for a profile that does not exist yet, or one a Profile
    // resource created (it carries the ownership marker). Not otherwise, so two sets on one switch fail once.
    const prefixes = new Set<string>();
    if (!target) prefixes.add(profileNamePrefix(org, reference));
    else {
      prefixes.add(profileIdPrefix(org, target.id));
      if (markedOwner(target.description)) prefixes.add(profileNamePrefix(org, target.name));
    }
    return [...prefixes].flatMap((prefix) => permissionClaims(prefix, label, permissions));
  }

  async diff(olds: ProfilePermissionSetOutputs, news: ProfilePermissionSetArgs): Promise<DiffOutcome> {
    const changedPaths = changedPermissionPaths(olds, news);
    if (news.profile !== olds.profile) {
      const target = await this.directory.resolve(news.profile);
      if (target && target.id !== olds.profileId) return { changes: true, replaces: ["profile"], changedPaths: ["profile", ...changedPaths] };
      changedPaths.push("profile");
    }
    return { changes: changedPaths.length > 0, changedPaths };
  }

  async create(args: ProfilePermissionSetArgs): Promise<{ id: string; outs: ProfilePermissionSetOutputs }> {
    const target = await this.directory.resolve(args.profile);
    if (!target) throw new RefusedOperationError(`profile: no Zoho Desk profile is named '${args.profile}' or has that id`);
    if (!isEditable(target)) throw new RefusedOperationError(`profile: '${target.name}' is a built-in Zoho Desk profile (type ${target.type}); Zoho lets nobody edit it`);
    const live = await this.requireLive(target.id);
    const originalPermissions = liveValuesOf(args.permissions, live.permissions);
    const after = await this.send(live, patchAtCreate(args, live.permissions));
    return { id: live.id, outs: this.outputs(args, after, originalPermissions) };
  }

  async read(id: string, olds: ProfilePermissionSetOutputs): Promise<ReadOutcome<ProfilePermissionSetArgs, ProfilePermissionSetOutputs> | undefined> {
    const live = await this.directory.current(olds.profileId ?? id);
    if (!live) return undefined;
    const inputs: ProfilePermissionSetArgs = { profile: olds.profile, permissions: liveValuesOf(olds.permissions, live.permissions) };
    return { id, props: this.outputs(inputs, live, olds.originalPermissions), inputs };
  }

  async update(id: string, olds: ProfilePermissionSetOutputs, news: ProfilePermissionSetArgs): Promise<ProfilePermissionSetOutputs> {
    const profileId = olds.profileId ?? id;
    // A key added to the program has no recorded original yet: read the profile once to learn it.
    const live = addedPaths(olds.originalPermissions, news.permissions).length > 0 ? await this.requireLive(profileId) : undefined;
    const current = live?.permissions ?? olds.permissions;
    const plan = planUpdate(news, current, olds.originalPermissions);
    if (!plan.patch) return this.outputs(news, live ?? { id: profileId, name: olds.profileName, permissions: current as LiveProfile["permissions"] }, plan.originals);
    const after = await this.send(live ?? { id: profileId, name: olds.profileName }, plan.patch);
    return this.outputs(news, after, plan.originals);
  }

  /**
   * One PATCH putting back the originals that differ from the values last seen (none: no request). A profile that is
   * gone has nothing left to restore.
   */
  async delete(id: string, olds: ProfilePermissionSetOutputs): Promise<void> {
    const profileId = olds.profileId ?? id;
    const body = restoreBody(olds.originalPermissions ?? {}, olds.permissions);
    if (!body) return;
    try {
      await this.send({ id: profileId, name: olds.profileName }, body);
    } catch (error) {
      if (error instanceof VendorApiError && error.status === 404 && !(await this.client.getProfile(profileId))) return;
      throw error;
    }
  }

  /** One PATCH of these switches, if any, checked against Zoho's answer; the profile as it is afterwards. */
  private async send(profile: Pick<LiveProfile, "id" | "name"> & Partial<LiveProfile>, permissions: DeskPermissions | undefined): Promise<LiveProfile> {
    if (!permissions) return profile as LiveProfile;
    const updated = await this.client.updateProfile(profile.id, { permissions });
    this.directory.remember(updated);
    const ignored = unappliedSwitches(permissions, updated.permissions);
    if (ignored.length > 0) {
      throw new HelpdeskError(`Zoho Desk accepted the update of profile '${updated.name}' (id ${updated.id}) but did not apply: ${ignored.join(", ")}`);
    }
    return updated;
  }

  private outputs(args: ProfilePermissionSetArgs, live: Pick<LiveProfile, "id" | "name"> & Partial<LiveProfile>, originalPermissions: DeskPermissions): ProfilePermissionSetOutputs {
    return {
      profile: args.profile,
      permissions: liveValuesOf(args.permissions, live.permissions),
      profileId: live.id,
      profileName: live.name,
      originalPermissions,
    };
  }

  /** From the listing the check already fetched (its entries carry the permissions), else one GET. */
  private async requireLive(id: string): Promise<LiveProfile> {
    const live = await this.directory.current(id);
    if (!live) throw new RefusedOperationError(`Zoho Desk profile ${id} does not exist (deleted outside Pulumi?); run pulumi refresh`);
    return live;
  }
}

import { failuresFromZod } from "../core/check-failures";
import { Claim } from "../core/claims";
import { RefusedOperationError } from "../core/errors";
import { markedOwner, parseOwner } from "../core/ownership";
import { CheckFailure, CheckOutcome, DiffOutcome, ReadOutcome, ResourceContext, ResourceKind } from "../core/resource-kind";
import { Settings } from "../core/settings";
import { CrmAccount, crmAccount } from "./account";
import { permissionClaims, profileIdPrefix, profileNamePrefix } from "./claims";
import { isGoneProfileError } from "./errors";
import { permissionFailures } from "./permission-rules";
import { systemProfileRefusal } from "./profile-messages";
import { allowedPermissionSetKeys, ProfilePermissionSetArgs, profilePermissionSetArgsSchema } from "./profile-permission-set-schema";
import { addedNames, changedPermissionPaths, differingSwitches, liveValuesOf, planUpdate, ProfilePermissionSetOutputs } from "./profile-permission-set-state";
import { CrmPermissions, DetailedProfile, isSystemProfile, permissionsSchema, profileArgsSchema, switchesOf } from "./schema";

/**
 * zohoCrm:ProfilePermissionSet: a few switches of a profile the stack does not own. Non-authoritative: it manages
 * only the switches it lists, records what they were at creation, and puts those values back on destroy.
 */
export class ZohoCrmProfilePermissionSetKind implements ResourceKind<ProfilePermissionSetArgs, ProfilePermissionSetOutputs> {
  constructor(private readonly settings: Settings, private readonly connection?: string) {}

  /** The org's one client, listing and catalogue, shared with zohoCrm.Profile. */
  private get account(): CrmAccount {
    return crmAccount(this.settings, this.connection);
  }

  async check(olds: Record<string, unknown>, news: Record<string, unknown>, context: ResourceContext): Promise<CheckOutcome<ProfilePermissionSetArgs>> {
    const parsed = profilePermissionSetArgsSchema.safeParse(news);
    if (!parsed.success) return { failures: failuresFromZod(parsed.error, allowedPermissionSetKeys) };
    const before = permissionsSchema.safeParse(olds.permissions);
    const sameTarget = before.success && olds.profile === parsed.data.profile && olds.connection === parsed.data.connection;
    const failures = await this.vendorFailures(parsed.data, context, sameTarget ? before.data : undefined);
    return failures.length > 0 ? { failures } : { inputs: parsed.data, failures: [] };
  }

  /** Read-only look-ups that catch, at preview, what Zoho would refuse at apply. */
  private async vendorFailures(args: ProfilePermissionSetArgs, context: ResourceContext, previously?: CrmPermissions): Promise<CheckFailure[]> {
    const profile = await this.account.profiles.resolve(args.profile);
    if (!profile) {
      const known = (await this.account.profiles.names()).join(", ");
      const creator = (context.program ?? []).find((entry) => {
        const parsed = entry.type === "zohoCrm:Profile" ? profileArgsSchema.safeParse(entry.inputs) : undefined;
        return parsed?.success && parsed.data.name.trim().toLowerCase() === args.profile.trim().toLowerCase();
      });
      const hint = creator
        ? `; resource '${parseOwner(creator.owner)?.name ?? creator.owner}' of this program creates that profile: declare these switches in its permissions instead`
        : "";
      return [{ property: "profile", reason: `no Zoho CRM profile is named '${args.profile}' or has that id (profiles: ${known})${hint}` }];
    }
    if (isSystemProfile(profile)) return [{ property: "profile", reason: systemProfileRefusal(profile, "given permissions") }];
    // The profile is read only when a granted switch has a parent the program leaves undeclared.
    const readProfile = async () => {
      const live = await this.requireLive(profile.id);
      return { label: `the profile '${live.name}'`, switches: switchesOf(live) };
    };
    return permissionFailures(args.permissions, await this.account.catalogue(), readProfile, previously);
  }

  async claims(inputs: Record<string, unknown>): Promise<Claim[]> {
    const parsed = profilePermissionSetArgsSchema.safeParse(inputs);
    if (!parsed.success) return [];
    const { key } = this.account;
    const { profile: reference, permissions } = parsed.data;
    const target = await this.account.profiles.resolve(reference);
    const label = `the Zoho CRM profile '${target?.name ?? reference}'`;
    // By id (what a zohoCrm.Profile adopting the profile claims), and by name (what a zohoCrm.Profile creating it
    // claims, having no id before its first up): for a profile that does not exist yet, or one a Profile resource
    // created (it carries the ownership marker). Not otherwise, so two sets on one switch fail once.
    const prefixes = new Set<string>();
    if (!target) prefixes.add(profileNamePrefix(key, reference));
    else {
      prefixes.add(profileIdPrefix(key, target.id));
      if (markedOwner(target.description)) prefixes.add(profileNamePrefix(key, target.name));
    }
    return [...prefixes].flatMap((prefix) => permissionClaims(prefix, label, permissions));
  }

  async diff(olds: ProfilePermissionSetOutputs, news: ProfilePermissionSetArgs): Promise<DiffOutcome> {
    const changedPaths = changedPermissionPaths(olds, news.permissions);
    if (news.profile !== olds.profile) {
      const target = await this.account.profiles.resolve(news.profile);
      if (target && target.id !== olds.profileId) return { changes: true, replaces: ["profile"], changedPaths: ["profile", ...changedPaths] };
      changedPaths.push("profile");
    }
    return { changes: changedPaths.length > 0, changedPaths };
  }

  async create(args: ProfilePermissionSetArgs): Promise<{ id: string; outs: ProfilePermissionSetOutputs }> {
    const target = await this.account.profiles.resolve(args.profile);
    if (!target) throw new RefusedOperationError(`profile: no Zoho CRM profile is named '${args.profile}' or has that id`);
    if (isSystemProfile(target)) throw new RefusedOperationError(`profile: ${systemProfileRefusal(target, "given permissions")}`);
    const live = await this.requireLive(target.id);
    const switches = switchesOf(live);
    const originalPermissions = liveValuesOf(args.permissions, switches);
    await this.send(live.id, differingSwitches(args.permissions, switches));
    return { id: live.id, outs: this.outputs(args, live, originalPermissions) };
  }

  async read(id: string, olds: ProfilePermissionSetOutputs): Promise<ReadOutcome<ProfilePermissionSetArgs, ProfilePermissionSetOutputs> | undefined> {
    const live = await this.account.getProfile(olds.profileId ?? id);
    if (!live) return undefined;
    const inputs: ProfilePermissionSetArgs = {
      profile: olds.profile,
      permissions: liveValuesOf(olds.permissions, switchesOf(live)),
      ...(olds.connection !== undefined ? { connection: olds.connection } : {}),
    };
    return { id, props: { ...this.outputs(inputs, live, olds.originalPermissions), permissions: inputs.permissions }, inputs };
  }

  async update(id: string, olds: ProfilePermissionSetOutputs, news: ProfilePermissionSetArgs): Promise<ProfilePermissionSetOutputs> {
    const profileId = olds.profileId ?? id;
    // A switch added to the program has no recorded original yet: read the profile once to learn it.
    const live = addedNames(olds.originalPermissions, news.permissions).length > 0 ? await this.requireLive(profileId) : undefined;
    const current = live ? switchesOf(live) : olds.permissions;
    const plan = planUpdate(news.permissions, current, olds.originalPermissions ?? {});
    await this.send(profileId, plan.change);
    return { ...news, profileId, profileName: live?.name ?? olds.profileName, permissions: { ...news.permissions }, originalPermissions: plan.originals };
  }

  /**
   * One PATCH putting back the originals that differ from the values last seen (none: no request). A profile that is
   * gone has nothing left to restore.
   */
  async delete(id: string, olds: ProfilePermissionSetOutputs): Promise<void> {
    try {
      await this.send(olds.profileId ?? id, differingSwitches(olds.originalPermissions ?? {}, olds.permissions));
    } catch (error) {
      if (!isGoneProfileError(error)) throw error;
    }
  }

  /** One PATCH of these switches (this org's ids, parents first), if any; the client checks Zoho's SUCCESS answer. */
  private async send(profileId: string, switches: CrmPermissions | undefined): Promise<void> {
    if (!switches) return;
    const catalogue = await this.account.catalogue();
    try {
      await this.account.client.updateProfile(profileId, { toggles: catalogue.toggles(switches) });
    } catch (error) {
      this.account.written(profileId);
      throw error;
    }
    this.account.switched(profileId, switches, catalogue);
  }

  private outputs(args: ProfilePermissionSetArgs, live: DetailedProfile, originalPermissions: CrmPermissions): ProfilePermissionSetOutputs {
    return { ...args, permissions: { ...args.permissions }, profileId: live.id, profileName: live.name, originalPermissions };
  }

  private async requireLive(id: string): Promise<DetailedProfile> {
    const live = await this.account.getProfile(id);
    if (!live) throw new RefusedOperationError(`Zoho CRM profile ${id} does not exist (deleted outside Pulumi?); run pulumi refresh`);
    return live;
  }
}

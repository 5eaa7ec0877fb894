import { failuresFromZod } from "../core/check-failures";
import { HelpdeskError, PartialCreateError, RefusedOperationError, VendorApiError, VendorUnreachableError } from "../core/errors";
import { CheckFailure, CheckOutcome, DiffOutcome, ReadOutcome, ResourceKind } from "../core/resource-kind";
import { Settings } from "../core/settings";
import { ZohoDeskClient } from "./client";
import { ProfileDirectory } from "./profile-directory";
import {
  argsAsLive, creationAndDeletionSettings, describeChanges, driftedPaths, isProfile, outputsFor, patchFor, ProfileOutputs, unappliedPaths,
} from "./profile-state";
import { allowedProfileKeys, LiveProfile, ProfileArgs, profileArgsSchema } from "./schema";

/** The profile Zoho's own "New Profile" dialog starts from; also where agents go when nothing else is said. */
export const DEFAULT_CLONE_SOURCE = "Agent";

/** zohoDesk:Profile, a profile this stack owns: created by cloning (or adopted), deleted on destroy. */
export class ZohoDeskProfileKind implements ResourceKind<ProfileArgs, ProfileOutputs> {
  private clientInstance?: ZohoDeskClient;
  private directoryInstance?: ProfileDirectory;

  constructor(private readonly settings: Settings) {}

  private get client(): ZohoDeskClient {
    return (this.clientInstance ??= ZohoDeskClient.fromSettings(this.settings));
  }

  private get directory(): ProfileDirectory {
    return (this.directoryInstance ??= new ProfileDirectory(this.client));
  }

  async check(news: Record<string, unknown>, olds: Record<string, unknown>): Promise<CheckOutcome<ProfileArgs>> {
    const parsed = profileArgsSchema.safeParse(news);
    if (!parsed.success) return { failures: failuresFromZod(parsed.error, allowedProfileKeys) };
    const args = parsed.data;
    const creating = olds.name === undefined;
    const failures = await this.checkAgainstVendor(args, creating, olds);
    if (failures.length > 0) return { failures };
    if (creating && args.adopt) {
      const target = await this.directory.resolve(args.adopt);
      const live = target && (await this.client.getProfile(target.id));
      if (live) return { inputs: { ...args, changesOnAdoption: describeChanges(args, live) } as ProfileArgs, failures: [] };
    }
    const carried = Array.isArray(olds.changesOnAdoption) ? { changesOnAdoption: olds.changesOnAdoption } : {};
    return { inputs: { ...args, ...carried } as ProfileArgs, failures: [] };
  }

  /** Read-only look-ups that catch, at preview, what Zoho would refuse at apply. */
  private async checkAgainstVendor(args: ProfileArgs, creating: boolean, olds: Record<string, unknown>): Promise<CheckFailure[]> {
    const failures: CheckFailure[] = [];
    const unknownProfile = async (property: string, reference: string, hint = "") => {
      if (!(await this.directory.resolve(reference))) {
        const known = (await this.directory.names()).join(", ");
        failures.push({ property, reason: `no Zoho Desk profile is named '${reference}' or has that id (profiles: ${known})${hint}` });
      }
    };
    const sameProgramHint = "; if this program creates that profile, pass its profileId output instead of its name";
    if (creating && args.adopt) await unknownProfile("adopt", args.adopt);
    if (creating && !args.adopt) await unknownProfile("cloneFrom", args.cloneFrom ?? DEFAULT_CLONE_SOURCE, sameProgramHint);
    if (args.transferToProfile) await unknownProfile("transferToProfile", args.transferToProfile, sameProgramHint);

    const renamed = typeof olds.name === "string" && olds.name.toLowerCase() !== args.name.toLowerCase();
    if (creating || renamed) {
      const holder = await this.directory.findByName(args.name);
      const adopted = creating && args.adopt ? await this.directory.resolve(args.adopt) : undefined;
      if (holder && holder.id !== adopted?.id) {
        failures.push({
          property: "name",
          reason: `a Zoho Desk profile named '${holder.name}' already exists (id ${holder.id}); names are unique. ` +
            `To manage that profile from this program, set adopt: '${holder.name}'.`,
        });
      }
    }
    return failures;
  }

  diff(olds: ProfileOutputs, news: ProfileArgs): DiffOutcome {
    const changedPaths = isProfile(olds.profile) ? driftedPaths(news, olds.profile) : ["profile"];
    const settingsChanged = creationAndDeletionSettings.filter((key) => olds[key] !== news[key]);
    return { changes: changedPaths.length + settingsChanged.length > 0, changedPaths: [...changedPaths, ...settingsChanged] };
  }

  async create(args: ProfileArgs): Promise<{ id: string; outs: ProfileOutputs }> {
    const { changesOnAdoption, ...declared } = args as ProfileArgs & { changesOnAdoption?: string[] };
    if (declared.adopt) return this.adopt(declared, declared.adopt, changesOnAdoption);

    const source = await this.requireProfile("cloneFrom", declared.cloneFrom ?? DEFAULT_CLONE_SOURCE);
    const clash = await this.directory.findByName(declared.name);
    if (clash) {
      throw new RefusedOperationError(`Zoho Desk already has a profile named '${clash.name}' (id ${clash.id}); set adopt: '${clash.name}' to manage it.`);
    }
    const created = await this.cloneOnce(source, declared);
    try {
      return { id: created.id, outs: await this.converge(created.id, declared, created) };
    } catch (error) {
      throw await this.rollBack(created, declared, error);
    }
  }

  async read(id: string, olds: ProfileOutputs): Promise<ReadOutcome<ProfileArgs, ProfileOutputs> | undefined> {
    const live = await this.client.getProfile(id);
    if (!live) return undefined;
    const inputs = argsAsLive(olds, live);
    return { id, props: { ...outputsFor(inputs, live), ...keep(olds) }, inputs: { ...inputs, ...keep(olds) } as ProfileArgs };
  }

  async update(id: string, olds: ProfileOutputs, news: ProfileArgs): Promise<ProfileOutputs> {
    const base = isProfile(olds.profile) ? olds.profile : await this.requireLive(id);
    return { ...(await this.converge(id, news, base)), ...keep(olds) };
  }

  async delete(id: string, olds: ProfileOutputs): Promise<void> {
    const live = await this.client.getProfile(id);
    if (!live) return;
    const target = await this.transferTarget(live, olds.transferToProfile);
    await this.client.deleteProfile(id, target.id);
    this.directory.drop(id);
  }

  /**
   * Zoho moves a deleted profile's agents to another profile and wants that profile named on every delete.
   * Without transferToProfile we pick the default one, but only when nobody would be moved by it.
   */
  private async transferTarget(live: LiveProfile, transferToProfile?: string): Promise<LiveProfile> {
    if (transferToProfile) return this.requireProfile("transferToProfile", transferToProfile);
    const agents = await this.client.agentsOfProfile(live.id);
    if (agents.length > 0) {
      const who = agents.slice(0, 5).map((a) => a.emailId ?? a.id).join(", ");
      throw new RefusedOperationError(
        `cannot delete Zoho Desk profile '${live.name}' (id ${live.id}): ${agents.length} agent(s) still use it (${who}). ` +
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

  /** Sends the one PATCH that brings `base` to the declared state (if any), and checks Zoho applied it. */
  private async converge(id: string, args: ProfileArgs, base: LiveProfile): Promise<ProfileOutputs> {
    const patch = patchFor(args, base);
    if (!patch) return outputsFor(args, base);
    const updated = await this.client.updateProfile(id, patch);
    if (patch.name) this.directory.remember(updated);
    const ignored = unappliedPaths(patch, updated);
    if (ignored.length > 0) {
      throw new HelpdeskError(`Zoho Desk accepted the update of profile ${id} but did not apply: ${ignored.join(", ")}`);
    }
    return outputsFor(args, updated);
  }

  /**
   * A clone is not safe to repeat; if its answer was lost, the profile may exist anyway: look before failing.
   * Zoho's clone requires a description; when the program declares none, the new profile says where it came from.
   */
  private async cloneOnce(source: LiveProfile, args: ProfileArgs): Promise<LiveProfile> {
    try {
      const created = await this.client.cloneProfile(source.id, { name: args.name, description: args.description ?? `Created by Pulumi from '${source.name}'.` });
      this.directory.remember(created);
      return created;
    } catch (error) {
      const outcomeUnknown = error instanceof VendorUnreachableError || (error instanceof VendorApiError && error.status >= 500);
      if (!outcomeUnknown) throw error;
      this.directory.forget();
      const landed = await this.directory.findByName(args.name);
      if (!landed) throw error;
      return this.requireLive(landed.id);
    }
  }

  private async rollBack(created: LiveProfile, args: ProfileArgs, cause: unknown): Promise<Error> {
    const reason = cause instanceof Error ? cause.message : String(cause);
    try {
      await this.client.deleteProfile(created.id, (await this.transferTarget(created)).id);
      this.directory.drop(created.id);
      return new HelpdeskError(`${reason} (the profile '${created.name}' cloned for this resource was deleted again; nothing is left behind)`);
    } catch (rollbackError) {
      const why = rollbackError instanceof Error ? rollbackError.message : String(rollbackError);
      return new PartialCreateError(
        `${reason}; the cloned profile '${created.name}' (id ${created.id}) could not be deleted again (${why}). ` +
          `It is recorded in the stack: the next pulumi up finishes it.`,
        created.id,
        { ...outputsFor(args, created) },
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

/** Adoption history is ours, not the vendor's: carried across reads and updates unchanged. */
function keep(olds: ProfileOutputs): Partial<ProfileOutputs> {
  return olds.changesOnAdoption ? { changesOnAdoption: olds.changesOnAdoption } : {};
}

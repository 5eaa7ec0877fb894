import { failuresFromZod } from "../core/check-failures";
import { Claim } from "../core/claims";
import { HelpdeskError, RefusedOperationError } from "../core/errors";
import { Tree } from "../core/leaves";
import { formatOwner } from "../core/ownership";
import { CheckFailure, CheckOutcome, DiffOutcome, ReadOutcome, ResourceContext, ResourceKind } from "../core/resource-kind";
import { Settings } from "../core/settings";
import { ChatwootAccount, chatwootAccount } from "./account";
import { ProfileFields } from "./client";
import { LiveProfile } from "./live";
import { hashPassword, holdPassword, sameHash, takePassword } from "./password";
import { ProfileArgs, profileArgsSchema, WRITE_ONLY } from "./profile-schema";
import { argsOf, driftedPaths, lastSeenTree, liveTree, originalsOf, originalsWithNew, outputsFor, profileFieldsFor, ProfileOutputs, withoutWriteOnly } from "./profile-state";

const allowedKeys = (path: string[]) => (path.length === 0 ? Object.keys(profileArgsSchema.shape) : undefined);

/** A failure about a write-only input never names its value: the engine would print it next to the property. */
function hidingWriteOnly(failure: CheckFailure): CheckFailure {
  const writeOnly = (WRITE_ONLY as readonly string[]).includes(failure.property);
  return writeOnly ? { property: "", reason: `property ${failure.property} (value not shown): ${failure.reason}` } : failure;
}

/**
 * chatwoot:Profile, the profile of the access token's own user. A singleton: create adopts it (recording what it
 * found), update sends what changed, destroy leaves the user and puts the recorded values back only when asked.
 */
export class ChatwootProfileKind implements ResourceKind<ProfileArgs, ProfileOutputs> {
  constructor(private readonly settings: Settings, private readonly connection?: string) {}

  private get account(): ChatwootAccount {
    return chatwootAccount(this.settings, this.connection);
  }

  async check(olds: Record<string, unknown>, news: Record<string, unknown>, context: ResourceContext): Promise<CheckOutcome<ProfileArgs>> {
    const parsed = profileArgsSchema.safeParse(news);
    if (!parsed.success) return { failures: failuresFromZod(parsed.error, allowedKeys).map(hidingWriteOnly) };
    const { currentPassword, ...args } = parsed.data;
    const self = await this.account.self();
    if (args.availability !== undefined && !self.accounts.some((a) => a.id === this.account.accountId)) {
      return { failures: [{ property: "availability", reason: `the access token's user (${self.email}) is not a member of account ${this.account.accountId}, whose availability this sets` }] };
    }
    if (args.password !== undefined) {
      if (context.owner) holdPassword(formatOwner(context.owner), args.password, currentPassword!);
      return { inputs: { ...args, password: hashPassword(args.password, olds.password) }, failures: [] };
    }
    return { inputs: args, failures: [] };
  }

  async claims(inputs: Record<string, unknown>): Promise<Claim[]> {
    if (!profileArgsSchema.safeParse(inputs).success) return [];
    // The user, not the connection: two connections with one token (or two tokens of one user) share a profile.
    const self = await this.account.self();
    const install = new URL(this.account.label).origin;
    return [{ key: `chatwoot/${install}/profile/${self.id}`, what: `the profile of the Chatwoot user ${self.email} (one resource per user)`, property: "connection" }];
  }

  async diff(olds: ProfileOutputs, news: ProfileArgs): Promise<DiffOutcome> {
    const changedPaths = [
      ...driftedPaths(news, lastSeenTree(olds)),
      ...(news.password !== undefined && !sameHash(news.password, olds.password) ? ["password"] : []),
      ...(Boolean(news.restoreOnDestroy) !== Boolean(olds.restoreOnDestroy) ? ["restoreOnDestroy"] : []),
    ];
    return { changes: changedPaths.length > 0, changedPaths };
  }

  async create(args: ProfileArgs, context: ResourceContext): Promise<{ id: string; outs: ProfileOutputs }> {
    const live = await this.account.self();
    const found = liveTree(live, this.account.accountId);
    const originalValues = originalsOf(args, found);
    const outs = await this.converge(args, found, undefined, args.password !== undefined ? this.heldPassword(context) : undefined);
    return { id: String(live.id), outs: { ...outs, userId: live.id, originalValues } };
  }

  async read(id: string, olds: ProfileOutputs): Promise<ReadOutcome<ProfileArgs, ProfileOutputs> | undefined> {
    const live = await this.account.client.getProfile();
    this.account.selfSeen(live);
    if (String(live.id) !== id) return undefined;
    const found = liveTree(live, this.account.accountId);
    const pending = olds.emailPendingConfirmation && String(found.email) !== olds.emailPendingConfirmation.toLowerCase() ? olds.emailPendingConfirmation : undefined;
    const { emailPendingConfirmation: _was, ...rest } = olds;
    const outs: ProfileOutputs = { ...rest, ...outputsFor(argsOf(olds), found), ...(pending ? { emailPendingConfirmation: pending } : {}) };
    // While a change waits for confirmation, the program's email is what the profile is heading to: not drift.
    const inputs = { ...outputsFor(argsOf(olds), found), ...(pending ? { email: pending } : {}) } as ProfileArgs;
    return { id, props: outs, inputs };
  }

  async update(_id: string, olds: ProfileOutputs, news: ProfileArgs, context: ResourceContext): Promise<ProfileOutputs> {
    // As the check of this run read it (or a refresh did), kept current by our own writes.
    const live = await this.account.self();
    const found = liveTree(live, this.account.accountId);
    const passwordChanged = news.password !== undefined && !sameHash(news.password, olds.password);
    const outs = await this.converge(news, found, olds.emailPendingConfirmation, passwordChanged ? this.heldPassword(context) : undefined);
    return { ...outs, userId: olds.userId, originalValues: originalsWithNew(olds.originalValues, news, found) };
  }

  /**
   * Leaves the user; with restoreOnDestroy, one PUT of the recorded values and, unless its answer shows the
   * availability already back, one availability call. Sent whatever the profile shows now, so no read is needed;
   * only a recorded ui_settings key needs one, as Chatwoot replaces ui_settings whole.
   */
  async delete(_id: string, olds: ProfileOutputs): Promise<void> {
    if (!olds.restoreOnDestroy) return;
    const originals = olds.originalValues as Partial<ProfileArgs>;
    const live = originals.uiSettings ? liveTree(await this.account.client.getProfile(), this.account.accountId) : {};
    await this.converge(originals, live, undefined);
  }

  /**
   * At most one PUT /profile (the changed fields, and the password when it is new) and one POST
   * /profile/availability, each checked against Chatwoot's answer. Chatwoot holds a new email back until the user
   * confirms it, so a declared email the profile does not show yet is recorded as pending, sent once, not as drift.
   */
  private async converge(args: Partial<ProfileArgs>, live: Tree, pendingEmail: string | undefined, password?: { password: string; currentPassword: string }): Promise<ProfileOutputs> {
    const fields: ProfileFields = { ...profileFieldsFor(args, pendingEmail ? { ...live, email: pendingEmail } : live) };
    if (password) Object.assign(fields, { password: password.password, current_password: password.currentPassword });
    let after = live;
    if (Object.keys(fields).length > 0) after = this.seen(await this.account.client.updateProfile(fields));
    if (args.availability !== undefined && args.availability !== after.availability) {
      after = this.seen(await this.account.client.setAvailability(this.account.accountId, args.availability));
    }
    const ignored = driftedPaths({ ...args, email: undefined }, after);
    if (ignored.length > 0) throw new HelpdeskError(`Chatwoot accepted the profile update but did not apply: ${ignored.join(", ")}`);
    const pending = args.email !== undefined && String(after.email) !== args.email.toLowerCase() ? { emailPendingConfirmation: args.email } : {};
    return { ...withoutWriteOnly(args as ProfileArgs), ...outputsFor(args, after), ...pending } as ProfileOutputs;
  }

  private seen(profile: LiveProfile): Tree {
    this.account.selfSeen(profile);
    return liveTree(profile, this.account.accountId);
  }

  private heldPassword(context: ResourceContext): { password: string; currentPassword: string } {
    const held = context.owner ? takePassword(formatOwner(context.owner)) : undefined;
    if (!held) throw new RefusedOperationError("password: the new password is only known to the run that checked it; run pulumi up again");
    return held;
  }
}

import { failuresFromZod } from "../core/check-failures";
import { Claim, claimsOfThisRun } from "../core/claims";
import { HelpdeskError, RefusedOperationError, VendorApiError, VendorUnreachableError } from "../core/errors";
import { ResourceOwner } from "../core/ownership";
import { CheckFailure, CheckOutcome, DiffOutcome, ReadOutcome, ResourceContext, ResourceKind } from "../core/resource-kind";
import { Settings } from "../core/settings";
import { TeamworkDeskAccount, teamworkDeskAccount } from "./account";
import { UserFields } from "./client";
import { LiveUser } from "./live";
import { USER_FIELDS, UserArgs, userArgsSchema } from "./schema";

export interface UserOutputs extends UserArgs {
  /** Teamwork Desk's id of the user. */
  userId: number;
  /** Read-only facts Teamwork keeps: no argument sets them. */
  avatarUrl: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  isAppOwner: boolean;
  /** The inboxes the user may work in: set on each inbox's settings page, which the users API cannot write. */
  inboxIds: number[];
}

const allowedKeys = (path: string[]) => (path.length === 0 ? Object.keys(userArgsSchema.shape) : undefined);
const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const describe = (u: LiveUser) => `id ${u.id}, ${u.firstName} ${u.lastName}`.trim() + `, ${u.deleted ? "deleted" : u.role}`;

/** teamworkDesk:User, a user of a Teamwork Desk site: created or adopted, updated in place, deleted (state "deleted") on destroy. */
export class TeamworkDeskUserKind implements ResourceKind<UserArgs, UserOutputs> {
  constructor(private readonly settings: Settings, private readonly connection?: string) {}

  private get account(): TeamworkDeskAccount {
    return teamworkDeskAccount(this.settings, this.connection);
  }

  async check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckOutcome<UserArgs>> {
    const parsed = userArgsSchema.safeParse(news);
    if (!parsed.success) return { failures: failuresFromZod(parsed.error, allowedKeys) };
    const args = parsed.data;
    const failures: CheckFailure[] = [];
    // `olds` are the inputs last applied (empty at creation).
    const creating = typeof olds.email !== "string";
    const emailChanged = !creating && !sameEmail(String(olds.email), args.email);
    // An existing user is listed only when something needs it: a second preview of a settled stack costs nothing.
    const target = creating ? await this.checkCreation(args, failures) : emailChanged || args.role === "agent" ? await this.existing(olds) : undefined;
    if (emailChanged) {
      const holder = await this.account.byEmail(args.email);
      if (holder && holder.id !== target?.id) failures.push({ property: "email", reason: `${args.email} already belongs to another user of ${this.account.site} (${describe(holder)}); Teamwork keeps emails unique, deleted users included` });
    }
    if (target?.isAppOwner && args.role === "agent") {
      failures.push({ property: "role", reason: `${target.email} is the site's installation owner, whom Teamwork Desk refuses to make an agent` });
    }
    return failures.length > 0 ? { failures } : { inputs: args, failures };
  }

  /** The user a resource created earlier manages, by the email it last applied. */
  private existing(olds: Record<string, unknown>): Promise<LiveUser | undefined> {
    return this.account.byEmail(String(olds.email));
  }

  /** The user a new resource would adopt, after recording why the creation cannot work. */
  private async checkCreation(args: UserArgs, failures: CheckFailure[]): Promise<LiveUser | undefined> {
    const withEmail = await this.account.byEmail(args.email);
    if (args.adopt === undefined) {
      if (withEmail) {
        failures.push({
          property: "email",
          reason: `${withEmail.email} is already a user of ${this.account.site} (${describe(withEmail)}); to ${withEmail.deleted ? "restore and " : ""}manage that user from this program set adopt: true`,
        });
      }
      return undefined;
    }
    const adopted = args.adopt === true ? withEmail : await this.account.byId(args.adopt);
    if (!adopted) {
      const reason = args.adopt === true ? `no user of ${this.account.site} has the email ${args.email}; remove adopt to create one` : `${this.account.site} has no user with id ${args.adopt}`;
      failures.push({ property: "adopt", reason });
      return undefined;
    }
    if (adopted.isAppOwner) {
      failures.push({ property: "adopt", reason: `${adopted.email} is the site's installation owner, whom Teamwork Desk refuses to delete or make an agent; a resource could never be destroyed` });
    }
    if (withEmail && withEmail.id !== adopted.id) {
      failures.push({ property: "email", reason: `${args.email} already belongs to another user (${describe(withEmail)}) than the adopted one (id ${adopted.id}); Teamwork keeps emails unique` });
    }
    return adopted;
  }

  async claims(inputs: Record<string, unknown>): Promise<Claim[]> {
    const parsed = userArgsSchema.safeParse(inputs);
    if (!parsed.success) return [];
    const email = parsed.data.email.toLowerCase();
    const claims: Claim[] = [{ key: emailKey(this.account.site, email), what: `the Teamwork Desk user ${email} of ${this.account.site}`, property: "email" }];
    if (typeof parsed.data.adopt === "number") {
      claims.push({ key: `teamworkDesk/${this.account.site}/user-id/${parsed.data.adopt}`, what: `the Teamwork Desk user with id ${parsed.data.adopt}`, property: "adopt" });
    }
    return claims;
  }

  async diff(olds: UserOutputs, news: UserArgs): Promise<DiffOutcome> {
    const changedPaths = Object.keys(changedFields(news, olds));
    return { changes: changedPaths.length > 0, changedPaths };
  }

  async create(args: UserArgs): Promise<{ id: string; outs: UserOutputs }> {
    if (args.adopt === undefined) {
      const created = await this.createOnce(args);
      // A create whose answer was lost may have landed with other values, or another run's: bring it to the program.
      return { id: String(created.id), outs: await this.converge(created, args) };
    }
    const adopted = args.adopt === true ? await this.account.byEmail(args.email) : await this.account.byId(args.adopt);
    if (!adopted) throw new RefusedOperationError(`adopt: ${this.account.site} has no user ${args.adopt === true ? `with the email ${args.email}` : `with id ${args.adopt}`}`);
    return { id: String(adopted.id), outs: await this.converge(adopted, args) };
  }

  async read(id: string, olds: UserOutputs): Promise<ReadOutcome<UserArgs, UserOutputs> | undefined> {
    // The listing (every state, with inboxes) carries what a GET would: refreshing N users costs its pages.
    const live = await this.account.byId(Number(id));
    if (!live || live.deleted) return undefined;
    const outs = outputsFor(argsOf(olds), live);
    return { id, props: outs, inputs: argsOf(outs) };
  }

  async update(id: string, olds: UserOutputs, news: UserArgs): Promise<UserOutputs> {
    const fields = changedFields(news, olds);
    if (Object.keys(fields).length === 0) return { ...olds, ...news };
    return outputsFor(news, await this.write(Number(id), fields, news));
  }

  /**
   * Teamwork Desk documents no delete route: a user is deleted by writing state "deleted" (it stays readable, and its
   * email stays in use). A user already deleted, or unknown, counts as done.
   */
  async delete(id: string, olds: UserOutputs, context: ResourceContext): Promise<void> {
    const adopter = claimsOfThisRun.heldByOther(emailKey(this.account.site, olds.email.toLowerCase()), context.owner);
    if (adopter) throw new RefusedOperationError(adoptedAndDeletedReason(id, olds, adopter, context.owner));
    try {
      const deleted = await this.account.client.updateUser(Number(id), { state: "deleted" });
      this.account.remember(deleted);
    } catch (error) {
      if (!(error instanceof VendorApiError && error.status === 404)) throw error;
    }
  }

  /** One PATCH with the declared fields that differ from the live user (and state "active" for a deleted one). */
  private async converge(live: LiveUser, args: UserArgs): Promise<UserOutputs> {
    const fields: UserFields = { ...changedFields(args, liveArgs(live)), ...(live.deleted ? { state: "active" } : {}) };
    if (Object.keys(fields).length === 0) return outputsFor(args, live);
    return outputsFor(args, await this.write(live.id, fields, args));
  }

  /** Sends the fields and checks that Teamwork applied every one of them. */
  private async write(id: number, fields: UserFields, args: UserArgs): Promise<LiveUser> {
    const updated = await this.account.client.updateUser(id, fields);
    this.account.remember(updated);
    const ignored = Object.keys(changedFields(args, liveArgs(updated)));
    if (ignored.length > 0) throw new HelpdeskError(`Teamwork Desk accepted the update of user ${id} but did not apply: ${ignored.join(", ")}`);
    return updated;
  }

  /** A create is not safe to repeat: when its answer is lost, a user with this email is the one it created. */
  private async createOnce(args: UserArgs): Promise<LiveUser> {
    const fields = Object.fromEntries(USER_FIELDS.filter((key) => args[key] !== undefined).map((key) => [key, args[key]])) as UserFields;
    try {
      const created = await this.account.client.createUser(fields);
      this.account.remember(created);
      return created;
    } catch (error) {
      const outcomeUnknown = error instanceof VendorUnreachableError || (error instanceof VendorApiError && error.status >= 500);
      if (!outcomeUnknown) throw error;
      this.account.forget();
      const landed = await this.account.byEmail(args.email);
      if (!landed) throw error;
      return landed;
    }
  }
}

const emailKey = (site: string, email: string) => `teamworkDesk/${site}/user-email/${email}`;

/** What Teamwork shows of the declarable fields, under the argument names. */
function liveArgs(live: LiveUser): Partial<UserArgs> {
  return Object.fromEntries(USER_FIELDS.map((key) => [key, live[key]])) as Partial<UserArgs>;
}

/** The fields the program declares that differ from `last` (an email differing only in case is the same email). */
function changedFields(args: UserArgs, last: Partial<UserArgs>): UserFields {
  const changed = USER_FIELDS.filter((key) => {
    if (args[key] === undefined) return false;
    if (key === "email") return last.email === undefined || !sameEmail(args.email, last.email);
    return args[key] !== last[key];
  });
  return Object.fromEntries(changed.map((key) => [key, args[key]])) as UserFields;
}

/** The declared fields at their live values (the email as the program spells it, when only its case differs). */
function outputsFor(args: UserArgs, live: LiveUser): UserOutputs {
  const observed = liveArgs(live);
  const declared = Object.fromEntries(USER_FIELDS.filter((key) => args[key] !== undefined).map((key) => [key, observed[key]]));
  return {
    ...args,
    ...declared,
    email: sameEmail(args.email, live.email) ? args.email : live.email,
    userId: live.id,
    avatarUrl: live.avatarUrl,
    createdAt: live.createdAt,
    updatedAt: live.updatedAt,
    isAppOwner: live.isAppOwner,
    inboxIds: live.inboxIds ?? [],
  };
}

function argsOf(outputs: UserOutputs): UserArgs {
  const { userId: _id, avatarUrl: _avatar, createdAt: _created, updatedAt: _updated, isAppOwner: _owner, inboxIds: _inboxes, ...args } = outputs;
  return args;
}

function adoptedAndDeletedReason(id: string, olds: UserOutputs, adopter: ResourceOwner, owner: ResourceOwner | undefined): string {
  const old = owner?.name ?? "the old resource";
  const urn = owner ? `urn:pulumi:${owner.stack}::${owner.project}::pulumi-nodejs:dynamic/teamworkDesk:User::${owner.name}` : "<the old resource's URN>";
  return `not deleting Teamwork Desk user ${olds.email} (id ${id}): resource '${adopter.name}' of this program adopts the same user in this update, ` +
    `and deleting it would undo the adoption. If you renamed '${old}' to '${adopter.name}', the user is safe; drop the stale record with: ` +
    `pulumi state delete '${urn}' (next time, rename with aliases: [{ name: "${old}" }])`;
}

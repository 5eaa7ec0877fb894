import { randomBytes } from "crypto";
import { failuresFromZod } from "../core/check-failures";
import { Claim, claimsOfThisRun } from "../core/claims";
import { HelpdeskError, PartialCreateError, RefusedOperationError, VendorApiError, VendorUnreachableError } from "../core/errors";
import { ResourceOwner } from "../core/ownership";
import { CheckFailure, CheckOutcome, DiffOutcome, ReadOutcome, ResourceContext, ResourceKind } from "../core/resource-kind";
import { Settings } from "../core/settings";
import { ImichatAccount, imichatAccount } from "./account";
import { USER_NOT_FOUND, UserUpdateBody } from "./client";
import { explainImichatError } from "./errors";
import { LivePrivilege, LiveUser } from "./live";
import { CREATE_ONLY, UserArgs, userArgsSchema } from "./schema";

export interface UserOutputs extends UserArgs {
  /** IMIchat's id of the user. */
  userId: number;
  /** Customer Care or Administrative: set in the admin console. */
  roleType: string | null;
  /** The user's teams and roles as IMIchat last showed them (the update API cannot change them). */
  teamRoles: LivePrivilege[];
  createdAt: string | null;
  updatedAt: string | null;
}

/** The arguments the update takes, and the body key each becomes. */
const UPDATABLE = {
  firstName: "first_name", lastName: "last_name", status: "status", jobDescription: "job_description", loginUsingEmail: "login_using_email",
  customAttributes: "custom_attributes", skillAttributes: "skill_attributes",
} as const satisfies Partial<Record<keyof UserArgs, keyof UserUpdateBody>>;
type Updatable = keyof typeof UPDATABLE;
const UPDATABLE_ARGS = Object.keys(UPDATABLE) as Updatable[];

const allowedKeys = (path: string[]) => (path.length === 0 ? Object.keys(userArgsSchema.shape) : undefined);
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const describe = (u: LiveUser) => `id ${u.id}, ${u.firstName} ${u.lastName}`.trim() + `, ${u.status}`;

/** imichat:User, a user of an IMIchat team: created or adopted, updated in place, deactivated on destroy (IMIchat has no delete). */
export class ImichatUserKind implements ResourceKind<UserArgs, UserOutputs> {
  constructor(private readonly settings: Settings, private readonly connection?: string) {}

  private get account(): ImichatAccount {
    return imichatAccount(this.settings, this.connection);
  }

  async check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckOutcome<UserArgs>> {
    const parsed = userArgsSchema.safeParse(news);
    if (!parsed.success) return { failures: failuresFromZod(parsed.error, allowedKeys) };
    const args = parsed.data;
    // `olds` are the inputs last applied (empty at creation).
    const failures = typeof olds.loginId === "string" ? createOnlyChanges(olds, args) : await this.creationFailures(args);
    return failures.length > 0 ? { failures } : { inputs: args, failures };
  }

  private async creationFailures(args: UserArgs): Promise<CheckFailure[]> {
    const failures: CheckFailure[] = [];
    const team = this.account.teamId;
    if (args.privileges && !args.privileges.some((p) => p.team === team)) {
      failures.push({
        property: "privileges",
        reason: `must include team ${team}, the connection's team (${this.account.connection.settingName("teamId")}): IMIchat shows a user only to its teams, so this resource could never read the user again`,
      });
    }
    const withLogin = await this.account.byLoginId(args.loginId);
    const withEmail = await this.account.byEmail(args.email);
    if (args.adopt) {
      if (!withLogin && !withEmail) failures.push({ property: "adopt", reason: `team ${team} has no user with login id ${args.loginId} or email ${args.email}; remove adopt to create one` });
      if (withLogin && withEmail && withLogin.id !== withEmail.id) {
        failures.push({ property: "email", reason: `belongs to another user of team ${team} (${describe(withEmail)}) than the login id ${args.loginId} (${describe(withLogin)})` });
      }
      return failures;
    }
    const restore = (u: LiveUser) => (u.status === "inactive" ? " and status: \"active\" to bring back the inactive user" : "");
    if (withLogin) failures.push({ property: "loginId", reason: `${withLogin.loginId} is already a user of team ${team} (${describe(withLogin)}); to manage that user from this program set adopt: true${restore(withLogin)}` });
    if (withEmail && withEmail.id !== withLogin?.id) {
      failures.push({ property: "email", reason: `${withEmail.email} is already a user of team ${team} (${describe(withEmail)}); to manage that user from this program set adopt: true${restore(withEmail)}` });
    }
    return failures;
  }

  async claims(inputs: Record<string, unknown>): Promise<Claim[]> {
    const parsed = userArgsSchema.safeParse(inputs);
    if (!parsed.success) return [];
    const loginId = parsed.data.loginId.toLowerCase();
    const email = parsed.data.email.toLowerCase();
    return [
      { key: this.loginIdKey(loginId), what: `the IMIchat user with login id ${loginId}`, property: "loginId" },
      { key: `imichat/${this.account.label}/email/${email}`, what: `the IMIchat user with email ${email}`, property: "email" },
    ];
  }

  private loginIdKey(loginId: string): string {
    return `imichat/${this.account.label}/login-id/${loginId.toLowerCase()}`;
  }

  async diff(olds: UserOutputs, news: UserArgs): Promise<DiffOutcome> {
    const changedPaths = Object.keys(changedBody(news, olds)).map((key) => UPDATABLE_ARGS.find((arg) => UPDATABLE[arg] === key)!);
    return { changes: changedPaths.length > 0, changedPaths };
  }

  async create(args: UserArgs): Promise<{ id: string; outs: UserOutputs }> {
    if (args.adopt) {
      const found = (await this.account.byLoginId(args.loginId)) ?? (await this.account.byEmail(args.email));
      const adopted = found && (await this.call(() => this.account.client.getUser(found.id), [], found.id));
      if (!adopted) throw new RefusedOperationError(`adopt: team ${this.account.teamId} has no user with login id ${args.loginId} or email ${args.email}`);
      return { id: String(adopted.id), outs: await this.converge(adopted, args) };
    }
    const created = await this.createOnce(args);
    try {
      // Custom attributes and a status are not create parameters: one PUT sets them.
      return { id: String(created.id), outs: await this.converge(created, args) };
    } catch (error) {
      // Recorded as created: what the PUT was to set is left out, so the next up sees it as a change and sends it.
      const { customAttributes: _unsent, status: _unsentStatus, ...createdArgs } = args;
      const outs = outputsFor(createdArgs, created);
      throw new PartialCreateError(`IMIchat created user ${args.loginId} (id ${created.id}) but did not take the rest: ${(error as Error).message}. It is recorded in the stack; the next up finishes it`, String(created.id), { ...outs });
    }
  }

  async read(id: string, olds: UserOutputs): Promise<ReadOutcome<UserArgs, UserOutputs> | undefined> {
    const live = await this.call(() => this.account.client.getUser(Number(id)), [], Number(id));
    if (!live) return undefined;
    const outs = outputsFor(argsOf(olds), live);
    return { id, props: outs, inputs: argsOf(outs) };
  }

  async update(id: string, olds: UserOutputs, news: UserArgs): Promise<UserOutputs> {
    const body = changedBody(news, olds);
    if (Object.keys(body).length === 0) return { ...olds, ...news };
    return outputsFor(news, await this.write(Number(id), body, news));
  }

  /**
   * IMIchat documents no delete: destroy deactivates the user (status inactive), and says so in the CLI output. A user
   * no longer in the team counts as done.
   */
  async delete(id: string, olds: UserOutputs, context: ResourceContext): Promise<void> {
    const adopter = claimsOfThisRun.heldByOther(this.loginIdKey(olds.loginId), context.owner);
    if (adopter) throw new RefusedOperationError(adoptedAndDeactivatedReason(id, olds, adopter, context.owner));
    try {
      this.account.remember(await this.account.client.updateUser(Number(id), { status: "inactive" }));
    } catch (error) {
      if (!(error instanceof VendorApiError && error.code === USER_NOT_FOUND)) throw explainImichatError(error, this.account.connection, { sent: ["status"], userId: Number(id) });
    }
    // The dynamic-provider host shows what the provider prints beside the resource: the user learns the user still exists.
    console.log(`${context.owner?.name ?? "imichat:User"}: IMIchat has no delete; user ${olds.loginId} (id ${id}) was deactivated (status inactive) and stays in the tenant`);
  }

  /** One PUT with the declared fields that differ from the live user. */
  private async converge(live: LiveUser, args: UserArgs): Promise<UserOutputs> {
    const body = changedBody(args, liveArgs(live));
    if (Object.keys(body).length === 0) return outputsFor(args, live);
    return outputsFor(args, await this.write(live.id, body, args));
  }

  /** Sends the body and checks that IMIchat applied every field of it. */
  private async write(id: number, body: UserUpdateBody, args: UserArgs): Promise<LiveUser> {
    const sent = UPDATABLE_ARGS.filter((arg) => body[UPDATABLE[arg]] !== undefined);
    const updated = await this.call(() => this.account.client.updateUser(id, body), sent, id);
    this.account.remember(updated);
    const ignored = Object.keys(changedBody(args, liveArgs(updated)));
    if (ignored.length > 0) throw new HelpdeskError(`IMIchat accepted the update of user ${id} but did not apply: ${ignored.join(", ")}`);
    return updated;
  }

  /**
   * IMIchat requires a password to create a user. None is taken from the program (it would have to live in the
   * state): a random one is sent once and forgotten; the user sets their own with IMIchat's "forgot password".
   * A create is not safe to repeat: when its answer is lost, the team's user with this login id is the one it created.
   */
  private async createOnce(args: UserArgs): Promise<LiveUser> {
    const body = {
      first_name: args.firstName, login_id: args.loginId, email_id: args.email, password: `${randomBytes(18).toString("base64url")}aA1!`,
      privileges: (args.privileges ?? []).map((p) => ({ teamid: p.team, role: p.role })),
      ...(args.lastName !== undefined ? { last_name: args.lastName } : {}),
      ...(args.jobDescription !== undefined ? { job_description: args.jobDescription } : {}),
      ...(args.loginUsingEmail !== undefined ? { login_using_email: args.loginUsingEmail } : {}),
      ...(args.skillAttributes !== undefined ? { skill_attributes: args.skillAttributes } : {}),
    };
    const sent = ["firstName", "loginId", "email", "privileges", "lastName", "jobDescription", "loginUsingEmail", "skillAttributes"].filter((key) => args[key as keyof UserArgs] !== undefined);
    try {
      const created = await this.account.client.createUser(body);
      this.account.remember(created);
      return created;
    } catch (error) {
      const explained = explainImichatError(error, this.account.connection, { sent });
      const outcomeUnknown = error instanceof VendorUnreachableError || (error instanceof VendorApiError && error.status >= 500);
      if (!outcomeUnknown) throw explained;
      this.account.forget();
      const landed = await this.account.byLoginId(args.loginId);
      if (!landed) throw explained;
      return (await this.call(() => this.account.client.getUser(landed.id), [], landed.id)) ?? landed;
    }
  }

  /** A request whose vendor code becomes an error naming the property or header at fault. */
  private async call<T>(request: () => Promise<T>, sent: readonly string[], userId?: number): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw explainImichatError(error, this.account.connection, { sent, userId });
    }
  }
}

/** A create-only argument the program changed: IMIchat's update cannot apply it. */
function createOnlyChanges(olds: Record<string, unknown>, args: UserArgs): CheckFailure[] {
  return CREATE_ONLY.filter((key) => {
    const before = olds[key];
    const after = args[key];
    if (typeof before === "string" && typeof after === "string") return !same(before, after);
    return teamRoleSet(before) !== teamRoleSet(after);
  }).map((key) => ({
    property: key,
    reason: `is set at creation only: IMIchat's update does not take ${key} (it answers 3115); put back ${JSON.stringify(olds[key]) ?? "(absent)"}` +
      (key === "privileges" ? ", and change team roles in the admin console" : ", or declare another resource for another user"),
  }));
}

/** Privileges as one comparable text, whatever the order of the list or of each entry's keys (the state sorts keys). */
function teamRoleSet(privileges: unknown): string {
  if (!Array.isArray(privileges)) return "";
  return privileges.map((p: { team?: unknown; role?: unknown }) => `${String(p?.team)}:${String(p?.role)}`).sort().join(",");
}

/** What IMIchat shows of the updatable fields, under the argument names. */
function liveArgs(live: LiveUser): Pick<UserArgs, Updatable> {
  return {
    firstName: live.firstName, lastName: live.lastName, status: live.status as UserArgs["status"], jobDescription: live.jobDescription,
    loginUsingEmail: live.loginUsingEmail, customAttributes: live.customAttributes as UserArgs["customAttributes"], skillAttributes: live.skillAttributes,
  };
}

/** The update body for the declared fields that differ from `last`: custom attributes key by key (IMIchat merges them). */
function changedBody(args: UserArgs, last: Partial<UserArgs>): UserUpdateBody {
  const body: Record<string, unknown> = {};
  for (const arg of UPDATABLE_ARGS) {
    if (args[arg] === undefined) continue;
    if (arg === "customAttributes") {
      const changed = Object.entries(args.customAttributes!).filter(([name, value]) => last.customAttributes?.[name] !== value);
      if (changed.length > 0) body.custom_attributes = Object.fromEntries(changed);
    } else if (!sameJson(args[arg], last[arg])) body[UPDATABLE[arg]] = args[arg];
  }
  return body as UserUpdateBody;
}

/** The declared fields at their live values; login id and email as the program spells them when only case differs. */
function outputsFor(args: UserArgs, live: LiveUser): UserOutputs {
  const observed = liveArgs(live);
  const declared = Object.fromEntries(UPDATABLE_ARGS.filter((arg) => args[arg] !== undefined && arg !== "customAttributes").map((arg) => [arg, observed[arg]]));
  const customAttributes = args.customAttributes && Object.fromEntries(
    Object.keys(args.customAttributes).filter((name) => observed.customAttributes?.[name] !== undefined).map((name) => [name, observed.customAttributes![name]]),
  );
  return {
    ...args,
    ...declared,
    ...(customAttributes ? { customAttributes } : {}),
    loginId: same(args.loginId, live.loginId) ? args.loginId : live.loginId,
    email: same(args.email, live.email) ? args.email : live.email,
    userId: live.id,
    roleType: live.roleType,
    teamRoles: live.privileges ?? [],
    createdAt: live.createdAt,
    updatedAt: live.updatedAt,
  };
}

function argsOf(outputs: UserOutputs): UserArgs {
  const { userId: _id, roleType: _roleType, teamRoles: _teamRoles, createdAt: _created, updatedAt: _updated, ...args } = outputs;
  return args;
}

function adoptedAndDeactivatedReason(id: string, olds: UserOutputs, adopter: ResourceOwner, owner: ResourceOwner | undefined): string {
  const old = owner?.name ?? "the old resource";
  const urn = owner ? `urn:pulumi:${owner.stack}::${owner.project}::pulumi-nodejs:dynamic/imichat:User::${owner.name}` : "<the old resource's URN>";
  return `not deactivating IMIchat user ${olds.loginId} (id ${id}): resource '${adopter.name}' of this program adopts the same user in this update, ` +
    `and deactivating it would undo the adoption. If you renamed '${old}' to '${adopter.name}', the user is safe; drop the stale record with: ` +
    `pulumi state delete '${urn}' (next time, rename with aliases: [{ name: "${old}" }])`;
}

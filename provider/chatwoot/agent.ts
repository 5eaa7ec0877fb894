import { failuresFromZod } from "../core/check-failures";
import { Claim } from "../core/claims";
import { HelpdeskError, RefusedOperationError } from "../core/errors";
import { CheckFailure, CheckOutcome, DiffOutcome, ReadOutcome, ResourceKind } from "../core/resource-kind";
import { Settings } from "../core/settings";
import { ChatwootAccount, chatwootAccount, notAdministratorReason } from "./account";
import { AgentArgs, agentArgsSchema } from "./agent-schema";
import { AgentFields } from "./client";
import { createOnce } from "./create-once";
import { referenceInProgramsForm, resolveCustomRole, unknownCustomRoleReason } from "./custom-role-reference";
import { LiveAgent } from "./live";

export interface AgentOutputs extends AgentArgs {
  /** The user's id, which is also the agent's id in the account. */
  agentId: number;
  /** The custom role the agent has (null: none). */
  customRoleId: number | null;
  /** False until a new user follows the invitation Chatwoot emailed. */
  confirmed?: boolean;
}

const allowedKeys = (path: string[]) => (path.length === 0 ? Object.keys(agentArgsSchema.shape) : undefined);
const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** chatwoot:Agent, a member of the account: added (or adopted), updated in place, removed on destroy. */
export class ChatwootAgentKind implements ResourceKind<AgentArgs, AgentOutputs> {
  constructor(private readonly settings: Settings, private readonly connection?: string) {}

  private get account(): ChatwootAccount {
    return chatwootAccount(this.settings, this.connection);
  }

  async check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckOutcome<AgentArgs>> {
    const parsed = agentArgsSchema.safeParse(news);
    if (!parsed.success) return { failures: failuresFromZod(parsed.error, allowedKeys) };
    const args = parsed.data;
    const refused = await notAdministratorReason(this.account, "managing agents");
    if (refused) return { failures: [{ property: "", reason: refused }] };
    const failures: CheckFailure[] = [];
    if (args.customRole != null && !(await resolveCustomRole(this.account, args.customRole))) {
      failures.push({ property: "customRole", reason: await unknownCustomRoleReason(this.account, args.customRole) });
    }
    // `olds` are the inputs last applied (empty at creation).
    const creating = olds.email === undefined;
    const replacing = !creating && typeof olds.email === "string" && !sameEmail(olds.email, args.email);
    if (creating || replacing) {
      const member = await this.memberByEmail(args.email);
      if (member && !(creating && args.adopt)) {
        failures.push({
          property: "email",
          reason: `${member.email} is already a member of account ${this.account.accountId} (agent id ${member.id}, ${member.role}); ` +
            `to manage that member from this program set adopt: true`,
        });
      }
      if (!member && creating && args.adopt) {
        failures.push({ property: "adopt", reason: `account ${this.account.accountId} has no member with the email ${args.email}; remove adopt to add one` });
      }
    }
    return failures.length > 0 ? { failures } : { inputs: args, failures };
  }

  async claims(inputs: Record<string, unknown>): Promise<Claim[]> {
    const parsed = agentArgsSchema.safeParse(inputs);
    if (!parsed.success) return [];
    const email = parsed.data.email.toLowerCase();
    return [{ key: `chatwoot/${this.account.label}/agent-email/${email}`, what: `the Chatwoot agent ${email} of account ${this.account.accountId}`, property: "email" }];
  }

  /** Chatwoot never changes an agent's email, so another email is another agent: replaced (removed, then added). */
  async diff(olds: AgentOutputs, news: AgentArgs): Promise<DiffOutcome> {
    if (!sameEmail(olds.email, news.email)) return { changes: true, replaces: ["email"], changedPaths: ["email"] };
    const changedPaths = [...Object.keys(changedFields(news, olds)), ...(customRoleChanged(news, olds) ? ["customRole"] : [])];
    return { changes: changedPaths.length > 0, changedPaths };
  }

  async create(args: AgentArgs): Promise<{ id: string; outs: AgentOutputs }> {
    const roleId = await this.customRoleId(args);
    const member = args.adopt ? await this.memberByEmail(args.email) : undefined;
    if (args.adopt && !member) throw new RefusedOperationError(`adopt: account ${this.account.accountId} has no member with the email ${args.email}`);
    const live = member ?? (await this.addOnce(args, roleId));
    // An adopted member, or an existing user Chatwoot added as is (it keeps the user's name), may still differ.
    const keep = args.customRole === undefined ? live.customRoleId : roleId;
    const outs = await this.converge(live.id, args, { ...args, ...liveArgs(live) }, live, keep);
    return { id: String(live.id), outs };
  }

  async read(id: string, olds: AgentOutputs): Promise<ReadOutcome<AgentArgs, AgentOutputs> | undefined> {
    const live = await this.account.agents.byId(Number(id));
    if (!live) return undefined;
    const outs = await this.outputsFor(argsOf(olds), live);
    return { id, props: outs, inputs: argsOf(outs) };
  }

  /**
   * Sends only the changed fields, and always the custom role to keep: Chatwoot clears it when an update omits it.
   * A role the program does not declare is kept as Chatwoot has it now (not as last recorded: it may have been
   * given in the dashboard since).
   */
  async update(id: string, olds: AgentOutputs, news: AgentArgs): Promise<AgentOutputs> {
    const current = news.customRole === undefined ? await this.account.agents.byId(Number(id)) : undefined;
    const keep = news.customRole === undefined ? current?.customRoleId ?? olds.customRoleId : await this.customRoleId(news);
    const outs = await this.converge(Number(id), news, argsOf(olds), undefined, keep, olds.customRoleId);
    return { ...(olds.confirmed !== undefined ? { confirmed: olds.confirmed } : {}), ...outs };
  }

  /** Removes the membership; Chatwoot deletes the user too when it has no other account. Already gone counts as done. */
  async delete(id: string): Promise<void> {
    await this.account.client.deleteAgent(Number(id));
    this.account.agents.drop(Number(id));
  }

  /** One PATCH when a declared field differs from `last` or the custom role from `lastRoleId`; checked against the answer. */
  private async converge(id: number, args: AgentArgs, last: Partial<AgentArgs>, live: LiveAgent | undefined, customRoleId: number | null, lastRoleId = live?.customRoleId ?? null): Promise<AgentOutputs> {
    const fields = changedFields(args, last);
    if (Object.keys(fields).length === 0 && customRoleId === lastRoleId) {
      return live ? this.outputsFor(args, live) : { ...args, agentId: id, customRoleId };
    }
    // Chatwoot requires a non-empty `agent` object even when only the custom role changes: the unchanged name fills it.
    const updated = await this.account.client.updateAgent(id, Object.keys(fields).length > 0 ? fields : { name: args.name }, customRoleId);
    this.account.agents.remember(updated);
    const ignored = [...Object.keys(changedFields(args, { ...args, ...liveArgs(updated) })), ...(updated.customRoleId !== customRoleId ? ["customRole"] : [])];
    if (ignored.length > 0) throw new HelpdeskError(`Chatwoot accepted the update of agent ${id} but did not apply: ${ignored.join(", ")}`);
    return this.outputsFor(args, updated);
  }

  /**
   * The agent's role in the form the program declared it. A declared role the agent no longer has is left out (the
   * engine takes no undefined values): a diff. Declared null, a role the agent has shows by name: a diff too.
   */
  private async observedCustomRole(declared: AgentArgs["customRole"], liveId: number | null): Promise<Pick<AgentArgs, "customRole">> {
    if (declared === undefined) return {};
    if (declared === null) return { customRole: liveId === null ? null : (await this.account.customRoles.byId(liveId))?.name ?? liveId };
    return liveId === null ? {} : { customRole: await referenceInProgramsForm(this.account, declared, liveId) };
  }

  /** A member with this email, found after a lost answer, is the one the create added. */
  private async addOnce(args: AgentArgs, customRoleId: number | null): Promise<LiveAgent> {
    const fields: AgentFields = {
      name: args.name,
      email: args.email,
      ...(args.role !== undefined ? { role: args.role } : {}),
      ...(args.availability !== undefined ? { availability: args.availability } : {}),
      ...(args.autoOffline !== undefined ? { auto_offline: args.autoOffline } : {}),
    };
    const added = await createOnce(
      () => this.account.client.createAgent(fields, customRoleId),
      async () => {
        this.account.agents.forget();
        return this.memberByEmail(args.email);
      },
    );
    this.account.agents.remember(added);
    return added;
  }

  /** The role the program asks for: none when it declares null (or, at creation, nothing). */
  private async customRoleId(args: AgentArgs): Promise<number | null> {
    if (args.customRole == null) return null;
    const role = await resolveCustomRole(this.account, args.customRole);
    if (!role) throw new RefusedOperationError(`customRole: ${await unknownCustomRoleReason(this.account, args.customRole)}`);
    return role.id;
  }

  private async memberByEmail(email: string): Promise<LiveAgent | undefined> {
    return (await this.account.agents.all()).find((agent) => sameEmail(agent.email, email));
  }

  /** The declared fields at their live values (the email as the program spells it, when only its case differs). */
  private async outputsFor(args: AgentArgs, live: LiveAgent): Promise<AgentOutputs> {
    const observed = liveArgs(live);
    const { customRole: declaredRole, ...rest } = args;
    const customRole = await this.observedCustomRole(declaredRole, live.customRoleId);
    return {
      ...rest,
      name: observed.name,
      email: sameEmail(args.email, live.email) ? args.email : live.email,
      ...(args.role !== undefined ? { role: observed.role } : {}),
      ...(args.autoOffline !== undefined ? { autoOffline: observed.autoOffline } : {}),
      // With auto offline on, Chatwoot shows presence, not the stored value: the declared value stands in for it.
      ...(args.availability !== undefined ? { availability: live.autoOffline ? args.availability : observed.availability } : {}),
      ...customRole,
      agentId: live.id,
      customRoleId: live.customRoleId,
      ...(live.confirmed !== undefined ? { confirmed: live.confirmed } : {}),
    };
  }
}

/** What Chatwoot shows of the declarable fields. With auto offline on, the stored availability is not shown at all. */
function liveArgs(live: LiveAgent): Pick<AgentArgs, "name" | "role" | "availability" | "autoOffline"> {
  return {
    name: live.name,
    role: live.role as AgentArgs["role"],
    autoOffline: live.autoOffline,
    ...(live.autoOffline ? {} : { availability: live.availabilityStatus as AgentArgs["availability"] }),
  };
}

/** The fields the program declares that differ from `last`. */
function changedFields(args: AgentArgs, last: Partial<AgentArgs>): AgentFields {
  return {
    ...(args.name !== last.name ? { name: args.name } : {}),
    ...(args.role !== undefined && args.role !== last.role ? { role: args.role } : {}),
    ...(args.availability !== undefined && args.availability !== last.availability ? { availability: args.availability } : {}),
    ...(args.autoOffline !== undefined && args.autoOffline !== last.autoOffline ? { auto_offline: args.autoOffline } : {}),
  };
}

function customRoleChanged(args: AgentArgs, olds: AgentOutputs): boolean {
  return args.customRole !== undefined && String(args.customRole) !== String(olds.customRole);
}

function argsOf(outputs: AgentOutputs): AgentArgs {
  const { agentId: _id, customRoleId: _role, confirmed: _confirmed, ...args } = outputs;
  return args;
}

import type { FaultSpec } from "../core/faults";
import type { Recorder } from "../core/recorder";
import { Router } from "../core/router";
import { ACCOUNT_IDS, CUSTOM_ROLE_PERMISSIONS } from "./seed";
import type { Account, AccountUser, ChatwootStore, CustomRole, User } from "./store";
import { agentView } from "./views";

/**
 * Out-of-band actions: what an administrator (or the super admin console, or a user following an email link) does
 * in Chatwoot's UI. Never recorded. Returned records are copies.
 */
export interface ChatwootAdmin {
  getAccount(id: number): Account | undefined;
  /** Super admin console: suspend or reactivate an account. */
  suspendAccount(id: number): void;
  reactivateAccount(id: number): void;
  /** Super admin console: the account's agent licence (usage_limits[:agents]). */
  setAgentLimit(accountId: number, limit: number): void;
  /** The agents page of an account, as the API lists them. */
  listAgents(accountId?: number): Array<Record<string, unknown>>;
  getUser(id: number): User | undefined;
  findUserByEmail(email: string): User | undefined;
  membership(accountId: number, userId: number): AccountUser | undefined;
  /** The user follows the link of the reconfirmation email: unconfirmed_email becomes the email. */
  confirmEmail(userId: number): User;
  listCustomRoles(accountId?: number): CustomRole[];
  createCustomRole(input: { accountId?: number; name: string; description?: string | null; permissions?: string[] }): CustomRole;
}

export function createChatwootAdmin(store: ChatwootStore): ChatwootAdmin {
  const account = (id: number) => store.accounts.get(id) ?? fail(`no account ${id}`);
  const user = (id: number) => store.users.get(id) ?? fail(`no user ${id}`);
  const copy = <T>(v: T | undefined): T | undefined => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as T));
  return {
    getAccount: (id) => copy(store.accounts.get(id)),
    suspendAccount: (id) => void (account(id).status = "suspended"),
    reactivateAccount: (id) => void (account(id).status = "active"),
    setAgentLimit: (accountId, limit) => void (account(accountId).agentLimit = limit),
    listAgents: (accountId = ACCOUNT_IDS.main) =>
      store.agentsOf(account(accountId).id).map((u) => agentView(u, store.membership(accountId, u.id)!)),
    getUser: (id) => copy(store.users.get(id)),
    findUserByEmail: (email) => copy(store.userByEmail(email)),
    membership: (accountId, userId) => copy(store.membership(accountId, userId)),
    confirmEmail(userId) {
      const u = user(userId);
      if (u.unconfirmedEmail !== null) {
        u.email = u.unconfirmedEmail;
        u.unconfirmedEmail = null;
      }
      u.confirmed = true;
      return copy(u)!;
    },
    listCustomRoles: (accountId = ACCOUNT_IDS.main) => copy(store.customRolesOf(accountId))!,
    createCustomRole(input) {
      const accountId = account(input.accountId ?? ACCOUNT_IDS.main).id;
      const permissions = input.permissions ?? [];
      if (input.name.trim() === "") fail("a custom role needs a name");
      if (store.customRolesOf(accountId).some((r) => r.name === input.name)) fail(`custom role name already used: ${input.name}`);
      for (const p of permissions) if (!(CUSTOM_ROLE_PERMISSIONS as readonly string[]).includes(p)) fail(`unknown permission ${p}`);
      return copy(store.createCustomRole({ accountId, name: input.name, description: input.description ?? null, permissions }))!;
    },
  };
}

function fail(message: string): never {
  throw new Error(`sandbox: ${message}`);
}

/** Admin over HTTP, on both origins: never recorded, limited, faulted or authenticated. */
export function chatwootAdminRouter(admin: ChatwootAdmin, recorder: Recorder, failNext: (spec: FaultSpec) => void): Router {
  const base = "/__sandbox/chatwoot";
  const accountId = (raw: string) => Number(raw);
  const guarded = (fn: () => unknown) => {
    try {
      return { status: 200, body: fn() ?? {} };
    } catch (err) {
      return { status: 400, body: { message: err instanceof Error ? err.message : String(err) } };
    }
  };
  return new Router()
    .add("GET", "/__sandbox/requests", () => ({ status: 200, body: recorder.all() }))
    .add("DELETE", "/__sandbox/requests", () => (recorder.clear(), { status: 204 }))
    .add("GET", `${base}/accounts/:id/agents`, (req) => guarded(() => admin.listAgents(accountId(req.params.id))))
    .add("GET", `${base}/accounts/:id/custom_roles`, (req) => guarded(() => admin.listCustomRoles(accountId(req.params.id))))
    .add("POST", `${base}/accounts/:id/suspend`, (req) => guarded(() => admin.suspendAccount(accountId(req.params.id))))
    .add("POST", `${base}/accounts/:id/reactivate`, (req) => guarded(() => admin.reactivateAccount(accountId(req.params.id))))
    .add("POST", `${base}/accounts/:id/agent_limit`, (req) =>
      guarded(() => admin.setAgentLimit(accountId(req.params.id), Number((req.body as { limit?: unknown } | undefined)?.limit))))
    .add("POST", `${base}/users/:id/confirm_email`, (req) => guarded(() => admin.confirmEmail(Number(req.params.id))))
    .add("POST", `${base}/faults`, (req) => {
      const spec = { ...(req.body as FaultSpec & { pathPattern?: string }) };
      if (spec.pathPattern) spec.path = new RegExp(spec.pathPattern);
      failNext(spec);
      return { status: 204 };
    });
}

import type { SandboxRequest } from "../core/types";
import * as E from "./errors";
import type { Account, AccountUser, ChatwootStore, User } from "./store";

/**
 * Authentication and account scoping, in the order a Chatwoot server runs its before_actions (upstream
 * api/base_controller.rb, concerns/access_token_auth_helper.rb, api/v1/accounts/base_controller.rb, the policies):
 * token → account exists (404) → account active (401) → caller is a member (401) → record lookup (404) → policy (401).
 * Checked inside each route, not before routing: Rails routes first, so an unknown path is a 404 even without a token.
 */
export const API_PATH = "/api/v1";
export const PLATFORM_PATH = "/platform/api/v1";

/**
 * The `api_access_token` header. Rack reads it as HTTP_API_ACCESS_TOKEN, which `api-access-token` also becomes;
 * a blank value counts as absent (`.present?`).
 */
export function accessToken(req: SandboxRequest): string | undefined {
  for (const name of ["api_access_token", "api-access-token"]) {
    const v = req.headers[name];
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined && s.trim() !== "") return s;
  }
  return undefined;
}

/** The user behind the token. Chatwoot accepts no Authorization header: without api_access_token, devise answers. */
export function currentUser(store: ChatwootStore, req: SandboxRequest): User {
  const token = accessToken(req);
  if (token === undefined) return E.fail(E.signInRequired());
  // The platform app's token is an AccessToken too, but its owner is neither a User nor an AgentBot.
  if (token === store.platformToken) return E.fail(E.notForBots());
  return store.userByToken(token) ?? E.fail(E.invalidAccessToken());
}

export interface AccountScope { user: User; account: Account; membership: AccountUser }

/** `Account.find(params[:account_id])`, then suspended, then membership. */
export function accountScope(store: ChatwootStore, req: SandboxRequest): AccountScope {
  const user = currentUser(store, req);
  const account = findAccount(store, req.params.account_id);
  if (account.status !== "active") E.fail(E.accountSuspended());
  const membership = store.membership(account.id, user.id) ?? E.fail(E.notInAccount());
  return { user, account, membership };
}

export function findAccount(store: ChatwootStore, raw: string): Account {
  return store.accounts.get(integerId(raw)) ?? E.fail(E.notFound());
}

/** ActiveRecord casts "12abc" to 12 and "abc" to nil (then not found). */
export function integerId(raw: string | undefined): number {
  const m = /^\s*(-?\d+)/.exec(raw ?? "");
  return m ? Number(m[1]) : NaN;
}

/** Pundit (UserPolicy#create?/update?/destroy?, CustomRolePolicy): administrators only; others get 401. */
export function requireAdministrator(scope: AccountScope): void {
  if (scope.membership.role !== "administrator") E.fail(E.notAuthorizedAction());
}

/** PlatformController#set_platform_app: only the platform app's token; anything else is "Invalid access_token". */
export function requirePlatformApp(store: ChatwootStore, req: SandboxRequest): void {
  if (accessToken(req) !== store.platformToken) E.fail(E.invalidPlatformToken());
}

import type { Router } from "../core/router";
import type { SandboxRequest, SandboxResponse } from "../core/types";
import { accountScope, API_PATH, integerId, requireAdministrator, type AccountScope } from "./auth";
import * as E from "./errors";
import { AVAILABILITIES, ROLES } from "./seed";
import type { AccountUser, ChatwootStore, User } from "./store";
import { asString, castBoolean, emailErrors, nameErrors, permitScalars, railsParams, required } from "./validation";
import { agentView } from "./views";

/**
 * `resources :agents, only: [:index, :create, :update, :destroy]` under an account (upstream
 * api/v1/accounts/agents_controller.rb, its enterprise module, builders/agent_builder.rb, policies/user_policy.rb).
 * Listing is open to every member; create, update and destroy to administrators.
 */
export function addAgentRoutes(r: Router, store: ChatwootStore): void {
  const base = `${API_PATH}/accounts/:account_id/agents`;
  const ok = (u: User, m: AccountUser): SandboxResponse => ({ status: 200, body: agentView(u, m) });

  r.add("GET", base, (req) => {
    const scope = accountScope(store, req);
    const body = store.agentsOf(scope.account.id).map((u) => agentView(u, store.membership(scope.account.id, u.id)!));
    return { status: 200, body };
  });

  r.add("POST", base, (req) => {
    const scope = accountScope(store, req);
    requireAdministrator(scope);
    // validate_limit: usage_limits[:agents] minus every user of the account (administrators included).
    if (store.agentsOf(scope.account.id).length >= scope.account.agentLimit) return E.agentLimitReached();
    const f = permitScalars(required(req, "agent"), ["email", "name", "role", "availability", "auto_offline"]);
    const email = asString(f.email);
    const role = enumValue(f.role, ROLES, "agent");
    const availability = enumValue(f.availability, AVAILABILITIES, "offline");
    // AgentBuilder: an existing user with that email is reused as is (its name is not changed).
    let user = email === null ? undefined : store.userByEmail(email);
    if (user && store.membership(scope.account.id, user.id)) return E.recordInvalid([{ attribute: "user_id", message: "User has already been taken" }]);
    if (!user) {
      const name = "name" in f ? asString(f.name) : "";
      const errors = [...emailErrors(email, () => false), ...nameErrors(name, null)];
      if (errors.length > 0) return E.recordInvalid(errors);
      // An invalid role or availability raises inside the builder's transaction: nothing is kept.
      if (role === undefined || availability === undefined) return E.internalError();
      // A new user gets a generated password and a confirmation email: unconfirmed until they follow it.
      user = store.createUser({ name: name!, email: email!, password: `1!aA${Math.random().toString(36).slice(2, 14)}`, confirmed: false });
    }
    if (role === undefined || availability === undefined) return E.internalError();
    const membership = store.addMembership({
      accountId: scope.account.id, userId: user.id, role, availability, autoOffline: castBoolean(f.auto_offline) ?? false,
      customRoleId: null, inviterId: scope.user.id,
    });
    // Enterprise: after the builder commits, custom_role_id (a top-level parameter) is written, present or not.
    return setCustomRole(store, req, membership) ?? ok(user, membership);
  });

  const update = (req: SandboxRequest): SandboxResponse => {
    const { scope, user, membership } = fetchAgent(store, req);
    requireAdministrator(scope);
    const f = permitScalars(required(req, "agent"), ["name", "email", "role", "availability", "auto_offline"]);
    // Only name goes to the user (compact: null is skipped); email is permitted but never written.
    if (f.name !== undefined && f.name !== null) {
      const errors = nameErrors(asString(f.name), user.displayName);
      if (errors.length > 0) return E.recordInvalid(errors);
      user.name = asString(f.name)!;
      user.updatedAt = store.now();
    }
    // role, availability, auto_offline go to the membership; nil values are compacted away. An unknown enum value
    // raises after the name was saved.
    const role = f.role === undefined || f.role === null ? membership.role : enumValue(f.role, ROLES, membership.role);
    const availability = f.availability === undefined || f.availability === null ? membership.availability : enumValue(f.availability, AVAILABILITIES, membership.availability);
    if (role === undefined || availability === undefined) return E.internalError();
    membership.role = role;
    membership.availability = availability;
    membership.autoOffline = castBoolean(f.auto_offline) ?? membership.autoOffline;
    membership.updatedAt = store.now();
    // Enterprise: an update without custom_role_id clears the agent's custom role.
    return setCustomRole(store, req, membership) ?? ok(user, membership);
  };
  r.add("PUT", `${base}/:id`, update);
  r.add("PATCH", `${base}/:id`, update);

  r.add("DELETE", `${base}/:id`, (req) => {
    const { scope, user, membership } = fetchAgent(store, req);
    requireAdministrator(scope);
    store.accountUsers.delete(membership.id);
    // DeleteObjectJob removes the user only when no membership is left (run at once here).
    if (store.membershipsOfUser(user.id).length === 0) store.deleteUser(user.id);
    return { status: 200 };
  });
}

/** `agents.find(params[:id])` (before the policy check): only users of this account; otherwise 404. */
function fetchAgent(store: ChatwootStore, req: SandboxRequest): { scope: AccountScope; user: User; membership: AccountUser } {
  const scope = accountScope(store, req);
  const id = integerId(req.params.id);
  const membership = store.membership(scope.account.id, id) ?? E.fail(E.notFound());
  return { scope, user: store.users.get(id)!, membership };
}

/** A Rails enum value: nil → the default; a known name → it; anything else → undefined (ArgumentError). */
function enumValue<T extends string>(v: unknown, allowed: readonly T[], dflt: T): T | undefined {
  if (v === undefined || v === null) return dflt;
  const s = String(v);
  return (allowed as readonly string[]).includes(s) ? (s as T) : undefined;
}

/**
 * `current_account_user.update!(custom_role_id: params[:custom_role_id])`. Absent or null clears it. An id of no
 * custom role breaks the foreign key: uncaught, 500 (the agent change before it is kept). The server does not check
 * that the role belongs to this account.
 */
function setCustomRole(store: ChatwootStore, req: SandboxRequest, m: AccountUser): SandboxResponse | undefined {
  const raw = railsParams(req).custom_role_id;
  if (raw === undefined || raw === null || raw === "") {
    m.customRoleId = null;
    return undefined;
  }
  const id = integerId(String(raw));
  if (!store.customRoles.has(id)) return E.internalError();
  m.customRoleId = id;
  return undefined;
}

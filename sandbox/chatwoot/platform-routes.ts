import { Router } from "../core/router";
import type { SandboxRequest, SandboxResponse } from "../core/types";
import { findAccount, integerId, PLATFORM_PATH, requirePlatformApp } from "./auth";
import * as E from "./errors";
import { ROLES, type Role } from "./seed";
import { secureToken, type ChatwootStore, type User } from "./store";
import { asString, emailErrors, isObject, nameErrors, passwordErrors, permitScalars, railsParams } from "./validation";
import { accountUserRecord, platformUserView } from "./views";

/**
 * The platform API (upstream platform_controller.rb, platform/api/v1/users_controller.rb, account_users_controller.rb),
 * served on its own origin. Only the platform app's token works, and only on the users and accounts the app may
 * manage (platform_app_permissibles): the accounts seeded for it, their users, and the users it creates.
 * Parameters are top-level (`params.permit`), as the platform swagger shows.
 */
export function platformRouter(store: ChatwootStore, appOrigin: () => string): Router {
  const r = new Router();
  const at = (method: string, path: string, h: (req: SandboxRequest) => SandboxResponse) => r.add(method, PLATFORM_PATH + path, h);
  const ok = (u: User): SandboxResponse => ({ status: 200, body: platformUserView(store, u) });

  /** set_resource then validate_platform_app_permissible: unknown → 404, not the app's → 401. */
  const permissibleUser = (req: SandboxRequest): User => {
    requirePlatformApp(store, req);
    const user = store.users.get(integerId(req.params.id)) ?? E.fail(E.notFound());
    if (!store.permissibleUsers.has(user.id)) E.fail(E.nonPermissible());
    return user;
  };
  const permissibleAccount = (req: SandboxRequest) => {
    requirePlatformApp(store, req);
    const account = findAccount(store, req.params.account_id);
    if (!store.permissibleAccounts.has(account.id)) E.fail(E.nonPermissible());
    return account;
  };

  at("POST", "/users", (req) => {
    requirePlatformApp(store, req);
    const params = railsParams(req);
    const f = permitScalars(params, ["name", "display_name", "email", "password"]);
    const email = asString(f.email);
    // `User.from_email(email) || User.new(...)`: an existing user is reused unchanged, then confirmed.
    let user = email === null ? undefined : store.userByEmail(email);
    if (!user) {
      const name = asString(f.name);
      const errors = [
        ...emailErrors(email, () => false), ...passwordErrors(asString(f.password), undefined), ...nameErrors(name, asString(f.display_name)),
      ];
      if (errors.length > 0) return E.recordInvalid(errors);
      user = store.createUser({ name: name!, email: email!, password: asString(f.password)!, confirmed: true,
        displayName: asString(f.display_name), customAttributes: isObject(params.custom_attributes) ? params.custom_attributes : {} });
    }
    user.confirmed = true; // skip_confirmation!
    store.permissibleUsers.add(user.id);
    return ok(user);
  });

  at("GET", "/users/:id", (req) => ok(permissibleUser(req)));

  const update = (req: SandboxRequest): SandboxResponse => {
    const user = permissibleUser(req);
    const params = railsParams(req);
    const f = permitScalars(params, ["name", "display_name", "email", "password"]);
    const name = "name" in f ? asString(f.name) : user.name;
    const displayName = "display_name" in f ? asString(f.display_name) : user.displayName;
    const email = "email" in f ? asString(f.email) : user.email;
    const emailChanged = email?.toLowerCase() !== user.email;
    const errors = [
      ...(emailChanged ? emailErrors(email, (e) => [...store.users.values()].some((u) => u.id !== user.id && u.email === e)) : []),
      ...("password" in f ? passwordErrors(asString(f.password), undefined) : []),
      ...nameErrors(name, displayName),
    ];
    if (errors.length > 0) return E.recordInvalid(errors);
    user.name = name!;
    user.displayName = displayName;
    // skip_reconfirmation!: through the platform API a new email applies at once.
    user.email = email!.toLowerCase();
    if ("password" in f) user.password = asString(f.password)!;
    if (isObject(params.custom_attributes)) user.customAttributes = { ...user.customAttributes, ...params.custom_attributes };
    user.updatedAt = store.now();
    return ok(user);
  };
  at("PATCH", "/users/:id", update);
  at("PUT", "/users/:id", update);

  at("DELETE", "/users/:id", (req) => {
    store.deleteUser(permissibleUser(req).id); // DeleteObjectJob, run at once
    return { status: 200 };
  });

  at("GET", "/users/:id/login", (req) => {
    const user = permissibleUser(req);
    return { status: 200, body: { url: `${appOrigin()}/app/login?email=${encodeURIComponent(user.email)}&sso_auth_token=${secureToken()}` } };
  });

  at("GET", "/accounts/:account_id/account_users", (req) => {
    const account = permissibleAccount(req);
    return { status: 200, body: store.membershipsOfAccount(account.id).map(accountUserRecord) };
  });

  at("POST", "/accounts/:account_id/account_users", (req) => {
    const account = permissibleAccount(req);
    const f = permitScalars(railsParams(req), ["user_id", "role"]);
    const userId = integerId(asString(f.user_id) ?? "");
    const role = f.role === undefined || f.role === null ? undefined : String(f.role);
    // An unknown enum value raises (500); a missing user fails `belongs_to :user`.
    if (role !== undefined && !(ROLES as readonly string[]).includes(role)) return E.internalError();
    let m = store.membership(account.id, userId);
    if (!m) {
      if (!store.users.has(userId)) return E.recordInvalid([{ attribute: "user", message: "User must exist" }]);
      // A new membership takes the column defaults: agent, online, auto_offline true.
      m = store.addMembership({ accountId: account.id, userId, role: "agent", availability: "online", autoOffline: true, customRoleId: null, inviterId: null });
    }
    if (role !== undefined) m.role = role as Role;
    m.updatedAt = store.now();
    return { status: 200, body: accountUserRecord(m) };
  });

  at("DELETE", "/accounts/:account_id/account_users", (req) => {
    const account = permissibleAccount(req);
    const m = store.membership(account.id, integerId(asString(railsParams(req).user_id) ?? ""));
    if (m) store.accountUsers.delete(m.id);
    return { status: 200 };
  });

  return r;
}

import type { Router } from "../core/router";
import type { SandboxRequest, SandboxResponse } from "../core/types";
import { accountScope, API_PATH, integerId, requireAdministrator } from "./auth";
import * as E from "./errors";
import type { ChatwootStore, CustomRole } from "./store";
import { asString, CUSTOM_ROLE_ATTRIBUTES, customRoleErrors, permittedArray, permitScalars, required } from "./validation";
import { customRoleView } from "./views";

/**
 * Enterprise `resources :custom_roles, only: [:index, :create, :show, :update, :destroy]` (upstream
 * enterprise/app/controllers/api/v1/accounts/custom_roles_controller.rb, custom_role.rb, CustomRolePolicy: every action
 * administrator-only). Body `{custom_role: {name, description, permissions: []}}`; CustomRole is a model, so a flat
 * body is wrapped with its attributes only.
 *
 * The controller looks the role up with `find_by` (nil when unknown), then renders or updates it: an unknown id is an
 * uncaught NoMethodError, 500, after the administrator check (and, for update, after the parameter check).
 */
export function addCustomRoleRoutes(r: Router, store: ChatwootStore): void {
  const base = `${API_PATH}/accounts/:account_id/custom_roles`;
  const admin = (req: SandboxRequest) => {
    const scope = accountScope(store, req);
    const role = req.params.id === undefined ? undefined : store.customRoles.get(integerId(req.params.id));
    requireAdministrator(scope);
    return { scope, role: role && role.accountId === scope.account.id ? role : undefined };
  };
  const ok = (role: CustomRole): SandboxResponse => ({ status: 200, body: customRoleView(role) });
  const nameTaken = (accountId: number, name: string | null, exceptId?: number) =>
    store.customRolesOf(accountId).some((r) => r.id !== exceptId && r.name === name);

  r.add("GET", base, (req) => {
    const { scope } = admin(req);
    return { status: 200, body: store.customRolesOf(scope.account.id).map(customRoleView) };
  });

  r.add("POST", base, (req) => {
    const { scope } = admin(req);
    const p = required(req, "custom_role", CUSTOM_ROLE_ATTRIBUTES);
    const f = permitScalars(p, ["name", "description"]);
    const name = asString(f.name);
    const permissions = permittedArray(p.permissions) ?? [];
    const errors = customRoleErrors(name, permissions, nameTaken(scope.account.id, name));
    if (errors.length > 0) return E.recordInvalid(errors);
    return ok(store.createCustomRole({ accountId: scope.account.id, name: name!, description: asString(f.description), permissions }));
  });

  r.add("GET", `${base}/:id`, (req) => {
    const { role } = admin(req);
    return role ? ok(role) : E.internalError();
  });

  const update = (req: SandboxRequest): SandboxResponse => {
    const { scope, role } = admin(req);
    const p = required(req, "custom_role", CUSTOM_ROLE_ATTRIBUTES);
    if (!role) return E.internalError();
    const f = permitScalars(p, ["name", "description"]);
    const name = "name" in f ? asString(f.name) : role.name;
    const permissions = permittedArray(p.permissions) ?? role.permissions;
    const errors = customRoleErrors(name, permissions, nameTaken(scope.account.id, name, role.id));
    if (errors.length > 0) return E.recordInvalid(errors);
    role.name = name!;
    if ("description" in f) role.description = asString(f.description);
    role.permissions = [...permissions];
    role.updatedAt = store.now();
    return ok(role);
  };
  r.add("PUT", `${base}/:id`, update);
  r.add("PATCH", `${base}/:id`, update);

  r.add("DELETE", `${base}/:id`, (req) => {
    const { role } = admin(req);
    if (!role) return E.internalError();
    store.deleteCustomRole(role.id); // its agents lose the role (dependent: :nullify)
    return { status: 200 };
  });
}

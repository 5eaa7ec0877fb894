import type { FaultSpec } from "../core/faults";
import type { Recorder } from "../core/recorder";
import { Router } from "../core/router";
import type { SandboxResponse } from "../core/types";
import type { ZohoDataCentre } from "../zoho-accounts";
import type { CrmOrgStore, CrmUser, StoredProfile, WireProfile } from "./store";
import { DESCRIPTION_MAX, disableWithChildren, enableWithParents, FORBIDDEN_NAME_CHARACTERS, isPlainObject, NAME_MAX } from "./validation";

export interface CrmPermissionInfo {
  id: string;
  name: string;
  display_label: string;
  module: string | null;
  customizable: boolean;
  parent_permissions: string[] | null;
}

/**
 * Out-of-band actions on one org, as an administrator clicking in the Zoho CRM setup pages. Never recorded, never
 * limited. They throw on what the UI would not allow (system profiles, non-customizable permissions, a name in use,
 * the licence limit).
 */
export interface ZohoCrmAdmin {
  readonly dataCentre: ZohoDataCentre;
  readonly orgId: string;
  /** Every profile of the org (lite ones included), with permissions_details and sections. */
  listProfiles(): WireProfile[];
  getProfile(id: string): WireProfile | undefined;
  findProfileByName(name: string): WireProfile | undefined;
  /** This org's id of a permission name, e.g. "Crm_Implied_View_Leads" (ids differ per org). Throws when unknown. */
  permissionId(name: string): string;
  /** The org's permission catalogue with its ids. */
  permissions(): CrmPermissionInfo[];
  /** Is this permission (by name) enabled on this profile? */
  isEnabled(profileId: string, permissionName: string): boolean;
  /**
   * Tick or untick one permission box: ticking also ticks the parents it needs, unticking also unticks the children
   * that depend on it (the profile page's behaviour).
   */
  setPermission(profileId: string, permissionName: string, enabled: boolean): WireProfile;
  /** Several boxes at once, all or nothing. */
  setPermissions(profileId: string, changes: Record<string, boolean>): WireProfile;
  /** "New Profile": clones cloneFrom (default: Standard). */
  createProfile(input: { name: string; description?: string | null; cloneFrom?: string }): WireProfile;
  updateProfile(id: string, input: { name?: string; description?: string | null }): WireProfile;
  /** Deletes a custom profile; its users move to transferTo (default: Standard). */
  deleteProfile(id: string, transferTo?: string): void;
  usersOf(profileId: string): CrmUser[];
  /** As an administrator changing a user's profile in Setup > Users. */
  moveUser(userId: string, profileId: string): CrmUser;
  setLicenseLimit(limit: number): void;
}

export function createCrmAdmin(store: CrmOrgStore): ZohoCrmAdmin {
  const profile = (id: string): StoredProfile => {
    const p = store.get(id);
    if (!p) throw new Error(`sandbox: no profile ${id} in the ${store.dataCentre} org`);
    return p;
  };
  const editable = (id: string): StoredProfile => {
    const p = profile(id);
    if (store.isSystem(p)) throw new Error(`sandbox: ${p.name} is a system profile`);
    return p;
  };
  const permission = (name: string) => {
    const p = store.permissionByName(name);
    if (!p) throw new Error(`sandbox: unknown permission ${name}`);
    return p;
  };
  const checkName = (name: unknown, exceptId?: string): string => {
    if (typeof name !== "string" || name.trim() === "" || name.length > NAME_MAX || [...name].some((c) => FORBIDDEN_NAME_CHARACTERS.includes(c))) {
      throw new Error(`sandbox: invalid profile name ${JSON.stringify(name)}`);
    }
    const holder = store.findByName(name);
    if (holder && holder.id !== exceptId) throw new Error(`sandbox: profile name already used: ${name}`);
    return name;
  };
  const checkDescription = (d: unknown) => {
    if (d !== undefined && d !== null && (typeof d !== "string" || d.length > DESCRIPTION_MAX)) throw new Error("sandbox: invalid description");
  };
  const standard = () => store.all().find((p) => p.name === "Standard" && !p.custom)!;
  const apply = (id: string, changes: Record<string, boolean>): WireProfile => {
    const p = editable(id);
    const entries = Object.entries(changes);
    for (const [name, on] of entries) {
      if (typeof on !== "boolean") throw new Error(`sandbox: ${name} needs true or false`);
      if (!permission(name).customizable) throw new Error(`sandbox: ${name} is not customizable`);
    }
    const state = new Map(p.enabled);
    for (const [name, on] of entries) {
      const id = permission(name).id;
      if (on) enableWithParents(store, state, id);
      else disableWithChildren(store, state, id);
    }
    return store.full(store.update(p.id, { enabled: state }));
  };

  return {
    dataCentre: store.dataCentre,
    orgId: store.orgId,
    listProfiles: () => store.all().map((p) => store.full(p)),
    getProfile: (id) => {
      const p = store.get(id);
      return p ? store.full(p) : undefined;
    },
    findProfileByName: (name) => {
      const p = store.findByName(name);
      return p ? store.full(p) : undefined;
    },
    permissionId: (name) => permission(name).id,
    permissions: () => store.permissions.map((p) => ({
      id: p.id, name: p.name, display_label: p.display_label, module: p.module, customizable: p.customizable,
      parent_permissions: p.parentIds ? [...p.parentIds] : null,
    })),
    isEnabled: (profileId, name) => profile(profileId).enabled.get(permission(name).id) === true,
    setPermission: (profileId, name, enabled) => apply(profileId, { [name]: enabled }),
    setPermissions: (profileId, changes) => apply(profileId, changes),
    createProfile: (input) => {
      const name = checkName(input.name);
      checkDescription(input.description);
      const source = input.cloneFrom === undefined ? standard() : profile(input.cloneFrom);
      if (source.type === "lite_profile") throw new Error(`sandbox: ${source.name} cannot be cloned`);
      if (store.count() >= store.licenseLimit) throw new Error(`sandbox: the licence allows ${store.licenseLimit} profiles`);
      return store.full(store.create({ name, description: input.description ?? null, source }));
    },
    updateProfile: (id, input) => {
      editable(id);
      const name = input.name === undefined ? undefined : checkName(input.name, id);
      checkDescription(input.description);
      return store.full(store.update(id, { name, description: input.description }));
    },
    deleteProfile: (id, transferTo = standard().id) => {
      editable(id);
      if (transferTo === id || !store.get(transferTo)) throw new Error(`sandbox: bad transfer target ${transferTo}`);
      store.remove(id, transferTo);
    },
    usersOf: (profileId) => store.usersOf(profileId),
    moveUser: (userId, profileId) => store.moveUser(userId, profileId),
    setLicenseLimit: (limit) => {
      if (!Number.isInteger(limit) || limit < 0) throw new Error("sandbox: the licence limit is a non-negative integer");
      store.licenseLimit = limit;
    },
  };
}

/** The same admin actions over HTTP on the org's server (for a provider test in another process). */
export function crmAdminRouter(admin: ZohoCrmAdmin, recorder: Recorder, failNext: (f: FaultSpec) => void): Router {
  const base = "/__sandbox/zoho-crm";
  const attempt = (fn: () => unknown, status = 200): SandboxResponse => {
    try {
      const body = fn();
      return body === undefined ? { status: 204 } : { status, body };
    } catch (e) {
      return { status: 400, body: { error: e instanceof Error ? e.message : String(e) } };
    }
  };
  const found = (v: unknown): SandboxResponse => (v === undefined ? { status: 404, body: { error: "no such profile" } } : { status: 200, body: v });
  const body = (b: unknown) => (isPlainObject(b) ? b : {});
  return new Router()
    .add("GET", "/__sandbox/requests", () => ({ status: 200, body: recorder.all() }))
    .add("DELETE", "/__sandbox/requests", () => (recorder.clear(), { status: 204 }))
    .add("GET", `${base}/permissions`, () => ({ status: 200, body: admin.permissions() }))
    .add("GET", `${base}/profiles`, () => ({ status: 200, body: admin.listProfiles() }))
    .add("POST", `${base}/profiles`, (req) => attempt(() => admin.createProfile(body(req.body) as Parameters<ZohoCrmAdmin["createProfile"]>[0]), 201))
    .add("GET", `${base}/profiles/:id`, (req) => found(admin.getProfile(req.params.id)))
    .add("PATCH", `${base}/profiles/:id`, (req) => attempt(() => admin.updateProfile(req.params.id, body(req.body))))
    .add("DELETE", `${base}/profiles/:id`, (req) => attempt(() => admin.deleteProfile(req.params.id, req.query.transfer_to)))
    .add("GET", `${base}/profiles/:id/users`, (req) => ({ status: 200, body: admin.usersOf(req.params.id) }))
    .add("POST", `${base}/users/:id/profile`, (req) => attempt(() => admin.moveUser(req.params.id, String((body(req.body) as { profileId?: unknown }).profileId))))
    .add("POST", `${base}/profiles/:id/permissions`, (req) =>
      attempt(() => {
        if (!isPlainObject(req.body) || Object.keys(req.body).length === 0) throw new Error('body must be like {"Crm_Implied_Delete_Leads": false}');
        return admin.setPermissions(req.params.id, req.body as Record<string, boolean>);
      }))
    .add("POST", `${base}/faults`, (req) =>
      attempt(() => {
        const b = body(req.body) as FaultSpec & { pathPattern?: string };
        failNext({ ...b, path: b.pathPattern !== undefined ? new RegExp(b.pathPattern) : b.path });
      }));
}

import type { FaultSpec } from "../core/faults";
import type { Recorder } from "../core/recorder";
import { Router } from "../core/router";
import { copyMatrix, isKey, isModule } from "./permission-matrix";
import { IDS, type Profile } from "./seed";
import type { DeskStore } from "./store";
import { isPlainObject, validatePermissions, DESCRIPTION_MAX, NAME_MAX } from "./validation";

export interface PublicAgent {
  id: string; firstName: string; lastName: string; emailId: string;
  profileId: string; roleId: string; zuid: string; photoURL: string | null;
}

/** Out-of-band actions, as an administrator clicking in the Zoho Desk UI. Never recorded. */
export interface ZohoDeskAdmin {
  getProfile(id: string): Profile | undefined;
  findProfileByName(name: string): Profile | undefined;
  listProfiles(): Profile[];
  /** path is "module.key", e.g. "tickets.delete". Throws on unknown profile/module/key or a system profile. */
  setPermission(profileId: string, path: string, value: boolean): Profile;
  /** Like the UI "New Profile": clones cloneFrom (default: the Agent profile), then applies partial permissions. */
  createProfile(input: { name: string; description?: string | null; cloneFrom?: string; permissions?: Record<string, Record<string, boolean>> }): Profile;
  updateProfile(id: string, input: { name?: string; description?: string | null }): Profile;
  /** Deletes a custom profile; its agents move to transferToProfileId (default: the Agent profile). */
  deleteProfile(id: string, transferToProfileId?: string): void;
  agentsOf(profileId: string): PublicAgent[];
}

export function createAdmin(store: DeskStore): ZohoDeskAdmin {
  const editable = (id: string) => {
    const stored = store.get(id);
    if (!stored) throw new Error(`sandbox: no profile ${id}`);
    if (!stored.editable) throw new Error(`sandbox: profile ${id} (${stored.profile.name}) is a system profile`);
    return stored;
  };
  const checkName = (name: string, exceptId?: string) => {
    if (name.trim() === "" || name.length > NAME_MAX) throw new Error(`sandbox: invalid profile name ${JSON.stringify(name)}`);
    if (store.nameTaken(name, exceptId)) throw new Error(`sandbox: profile name already used: ${name}`);
  };
  const checkDescription = (d: string | null | undefined) => {
    if (typeof d === "string" && d.length > DESCRIPTION_MAX) throw new Error("sandbox: description too long");
  };
  return {
    getProfile: (id) => store.view(id),
    findProfileByName: (name) => store.findByName(name),
    listProfiles: () => store.list(),
    setPermission(profileId, path, value) {
      editable(profileId);
      const [module, key] = permissionPath(path, value);
      return store.update(profileId, { permissions: { [module]: { [key]: value } } });
    },
    createProfile(input) {
      checkName(input.name);
      checkDescription(input.description);
      const source = store.get(input.cloneFrom ?? IDS.agent);
      if (!source) throw new Error(`sandbox: no profile ${input.cloneFrom}`);
      const { errors, permissions } = validatePermissions(input.permissions ?? {});
      if (errors.length > 0) throw new Error(`sandbox: invalid permissions ${JSON.stringify(errors)}`);
      const matrix = copyMatrix(source.profile.permissions);
      for (const [m, keys] of Object.entries(permissions)) Object.assign(matrix[m], keys);
      return store.create({ name: input.name, description: input.description ?? null, permissions: matrix });
    },
    updateProfile(id, input) {
      editable(id);
      if (input.name !== undefined) checkName(input.name, id);
      checkDescription(input.description);
      return store.update(id, input);
    },
    deleteProfile(id, transferToProfileId = IDS.agent) {
      const stored = editable(id);
      if (!stored.deletable) throw new Error(`sandbox: profile ${id} cannot be deleted`);
      if (transferToProfileId === id || !store.get(transferToProfileId)) throw new Error(`sandbox: bad transfer target ${transferToProfileId}`);
      store.remove(id, transferToProfileId);
    },
    agentsOf: (profileId) =>
      store.agentsOf(profileId).map(({ id, firstName, lastName, emailId, profileId: p, roleId, zuid, photoURL }) =>
        ({ id, firstName, lastName, emailId, profileId: p, roleId, zuid, photoURL })),
  };
}

/** The same admin actions over HTTP (for a provider test running in another process). */
export function adminRouter(admin: ZohoDeskAdmin, recorder: Recorder, failNext: (f: FaultSpec) => void): Router {
  const bad = (e: unknown) => ({ status: 400, body: { error: e instanceof Error ? e.message : String(e) } });
  const attempt = (fn: () => unknown, status = 200) => {
    try {
      const body = fn();
      return body === undefined ? { status: 204 } : { status, body };
    } catch (e) {
      return bad(e);
    }
  };
  const base = "/__sandbox/zoho-desk";
  const missing = (v: unknown) => (v === undefined ? { status: 404, body: { error: "no such profile" } } : { status: 200, body: v });
  return new Router()
    .add("GET", "/__sandbox/requests", () => ({ status: 200, body: recorder.all() }))
    .add("DELETE", "/__sandbox/requests", () => (recorder.clear(), { status: 204 }))
    .add("GET", `${base}/profiles`, () => ({ status: 200, body: admin.listProfiles() }))
    .add("GET", `${base}/profiles/:id`, (req) => missing(admin.getProfile(req.params.id)))
    .add("GET", `${base}/profiles/:id/agents`, (req) => ({ status: 200, body: admin.agentsOf(req.params.id) }))
    .add("POST", `${base}/profiles`, (req) => attempt(() => admin.createProfile(req.body as Parameters<ZohoDeskAdmin["createProfile"]>[0]), 201))
    .add("POST", `${base}/profiles/:id/permissions`, (req) =>
      attempt(() => {
        if (!isPlainObject(req.body) || Object.keys(req.body).length === 0) throw new Error('body must be like {"tickets.delete": false}');
        const entries = Object.entries(req.body);
        for (const [path, value] of entries) permissionPath(path, value); // all-or-nothing
        let last: Profile | undefined;
        for (const [path, value] of entries) last = admin.setPermission(req.params.id, path, value as boolean);
        return last;
      }))
    .add("POST", `${base}/faults`, (req) =>
      attempt(() => {
        const b = (isPlainObject(req.body) ? req.body : {}) as FaultSpec & { pathPattern?: string };
        failNext({ ...b, path: b.pathPattern !== undefined ? new RegExp(b.pathPattern) : b.path });
      }));
}

/** "tickets.delete" -> ["tickets", "delete"]; throws on an unknown module/key or a non-boolean value. */
function permissionPath(path: string, value: unknown): [string, string] {
  const [module, key, ...rest] = path.split(".");
  if (rest.length > 0 || !isModule(module) || !isKey(module, key ?? "") || typeof value !== "boolean") {
    throw new Error(`sandbox: unknown permission or non-boolean value: ${path}`);
  }
  return [module, key];
}

import { Router } from "../core/router";
import type { SandboxRequest, SandboxResponse } from "../core/types";
import * as E from "./errors";
import { OWNER_AGENT_ID, ROLES, type Agent } from "./seed";
import type { DeskStore } from "./store";
import { isPlainObject, validateDeleteBody, validateProfileBody } from "./validation";

export const API_BASE_PATH = "/api/v1";
const PAGE_MAX = 50;

const ok = (body: unknown): SandboxResponse => ({ status: 200, body });
const noContent = (): SandboxResponse => ({ status: 204 });

/** The Zoho Desk profile API (paths relative to /api/v1). Auth and orgId are checked before routing. */
export function deskRouter(store: DeskStore): Router {
  const r = new Router();
  const at = (m: string, path: string, h: (req: SandboxRequest) => SandboxResponse) => r.add(m, API_BASE_PATH + path, h);

  at("GET", "/profiles", (req) => {
    const q = query(req, ["from", "limit", "default", "visible", "searchStr"]);
    if ("error" in q) return q.error;
    // Source silent: from < 1; we reject it (from is 1-based, default 1). List order: creation order.
    const from = int(req, "from", 1, 1, Number.MAX_SAFE_INTEGER);
    const limit = int(req, "limit", PAGE_MAX, 1, PAGE_MAX);
    if (typeof from !== "number") return from;
    if (typeof limit !== "number") return limit;
    const page = store.list(q.filter).slice(from - 1, from - 1 + limit);
    // Source silent: an empty profiles page; we answer 204 No Content, as the profile OAS does for the agents list.
    return page.length === 0 ? noContent() : ok({ data: page });
  });

  at("GET", "/profiles/count", (req) => {
    const q = query(req, ["default", "visible"]);
    return "error" in q ? q.error : ok({ count: store.list(q.filter).length });
  });

  at("GET", "/profiles/:id", (req) => {
    const q = query(req, []);
    if ("error" in q) return q.error;
    return ok(existing(store, req.params.id).profile);
  });

  at("PATCH", "/profiles/:id", (req) => {
    const id = req.params.id;
    const stored = existing(store, id);
    const q = query(req, []);
    if ("error" in q) return q.error;
    // Source silent: the status for editing a system profile; we answer 403 FORBIDDEN.
    if (!stored.editable) return E.forbidden(`The profile '${stored.profile.name}' is a default profile and cannot be edited.`);
    const body = objectBody(req);
    if ("error" in body) return body.error;
    // Source silent: PATCH required fields (OAS says name, seed doc nothing); we accept any subset, {} changes nothing.
    const { errors, input } = validateProfileBody(body.value, {
      allowed: ["name", "description", "permissions"],
      required: [],
      nameTaken: (n) => store.nameTaken(n, id),
    });
    return errors.length > 0 ? E.invalidData(errors) : ok(store.update(id, input));
  });

  at("POST", "/profiles/:id/clone", (req) => {
    const source = existing(store, req.params.id);
    const q = query(req, []);
    if ("error" in q) return q.error;
    // Source silent: cloning the end-user portal profile; we refuse it.
    if (source.profile.type === "Portal") return E.forbidden("The Help Center profile cannot be cloned.");
    const body = objectBody(req);
    if ("error" in body) return body.error;
    const { errors, input } = validateProfileBody(body.value, {
      allowed: ["name", "description"],
      required: ["name", "description"],
      nameTaken: (n) => store.nameTaken(n),
    });
    if (errors.length > 0) return E.invalidData(errors);
    const created = store.create({ name: input.name!, description: input.description ?? null, permissions: source.profile.permissions });
    return ok(created); // 200, per the profile OAS (clone answers commonProfileResponse with 200).
  });

  // Sources disagree on delete (POST .../delete vs DELETE); we implement only the POST form, so DELETE /profiles/{id} is 405.
  at("POST", "/profiles/:id/delete", (req) => {
    const id = req.params.id;
    const stored = existing(store, id);
    const q = query(req, []);
    if ("error" in q) return q.error;
    if (!stored.deletable) return E.forbidden(`The profile '${stored.profile.name}' is a default profile and cannot be deleted.`);
    const body = objectBody(req);
    if ("error" in body) return body.error;
    const { errors, targetId } = validateDeleteBody(body.value, {
      selfId: id,
      isTransferTarget: (t) => store.get(t) !== undefined && store.get(t)!.profile.type !== "Portal",
    });
    if (errors.length > 0) return E.invalidData(errors);
    store.remove(id, targetId!);
    return noContent();
  });

  at("GET", "/profiles/:id/agents", (req) => {
    existing(store, req.params.id);
    const q = query(req, ["active", "confirmed"]);
    if ("error" in q) return q.error;
    const agents = store.agentsOf(req.params.id, { active: q.bools.active, confirmed: q.bools.confirmed }).map(publicAgent);
    return agents.length === 0 ? noContent() : ok({ agents });
  });

  at("GET", "/myinfo", (req) => {
    const q = query(req, ["include"]);
    if ("error" in q) return q.error;
    const include = (req.query.include ?? "").split(",").filter((s) => s.length > 0);
    if (include.some((i) => i !== "profile" && i !== "role")) return E.unprocessable("The value passed for the 'include' parameter is invalid.");
    const me = store.agent(OWNER_AGENT_ID)!;
    const body: Record<string, unknown> = { ...publicAgent(me), status: me.status, isConfirmed: me.isConfirmed, rolePermissionType: "Admin" };
    if (include.includes("profile")) body.profile = { name: store.get(me.profileId)!.profile.name, id: me.profileId };
    if (include.includes("role")) body.role = { name: ROLES[me.roleId], id: me.roleId };
    return ok(body);
  });

  // Both documented in the profile OAS; they answer a full profile object.
  at("GET", "/myProfile", () => ok(store.view(store.agent(OWNER_AGENT_ID)!.profileId)));
  at("GET", "/lightAgentProfile", () => ok(store.list().find((p) => p.type === "Light")));
  return r;
}

function existing(store: DeskStore, id: string) {
  const stored = store.get(id);
  if (!stored) throw new E.DeskError(E.urlNotFound());
  return stored;
}

function publicAgent(a: Agent) {
  const { id, firstName, lastName, emailId, profileId, roleId, zuid, photoURL } = a;
  return { id, firstName, lastName, emailId, profileId, roleId, zuid, photoURL };
}

type QueryResult =
  | { error: SandboxResponse }
  | { filter: { default?: boolean; visible?: boolean; searchStr?: string }; bools: Record<string, boolean | undefined> };

/** Reject parameters the endpoint does not know (observed Desk behaviour) and parse boolean ones. */
function query(req: SandboxRequest, allowed: string[]): QueryResult {
  for (const key of req.queryKeys) {
    // Source silent: orgId as a query parameter; we tolerate it but only the header counts.
    if (key !== "orgId" && !allowed.includes(key)) return { error: E.unprocessable(`Extra query parameter '${key}' is present in the input.`) };
  }
  const bools: Record<string, boolean | undefined> = {};
  for (const key of ["default", "visible", "active", "confirmed"]) {
    const v = req.query[key];
    if (v === undefined || !allowed.includes(key)) continue;
    if (v !== "true" && v !== "false") return { error: E.unprocessable(`The value passed for the '${key}' parameter is invalid.`) };
    bools[key] = v === "true";
  }
  const searchStr = req.query.searchStr;
  if (searchStr !== undefined && (searchStr.length < 1 || searchStr.length > 100)) {
    return { error: E.unprocessable("The value passed for the 'searchStr' parameter is invalid.") };
  }
  return { filter: { default: bools.default, visible: bools.visible, searchStr }, bools };
}

function int(req: SandboxRequest, key: string, dflt: number, min: number, max: number): number | SandboxResponse {
  const raw = req.query[key];
  if (raw === undefined) return dflt;
  const n = /^-?[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) return E.unprocessable(`The value passed for the '${key}' parameter is invalid.`);
  return n;
}

/** The body of a write: absent = {}, must otherwise be a JSON object sent as application/json. */
// Source silent: 415 and malformed-JSON answers; we send 415 UNSUPPORTED_MEDIA_TYPE and 422 UNPROCESSABLE_ENTITY.
function objectBody(req: SandboxRequest): { value: Record<string, unknown> } | { error: SandboxResponse } {
  if (req.rawBody.trim() === "") return { value: {} };
  if (!/application\/json/i.test(String(req.headers["content-type"] ?? ""))) return { error: E.unsupportedMediaType() };
  if (req.bodyParseError) return { error: E.unprocessable("The JSON input is not well formed.") };
  if (!isPlainObject(req.body)) return { error: E.unprocessable("The JSON input must be an object.") };
  return { value: req.body };
}

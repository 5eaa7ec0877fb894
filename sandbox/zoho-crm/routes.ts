import { Router } from "../core/router";
import type { SandboxRequest, SandboxResponse } from "../core/types";
import { API_BASE_PATH } from "./auth";
import * as E from "./errors";
import type { CrmOrgStore, StoredProfile } from "./store";
import { addUserRoutes } from "./user-routes";
import { bodyProfile, checkFields, checkPermissions, isProfileId, type Mode } from "./validation";

export const PER_PAGE_MAX = 200;
const TYPES = ["private_profile", "normal_profile", "portal_profile"];
const INCLUDE_TYPES = /^(Lite|Support)(,(Lite|Support))*$/;

/**
 * The Zoho CRM v8 profile API of one org, paths under /crm/v8 (profiles.json; README §2.1; the v8 operation docs).
 * Auth and scopes are checked before routing (auth.ts). Query parameters an operation does not know are ignored
 * (Source silent; Zoho's CRM APIs ignore them as far as the docs show).
 */
export function crmRouter(store: CrmOrgStore): Router {
  const r = new Router();
  const at = (method: string, path: string, h: (req: SandboxRequest) => SandboxResponse) => r.add(method, API_BASE_PATH + path, h);

  at("GET", "/settings/profiles", (req) => {
    const q = req.query;
    if (q.filters !== undefined) return E.filtersNotEmulated();
    const page = intParam(q, "page", 1, 1, Number.MAX_SAFE_INTEGER);
    const perPage = intParam(q, "per_page", PER_PAGE_MAX, 1, PER_PAGE_MAX);
    if (typeof page !== "number") return page;
    if (typeof perPage !== "number") return perPage;
    if (q.type !== undefined && !TYPES.includes(q.type)) return E.invalidParam("type");
    if (q.include_types !== undefined && (q.include_types.length > 50 || !INCLUDE_TYPES.test(q.include_types))) return E.invalidParam("include_types");
    // The default set is "Administrator, Standard, and custom profiles"; include_types adds Lite (lite_profile) and
    // Support profiles. Source silent: what a Support profile is; the sandbox seeds none, so Support adds nothing.
    const include = new Set((q.include_types ?? "").split(",").filter((s) => s !== ""));
    const matching = store.all()
      .filter((p) => p.type !== "lite_profile" || include.has("Lite"))
      .filter((p) => q.type === undefined || p.type === q.type);
    const start = (page - 1) * perPage;
    const slice = matching.slice(start, start + perPage);
    // Source silent: a page with no profiles (past the end, or a filter that matches nothing). We answer 204 without
    // a body, as Zoho CRM does for empty record lists and as profiles.json lists for the single-profile GET.
    if (slice.length === 0) return { status: 204 };
    return {
      status: 200,
      body: {
        // permissions_details and sections are "rendered in the response only when you fetch a specific profile"
        // (Get Profiles doc, README §2.2), so list entries carry neither.
        profiles: slice.map((p) => store.summary(p)),
        info: { page, per_page: perPage, count: slice.length, more_records: start + slice.length < matching.length, license_limit: store.licenseLimit },
      },
    };
  });

  at("GET", "/settings/profiles/:id", (req) => ({ status: 200, body: { profiles: [store.full(existing(store, req.params.id))] } }));

  const update = (mode: Mode) => (req: SandboxRequest): SandboxResponse => {
    const profile = existing(store, req.params.id);
    // Source: "System profiles (Administrator, Standard) cannot be updated" (v8 docs); the built-in lite profile is
    // treated the same (Source silent).
    if (store.isSystem(profile)) return E.systemNotUpdatable();
    const item = bodyProfile(req);
    if (!item.ok) return item.error;
    const fields = checkFields(item.value, mode, (n) => store.findByName(n), profile.id);
    if (!fields.ok) return fields.error;
    const permissions = checkPermissions(item.value, store, profile);
    if (!permissions.ok) return permissions.error;
    const changed = (fields.value.name !== undefined && fields.value.name !== profile.name)
      || (fields.value.description !== undefined && fields.value.description !== profile.description)
      || (permissions.value !== undefined && permissions.value.size > 0);
    // Source silent: an update that changes nothing; we answer success and leave modified_time alone.
    if (changed) store.update(profile.id, { ...fields.value, enabled: permissions.value });
    return E.updated(profile.id);
  };
  // PUT and PATCH take the same body (README §0: PUT in the SDKs, PATCH in the v8 OAS). Source silent on what PUT
  // does to what it omits: the sandbox leaves omitted description and permissions unchanged (permissions_details are
  // toggles either way), and only PUT requires `name`.
  at("PUT", "/settings/profiles/:id", update("put"));
  at("PATCH", "/settings/profiles/:id", update("patch"));

  at("DELETE", "/settings/profiles/:id", (req) => {
    const profile = existing(store, req.params.id);
    if (store.isSystem(profile)) return E.systemNotDeletable();
    const target = req.query.transfer_to;
    if (target === undefined || target === "") return E.transferToMissing();
    // Source silent: transfer_to naming the profile being deleted; refused like an unknown id.
    if (!isProfileId(target) || target === profile.id || store.get(target) === undefined) return E.transferToInvalid(target);
    store.remove(profile.id, target);
    return E.deleted(profile.id);
  });

  at("POST", "/settings/profiles/:id/actions/clone", (req) => {
    const source = existing(store, req.params.id);
    const item = bodyProfile(req);
    if (!item.ok) return item.error;
    // Clone takes name and description only (v8 clone docs); permissions come from the source ("the clone inherits
    // the parent's permissions", README §2.1). Other attributes, permissions_details included, are ignored.
    const fields = checkFields(item.value, "clone", (n) => store.findByName(n));
    if (!fields.ok) return fields.error;
    // Source silent: which profiles "cannot be Cloned" (v8 example); the sandbox refuses the lite profile.
    if (source.type === "lite_profile") return E.cannotBeCloned();
    // Source silent: what counts against the limit; every profile of the org does.
    if (store.count() >= store.licenseLimit) return E.licenseLimitExceeded(store.licenseLimit);
    const created = store.create({ name: fields.value.name!, description: fields.value.description ?? null, source });
    return E.created(created.id); // 201 (profiles.json, v8 example)
  });
  // profiles.json's INVALID_ACTION: any other action name.
  at("POST", "/settings/profiles/:id/actions/:action", (req) => {
    existing(store, req.params.id);
    return E.requestError(400, "INVALID_DATA", "The action given is invalid", {});
  });
  addUserRoutes(r, store);
  return r;
}

/** A profile by path id; a malformed or unknown id is INVALID_DATA with resource_path_index (v8 examples). */
function existing(store: CrmOrgStore, id: string): StoredProfile {
  const profile = isProfileId(id) ? store.get(id) : undefined;
  if (!profile) throw new E.CrmError(E.invalidId());
  return profile;
}

function intParam(q: Record<string, string>, name: string, dflt: number, min: number, max: number): number | SandboxResponse {
  const raw = q[name];
  if (raw === undefined) return dflt;
  const n = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : E.invalidParam(name);
}

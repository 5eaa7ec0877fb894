import type { SandboxRequest, SandboxResponse } from "../core/types";
import * as E from "./errors";
import type { CrmOrgStore, StoredProfile } from "./store";

export const NAME_MAX = 50;
/** Clone and PATCH docs: description up to 250 characters (the profile object says 255; the request limit wins). */
export const DESCRIPTION_MAX = 250;
export const PERMISSIONS_MAX = 2000;
/** Characters a profile name must not contain (v8 profile schema pattern ^[^~`#%^&*()+|,={};\[\]"]+$). */
export const FORBIDDEN_NAME_CHARACTERS = "~`#%^&*()+|,={};[]\"";
const ID_PATTERN = /^[0-9]{1,19}$/;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: SandboxResponse };
const fail = <T>(error: SandboxResponse): Checked<T> => ({ ok: false, error });

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function isProfileId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/**
 * The body's single profile: `{"profiles":[{...}]}` with exactly one object (profiles.json Body_Wrapper; max 1 item).
 * Source silent: an empty or unparseable body, or one sent without a JSON content type. We parse the body whatever
 * its content type, and treat "no readable `profiles` array" as profiles.json's Profiles_Invalid_Datatype
 * (expected jsonarray).
 */
export function bodyProfile(req: SandboxRequest): Checked<Record<string, unknown>> {
  let body: unknown;
  try {
    body = req.rawBody.trim() === "" ? undefined : JSON.parse(req.rawBody);
  } catch {
    return fail(E.profilesNotArray());
  }
  if (!isPlainObject(body) || !Array.isArray(body.profiles)) return fail(E.profilesNotArray());
  if (body.profiles.length === 0) return fail(E.profilesEmpty());
  if (body.profiles.length > 1) return fail(E.profilesTooMany());
  const item = body.profiles[0];
  return isPlainObject(item) ? { ok: true, value: item } : fail(E.profileNotObject());
}

export type Mode = "clone" | "put" | "patch";

export interface FieldChanges {
  name?: string;
  description?: string | null;
}

/**
 * name and description of profiles[0]; the first problem found is answered (Zoho's examples carry one error each).
 * Order: name (presence, type, blank, length, characters), description (type, length), then the name's uniqueness.
 * - clone and PUT need `name` (profiles.json lists MANDATORY_NOT_FOUND for both; the PUT sample always sends it);
 *   PATCH takes any subset, and `name: null` there means "unchanged" (the v8 PATCH schema marks name nullable).
 * Source silent: blank names (we answer MANDATORY_NOT_FOUND, names are not trimmed), wrong JSON types (INVALID_DATA
 * with expected_data_type), and unknown attributes in profiles[0] (ignored, as Zoho's record APIs do).
 */
export function checkFields(item: Record<string, unknown>, mode: Mode, holderOfName: (name: string) => StoredProfile | undefined, selfId?: string): Checked<FieldChanges> {
  const out: FieldChanges = {};
  const name = item.name;
  if (name === undefined || name === null) {
    if (mode !== "patch") return fail(E.mandatoryMissing("name"));
  } else if (typeof name !== "string") {
    return fail(E.wrongType("name", "text"));
  } else if (name.trim() === "") {
    return fail(E.mandatoryMissing("name"));
  } else if (name.length > NAME_MAX) {
    return fail(E.nameTooLong());
  } else {
    // The example lists the offending characters sorted by code point ("#, %, &, (, ), *, ^").
    const bad = [...new Set([...name].filter((c) => FORBIDDEN_NAME_CHARACTERS.includes(c)))].sort();
    if (bad.length > 0) return fail(E.nameSpecialCharacters(bad));
    out.name = name;
  }
  if ("description" in item) {
    const d = item.description;
    if (d !== null && typeof d !== "string") return fail(E.wrongType("description", "text"));
    if (typeof d === "string" && d.length > DESCRIPTION_MAX) return fail(E.descriptionTooLong());
    out.description = d as string | null;
  }
  if (out.name !== undefined) {
    const holder = holderOfName(out.name);
    if (holder && holder.id !== selfId) return fail(E.duplicateName(holder.id));
  }
  return { ok: true, value: out };
}

/**
 * permissions_details toggles `[{id, enabled}]` applied to a copy of the profile's permissions, entry by entry, in
 * request order. Returns the permissions whose state changes.
 * - Unknown id (or one of another org) -> INVALID_DATA "Invalid permission ID" (error-examples.md).
 * - A permission with `customizable: false` -> INVALID_DATA "Permission is not customizable" (v8 patchProfile docs).
 *   Source silent: whether re-sending a non-customizable permission's current value is refused; we refuse any entry
 *   naming one.
 * - Enabling a child while one of its parent_permissions is disabled -> INVALID_DATA "Child permission can not be
 *   enabled, since its parent permission is disabled" (v8 example). Source silent: same-request order; parents are
 *   checked against the state the earlier entries left ("the parent permission must be enabled first", README §2.2),
 *   so [View, Create] is accepted and [Create, View] is refused when View starts disabled.
 * - Source silent: disabling a parent whose children are enabled. We disable the children too, as the profile page
 *   does when a box is unticked.
 * - Source silent: an id given twice; the later entry wins. Extra keys in an entry are ignored.
 */
export function checkPermissions(item: Record<string, unknown>, store: CrmOrgStore, profile: StoredProfile): Checked<Map<string, boolean> | undefined> {
  const raw = item.permissions_details;
  if (raw === undefined || raw === null) return { ok: true, value: undefined };
  if (!Array.isArray(raw)) return fail(E.permissionsNotArray());
  if (raw.length > PERMISSIONS_MAX) return fail(E.permissionsTooMany());
  const state = new Map(profile.enabled);
  for (let i = 0; i < raw.length; i++) {
    const entry = raw[i];
    if (!isPlainObject(entry)) return fail(E.permissionNotObject(i));
    if (entry.id === undefined || entry.id === null) return fail(E.permissionFieldMissing(i, "id"));
    if (entry.enabled === undefined || entry.enabled === null) return fail(E.permissionFieldMissing(i, "enabled"));
    const id = typeof entry.id === "number" ? String(entry.id) : entry.id;
    const permission = typeof id === "string" && ID_PATTERN.test(id) ? store.permissionById(id) : undefined;
    if (!permission) return fail(E.invalidPermissionId(i));
    if (typeof entry.enabled !== "boolean") return fail(E.permissionEnabledNotBoolean(i));
    if (!permission.customizable) return fail(E.permissionNotCustomizable(i));
    if (entry.enabled) {
      if ((permission.parentIds ?? []).some((p) => state.get(p) !== true)) return fail(E.parentDisabled(i));
      state.set(permission.id, true);
    } else {
      disableWithChildren(store, state, permission.id);
    }
  }
  const changes = new Map<string, boolean>();
  for (const [id, on] of state) if (profile.enabled.get(id) !== on) changes.set(id, on);
  return { ok: true, value: changes };
}

export function disableWithChildren(store: CrmOrgStore, state: Map<string, boolean>, id: string): void {
  state.set(id, false);
  for (const child of store.childrenOf(id)) if (state.get(child) === true) disableWithChildren(store, state, child);
}

/** Enable a permission and, first, the parents it needs (a tick in the UI). */
export function enableWithParents(store: CrmOrgStore, state: Map<string, boolean>, id: string): void {
  for (const parent of store.permissionById(id)?.parentIds ?? []) if (state.get(parent) !== true) enableWithParents(store, state, parent);
  state.set(id, true);
}

import type { FieldError } from "./errors";
import { isKey, isModule } from "./permission-matrix";

// Limits from the seed doc: name <= 50 chars, description <= 3200 chars
// (the third-party profile OAS says 32000 for description; the seed doc wins).
export const NAME_MAX = 50;
export const DESCRIPTION_MAX = 3200;

export interface ProfileInput {
  name?: string;
  description?: string | null;
  permissions?: Record<string, Record<string, boolean>>;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** JSON pointer for a path of keys (RFC 6901 escaping). */
export function pointer(...keys: string[]): string {
  return keys.map((k) => "/" + k.replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

const err = (errorType: FieldError["errorType"], keys: string[]): FieldError =>
  // Source: the one real Desk 422 we found carried an empty errorMessage; we do the same.
  ({ fieldName: pointer(...keys), errorType, errorMessage: "" });

export interface ValidateOptions {
  allowed: readonly string[];
  /** Attributes that must be present (clone: name and description, per the profile OAS). */
  required: readonly string[];
  /** Is this name used by another profile (case-insensitive)? */
  nameTaken: (name: string) => boolean;
}

/** Validate a clone or PATCH body. Every problem is reported; nothing is applied here. */
export function validateProfileBody(body: Record<string, unknown>, o: ValidateOptions): { errors: FieldError[]; input: ProfileInput } {
  const errors: FieldError[] = [];
  const input: ProfileInput = {};
  for (const key of Object.keys(body)) {
    if (!o.allowed.includes(key)) errors.push(err("invalid", [key]));
  }
  for (const key of o.required) {
    if (!(key in body)) errors.push(err("missing", [key]));
  }
  if ("name" in body) {
    const name = body.name;
    // Source silent: blank names; we treat null, "" and whitespace-only as missing, and do not trim.
    if (name === null || (typeof name === "string" && name.trim() === "")) errors.push(err("missing", ["name"]));
    else if (typeof name !== "string" || name.length > NAME_MAX) errors.push(err("invalid", ["name"]));
    else if (o.nameTaken(name)) errors.push(err("duplicate", ["name"]));
    else input.name = name;
  }
  if ("description" in body) {
    const d = body.description;
    // Source: the profile OAS types description as string|null; null clears it.
    if (d !== null && (typeof d !== "string" || d.length > DESCRIPTION_MAX)) errors.push(err("invalid", ["description"]));
    else input.description = d as string | null;
  }
  if ("permissions" in body && o.allowed.includes("permissions")) {
    const result = validatePermissions(body.permissions);
    errors.push(...result.errors);
    input.permissions = result.permissions;
  }
  return { errors, input };
}

/** A partial matrix: known modules only, each an object of known keys with boolean values. */
export function validatePermissions(value: unknown): { errors: FieldError[]; permissions: Record<string, Record<string, boolean>> } {
  const errors: FieldError[] = [];
  const permissions: Record<string, Record<string, boolean>> = {};
  if (!isPlainObject(value)) return { errors: [err("invalid", ["permissions"])], permissions };
  for (const [module, keys] of Object.entries(value)) {
    if (!isModule(module)) {
      errors.push(err("invalid", ["permissions", module]));
      continue;
    }
    if (!isPlainObject(keys)) {
      errors.push(err("invalid", ["permissions", module]));
      continue;
    }
    permissions[module] = {};
    for (const [key, flag] of Object.entries(keys)) {
      if (!isKey(module, key) || typeof flag !== "boolean") errors.push(err("invalid", ["permissions", module, key]));
      else permissions[module][key] = flag;
    }
  }
  return { errors, permissions };
}

/** Validate POST /profiles/{id}/delete. transferToProfileId is required (profile OAS "disableTransfer"). */
export function validateDeleteBody(body: Record<string, unknown>, o: { selfId: string; isTransferTarget: (id: string) => boolean }): { errors: FieldError[]; targetId?: string } {
  const errors: FieldError[] = [];
  for (const key of Object.keys(body)) {
    if (key !== "transferToProfileId") errors.push(err("invalid", [key]));
  }
  const raw = body.transferToProfileId;
  if (raw === undefined || raw === null || raw === "") {
    errors.push(err("missing", ["transferToProfileId"]));
    return { errors };
  }
  // The OAS allows a numeric string or an integer. Source silent: which targets are valid; not self, unknown or portal.
  const id = typeof raw === "number" && Number.isInteger(raw) ? String(raw) : raw;
  if (typeof id !== "string" || !/^[0-9]+$/.test(id) || id === o.selfId || !o.isTransferTarget(id)) {
    errors.push(err("invalid", ["transferToProfileId"]));
    return { errors };
  }
  return { errors, targetId: id };
}

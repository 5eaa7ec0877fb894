import type { SandboxRequest } from "../core/types";
import * as E from "./errors";
import type { FieldError } from "./errors";
import { CUSTOM_ROLE_PERMISSIONS } from "./seed";

/**
 * Rails parameter handling and the model validations a Chatwoot server runs, rewritten from their rules:
 * ParamsWrapper and strong parameters (ActionController), devise :validatable (email presence/format/uniqueness,
 * password 6..128 and confirmation), devise-secure_password (one upper-case, lower-case, digit and special character),
 * the 255-character limits of user strings, CustomRole's name and permission rules.
 */
export type Params = Record<string, unknown>;

export const isObject = (v: unknown): v is Params => typeof v === "object" && v !== null && !Array.isArray(v);

/** Rails params: query parameters, overridden by the JSON body (a non-JSON body carries no parameters here). */
export function railsParams(req: SandboxRequest): Params {
  if (req.bodyParseError) E.fail(E.badJson());
  return { ...req.query, ...(isObject(req.body) ? req.body : {}) };
}

/**
 * `params.require(key)` after ParamsWrapper: a JSON body without `key` is wrapped under it (every body key, or only
 * the model's attribute names when the controller has a model, as CustomRole does). Missing, null, "" or {} → 422.
 * A present non-object (e.g. a string) would make `.permit` raise NoMethodError → 500.
 */
export function required(req: SandboxRequest, key: string, modelAttributes?: readonly string[]): Params {
  if (req.bodyParseError) E.fail(E.badJson());
  const body = isObject(req.body) ? req.body : {};
  let value: unknown = body[key];
  if (!(key in body)) {
    const wrap: Params = {};
    for (const [k, v] of Object.entries(body)) if (!modelAttributes || modelAttributes.includes(k)) wrap[k] = v;
    value = wrap;
  }
  if (value === undefined || value === null || value === "" || (isObject(value) && Object.keys(value).length === 0)) E.fail(E.paramMissing(key));
  if (!isObject(value)) E.fail(E.internalError());
  return value as Params;
}

/** Strong parameters: only the listed keys, and only scalar values (arrays and hashes are filtered out). */
export function permitScalars(p: Params, keys: readonly string[]): Params {
  const out: Params = {};
  for (const k of keys) {
    const v = p[k];
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[k] = v;
  }
  return out;
}

/** A scalar as a Rails string column stores it (nil stays nil). */
export const asString = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** ActiveModel::Type::Boolean cast: "" and nil → nil; false, 0, "0", "f", "false", "off" (any case) → false; else true. */
export function castBoolean(v: unknown): boolean | null {
  if (v === null || v === undefined || v === "") return null;
  if (v === false || v === 0) return false;
  if (typeof v === "string" && ["0", "f", "false", "off"].includes(v.toLowerCase())) return false;
  return true;
}

export const MAX_STRING = 255;
/** devise's email_regexp. */
const EMAIL = /^[^@\s]+@[^@\s]+$/;

const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === "";
const tooLong = (attribute: string, label: string, v: string | null | undefined): FieldError[] =>
  typeof v === "string" && v.length > MAX_STRING ? [{ attribute, message: `${label} is too long (maximum is ${MAX_STRING} characters)` }] : [];

export function emailErrors(email: string | null, takenBy: (email: string) => boolean): FieldError[] {
  if (blank(email)) return [{ attribute: "email", message: "Email can't be blank" }];
  const errors: FieldError[] = [];
  if (takenBy(email!.toLowerCase())) errors.push({ attribute: "email", message: "Email has already been taken" });
  if (!EMAIL.test(email!)) errors.push({ attribute: "email", message: "Email is invalid" });
  return [...errors, ...tooLong("email", "Email", email)];
}

export function nameErrors(name: string | null, displayName: string | null | undefined): FieldError[] {
  const errors: FieldError[] = blank(name) ? [{ attribute: "name", message: "Name can't be blank" }] : tooLong("name", "Name", name);
  return [...errors, ...tooLong("display_name", "Display name", displayName)];
}

/** Password rules: devise :validatable (presence, confirmation when given, length 6..128), then devise-secure_password. */
export function passwordErrors(password: string | null, confirmation: string | null | undefined): FieldError[] {
  if (blank(password)) return [{ attribute: "password", message: "Password can't be blank" }];
  const p = password!;
  const errors: FieldError[] = [];
  if (confirmation !== undefined && confirmation !== null && confirmation !== p) {
    errors.push({ attribute: "password_confirmation", message: "Password confirmation doesn't match Password" });
  }
  if (p.length < 6) errors.push({ attribute: "password", message: "Password is too short (minimum is 6 characters)" });
  if (p.length > 128) errors.push({ attribute: "password", message: "Password is too long (maximum is 128 characters)" });
  if (!/[A-Z]/.test(p)) errors.push({ attribute: "password", message: "Password must contain at least one upper-case letter" });
  if (!/[a-z]/.test(p)) errors.push({ attribute: "password", message: "Password must contain at least one lower-case letter" });
  if (!/[0-9]/.test(p)) errors.push({ attribute: "password", message: "Password must contain at least one digit" });
  if (!/[^A-Za-z0-9]/.test(p)) errors.push({ attribute: "password", message: "Password must contain at least one punctuation mark or symbol" });
  return errors;
}

export const CUSTOM_ROLE_ATTRIBUTES = ["name", "description", "permissions"] as const;

/** CustomRole: name present and unique in the account; every permission one of the six. */
export function customRoleErrors(name: string | null, permissions: string[], nameTaken: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (blank(name)) errors.push({ attribute: "name", message: "Name can't be blank" });
  else if (nameTaken) errors.push({ attribute: "name", message: "Name has already been taken" });
  if (!permissions.every((p) => (CUSTOM_ROLE_PERMISSIONS as readonly string[]).includes(p))) {
    errors.push({ attribute: "permissions", message: "Permissions is not included in the list" });
  }
  return errors;
}

/** `permit(permissions: [])`: an array of scalars is kept (as strings), anything else is filtered out. */
export function permittedArray(v: unknown): string[] | undefined {
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string" || typeof x === "number" || typeof x === "boolean")) return undefined;
  return v.map(String);
}

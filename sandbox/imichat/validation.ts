import type { SandboxRequest } from "../core/types";
import * as E from "./errors";
import { TEAM_ROLES, USER_STATUSES, type Privilege } from "./seed";
import type { ImichatStore, User } from "./store";

/**
 * Request bodies, checked the way the seed document's codes suggest: no body → 3114 "Request body not provided";
 * a body that is not a JSON object, a key the endpoint does not document, a value of the wrong type or enum → 3115
 * "Request is invalid"; a custom attribute value that does not fit its definition → 3107 (dropdown) or 3110 (other
 * kinds). The first problem found is the answer (the envelope has room for one code). Nothing is applied on error.
 */
type Body = Record<string, unknown>;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function objectBody(req: SandboxRequest): Body {
  if (req.rawBody.trim() === "") return E.fail("bodyMissing");
  if (req.bodyParseError || req.body === null || typeof req.body !== "object" || Array.isArray(req.body)) return E.fail("invalidRequest");
  return req.body as Body;
}

const isString = (v: unknown): v is string => typeof v === "string";
const nonBlank = (v: unknown): v is string => isString(v) && v.trim() !== "";
const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const invalidUnless = (ok: boolean) => {
  if (!ok) E.fail("invalidRequest");
};

const CREATE_KEYS = ["first_name", "last_name", "login_id", "email_id", "password", "job_description", "login_using_email", "privileges",
  "skill_attributes", "active_chats"];

export type NewUser = Omit<User, "id" | "created_at" | "updated_at" | "logged_in" | "accepting_chats" | "role_type" | "status">;

/** POST /v3.1/users (create-user): first_name, login_id, email_id, password and at least one privilege are required (README choice 5). */
export function validateCreate(store: ImichatStore, body: Body): NewUser {
  for (const key of Object.keys(body)) invalidUnless(CREATE_KEYS.includes(key));
  invalidUnless(nonBlank(body.first_name) && nonBlank(body.login_id) && nonBlank(body.password));
  invalidUnless(isString(body.email_id) && EMAIL.test(body.email_id));
  invalidUnless(body.last_name === undefined || isString(body.last_name));
  invalidUnless(body.job_description === undefined || isString(body.job_description));
  invalidUnless(body.login_using_email === undefined || typeof body.login_using_email === "boolean");
  invalidUnless(body.skill_attributes === undefined || isPlainObject(body.skill_attributes));
  invalidUnless(body.active_chats === undefined || (Number.isInteger(body.active_chats) && (body.active_chats as number) >= 0));
  const privileges = validatePrivileges(store, body.privileges);
  // login_id and email_id identify a user in the tenant: a second user with either is refused.
  invalidUnless(!store.byLoginId(body.login_id as string) && !store.byEmail(body.email_id as string));
  return {
    first_name: body.first_name as string, last_name: (body.last_name as string | undefined) ?? "", login_id: body.login_id as string,
    email_id: body.email_id as string, password: body.password as string, job_description: (body.job_description as string | undefined) ?? "",
    login_using_email: (body.login_using_email as boolean | undefined) ?? false, privileges, custom_attributes: {},
    skill_attributes: (body.skill_attributes as Record<string, unknown> | undefined) ?? {}, active_chats: (body.active_chats as number | undefined) ?? 0,
  };
}

function validatePrivileges(store: ImichatStore, raw: unknown): Privilege[] {
  invalidUnless(Array.isArray(raw) && raw.length > 0);
  const out: Privilege[] = [];
  for (const p of raw as unknown[]) {
    invalidUnless(isPlainObject(p) && Object.keys(p).every((k) => k === "teamid" || k === "role"));
    const { teamid, role } = p as Record<string, unknown>;
    invalidUnless(Number.isInteger(teamid) && store.teams.has(teamid as number));
    invalidUnless((TEAM_ROLES as readonly unknown[]).includes(role));
    invalidUnless(!out.some((o) => o.teamid === teamid));
    out.push({ teamid: teamid as number, role: role as Privilege["role"] });
  }
  return out;
}

const UPDATE_KEYS = ["first_name", "last_name", "status", "job_description", "login_using_email", "custom_attributes", "skill_attributes"];

/** The update-user body params (seed document): privileges, login_id, email_id and password are not among them. */
export function validateUpdate(store: ImichatStore, body: Body, user: User): Partial<User> {
  if (Object.keys(body).length === 0) E.fail("bodyMissing");
  for (const key of Object.keys(body)) invalidUnless(UPDATE_KEYS.includes(key));
  const changes: Partial<User> = {};
  if (body.first_name !== undefined) (invalidUnless(nonBlank(body.first_name)), (changes.first_name = body.first_name as string));
  if (body.last_name !== undefined) (invalidUnless(isString(body.last_name)), (changes.last_name = body.last_name as string));
  if (body.job_description !== undefined) (invalidUnless(isString(body.job_description)), (changes.job_description = body.job_description as string));
  if (body.status !== undefined) (invalidUnless((USER_STATUSES as readonly unknown[]).includes(body.status)), (changes.status = body.status as User["status"]));
  if (body.login_using_email !== undefined) {
    invalidUnless(typeof body.login_using_email === "boolean");
    changes.login_using_email = body.login_using_email as boolean;
  }
  if (body.skill_attributes !== undefined) (invalidUnless(isPlainObject(body.skill_attributes)), (changes.skill_attributes = body.skill_attributes as Record<string, unknown>));
  if (body.custom_attributes !== undefined) changes.custom_attributes = mergeCustomAttributes(store, body.custom_attributes, user.custom_attributes);
  return changes;
}

/** Keys given replace the stored value, `null` removes it, others stay (README choice 9). */
function mergeCustomAttributes(store: ImichatStore, raw: unknown, current: Record<string, unknown>): Record<string, unknown> {
  invalidUnless(isPlainObject(raw));
  const merged = { ...current };
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const def = store.customAttributes.get(name) ?? E.fail("invalidRequest");
    if (value === null) {
      delete merged[name];
      continue;
    }
    const ok = def.type === "dropdown" ? isString(value) && (def.options ?? []).includes(value)
      : def.type === "number" ? typeof value === "number" && Number.isFinite(value)
      : def.type === "email" ? isString(value) && EMAIL.test(value)
      : isString(value) && value.length <= (def.maxLength ?? 255);
    if (!ok) E.fail(def.type === "dropdown" ? "dropdownValueInvalid" : "attributeValueInvalid", name);
    merged[name] = value;
  }
  return merged;
}

/** users-search: the params and operators of the docs' table; `{"status": {"eq": "active"}}` form (README choice 7). */
const SEARCH_OPERATORS: Record<string, string[]> = {
  status: ["eq"], created_at: ["eq", "lt", "gt", "lte", "gte"], updated_at: ["eq", "lt", "gt", "lte", "gte"],
  accepting_chats: ["eq"], active_chats: ["lt", "gt", "lte", "gte"],
};

export function searchPredicate(body: Body): (u: User) => boolean {
  const tests: Array<(u: User) => boolean> = [];
  for (const [param, ops] of Object.entries(body)) {
    const allowed = SEARCH_OPERATORS[param];
    invalidUnless(allowed !== undefined && isPlainObject(ops) && Object.keys(ops).length > 0);
    for (const [op, operand] of Object.entries(ops as Record<string, unknown>)) {
      invalidUnless(allowed.includes(op));
      const target = param === "created_at" || param === "updated_at" ? Date.parse(String(operand)) : operand;
      if (param === "status") invalidUnless((USER_STATUSES as readonly unknown[]).includes(operand));
      if (param === "accepting_chats") invalidUnless(typeof operand === "boolean");
      if (param === "active_chats") invalidUnless(Number.isInteger(operand));
      if (param === "created_at" || param === "updated_at") invalidUnless(isString(operand) && !Number.isNaN(target));
      tests.push((u) => {
        const actual = (u as unknown as Record<string, unknown>)[param];
        if (op === "eq") return actual === target;
        const [a, b] = [actual as number, target as number];
        return op === "lt" ? a < b : op === "gt" ? a > b : op === "lte" ? a <= b : a >= b;
      });
    }
  }
  return (u) => tests.every((t) => t(u));
}

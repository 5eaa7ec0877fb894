import * as E from "./errors";
import { EDIT_METHODS, REPLY_REDIRECTS, ROLES, STATES, type Role } from "./seed";
import type { TeamworkDeskStore, User, UserChanges } from "./store";

/**
 * Body rules for POST and PATCH/PUT `{"user": {...}}`, in two passes as a Go server does them:
 * 1. decoding (encoding/json into *string/*bool/*int fields): a value of the wrong JSON type fails the whole request,
 *    answered 422 ("could not read the submitted JSON"); `null` is a nil pointer, i.e. "not sent"; unknown and
 *    read-only keys (avatarURL, createdAt, isAppOwner, id, ...) are decoded and then ignored.
 * 2. validation (teamwork/validate): every problem collected per field, answered 400 `{"errors": {...}}`, nothing applied.
 * Messages use the validate package's style ("must be set", "must be a valid email address"); the exact wording of
 * Desk's messages was not captured.
 */
type Kind = "string" | "boolean" | "integer";
const WRITABLE: Record<keyof UserChanges, Kind> = {
  email: "string", firstName: "string", lastName: "string", role: "string", isPartTime: "boolean", reviewer: "boolean",
  autoFollowOnCC: "boolean", editMethod: "string", ticketReplyRedirect: "string", sendPushNotifications: "boolean",
  sendWebNotifications: "boolean", timezoneId: "integer", timeFormatId: "integer", state: "string",
};
// A plain address check (the validate package parses with teamwork/mailaddress; this is close enough for a sandbox).
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Decode `{"user": {...}}`; throws the 422 or 400 answer. */
export function decodeUserBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) E.fail(E.unreadable("the body must be a JSON object"));
  const user = (body as Record<string, unknown>).user;
  // A flat body decodes into an empty envelope: no `user` at all.
  if (user === undefined || user === null) return E.fail(E.validation({ user: ["must be set"] }));
  if (typeof user !== "object" || Array.isArray(user)) return E.fail(E.unreadable("user must be an object"));
  const decoded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(user as Record<string, unknown>)) {
    const kind = WRITABLE[key as keyof UserChanges];
    if (kind === undefined || value === null) continue;
    const ok = kind === "string" ? typeof value === "string" : kind === "boolean" ? typeof value === "boolean" : Number.isInteger(value);
    if (!ok) E.fail(E.unreadable(`cannot unmarshal ${JSON.stringify(value)} into field user.${key} of type ${kind === "integer" ? "int" : kind === "boolean" ? "bool" : "string"}`));
    decoded[key] = value;
  }
  return decoded;
}

/** Validate decoded fields for a create (`existing` undefined) or an update; returns the changes to apply. */
export function validateUser(store: TeamworkDeskStore, fields: Record<string, unknown>, existing?: User): UserChanges {
  const errors: E.FieldErrors = {};
  const add = (field: string, text: string) => (errors[field] ??= []).push(text);
  const changes: UserChanges = {};
  const str = (k: string) => fields[k] as string | undefined;

  const email = str("email")?.trim();
  if (email !== undefined || !existing) {
    if (!email) add("email", "must be set");
    else if (!EMAIL.test(email)) add("email", "must be a valid email address");
    else if (store.userByEmail(email) && store.userByEmail(email) !== existing) add("email", "is already in use");
    else changes.email = email;
  }
  const firstName = str("firstName");
  if (firstName !== undefined || !existing) {
    if (!firstName || firstName.trim() === "") add("firstName", "must be set");
    else if (firstName.length > 100) add("firstName", "must be shorter than 100 characters");
    else changes.firstName = firstName;
  }
  const lastName = str("lastName");
  if (lastName !== undefined) {
    if (lastName.length > 100) add("lastName", "must be shorter than 100 characters");
    else changes.lastName = lastName;
  }
  const role = str("role");
  // The only sample shows "Admin"; the description says "admin or agent": either case is accepted.
  if (role !== undefined) {
    const lower = role.toLowerCase() as Role;
    if (!ROLES.includes(lower)) add("role", `must be one of: ${ROLES.join(", ")}`);
    else changes.role = lower;
  }
  oneOf("editMethod", EDIT_METHODS);
  oneOf("ticketReplyRedirect", REPLY_REDIRECTS);
  // state is only written by an update (a new user is always active).
  if (existing) oneOf("state", STATES);
  for (const k of ["isPartTime", "reviewer", "autoFollowOnCC", "sendPushNotifications", "sendWebNotifications"] as const) {
    if (fields[k] !== undefined) changes[k] = fields[k] as boolean;
  }
  for (const k of ["timezoneId", "timeFormatId"] as const) {
    const v = fields[k] as number | undefined;
    if (v === undefined) continue;
    if (v < 1) add(k, "must be higher than 0");
    else changes[k] = v;
  }
  if (Object.keys(errors).length > 0) E.fail(E.validation(errors));
  return changes;

  function oneOf<K extends "editMethod" | "ticketReplyRedirect" | "state">(key: K, allowed: readonly string[]): void {
    const v = str(key);
    if (v === undefined) return;
    if (!allowed.includes(v)) add(key, `must be one of: ${allowed.join(", ")}`);
    else (changes as Record<string, unknown>)[key] = v;
  }
}

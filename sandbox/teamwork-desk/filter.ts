import * as E from "./errors";
import type { User } from "./store";

/**
 * The `filter` query parameter of GET /users.json: a JSON object (vendor README §5, the users list page): fields
 * email, firstName, lastName, role, state, isPartTime, inboxes.id (and id, reviewer), operators $eq, $ne, $lt, $lte,
 * $gt, $gte, $in, $nin, combinators $and, $or. `{"field": value}` is short for `{"field": {"$eq": value}}`.
 * Anything else is a 400 Validator error on `filter`.
 */
type Predicate = (u: User) => boolean;

const FIELDS: Record<string, (u: User) => unknown> = {
  id: (u) => u.id,
  email: (u) => u.email.toLowerCase(),
  firstName: (u) => u.firstName,
  lastName: (u) => u.lastName,
  role: (u) => u.role,
  state: (u) => u.state,
  isPartTime: (u) => u.isPartTime,
  reviewer: (u) => u.reviewer,
  "inboxes.id": (u) => u.inboxIds,
};

export interface ParsedFilter {
  matches: Predicate;
  /** Whether the filter names `state` (otherwise the list shows active users only). */
  mentionsState: boolean;
}

export function parseFilter(raw: string | undefined): ParsedFilter {
  if (raw === undefined || raw.trim() === "") return { matches: () => true, mentionsState: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return E.fail(E.validation({ filter: ["must be valid JSON"] }));
  }
  let mentionsState = false;
  const bad = (text: string): never => E.fail(E.validation({ filter: [text] }));

  const node = (value: unknown): Predicate => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return bad("must be a JSON object");
    const parts = Object.entries(value as Record<string, unknown>).map(([key, v]): Predicate => {
      if (key === "$and" || key === "$or") {
        if (!Array.isArray(v)) return bad(`${key} takes an array`);
        const subs = v.map(node);
        return key === "$and" ? (u) => subs.every((p) => p(u)) : (u) => subs.some((p) => p(u));
      }
      const get = FIELDS[key] ?? bad(`unknown field ${key}`);
      if (key === "state") mentionsState = true;
      const ops = v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : { $eq: v };
      const tests = Object.entries(ops).map(([op, operand]) => compare(op, key === "email" ? lower(operand) : operand, bad));
      return (u) => {
        const actual = get(u);
        // inboxes.id is a list: a condition holds when it holds for one of the user's inboxes.
        return Array.isArray(actual) ? tests.every((t) => (t.negated ? actual.every((a) => t.test(a)) : actual.some((a) => t.test(a)))) : tests.every((t) => t.test(actual));
      };
    });
    return (u) => parts.every((p) => p(u));
  };
  const matches = node(parsed);
  return { matches, mentionsState };
}

function lower(v: unknown): unknown {
  if (typeof v === "string") return v.toLowerCase();
  return Array.isArray(v) ? v.map(lower) : v;
}

function compare(op: string, operand: unknown, bad: (t: string) => never): { test: (a: unknown) => boolean; negated: boolean } {
  const ordered = (f: (a: number | string, b: number | string) => boolean) => (a: unknown) =>
    (typeof a === "number" || typeof a === "string") && (typeof operand === "number" || typeof operand === "string") && f(a, operand);
  switch (op) {
    case "$eq": return { test: (a) => a === operand, negated: false };
    case "$ne": return { test: (a) => a !== operand, negated: true };
    case "$lt": return { test: ordered((a, b) => a < b), negated: false };
    case "$lte": return { test: ordered((a, b) => a <= b), negated: false };
    case "$gt": return { test: ordered((a, b) => a > b), negated: false };
    case "$gte": return { test: ordered((a, b) => a >= b), negated: false };
    case "$in":
    case "$nin": {
      if (!Array.isArray(operand)) return bad(`${op} takes an array`);
      return op === "$in" ? { test: (a) => operand.includes(a), negated: false } : { test: (a) => !operand.includes(a), negated: true };
    }
    default: return bad(`unknown operator ${op}`);
  }
}

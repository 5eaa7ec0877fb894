import type { Router } from "../core/router";
import type { SandboxRequest, SandboxResponse } from "../core/types";
import { currentUser, requireAdmin } from "./auth";
import * as E from "./errors";
import { parseFilter } from "./filter";
import type { TeamworkDeskStore, User } from "./store";
import { decodeUserBody, validateUser } from "./validation";
import { includedFor, listEnvelope, parseIncludes, userView, type Page } from "./views";

export const API_PATH = "/desk/api/v2";

/**
 * Users of Desk API v2 (vendor README §5 and §9.4; the seed document "Update user"):
 *   GET  /users.json             list: page, pageSize, filter, orderBy, orderMode, includes
 *   POST /users.json             create `{"user": {...}}` → 201 `{user, included}`
 *   GET  /users/{id}.json        one user, includes
 *   PATCH|PUT /users/{id}.json   update `{"user": {...}}` → 200 (PATCH in the docs, PUT in the Go SDK: the same)
 * No delete route is documented: a user is deleted by writing `state: "deleted"` (the seed document lists `state` among
 * the PATCH body fields); DELETE on the path answers 405. Handlers throw TeamworkError; `answer` wraps them.
 */
export function addUserRoutes(router: Router, store: TeamworkDeskStore, answer: (h: (req: SandboxRequest) => SandboxResponse) => (req: SandboxRequest) => SandboxResponse): void {
  router.add("GET", `${API_PATH}/users.json`, answer((req) => listUsers(store, req)));
  router.add("POST", `${API_PATH}/users.json`, answer((req) => createUser(store, req)));
  router.add("GET", `${API_PATH}/users/:file`, answer((req) => getUser(store, req)));
  for (const method of ["PATCH", "PUT"]) router.add(method, `${API_PATH}/users/:file`, answer((req) => updateUser(store, req)));
  router.add("DELETE", `${API_PATH}/users/:file`, answer(() => E.methodNotAllowed()));
}

const ORDER_FIELDS: Record<string, (u: User) => string | number> = {
  id: (u) => u.id, email: (u) => u.email.toLowerCase(), firstName: (u) => u.firstName.toLowerCase(), lastName: (u) => u.lastName.toLowerCase(),
  createdAt: (u) => u.createdAt, updatedAt: (u) => u.updatedAt,
};
const MAX_PAGE_SIZE = 500;

function listUsers(store: TeamworkDeskStore, req: SandboxRequest): SandboxResponse {
  currentUser(store, req);
  const errors: E.FieldErrors = {};
  const page = positiveInt(req.query.page, 1, "page", errors);
  const pageSize = positiveInt(req.query.pageSize, 50, "pageSize", errors);
  if (pageSize > MAX_PAGE_SIZE) errors.pageSize = [`must be ${MAX_PAGE_SIZE} or lower`];
  const orderBy = req.query.orderBy ?? "id";
  if (!ORDER_FIELDS[orderBy]) errors.orderBy = [`must be one of: ${Object.keys(ORDER_FIELDS).join(", ")}`];
  const orderMode = (req.query.orderMode ?? "asc").toLowerCase();
  if (orderMode !== "asc" && orderMode !== "desc") errors.orderMode = ["must be one of: asc, desc"];
  if (Object.keys(errors).length > 0) E.fail(E.validation(errors));
  const filter = parseFilter(req.query.filter);
  const includes = parseIncludes(req.query.includes);

  const key = ORDER_FIELDS[orderBy];
  const sign = orderMode === "desc" ? -1 : 1;
  const all = [...store.users.values()]
    // Deleted users are left out unless the filter asks about state (README choice 7).
    .filter((u) => (filter.mentionsState || u.state === "active") && filter.matches(u))
    .sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : a.id - b.id));
  const p: Page = { page, pageSize };
  const slice = all.slice((page - 1) * pageSize, page * pageSize);
  return {
    status: 200,
    body: { users: slice.map((u) => userView(store, u, includes)), included: includedFor(store, slice, includes), ...listEnvelope(all.length, p) },
  };
}

function createUser(store: TeamworkDeskStore, req: SandboxRequest): SandboxResponse {
  const by = currentUser(store, req);
  requireAdmin(by);
  const changes = validateUser(store, decodeUserBody(req.body));
  const user = store.createUser(changes as Parameters<TeamworkDeskStore["createUser"]>[0], by.id);
  return { status: 201, body: single(store, user, req) };
}

function getUser(store: TeamworkDeskStore, req: SandboxRequest): SandboxResponse {
  currentUser(store, req);
  return { status: 200, body: single(store, userFromPath(store, req), req) };
}

function updateUser(store: TeamworkDeskStore, req: SandboxRequest): SandboxResponse {
  const by = currentUser(store, req);
  requireAdmin(by);
  const user = userFromPath(store, req);
  const changes = validateUser(store, decodeUserBody(req.body), user);
  // The installation owner cannot be deleted or made an agent (README choice 6).
  if (user.isAppOwner && (changes.state === "deleted" || changes.role === "agent")) E.fail(E.forbidden());
  store.updateUser(user, changes, by.id);
  return { status: 200, body: single(store, user, req) };
}

function single(store: TeamworkDeskStore, user: User, req: SandboxRequest): Record<string, unknown> {
  const includes = parseIncludes(req.query.includes);
  return { user: userView(store, user, includes), included: includedFor(store, [user], includes) };
}

/** `/users/{id}.json`: the id is an integer followed by `.json`; anything else is not a route (404). */
function userFromPath(store: TeamworkDeskStore, req: SandboxRequest): User {
  const m = /^(\d+)\.json$/.exec(req.params.file ?? "");
  return (m ? store.users.get(Number(m[1])) : undefined) ?? E.fail(E.notFound());
}

function positiveInt(raw: string | undefined, fallback: number, name: string, errors: E.FieldErrors): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1) {
    errors[name] = ["must be a positive integer"];
    return fallback;
  }
  return n;
}

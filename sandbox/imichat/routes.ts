import type { Router } from "../core/router";
import type { SandboxRequest, SandboxResponse } from "../core/types";
import { authorize, session } from "./auth";
import * as E from "./errors";
import type { ImichatStore, User } from "./store";
import { objectBody, searchPredicate, validateCreate, validateUpdate } from "./validation";
import { listView, userView } from "./views";

export const API_PATH = "/v3.1";
export const PAGE_SIZE = 10;

/**
 * IMIchat v3.1 (docs.imi.chat): GET /authorize, POST /users (create-user), GET /users/{id} (get-individual-user),
 * POST /users/search?page=N (users-search, 10 a page), PUT /users/{id} (update-user: the verb and path were not
 * captured; PUT on the get path is our inference, README choice 3). No delete route is documented: none here
 * (DELETE on the path → 2099); a user is retired with `status: "inactive"`.
 * Users are the team's: get, search and update see only users with a privilege in the `teamid` header's team
 * (search is documented as "fetch users of a team"; README choice 4).
 */
export function addImichatRoutes(router: Router, store: ImichatStore, answer: (h: (req: SandboxRequest) => SandboxResponse) => (req: SandboxRequest) => SandboxResponse): void {
  router.add("GET", `${API_PATH}/authorize`, answer((req) => authorize(store, req)));
  router.add("POST", `${API_PATH}/users/search`, answer((req) => searchUsers(store, req)));
  router.add("POST", `${API_PATH}/users`, answer((req) => createUser(store, req)));
  router.add("GET", `${API_PATH}/users/:id`, answer((req) => getUser(store, req)));
  router.add("PUT", `${API_PATH}/users/:id`, answer((req) => updateUser(store, req)));
}

function createUser(store: ImichatStore, req: SandboxRequest): SandboxResponse {
  session(store, req);
  const user = store.createUser(validateCreate(store, objectBody(req)));
  return E.envelope("userCreated", userView(user));
}

function getUser(store: ImichatStore, req: SandboxRequest): SandboxResponse {
  const team = session(store, req);
  return E.envelope("userFetched", userView(teamUser(store, req, team)));
}

function updateUser(store: ImichatStore, req: SandboxRequest): SandboxResponse {
  const team = session(store, req);
  const user = teamUser(store, req, team);
  const changes = validateUpdate(store, objectBody(req), user);
  return E.envelope("userUpdated", userView(store.updateUser(user, changes)));
}

function searchUsers(store: ImichatStore, req: SandboxRequest): SandboxResponse {
  const team = session(store, req);
  const matches = searchPredicate(objectBody(req));
  const rawPage = req.query.page ?? "1";
  if (!/^\d+$/.test(rawPage) || Number(rawPage) < 1) E.fail("invalidRequest");
  const page = Number(rawPage);
  const all = [...store.users.values()].filter((u) => store.inTeam(u, team) && matches(u)).sort((a, b) => a.id - b.id);
  const users = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(listView);
  return E.envelope("usersFound", { users });
}

function teamUser(store: ImichatStore, req: SandboxRequest, team: number): User {
  const id = /^\d+$/.test(req.params.id ?? "") ? Number(req.params.id) : NaN;
  const user = store.users.get(id);
  return user && store.inTeam(user, team) ? user : E.fail("userNotFound");
}

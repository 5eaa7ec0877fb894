import type { FaultSpec } from "../core/faults";
import type { Recorder } from "../core/recorder";
import { Router } from "../core/router";
import type { SandboxResponse } from "../core/types";
import type { TeamworkDeskStore, User, UserChanges } from "./store";

/**
 * What a site administrator does in Desk's web UI (Settings → Users, an inbox's agents): never recorded, never rate
 * limited. Used by drift tests ("someone changed the agent by hand"). Returned records are copies.
 */
export interface TeamworkDeskAdmin {
  getUser(id: number): User | undefined;
  findUserByEmail(email: string): User | undefined;
  listUsers(): User[];
  /** Edit a user as the UI does (no validation beyond the field names; updatedAt moves). */
  updateUser(id: number, changes: UserChanges): User;
  /** Settings → Users → delete: the user's state becomes "deleted". */
  deleteUser(id: number): User;
  /** An inbox's "agents" tab: give or take away a user's access to an inbox. */
  grantInbox(userId: number, inboxId: number): User;
  revokeInbox(userId: number, inboxId: number): User;
  /** The user's API key (profile → API key), so tests can call as that user. */
  setApiKey(userId: number, key: string): User;
}

export function createTeamworkDeskAdmin(store: TeamworkDeskStore): TeamworkDeskAdmin {
  const user = (id: number) => store.users.get(id) ?? fail(`no user ${id}`);
  const copy = <T>(v: T | undefined): T | undefined => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as T));
  const inbox = (id: number) => store.inboxes.get(id) ?? fail(`no inbox ${id}`);
  return {
    getUser: (id) => copy(store.users.get(id)),
    findUserByEmail: (email) => copy(store.userByEmail(email)),
    listUsers: () => copy([...store.users.values()])!,
    updateUser: (id, changes) => copy(store.updateUser(user(id), changes, null))!,
    deleteUser: (id) => copy(store.updateUser(user(id), { state: "deleted" }, null))!,
    grantInbox(userId, inboxId) {
      const u = user(userId);
      inbox(inboxId);
      if (!u.inboxIds.includes(inboxId)) u.inboxIds = [...u.inboxIds, inboxId].sort((a, b) => a - b);
      return copy(u)!;
    },
    revokeInbox(userId, inboxId) {
      const u = user(userId);
      u.inboxIds = u.inboxIds.filter((i) => i !== inboxId);
      return copy(u)!;
    },
    setApiKey(userId, key) {
      const u = user(userId);
      u.apiKey = key;
      return copy(u)!;
    },
  };
}

function fail(message: string): never {
  throw new Error(`sandbox: ${message}`);
}

/** Admin over HTTP on the site origin: never recorded, limited, faulted or authenticated. */
export function teamworkDeskAdminRouter(admin: TeamworkDeskAdmin, recorder: Recorder, failNext: (spec: FaultSpec) => void): Router {
  const base = "/__sandbox/teamwork-desk";
  const guarded = (fn: () => unknown): SandboxResponse => {
    try {
      return { status: 200, body: fn() ?? {} };
    } catch (err) {
      return { status: 400, body: { message: err instanceof Error ? err.message : String(err) } };
    }
  };
  return new Router()
    .add("GET", "/__sandbox/requests", () => ({ status: 200, body: recorder.all() }))
    .add("DELETE", "/__sandbox/requests", () => (recorder.clear(), { status: 204 }))
    .add("GET", `${base}/users`, () => guarded(() => admin.listUsers()))
    .add("GET", `${base}/users/:id`, (req) => guarded(() => admin.getUser(Number(req.params.id)) ?? fail(`no user ${req.params.id}`)))
    .add("PATCH", `${base}/users/:id`, (req) => guarded(() => admin.updateUser(Number(req.params.id), (req.body ?? {}) as UserChanges)))
    .add("POST", `${base}/users/:id/delete`, (req) => guarded(() => admin.deleteUser(Number(req.params.id))))
    .add("POST", `${base}/users/:id/inboxes/:inboxId`, (req) => guarded(() => admin.grantInbox(Number(req.params.id), Number(req.params.inboxId))))
    .add("DELETE", `${base}/users/:id/inboxes/:inboxId`, (req) => guarded(() => admin.revokeInbox(Number(req.params.id), Number(req.params.inboxId))))
    .add("POST", `${base}/faults`, (req) => {
      const spec = { ...(req.body as FaultSpec & { pathPattern?: string }) };
      if (spec.pathPattern) spec.path = new RegExp(spec.pathPattern);
      failNext(spec);
      return { status: 204 };
    });
}

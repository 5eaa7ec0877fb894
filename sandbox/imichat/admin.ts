import type { FaultSpec } from "../core/faults";
import type { Recorder } from "../core/recorder";
import { Router } from "../core/router";
import type { SandboxResponse } from "../core/types";
import type { CustomAttributeDefinition, Privilege, Team } from "./seed";
import type { ImichatStore, User } from "./store";

/**
 * What a tenant administrator does in the Webex Engage admin console: edit a user, define a custom attribute, add a
 * team, change a user's team roles, sign everyone out. Never recorded or counted against the quota. Returns copies.
 */
export interface ImichatAdmin {
  getUser(id: number): User | undefined;
  findUserByLoginId(loginId: string): User | undefined;
  listUsers(): User[];
  /** Edit any stored field by hand (no validation; updated_at moves). */
  updateUser(id: number, changes: Partial<Omit<User, "id">>): User;
  setPrivileges(id: number, privileges: Privilege[]): User;
  listCustomAttributes(): CustomAttributeDefinition[];
  addCustomAttribute(definition: CustomAttributeDefinition): CustomAttributeDefinition;
  listTeams(): Team[];
  addTeam(team: Team): Team;
  /** Every issued access token expires now (the next call answers 2004). */
  expireTokens(): void;
}

export function createImichatAdmin(store: ImichatStore): ImichatAdmin {
  const user = (id: number) => store.users.get(id) ?? fail(`no user ${id}`);
  const copy = <T>(v: T | undefined): T | undefined => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as T));
  return {
    getUser: (id) => copy(store.users.get(id)),
    findUserByLoginId: (loginId) => copy(store.byLoginId(loginId)),
    listUsers: () => copy([...store.users.values()])!,
    updateUser: (id, changes) => copy(store.updateUser(user(id), changes))!,
    setPrivileges(id, privileges) {
      for (const p of privileges) if (!store.teams.has(p.teamid)) fail(`no team ${p.teamid}`);
      return copy(store.updateUser(user(id), { privileges }))!;
    },
    listCustomAttributes: () => copy([...store.customAttributes.values()])!,
    addCustomAttribute(definition) {
      if (!/^[a-z][a-z0-9_]*$/.test(definition.name)) fail(`custom attribute names are lower-case identifiers: ${definition.name}`);
      if (store.customAttributes.has(definition.name)) fail(`custom attribute already defined: ${definition.name}`);
      if (definition.type === "dropdown" && !(definition.options && definition.options.length > 0)) fail("a dropdown needs options");
      store.customAttributes.set(definition.name, copy(definition)!);
      return copy(definition)!;
    },
    listTeams: () => copy([...store.teams.values()])!,
    addTeam(team) {
      if (store.teams.has(team.id)) fail(`team ${team.id} exists`);
      store.teams.set(team.id, { ...team });
      return { ...team };
    },
    expireTokens: () => store.expireTokens(),
  };
}

function fail(message: string): never {
  throw new Error(`sandbox: ${message}`);
}

/** Admin over HTTP: never recorded, counted, faulted or authenticated. */
export function imichatAdminRouter(admin: ImichatAdmin, recorder: Recorder, failNext: (spec: FaultSpec) => void): Router {
  const base = "/__sandbox/imichat";
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
    .add("PATCH", `${base}/users/:id`, (req) => guarded(() => admin.updateUser(Number(req.params.id), (req.body ?? {}) as Partial<User>)))
    .add("GET", `${base}/custom_attributes`, () => guarded(() => admin.listCustomAttributes()))
    .add("POST", `${base}/custom_attributes`, (req) => guarded(() => admin.addCustomAttribute(req.body as CustomAttributeDefinition)))
    .add("POST", `${base}/teams`, (req) => guarded(() => admin.addTeam(req.body as Team)))
    .add("POST", `${base}/expire_tokens`, () => guarded(() => admin.expireTokens()))
    .add("POST", `${base}/faults`, (req) => {
      const spec = { ...(req.body as FaultSpec & { pathPattern?: string }) };
      if (spec.pathPattern) spec.path = new RegExp(spec.pathPattern);
      failNext(spec);
      return { status: 204 };
    });
}

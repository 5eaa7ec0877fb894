import { systemClock, type Clock } from "../core/clock";
import { FaultInjector } from "../core/faults";
import { startHttpServer } from "../core/http-server";
import type { VendorPiece } from "../core/piece";
import { Recorder } from "../core/recorder";
import { Router } from "../core/router";
import type { SandboxRequest, SandboxResponse } from "../core/types";
import { createTeamworkDeskAdmin, teamworkDeskAdminRouter, type TeamworkDeskAdmin } from "./admin";
import { credentialOf, currentUser } from "./auth";
import * as E from "./errors";
import { DESK_DEFAULT_LIMIT, DeskRateLimiter, rateHeaders } from "./rate-limit";
import { addUserRoutes, API_PATH } from "./routes";
import { SEED_AGENT_API_KEY, SEED_API_KEY, SEED_INBOXES, SEED_USERS } from "./seed";
import { TeamworkDeskStore } from "./store";

export type { TeamworkDeskAdmin } from "./admin";
export type { User as TeamworkDeskUser, UserChanges as TeamworkDeskUserChanges } from "./store";

export interface TeamworkDeskSandboxOptions {
  port?: number;
  /** Requests a minute per credential (default 120, Desk's documented limit; 0 = off, headers still sent). */
  rateLimitPerMinute?: number;
  latencyMs?: number;
  clock?: Clock;
}

export interface TeamworkDeskEnv {
  /** The site origin, as `https://{site}.teamwork.com`; API paths start with /desk/api/v2. */
  TEAMWORK_DESK_BASE_URL: string;
  /** The site owner's API key (an administrator): `Authorization: Bearer <key>` or Basic `<key>:<anything>`. */
  TEAMWORK_DESK_API_KEY: string;
}

export interface TeamworkDeskSandbox extends VendorPiece<TeamworkDeskAdmin> {
  readonly name: "teamworkDesk";
  /** Site origin (paths /desk/api/v2/...); the /__sandbox admin routes live here too. */
  baseUrl: string;
  apiBaseUrl: string;
  adminUrl: string;
  apiKeys: { administrator: string; agent: string };
  userIds: { owner: number; agent: number; partTime: number; reviewer: number; deleted: number };
  inboxIds: number[];
  setLatency(ms: number): void;
  setRateLimit(perMinute: number): void;
}

/** Start one Teamwork Desk site: users API v2 with Desk's per-minute limit and its headers on every answer. */
export async function startTeamworkDeskSandbox(options: TeamworkDeskSandboxOptions = {}): Promise<TeamworkDeskSandbox> {
  const clock = options.clock ?? systemClock;
  const store = new TeamworkDeskStore(clock);
  const admin = createTeamworkDeskAdmin(store);
  const recorder = new Recorder();
  const faults = new FaultInjector([API_PATH]);
  const limiter = new DeskRateLimiter(options.rateLimitPerMinute ?? DESK_DEFAULT_LIMIT, clock);
  let latency = options.latencyMs ?? 0;

  // Every answer that went through the limiter carries its headers ("Each response will contain the following headers").
  const withRate = (req: SandboxRequest, res: SandboxResponse): SandboxResponse => {
    const state = limiter.stateOf(req.headers);
    return state ? { ...res, headers: { ...rateHeaders(state), ...(res.headers ?? {}) } } : res;
  };
  const answer = (handler: (req: SandboxRequest) => SandboxResponse) => (req: SandboxRequest): SandboxResponse => {
    try {
      return withRate(req, handler(req));
    } catch (err) {
      return withRate(req, err instanceof E.TeamworkError ? err.response : E.internalError());
    }
  };
  const router = new Router();
  addUserRoutes(router, store, answer);

  const server = await startHttpServer({
    port: options.port,
    router,
    adminRouter: teamworkDeskAdminRouter(admin, recorder, (f) => faults.failNext(f)),
    recorder,
    faults,
    faultResponse: (f) => E.faultBody(f.status ?? 500),
    latencyMs: () => latency,
    guards: [
      // The limit counts before authentication, per credential sent (even a wrong one).
      (req) => (limiter.admit(credentialOf(req) ?? "anonymous", req.headers).admitted ? undefined : withRate(req, E.tooManyRequests())),
      // Authentication runs before routing: an unknown path without a key is a 401 (README choice 2).
      (req) => {
        try {
          currentUser(store, req);
          return undefined;
        } catch (err) {
          return withRate(req, err instanceof E.TeamworkError ? err.response : E.internalError());
        }
      },
      (req) => (req.bodyParseError ? withRate(req, E.unreadable("malformed JSON")) : undefined),
    ],
    notFound: (req) => withRate(req, E.notFound()),
    methodNotAllowed: (req) => withRate(req, E.methodNotAllowed()),
    payloadTooLarge: () => E.payloadTooLarge(),
    internalError: () => E.internalError(),
  });

  const env: Record<string, string> = { TEAMWORK_DESK_BASE_URL: server.origin, TEAMWORK_DESK_API_KEY: SEED_API_KEY };
  const [owner, agent, partTime, reviewer, deleted] = SEED_USERS.map((u) => u.id);
  return {
    name: "teamworkDesk",
    baseUrls: { api: `${server.origin}${API_PATH}`, admin: server.origin },
    env,
    baseUrl: server.origin,
    apiBaseUrl: `${server.origin}${API_PATH}`,
    adminUrl: server.origin,
    apiKeys: { administrator: SEED_API_KEY, agent: SEED_AGENT_API_KEY },
    userIds: { owner, agent, partTime, reviewer, deleted },
    inboxIds: SEED_INBOXES.map((i) => i.id),
    admin,
    requests: () => recorder.all(),
    writes: () => recorder.all().filter((r) => r.method !== "GET"),
    clearRequests: () => recorder.clear(),
    faults: { failNext: (spec = {}) => faults.failNext(spec), clear: () => faults.clear() },
    setLatency: (ms) => {
      latency = ms;
    },
    setRateLimit: (perMinute) => {
      limiter.setLimit(perMinute);
      limiter.reset();
    },
    close: () => server.close(),
  };
}

import { systemClock, type Clock } from "../core/clock";
import { FaultInjector } from "../core/faults";
import { startHttpServer } from "../core/http-server";
import type { VendorPiece } from "../core/piece";
import { Recorder } from "../core/recorder";
import { Router } from "../core/router";
import type { SandboxRequest, SandboxResponse } from "../core/types";
import { createImichatAdmin, imichatAdminRouter, type ImichatAdmin } from "./admin";
import * as E from "./errors";
import { DailyQuota, IMICHAT_DEFAULT_DAILY_LIMIT } from "./rate-limit";
import { addImichatRoutes, API_PATH } from "./routes";
import { SEED_TEAMS, SEED_USERS } from "./seed";
import { ImichatStore } from "./store";

export type { ImichatAdmin } from "./admin";
export type { CustomAttributeDefinition as ImichatCustomAttributeDefinition, Privilege as ImichatPrivilege } from "./seed";
export type { User as ImichatUser } from "./store";

export interface ImichatSandboxOptions {
  port?: number;
  /** Requests a day for the tenant (default 10,000, the documented default; 0 = unlimited, headers still sent). */
  dailyRateLimit?: number;
  /** Lifetime of an access token from /authorize (not documented; default 3600 s). */
  tokenTtlSeconds?: number;
  latencyMs?: number;
  clock?: Clock;
}

export interface ImichatEnv {
  /** The tenant origin, as https://<sub>.imi.chat; API paths start with /v3.1. */
  IMICHAT_BASE_URL: string;
  IMICHAT_API_KEY: string;
  IMICHAT_DOMAIN: string;
  /** The team whose users the provider manages (the `teamid` header). */
  IMICHAT_TEAM_ID: string;
}

export interface ImichatSandbox extends VendorPiece<ImichatAdmin> {
  readonly name: "imichat";
  baseUrl: string;
  apiBaseUrl: string;
  adminUrl: string;
  apiKey: string;
  domain: string;
  /** base64("<APIKey>@<DomainName>"), the value of the `key` header of /authorize. */
  authorizationKey: string;
  teamIds: { support: number; sales: number; billing: number };
  userIds: { administrator: number; manager: number; agent: number; inactive: number; billing: number };
  setLatency(ms: number): void;
  setDailyRateLimit(perDay: number): void;
}

/** Start one IMIchat tenant: the /authorize token flow and the v3.1 users API with the daily quota headers. */
export async function startImichatSandbox(options: ImichatSandboxOptions = {}): Promise<ImichatSandbox> {
  const clock = options.clock ?? systemClock;
  const store = new ImichatStore(clock, (options.tokenTtlSeconds ?? 3600) * 1000);
  const admin = createImichatAdmin(store);
  const recorder = new Recorder();
  const faults = new FaultInjector([API_PATH]);
  const quota = new DailyQuota(options.dailyRateLimit ?? IMICHAT_DEFAULT_DAILY_LIMIT, clock);
  let latency = options.latencyMs ?? 0;

  // "Every response given by IMIchat's API endpoints furnishes" trxid and the Rate-Limit-* headers.
  const withQuota = (res: SandboxResponse): SandboxResponse => ({ ...res, headers: { ...quota.headers(), ...(res.headers ?? {}) } });
  const answer = (handler: (req: SandboxRequest) => SandboxResponse) => (req: SandboxRequest): SandboxResponse => {
    try {
      return withQuota(handler(req));
    } catch (err) {
      return withQuota(err instanceof E.ImichatError ? err.response : E.envelope("internal"));
    }
  };
  const router = new Router();
  addImichatRoutes(router, store, answer);

  const server = await startHttpServer({
    port: options.port,
    router,
    adminRouter: imichatAdminRouter(admin, recorder, (f) => faults.failNext(f)),
    recorder,
    faults,
    faultResponse: (f) => withQuota(E.faultBody(f.status ?? 500, f.method?.toUpperCase() === "PUT")),
    latencyMs: () => latency,
    guards: [() => (quota.admit() ? undefined : withQuota(E.throttled()))],
    notFound: () => withQuota(E.notFound()),
    methodNotAllowed: () => withQuota(E.envelope("methodNotAllowed")),
    payloadTooLarge: () => withQuota(E.envelope("invalidRequest")),
    internalError: () => withQuota(E.envelope("internal")),
  });

  const authorizationKey = Buffer.from(`${store.apiKey}@${store.domain}`).toString("base64");
  const [support, sales, billing] = SEED_TEAMS.map((t) => t.id);
  const [administrator, manager, agent, inactive, billingUser] = SEED_USERS.map((u) => u.id);
  const env: Record<string, string> = {
    IMICHAT_BASE_URL: server.origin, IMICHAT_API_KEY: store.apiKey, IMICHAT_DOMAIN: store.domain, IMICHAT_TEAM_ID: String(support),
  };
  return {
    name: "imichat",
    baseUrls: { api: `${server.origin}${API_PATH}`, admin: server.origin },
    env,
    baseUrl: server.origin,
    apiBaseUrl: `${server.origin}${API_PATH}`,
    adminUrl: server.origin,
    apiKey: store.apiKey,
    domain: store.domain,
    authorizationKey,
    teamIds: { support, sales, billing },
    userIds: { administrator, manager, agent, inactive, billing: billingUser },
    admin,
    requests: () => recorder.all(),
    // users/search is a POST that only reads: not a write.
    writes: () => recorder.all().filter((r) => r.method !== "GET" && r.path !== `${API_PATH}/users/search`),
    clearRequests: () => recorder.clear(),
    faults: { failNext: (spec = {}) => faults.failNext(spec), clear: () => faults.clear() },
    setLatency: (ms) => {
      latency = ms;
    },
    setDailyRateLimit: (perDay) => quota.setLimit(perDay),
    close: () => server.close(),
  };
}

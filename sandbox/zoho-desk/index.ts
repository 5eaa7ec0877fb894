import { systemClock, type Clock } from "../core/clock";
import { FaultInjector, type FaultSpec } from "../core/faults";
import { startHttpServer } from "../core/http-server";
import { RateLimiter } from "../core/rate-limit";
import { Recorder, type RecordedRequest } from "../core/recorder";
import type { SandboxResponse } from "../core/types";
import { startZohoAccounts } from "../zoho-accounts";
import { SANDBOX_CREDENTIALS, TokenStore } from "../zoho-accounts/tokens";
import { adminRouter, createAdmin, type ZohoDeskAdmin } from "./admin";
import { deskAuthGuard } from "./auth";
import * as E from "./errors";
import { API_BASE_PATH, deskRouter } from "./routes";
import { ORG_ID } from "./seed";
import { DeskStore } from "./store";

export interface ZohoDeskSandboxOptions {
  /** Desk API port (0 = any free port). */
  port?: number;
  /** Zoho accounts (token endpoint) port (0 = any free port). */
  accountsPort?: number;
  /** Accepted API requests per rolling minute (default 600; 0 = unlimited). */
  rateLimitPerMinute?: number;
  /** Simultaneous in-flight API requests (default 10; 0 = unlimited). */
  concurrency?: number;
  /** Access token lifetime in seconds (default 3600). */
  tokenTtlSeconds?: number;
  /** When set, 429 answers carry "Retry-After: <n>" (default: no header). */
  retryAfterSeconds?: number;
  /** Artificial handling time per API request, ms (default 0). */
  latencyMs?: number;
  /** Time source for token expiry and the rate window (default: system clock). */
  clock?: Clock;
  /** Successful token refreshes allowed per rolling 10 minutes (default 0 = unlimited). */
  tokenRefreshesPer10Minutes?: number;
}

export interface ZohoDeskSandbox {
  /** e.g. "http://127.0.0.1:PORT/api/v1" */
  apiBaseUrl: string;
  /** e.g. "http://127.0.0.1:PORT2" (token URL: accountsUrl + "/oauth/v2/token") */
  accountsUrl: string;
  /** Origin of the Desk server, where the /__sandbox admin routes live. */
  adminUrl: string;
  orgId: string;
  credentials: { clientId: string; clientSecret: string; refreshToken: string };
  /** Desk API requests in arrival order (admin routes and token endpoint excluded). */
  requests(): RecordedRequest[];
  /** requests() minus GETs. */
  writes(): RecordedRequest[];
  clearRequests(): void;
  /** Requests to the token endpoint. */
  tokenRequests(): RecordedRequest[];
  admin: ZohoDeskAdmin;
  faults: { failNext(spec?: FaultSpec): void; clear(): void };
  setLatency(ms: number): void;
  /** Invalidate every issued access token (refresh token stays valid). */
  revokeAccessTokens(): void;
  close(): Promise<void>;
}

const TOKEN_PATH = "/oauth/v2/token";

export async function startZohoDeskSandbox(options: ZohoDeskSandboxOptions = {}): Promise<ZohoDeskSandbox> {
  const clock = options.clock ?? systemClock;
  const tokens = new TokenStore(clock, options.tokenTtlSeconds ?? 3600);
  const store = new DeskStore();
  const recorder = new Recorder();
  const deskFaults = new FaultInjector([API_BASE_PATH]);
  const accountsFaults = new FaultInjector();
  const limiter = new RateLimiter({ maxRequests: options.rateLimitPerMinute ?? 600, maxConcurrent: options.concurrency ?? 10, clock });
  let latency = options.latencyMs ?? 0;
  const admin = createAdmin(store);
  // Source silent: Retry-After on Desk 429s (none found); we send it only when retryAfterSeconds is set.
  const withRetryAfter = (r: SandboxResponse): SandboxResponse =>
    options.retryAfterSeconds === undefined ? r : { ...r, headers: { ...r.headers, "Retry-After": String(options.retryAfterSeconds) } };

  // A fault whose path names the token endpoint goes to the accounts server; every other one to the Desk API.
  const failNext = (spec: FaultSpec = {}) => {
    const p = spec.path;
    const forAccounts = p !== undefined && (p instanceof RegExp ? p.test(TOKEN_PATH) : p === TOKEN_PATH);
    (forAccounts ? accountsFaults : deskFaults).failNext(spec);
  };

  const desk = await startHttpServer({
    port: options.port,
    router: deskRouter(store),
    adminRouter: adminRouter(admin, recorder, failNext),
    recorder,
    faults: deskFaults,
    faultResponse: (f) => (f.status === 429 ? withRetryAfter(E.tooManyRequests()) : E.faultBody(f.status ?? 500)),
    limiter,
    limitResponse: (reason) => withRetryAfter(reason === "rate" ? E.tooManyRequests() : E.tooManyConcurrent()),
    guards: [deskAuthGuard(tokens, ORG_ID)],
    latencyMs: () => latency,
    notFound: () => E.urlNotFound(),
    methodNotAllowed: (_req, allowed) => E.methodNotAllowed(allowed),
    payloadTooLarge: () => E.payloadTooLarge(),
    internalError: (err) => (err instanceof E.DeskError ? err.response : E.internalError()),
  });
  const accounts = await startZohoAccounts({
    port: options.accountsPort,
    tokens,
    clock,
    // Source silent: api_domain for a sandbox; we send the Desk server origin (API base = api_domain + "/api/v1").
    apiDomain: () => desk.origin,
    faults: accountsFaults,
    refreshesPer10Minutes: options.tokenRefreshesPer10Minutes,
  });

  return {
    apiBaseUrl: desk.origin + API_BASE_PATH,
    accountsUrl: accounts.url,
    adminUrl: desk.origin,
    orgId: ORG_ID,
    credentials: { ...SANDBOX_CREDENTIALS },
    requests: () => recorder.all(),
    writes: () => recorder.all().filter((r) => r.method !== "GET"),
    clearRequests: () => {
      recorder.clear();
      accounts.clearRequests();
    },
    tokenRequests: () => accounts.requests(),
    admin,
    faults: {
      failNext,
      clear: () => {
        deskFaults.clear();
        accountsFaults.clear();
      },
    },
    setLatency: (ms) => {
      latency = ms;
    },
    revokeAccessTokens: () => tokens.revokeAll(),
    close: async () => {
      await Promise.all([desk.close(), accounts.close()]);
    },
  };
}

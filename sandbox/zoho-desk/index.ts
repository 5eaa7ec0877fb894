import { systemClock, type Clock } from "../core/clock";
import { FaultInjector, type FaultSpec } from "../core/faults";
import { startHttpServer } from "../core/http-server";
import type { VendorPiece } from "../core/piece";
import { RateLimiter } from "../core/rate-limit";
import { Recorder, type RecordedRequest } from "../core/recorder";
import type { SandboxResponse } from "../core/types";
import { startZohoAccountsPiece, TOKEN_PATH, type ZohoAccountsPiece } from "../zoho-accounts";
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

/** Environment variables that point the provider at the Desk piece (with the .com accounts server's). */
export interface ZohoDeskEnv {
  ZOHO_DESK_API_BASE_URL: string;
  ZOHO_ACCOUNTS_URL: string;
  ZOHO_DESK_ORG_ID: string;
  ZOHO_CLIENT_ID: string;
  ZOHO_CLIENT_SECRET: string;
  ZOHO_REFRESH_TOKEN: string;
}

export interface ZohoDeskSandbox extends VendorPiece<ZohoDeskAdmin> {
  readonly name: "zohoDesk";
  /** `{ api, admin, accounts }` */
  readonly baseUrls: Readonly<Record<string, string>>;
  readonly env: Readonly<ZohoDeskEnv>;
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
  /** Requests to the token endpoint (of the .com accounts server, shared with other Zoho pieces). */
  tokenRequests(): RecordedRequest[];
  admin: ZohoDeskAdmin;
  faults: { failNext(spec?: FaultSpec): void; clear(): void };
  setLatency(ms: number): void;
  /** Invalidate every access token the .com accounts server issued (refresh token stays valid). */
  revokeAccessTokens(): void;
  close(): Promise<void>;
}

/**
 * Start the Desk piece. With `shared.accounts` it uses that accounts piece (its .com server; the accounts options
 * above are then the accounts piece's business); alone, it starts and owns an accounts piece, as it always did.
 */
export async function startZohoDeskSandbox(options: ZohoDeskSandboxOptions = {}, shared: { accounts?: ZohoAccountsPiece } = {}): Promise<ZohoDeskSandbox> {
  const clock = options.clock ?? systemClock;
  const ownsAccounts = shared.accounts === undefined;
  const accounts = shared.accounts ?? await startZohoAccountsPiece({
    port: options.accountsPort,
    tokenTtlSeconds: options.tokenTtlSeconds,
    tokenRefreshesPer10Minutes: options.tokenRefreshesPer10Minutes,
    clock,
  });
  const tokens = accounts.tokens("com");
  const store = new DeskStore();
  const recorder = new Recorder();
  const deskFaults = new FaultInjector([API_BASE_PATH]);
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
    if (forAccounts) accounts.faults.failNext({ ...spec, dataCentre: "com" });
    else deskFaults.failNext(spec);
  };

  let desk: Awaited<ReturnType<typeof startHttpServer>>;
  try {
    desk = await startHttpServer({
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
  } catch (err) {
    if (ownsAccounts) await accounts.close();
    throw err;
  }
  // Source silent: api_domain for a sandbox. Alone, we send the Desk server origin (API base = api_domain + "/api/v1");
  // beside the CRM piece, the CRM server's (api_domain is www.zohoapis.<dc>, the CRM API domain, in real answers).
  accounts.setApiDomain("com", desk.origin, { ifUnset: true });

  const credentials = accounts.credentials("com");
  const env: ZohoDeskEnv = {
    ZOHO_DESK_API_BASE_URL: desk.origin + API_BASE_PATH,
    ZOHO_ACCOUNTS_URL: accounts.url("com"),
    ZOHO_DESK_ORG_ID: ORG_ID,
    ZOHO_CLIENT_ID: credentials.clientId,
    ZOHO_CLIENT_SECRET: credentials.clientSecret,
    ZOHO_REFRESH_TOKEN: credentials.refreshToken,
  };
  return {
    name: "zohoDesk",
    baseUrls: { api: desk.origin + API_BASE_PATH, admin: desk.origin, accounts: accounts.url("com") },
    env,
    apiBaseUrl: desk.origin + API_BASE_PATH,
    accountsUrl: accounts.url("com"),
    adminUrl: desk.origin,
    orgId: ORG_ID,
    credentials,
    requests: () => recorder.all(),
    writes: () => recorder.all().filter((r) => r.method !== "GET"),
    // Also forgets the token requests of the .com accounts server (shared with the CRM piece when composed).
    clearRequests: () => {
      recorder.clear();
      accounts.clearRequests();
    },
    tokenRequests: () => accounts.requests("com"),
    admin,
    faults: {
      failNext,
      clear: () => {
        deskFaults.clear();
        accounts.faults.clear();
      },
    },
    setLatency: (ms) => {
      latency = ms;
    },
    revokeAccessTokens: () => tokens.revokeAll(),
    close: async () => {
      await Promise.all([desk.close(), ownsAccounts ? accounts.close() : Promise.resolve()]);
    },
  };
}

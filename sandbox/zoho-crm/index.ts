import { systemClock, type Clock } from "../core/clock";
import { ChainedFaultInjector, FaultInjector, type FaultSpec } from "../core/faults";
import { startHttpServer, type RunningServer } from "../core/http-server";
import type { PieceFaults, VendorPiece } from "../core/piece";
import { RateLimiter } from "../core/rate-limit";
import { DataCentreRecorder, Recorder, type RecordedRequest } from "../core/recorder";
import { startZohoAccountsPiece, TOKEN_PATH, ZOHO_DATA_CENTRES, type ZohoAccountsPiece, type ZohoDataCentre } from "../zoho-accounts";
import type { ClientCredentials } from "../zoho-accounts/tokens";
import { createCrmAdmin, crmAdminRouter, type ZohoCrmAdmin } from "./admin";
import { API_BASE_PATH, crmAuthGuard } from "./auth";
import * as E from "./errors";
import { crmRouter } from "./routes";
import { CrmOrgStore } from "./store";

export { API_BASE_PATH } from "./auth";
export type { ZohoCrmAdmin, CrmPermissionInfo } from "./admin";
export type { CrmUser, WireProfile, WireProfileSummary, WirePermission } from "./store";

export interface ZohoCrmSandboxOptions {
  /** Data centres (orgs) to serve (default: .com and .eu). */
  dataCentres?: readonly ZohoDataCentre[];
  /** Port of the .com CRM server (0 = any free port). */
  port?: number;
  /** Port of the .eu CRM server (0 = any free port). */
  euPort?: number;
  /**
   * API credits per rolling 24 hours, per org (default 50 000; 0 = unlimited). Every API request costs one credit.
   * Source: README §2.4 (credits per rolling 24 h; Standard edition: 50 000 + 250 per user). Source silent: the cost
   * of the profile APIs; we charge 1 per request, whatever its answer.
   */
  apiCreditsPer24h?: number;
  /** Simultaneous in-flight requests per org (default 10, the Standard edition's; 0 = unlimited). */
  concurrency?: number;
  /** Profiles the licence allows, system profiles included (default 25: README §2.1 "maximum of 25 profiles", profiles.json details.limit enum). */
  licenseLimit?: number;
  /** Artificial handling time per API request, ms (default 0). */
  latencyMs?: number;
  /** Time source for tokens (when the piece starts its own accounts), timestamps and the credit window. */
  clock?: Clock;
  /** Accounts options when the piece runs alone (composed, the shared accounts piece is used instead). */
  accountsPort?: number;
  euAccountsPort?: number;
  tokenTtlSeconds?: number;
}

export interface ZohoCrmFaultSpec extends FaultSpec {
  /** Org to fail (default: whichever data centre first gets a matching request). */
  dataCentre?: ZohoDataCentre;
}

/** One org (one data centre) of the CRM piece. */
export interface ZohoCrmOrg {
  dataCentre: ZohoDataCentre;
  /** e.g. "http://127.0.0.1:PORT/crm/v8" */
  apiBaseUrl: string;
  /** The server origin: what api_domain stands for (www.zohoapis.<dc>), and where the /__sandbox admin routes live. */
  apiDomain: string;
  adminUrl: string;
  /** That data centre's accounts server (token URL: accountsUrl + "/oauth/v2/token"). */
  accountsUrl: string;
  orgId: string;
  credentials: ClientCredentials;
  admin: ZohoCrmAdmin;
  /** This org's requests, in arrival order. */
  requests(): RecordedRequest[];
  writes(): RecordedRequest[];
  clearRequests(): void;
  faults: PieceFaults<FaultSpec>;
}

export interface ZohoCrmEnv {
  ZOHO_CRM_API_BASE_URL?: string;
  ZOHO_CRM_EU_API_BASE_URL?: string;
}

export interface ZohoCrmSandbox extends VendorPiece<ZohoCrmAdmin, ZohoCrmFaultSpec> {
  readonly name: "zohoCrm";
  readonly env: Readonly<ZohoCrmEnv & Record<string, string>>;
  /** The .com org's API base URL and accounts URL (shortcuts; `eu` for the other org). */
  apiBaseUrl: string;
  accountsUrl: string;
  orgId: string;
  /** admin of the .com org (the `eu` org has its own). */
  admin: ZohoCrmAdmin;
  /** The orgs by data centre. */
  orgs: Partial<Record<ZohoDataCentre, ZohoCrmOrg>>;
  org(dataCentre: ZohoDataCentre): ZohoCrmOrg;
  com: ZohoCrmOrg;
  eu: ZohoCrmOrg;
  /** Requests of every org in arrival order; each entry carries its `dataCentre`. */
  requests(): RecordedRequest[];
  /** Token requests of the accounts servers the CRM orgs use. */
  tokenRequests(): RecordedRequest[];
  setLatency(ms: number): void;
  /** Invalidate every access token of these data centres (refresh tokens stay valid). */
  revokeAccessTokens(): void;
}

const WINDOW_MS = 86_400_000;

/**
 * Start the CRM piece: one server and org per data centre. With `shared.accounts` it uses that accounts piece (which
 * must serve the same data centres); alone, it starts and owns one.
 */
export async function startZohoCrmSandbox(options: ZohoCrmSandboxOptions = {}, shared: { accounts?: ZohoAccountsPiece } = {}): Promise<ZohoCrmSandbox> {
  const clock = options.clock ?? systemClock;
  const dataCentres = options.dataCentres && options.dataCentres.length > 0 ? ZOHO_DATA_CENTRES.filter((d) => options.dataCentres!.includes(d)) : [...ZOHO_DATA_CENTRES];
  const ownsAccounts = shared.accounts === undefined;
  const accounts = shared.accounts ?? await startZohoAccountsPiece({
    dataCentres,
    port: options.accountsPort,
    euPort: options.euAccountsPort,
    tokenTtlSeconds: options.tokenTtlSeconds,
    clock,
  });
  const log = new Recorder();
  const anyOrgFaults = new FaultInjector([API_BASE_PATH]);
  let latency = options.latencyMs ?? 0;
  const credits = options.apiCreditsPer24h ?? 50_000;
  const concurrency = options.concurrency ?? 10;
  const servers: RunningServer[] = [];
  const orgs: Partial<Record<ZohoDataCentre, ZohoCrmOrg>> = {};

  // A fault whose path names the token endpoint goes to that data centre's accounts server.
  const routeFault = (spec: ZohoCrmFaultSpec, own: Partial<Record<ZohoDataCentre, FaultInjector>>) => {
    const { dataCentre, ...rest } = spec;
    const p = rest.path;
    if (p !== undefined && (p instanceof RegExp ? p.test(TOKEN_PATH) : p === TOKEN_PATH)) {
      accounts.faults.failNext({ ...rest, dataCentre: dataCentre ?? "com" });
    } else if (dataCentre !== undefined) {
      const injector = own[dataCentre];
      if (!injector) throw new Error(`sandbox: the ${dataCentre} CRM org is not running`);
      injector.failNext(rest);
    } else {
      anyOrgFaults.failNext(rest);
    }
  };
  const injectors: Partial<Record<ZohoDataCentre, FaultInjector>> = {};

  try {
    for (const dc of dataCentres) {
      const store = new CrmOrgStore(dc, clock, options.licenseLimit ?? 25);
      const admin = createCrmAdmin(store);
      const recorder = new DataCentreRecorder(log, dc);
      const faults = new ChainedFaultInjector([API_BASE_PATH], anyOrgFaults);
      injectors[dc] = faults;
      const limiter = new RateLimiter({ maxRequests: credits, windowMs: WINDOW_MS, maxConcurrent: concurrency, clock });
      const server = await startHttpServer({
        port: dc === "com" ? options.port : options.euPort,
        router: crmRouter(store),
        adminRouter: crmAdminRouter(admin, recorder, (f) => routeFault({ ...f, dataCentre: dc }, injectors)),
        recorder,
        faults,
        faultResponse: (f) => E.faultBody(f.status ?? 500),
        limiter,
        limitResponse: (reason) =>
          reason === "rate" ? E.creditsExhausted(Math.ceil(limiter.retryAfterMs() / 1000), credits, WINDOW_MS / 1000) : E.tooManyConcurrent(concurrency),
        guards: [crmAuthGuard(accounts.tokens(dc))],
        latencyMs: () => latency,
        notFound: () => E.invalidUrl(),
        methodNotAllowed: () => E.invalidMethod(),
        payloadTooLarge: () => E.payloadTooLarge(),
        internalError: (err) => (err instanceof E.CrmError ? err.response : E.internalError()),
      });
      servers.push(server);
      // api_domain of that data centre's token answers: this server (it stands for www.zohoapis.<dc>).
      accounts.setApiDomain(dc, server.origin);
      orgs[dc] = {
        dataCentre: dc,
        apiBaseUrl: server.origin + API_BASE_PATH,
        apiDomain: server.origin,
        adminUrl: server.origin,
        accountsUrl: accounts.url(dc),
        orgId: store.orgId,
        credentials: accounts.credentials(dc),
        admin,
        requests: () => recorder.all(),
        writes: () => recorder.all().filter((r) => r.method !== "GET"),
        clearRequests: () => recorder.clear(),
        faults: { failNext: (spec = {}) => routeFault({ ...spec, dataCentre: dc }, injectors), clear: () => faults.clear() },
      };
    }
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    if (ownsAccounts) await accounts.close();
    throw err;
  }

  const org = (dc: ZohoDataCentre): ZohoCrmOrg => {
    const o = orgs[dc];
    if (!o) throw new Error(`sandbox: the ${dc} CRM org is not running (started: ${dataCentres.join(", ")})`);
    return o;
  };
  const first = orgs.com ?? orgs[dataCentres[0]]!;
  const env: Record<string, string> = {};
  for (const dc of dataCentres) env[dc === "com" ? "ZOHO_CRM_API_BASE_URL" : `ZOHO_CRM_${dc.toUpperCase()}_API_BASE_URL`] = orgs[dc]!.apiBaseUrl;
  const baseUrls: Record<string, string> = {};
  for (const dc of dataCentres) baseUrls[dc] = orgs[dc]!.apiBaseUrl;

  return {
    name: "zohoCrm",
    baseUrls,
    env,
    apiBaseUrl: first.apiBaseUrl,
    accountsUrl: first.accountsUrl,
    orgId: first.orgId,
    admin: first.admin,
    orgs,
    org,
    get com() {
      return org("com");
    },
    get eu() {
      return org("eu");
    },
    requests: () => log.all(),
    writes: () => log.all().filter((r) => r.method !== "GET"),
    clearRequests: () => log.clear(),
    tokenRequests: () => accounts.requests().filter((r) => dataCentres.includes(r.dataCentre as ZohoDataCentre)),
    faults: {
      failNext: (spec = {}) => routeFault(spec, injectors),
      clear: () => {
        anyOrgFaults.clear();
        for (const f of Object.values(injectors)) f.clear();
      },
    },
    setLatency: (ms) => {
      latency = ms;
    },
    revokeAccessTokens: () => {
      for (const dc of dataCentres) accounts.admin.revokeAccessTokens(dc);
    },
    close: async () => {
      await Promise.all([...servers.map((s) => s.close()), ownsAccounts ? accounts.close() : Promise.resolve()]);
    },
  };
}

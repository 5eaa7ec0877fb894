import { systemClock, type Clock } from "../core/clock";
import { FaultInjector, type FaultSpec } from "../core/faults";
import { startHttpServer } from "../core/http-server";
import type { VendorPiece } from "../core/piece";
import { DataCentreRecorder, Recorder, type RecordedRequest } from "../core/recorder";
import { accountsRouter } from "./routes";
import { DEFAULT_SCOPES, SANDBOX_CREDENTIALS, TokenStore, type ClientCredentials } from "./tokens";

export interface ZohoAccountsOptions {
  port?: number;
  tokens: TokenStore;
  clock: Clock;
  apiDomain: () => string;
  faults?: FaultInjector;
  refreshesPer10Minutes?: number;
  /** Where to record token requests (default: a recorder of its own). */
  recorder?: Recorder;
}

export interface ZohoAccountsSandbox {
  /** Accounts server origin, e.g. "http://127.0.0.1:PORT" (token URL = accountsUrl + "/oauth/v2/token"). */
  url: string;
  requests(): RecordedRequest[];
  clearRequests(): void;
  close(): Promise<void>;
}

export const TOKEN_PATH = "/oauth/v2/token";

/** Stand-in for accounts.zoho.<dc>: only the refresh-token grant. */
export async function startZohoAccounts(o: ZohoAccountsOptions): Promise<ZohoAccountsSandbox> {
  const recorder = o.recorder ?? new Recorder();
  const server = await startHttpServer({
    port: o.port,
    router: accountsRouter(o),
    recorder,
    faults: o.faults,
    faultResponse: (f) => ({ status: f.status ?? 500, body: { error: "server_error" } }),
    // Source silent: we answer unknown accounts paths and methods with a bare 404/405 and an OAuth-style body.
    notFound: () => ({ status: 404, body: { error: "invalid_request" } }),
    methodNotAllowed: (_req, allowed) => ({ status: 405, headers: { Allow: allowed.join(", ") }, body: { error: "invalid_request" } }),
  });
  return {
    url: server.origin,
    requests: () => recorder.all(),
    clearRequests: () => recorder.clear(),
    close: () => server.close(),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The accounts piece: one accounts server per Zoho data centre, shared by every Zoho product piece.
// ---------------------------------------------------------------------------------------------------------------

/** Zoho data centres the sandbox emulates (README §3: accounts.zoho.com, accounts.zoho.eu, ...). */
export type ZohoDataCentre = "com" | "eu";
export const ZOHO_DATA_CENTRES: readonly ZohoDataCentre[] = ["com", "eu"];

/**
 * Credentials per data centre. Source: Zoho's multi-DC OAuth doc (README §3): each data centre has its own accounts
 * server, and a client enabled for several data centres keeps its client id. Source silent on the secret; we give
 * each data centre its own client secret and refresh token, so a credential sent to the wrong data centre fails
 * (README §3: "wrong DC -> invalid_client").
 */
export const DATA_CENTRE_CREDENTIALS: Readonly<Record<ZohoDataCentre, ClientCredentials>> = {
  com: { ...SANDBOX_CREDENTIALS },
  eu: { clientId: SANDBOX_CREDENTIALS.clientId, clientSecret: "sandbox-client-secret-eu", refreshToken: "sandbox-refresh-token-eu" },
};

export interface ZohoAccountsPieceOptions {
  /** Data centres to serve (default ["com"]). */
  dataCentres?: readonly ZohoDataCentre[];
  /** Port of the .com accounts server (0 = any free port). */
  port?: number;
  /** Port of the .eu accounts server (0 = any free port). */
  euPort?: number;
  /** Access token lifetime in seconds (default 3600). */
  tokenTtlSeconds?: number;
  /** Successful token refreshes allowed per rolling 10 minutes on each accounts server (default 0 = unlimited). */
  tokenRefreshesPer10Minutes?: number;
  clock?: Clock;
}

export interface ZohoAccountsFaultSpec extends FaultSpec {
  /** Accounts server to fail (default "com"). */
  dataCentre?: ZohoDataCentre;
}

/** Out-of-band actions on the accounts side (the API console and the user's "connected apps" page). */
export interface ZohoAccountsAdmin {
  /** A further refresh token of the sandbox client with these scopes, e.g. to test a scope mismatch. */
  addRefreshToken(scopes: readonly string[], dataCentre?: ZohoDataCentre): string;
  /** Invalidate every issued access token of a data centre (default: all); refresh tokens stay valid. */
  revokeAccessTokens(dataCentre?: ZohoDataCentre): void;
}

export interface ZohoAccountsPiece extends VendorPiece<ZohoAccountsAdmin, ZohoAccountsFaultSpec> {
  readonly name: "zohoAccounts";
  readonly dataCentres: readonly ZohoDataCentre[];
  /** Accounts server origin of a data centre (token URL = url + "/oauth/v2/token"). */
  url(dataCentre?: ZohoDataCentre): string;
  /** The OAuth state API pieces of that data centre check tokens against. */
  tokens(dataCentre?: ZohoDataCentre): TokenStore;
  credentials(dataCentre?: ZohoDataCentre): ClientCredentials;
  /** The api_domain a data centre's token answers carry (the product pieces set it). */
  setApiDomain(dataCentre: ZohoDataCentre, origin: string, options?: { ifUnset?: boolean }): void;
  /** Token requests, all data centres, in arrival order; each entry carries its `dataCentre`. */
  requests(dataCentre?: ZohoDataCentre): RecordedRequest[];
}

export async function startZohoAccountsPiece(options: ZohoAccountsPieceOptions = {}): Promise<ZohoAccountsPiece> {
  const clock = options.clock ?? systemClock;
  const dataCentres = options.dataCentres && options.dataCentres.length > 0 ? [...new Set(options.dataCentres)] : (["com"] as ZohoDataCentre[]);
  const shared = new Recorder();
  const stores = new Map<ZohoDataCentre, TokenStore>();
  const injectors = new Map<ZohoDataCentre, FaultInjector>();
  const servers = new Map<ZohoDataCentre, ZohoAccountsSandbox>();
  const apiDomains = new Map<ZohoDataCentre, string>();
  const ports: Record<ZohoDataCentre, number | undefined> = { com: options.port, eu: options.euPort };
  try {
    for (const dc of dataCentres) {
      const tokens = new TokenStore(clock, options.tokenTtlSeconds ?? 3600, DATA_CENTRE_CREDENTIALS[dc], DEFAULT_SCOPES);
      const faults = new FaultInjector();
      stores.set(dc, tokens);
      injectors.set(dc, faults);
      servers.set(dc, await startZohoAccounts({
        port: ports[dc],
        tokens,
        clock,
        // Source silent: api_domain in a sandbox. The product pieces set it (CRM: its server of that data centre, which
        // stands for www.zohoapis.<dc>; Desk alone: the Desk server); until then, the accounts origin itself.
        apiDomain: () => apiDomains.get(dc) ?? servers.get(dc)!.url,
        faults,
        refreshesPer10Minutes: options.tokenRefreshesPer10Minutes,
        recorder: new DataCentreRecorder(shared, dc),
      }));
    }
  } catch (err) {
    await Promise.all([...servers.values()].map((s) => s.close()));
    throw err;
  }

  const need = <T>(map: Map<ZohoDataCentre, T>, dc: ZohoDataCentre): T => {
    const value = map.get(dc);
    if (value === undefined) throw new Error(`sandbox: the ${dc} data centre is not running (started: ${dataCentres.join(", ")})`);
    return value;
  };
  const env: Record<string, string> = {};
  for (const dc of dataCentres) {
    const c = DATA_CENTRE_CREDENTIALS[dc];
    // .com keeps the historical names; other data centres get ZOHO_<DC>_... (the same client, its own secret and token).
    const prefix = dc === "com" ? "ZOHO_" : `ZOHO_${dc.toUpperCase()}_`;
    env[`${prefix}ACCOUNTS_URL`] = servers.get(dc)!.url;
    env[`${prefix}CLIENT_ID`] = c.clientId;
    env[`${prefix}CLIENT_SECRET`] = c.clientSecret;
    env[`${prefix}REFRESH_TOKEN`] = c.refreshToken;
  }
  const baseUrls: Record<string, string> = {};
  for (const dc of dataCentres) baseUrls[dc] = servers.get(dc)!.url;

  return {
    name: "zohoAccounts",
    dataCentres,
    baseUrls,
    env,
    url: (dc = "com") => need(servers, dc).url,
    tokens: (dc = "com") => need(stores, dc),
    credentials: (dc = "com") => {
      need(servers, dc);
      return { ...DATA_CENTRE_CREDENTIALS[dc] };
    },
    setApiDomain: (dc, origin, o = {}) => {
      if (!o.ifUnset || !apiDomains.has(dc)) apiDomains.set(dc, origin);
    },
    requests: (dc?: ZohoDataCentre) => shared.all().filter((r) => dc === undefined || r.dataCentre === dc),
    writes: () => shared.all().filter((r) => r.method !== "GET"),
    clearRequests: () => shared.clear(),
    faults: {
      failNext: (spec = {}) => {
        const { dataCentre = "com", ...rest } = spec;
        need(injectors, dataCentre).failNext(rest);
      },
      clear: () => injectors.forEach((f) => f.clear()),
    },
    admin: {
      addRefreshToken: (scopes, dc = "com") => need(stores, dc).addRefreshToken(scopes),
      revokeAccessTokens: (dc) => {
        for (const [name, store] of stores) if (dc === undefined || dc === name) store.revokeAll();
      },
    },
    close: async () => {
      await Promise.all([...servers.values()].map((s) => s.close()));
    },
  };
}

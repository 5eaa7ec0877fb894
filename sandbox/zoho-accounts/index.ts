import type { Clock } from "../core/clock";
import type { FaultInjector } from "../core/faults";
import { startHttpServer } from "../core/http-server";
import { Recorder, type RecordedRequest } from "../core/recorder";
import { accountsRouter } from "./routes";
import type { TokenStore } from "./tokens";

export interface ZohoAccountsOptions {
  port?: number;
  tokens: TokenStore;
  clock: Clock;
  apiDomain: () => string;
  faults?: FaultInjector;
  refreshesPer10Minutes?: number;
}

export interface ZohoAccountsSandbox {
  /** Accounts server origin, e.g. "http://127.0.0.1:PORT" (token URL = accountsUrl + "/oauth/v2/token"). */
  url: string;
  requests(): RecordedRequest[];
  clearRequests(): void;
  close(): Promise<void>;
}

/** Stand-in for accounts.zoho.<dc>: only the refresh-token grant. */
export async function startZohoAccounts(o: ZohoAccountsOptions): Promise<ZohoAccountsSandbox> {
  const recorder = new Recorder();
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

import type { Clock } from "../core/clock";
import { Router } from "../core/router";
import type { SandboxRequest, SandboxResponse } from "../core/types";
import type { TokenStore } from "./tokens";

export interface AccountsRouteOptions {
  tokens: TokenStore;
  /** Value of api_domain in the token response (the emulated API's origin). */
  apiDomain: () => string;
  clock: Clock;
  /** Max successful refreshes per rolling 10 minutes; 0/undefined = unlimited. */
  refreshesPer10Minutes?: number;
}

/** Zoho answers OAuth errors with HTTP 200 and {"error": "..."} (seen in SDK issue reports). */
const oauthError = (error: string): SandboxResponse => ({ status: 200, body: { error } });

export function accountsRouter(o: AccountsRouteOptions): Router {
  const recent: number[] = [];
  return new Router().add("POST", "/oauth/v2/token", (req) => {
    const p = params(req);
    // Source silent: we answer any grant other than refresh_token with unsupported_grant_type.
    if (p.grant_type !== "refresh_token") return oauthError("unsupported_grant_type");
    // Each data centre has its own client secret and refresh tokens (held by its TokenStore).
    if (p.client_id !== o.tokens.credentials.clientId || p.client_secret !== o.tokens.credentials.clientSecret) {
      return oauthError("invalid_client");
    }
    if (!o.tokens.knowsRefreshToken(p.refresh_token)) return oauthError("invalid_code");
    const now = o.clock.now();
    while (recent.length > 0 && recent[0] <= now - 600_000) recent.shift();
    if (o.refreshesPer10Minutes && recent.length >= o.refreshesPer10Minutes) {
      // Source: Zoho's community post "Kaizen #43 - Tokens and Limitations"
      // (https://help.zoho.com/portal/en/community/topic/kaizen-43-tokens-and-limitations): past the cap of access
      // tokens per refresh token per 10 minutes "the status code ... remains 200" and the message says "Access Denied".
      // The post shows no body: the error_description and status fields are our reconstruction.
      return {
        status: 200,
        body: {
          error_description: "You have made too many requests continuously. Please try again after some time.",
          error: "Access Denied",
          status: "failure",
        },
      };
    }
    recent.push(now);
    const { token, expiresIn } = o.tokens.issue(p.refresh_token);
    // No refresh_token in a refresh response (Zoho OAuth doc).
    return {
      status: 200,
      body: { access_token: token, api_domain: o.apiDomain(), token_type: "Bearer", expires_in: expiresIn },
    };
  });
}

/** Parameters from the query string, an x-www-form-urlencoded body, and a Basic header (client creds). */
function params(req: SandboxRequest): Record<string, string> {
  const out: Record<string, string> = { ...req.query };
  if (typeof req.rawBody === "string" && req.rawBody.length > 0 && !/json/i.test(String(req.headers["content-type"]))) {
    new URLSearchParams(req.rawBody).forEach((v, k) => (out[k] = v));
  }
  const auth = String(req.headers.authorization ?? "");
  if (/^basic /i.test(auth)) {
    const [id, secret] = Buffer.from(auth.slice(6), "base64").toString("utf8").split(":");
    out.client_id ??= id;
    out.client_secret ??= secret;
  }
  return out;
}

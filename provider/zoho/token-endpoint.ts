import { CredentialsRefusedError, HelpdeskError, TokenRefreshCapError, VendorApiError } from "../core/errors";
import { Transport } from "../core/http/transport";
import type { CachedToken } from "../core/token-cache";

export interface ZohoOAuthCredentials {
  accountsUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

const TOKEN_PATH = "/oauth/v2/token";

/**
 * Zoho's accounts server, refresh-token grant only: trades the long-lived refresh token for an access token.
 * Through the shared Transport, so a dropped connection, a 5xx or a 429 is retried like any vendor call.
 */
export class ZohoTokenEndpoint {
  private readonly transport: Transport;

  constructor(private readonly credentials: ZohoOAuthCredentials, userAgent: string) {
    this.transport = new Transport({
      vendor: "Zoho accounts",
      baseUrl: credentials.accountsUrl,
      headers: async () => ({}),
      describeError: (_status, body) => {
        const { error, error_description } = asRecord(body);
        return { code: typeof error === "string" ? error : undefined, detail: typeof error_description === "string" ? error_description : undefined };
      },
      // Zoho documents about 5 token requests a minute and sends no retry hint.
      retry: { rateLimitWindowMs: 60_000 },
      maxConcurrent: 1,
      userAgent,
    });
  }

  async mint(): Promise<CachedToken> {
    const { clientId, clientSecret, refreshToken } = this.credentials;
    let body: unknown;
    try {
      // Minting a second token harms nothing, so a lost answer may be asked again.
      const form = { grant_type: "refresh_token", client_id: clientId, client_secret: clientSecret, refresh_token: refreshToken };
      ({ body } = await this.transport.request({ method: "POST", path: TOKEN_PATH, form, idempotent: true }));
    } catch (error) {
      // OAuth servers answer a refused grant with 400 or 401; Zoho with 200. Read all three the same way.
      if (!(error instanceof VendorApiError && (error.status === 400 || error.status === 401))) throw error;
      body = error.body;
    }
    return this.tokenFrom(asRecord(body));
  }

  private tokenFrom(body: Record<string, unknown>): CachedToken {
    const { access_token, expires_in, expires_in_sec, error, error_description } = body;
    if (typeof access_token === "string" && access_token !== "") {
      // Older accounts servers sent expires_in in milliseconds, with expires_in_sec beside it.
      const seconds = typeof expires_in_sec === "number" ? expires_in_sec : typeof expires_in === "number" ? expires_in : 3600;
      return { accessToken: access_token, expiresAt: Date.now() + seconds * 1000 };
    }
    const { accountsUrl } = this.credentials;
    const code = typeof error === "string" ? error : undefined;
    const description = typeof error_description === "string" ? error_description : undefined;
    // Past its cap Zoho still answers 200, with "Access Denied" and "You have made too many requests continuously".
    if (/access denied/i.test(code ?? "") || /too many requests/i.test(description ?? "")) {
      throw new TokenRefreshCapError(
        `Zoho accounts (${accountsUrl}) issues no more access tokens for this refresh token for now ` +
          `(${[code, description].filter(Boolean).join(": ")}): Zoho caps how many access tokens one refresh token may obtain ` +
          `in 10 minutes (about 10). The credentials are fine. Try again in up to 10 minutes, once the oldest of those ` +
          `refreshes leaves Zoho's 10-minute window. Keep the token cache on (it is unless PULUMI_HELPDESK_TOKEN_CACHE=off) so ` +
          `commands on this machine share one token, and check what else uses this refresh token.`,
      );
    }
    if (code === "invalid_client" || code === "invalid_code") {
      throw new CredentialsRefusedError(
        `Zoho accounts (${accountsUrl}) refused the refresh token: ${code}. Check the client id, client secret and ` +
          `refresh token (helpdesk:zohoClientId / ZOHO_CLIENT_ID and friends) and that they belong to this data center.`,
      );
    }
    throw new HelpdeskError(`Zoho accounts (${accountsUrl}) answered the token request without an access token: ${code ?? "no error code"}${description ? ` (${description})` : ""}.`);
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

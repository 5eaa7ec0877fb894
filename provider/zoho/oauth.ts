import fetch from "node-fetch";
import { CredentialsRefusedError, VendorUnreachableError } from "../core/errors";
import { sleep } from "../core/http/throttle";

export interface ZohoOAuthCredentials {
  accountsUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** Renew a little before Zoho's expiry so a token never dies in flight. */
const EXPIRY_MARGIN_MS = 60_000;
const NETWORK_ATTEMPTS = 3;

/**
 * Zoho's self-client flow: a long-lived refresh token buys short-lived access tokens (one hour) from the
 * accounts server. Zoho caps how many access tokens a refresh token may mint in ten minutes, so one token is
 * shared by every request of the process and renewed only near expiry or after a 401.
 */
export class ZohoAccessToken {
  private current?: { token: string; expiresAt: number };
  private pending?: Promise<string>;

  constructor(private readonly credentials: ZohoOAuthCredentials, private readonly userAgent: string) {}

  async get(): Promise<string> {
    if (this.current && this.current.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return this.current.token;
    return this.renew();
  }

  renew(): Promise<string> {
    this.pending ??= this.exchange().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async exchange(): Promise<string> {
    const { accountsUrl, clientId, clientSecret, refreshToken } = this.credentials;
    const form = new URLSearchParams({ grant_type: "refresh_token", client_id: clientId, client_secret: clientSecret, refresh_token: refreshToken });
    const url = `${accountsUrl.replace(/\/+$/, "")}/oauth/v2/token`;
    const body = await postForm(url, form, this.userAgent);
    const token = typeof body.access_token === "string" ? body.access_token : undefined;
    if (!token) {
      // Zoho answers 200 with {"error": "invalid_client" | "invalid_code" | "access_denied"}.
      const reason = typeof body.error === "string" ? body.error : "no access_token in the answer";
      throw new CredentialsRefusedError(
        `Zoho accounts (${accountsUrl}) refused the refresh token: ${reason}. Check the client id, client secret and ` +
          `refresh token (helpdesk:zohoClientId / ZOHO_CLIENT_ID and friends) and that they belong to this data center.`,
      );
    }
    const expiresIn = typeof body.expires_in === "number" ? body.expires_in : 3600;
    this.current = { token, expiresAt: Date.now() + expiresIn * 1000 };
    return token;
  }
}

async function postForm(url: string, form: URLSearchParams, userAgent: string): Promise<Record<string, unknown>> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= NETWORK_ATTEMPTS; attempt++) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json", "User-Agent": userAgent },
        body: form.toString(),
        timeout: 30_000,
      });
      if (response.status >= 500 || response.status === 429) {
        lastError = new Error(`HTTP ${response.status}`);
      } else {
        const parsed: unknown = await response.json().catch(() => ({}));
        return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
      }
    } catch (error) {
      lastError = error;
    }
    await sleep(300 * 2 ** attempt);
  }
  throw new VendorUnreachableError("Zoho accounts", "POST", "/oauth/v2/token", NETWORK_ATTEMPTS, lastError);
}

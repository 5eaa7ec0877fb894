import { randomBytes } from "node:crypto";
import type { Clock } from "../core/clock";

/** Fixed, obviously fake credentials the sandbox accepts (the .com data centre). */
export const SANDBOX_CREDENTIALS = {
  clientId: "sandbox-client-id",
  clientSecret: "sandbox-client-secret",
  refreshToken: "sandbox-refresh-token",
} as const;

/**
 * Scopes of the seeded refresh token: enough for the Desk profile API and the CRM profile API, so one refresh token
 * serves both products, as a Zoho self client granted both scope sets does.
 * Source: README §1.6 (Desk.settings.*, Desk.basic.*) and §3 (ZohoCRM.settings.profiles.*).
 */
export const DEFAULT_SCOPES: readonly string[] = [
  "Desk.settings.ALL",
  "Desk.basic.READ",
  "Desk.basic.CREATE",
  "Desk.basic.UPDATE",
  "ZohoCRM.settings.profiles.ALL",
  // Source: Zoho CRM's Get Users document; the access review reads who holds each profile.
  "ZohoCRM.users.READ",
];

export type TokenState = "valid" | "expired" | "unknown";

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

interface IssuedToken {
  expiry: number;
  scopes: readonly string[];
}

/**
 * One data centre's OAuth state: its client credentials, the refresh tokens it knows (each with its scopes), and the
 * access tokens it issued. API sandboxes of that data centre check tokens here; a token from another data centre's
 * store is unknown.
 */
export class TokenStore {
  private readonly issued = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, readonly string[]>();
  readonly credentials: ClientCredentials;

  constructor(
    private readonly clock: Clock,
    private ttlSeconds: number,
    credentials: ClientCredentials = SANDBOX_CREDENTIALS,
    scopes: readonly string[] = DEFAULT_SCOPES,
  ) {
    this.credentials = { ...credentials };
    this.refreshTokens.set(credentials.refreshToken, [...scopes]);
  }

  get tokenTtlSeconds(): number {
    return this.ttlSeconds;
  }

  knowsRefreshToken(refreshToken: string | undefined): boolean {
    return refreshToken !== undefined && this.refreshTokens.has(refreshToken);
  }

  /** Admin: a further refresh token of the same client, with its own scopes (as another grant in the console). */
  addRefreshToken(scopes: readonly string[]): string {
    const token = `1000.${randomBytes(16).toString("hex")}.${randomBytes(16).toString("hex")}`;
    this.refreshTokens.set(token, [...scopes]);
    return token;
  }

  /** Issue an access token; it carries the scopes of the refresh token it was made from (default: the seeded one). */
  issue(refreshToken: string = this.credentials.refreshToken): { token: string; expiresIn: number } {
    // Zoho access tokens look like "1000.<32 hex>.<32 hex>".
    const token = `1000.${randomBytes(16).toString("hex")}.${randomBytes(16).toString("hex")}`;
    const scopes = this.refreshTokens.get(refreshToken) ?? [];
    this.issued.set(token, { expiry: this.clock.now() + this.ttlSeconds * 1000, scopes });
    return { token, expiresIn: this.ttlSeconds };
  }

  check(token: string): TokenState {
    const issued = this.issued.get(token);
    if (issued === undefined) return "unknown";
    return this.clock.now() < issued.expiry ? "valid" : "expired";
  }

  /** Scopes of a valid access token (undefined when unknown or expired). */
  scopesOf(token: string): readonly string[] | undefined {
    return this.check(token) === "valid" ? this.issued.get(token)!.scopes : undefined;
  }

  /** Admin: invalidate every issued token (as a revocation in the Zoho console would). */
  revokeAll(): void {
    this.issued.clear();
  }
}

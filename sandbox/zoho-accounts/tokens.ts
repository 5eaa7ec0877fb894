import { randomBytes } from "node:crypto";
import type { Clock } from "../core/clock";

/** Fixed, obviously fake credentials the sandbox accepts. */
export const SANDBOX_CREDENTIALS = {
  clientId: "sandbox-client-id",
  clientSecret: "sandbox-client-secret",
  refreshToken: "sandbox-refresh-token",
} as const;

export type TokenState = "valid" | "expired" | "unknown";

/** Access tokens issued by the sandbox accounts server and checked by the API sandboxes. */
export class TokenStore {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private ttlSeconds: number,
  ) {}

  get tokenTtlSeconds(): number {
    return this.ttlSeconds;
  }

  issue(): { token: string; expiresIn: number } {
    // Zoho access tokens look like "1000.<32 hex>.<32 hex>".
    const token = `1000.${randomBytes(16).toString("hex")}.${randomBytes(16).toString("hex")}`;
    this.expiries.set(token, this.clock.now() + this.ttlSeconds * 1000);
    return { token, expiresIn: this.ttlSeconds };
  }

  check(token: string): TokenState {
    const expiry = this.expiries.get(token);
    if (expiry === undefined) return "unknown";
    return this.clock.now() < expiry ? "valid" : "expired";
  }

  /** Admin: invalidate every issued token (as a revocation in the Zoho console would). */
  revokeAll(): void {
    this.expiries.clear();
  }
}

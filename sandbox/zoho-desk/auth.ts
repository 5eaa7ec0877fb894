import type { Guard } from "../core/types";
import type { TokenStore } from "../zoho-accounts/tokens";
import * as E from "./errors";

/**
 * Every Desk API call needs "Authorization: Zoho-oauthtoken <token>" and an "orgId" header.
 * Checked before routing, so an unknown URL without a token answers 401, not 404.
 */
export function deskAuthGuard(tokens: TokenStore, orgId: string): Guard {
  return (req) => {
    const header = req.headers.authorization;
    if (header === undefined || header.trim() === "") return E.unauthorized();
    const match = /^Zoho-oauthtoken (\S+)$/.exec(header.trim());
    // Source silent: other schemes (e.g. "Bearer x"); we answer UNAUTHORIZED as for a missing token.
    if (!match) return E.unauthorized();
    if (tokens.check(match[1]) !== "valid") return E.invalidOauth();
    // Source silent: check order; we check the token, then orgId (auth runs before routing, so unknown URLs give 401).
    const org = req.headers.orgid;
    if (org === undefined || org === "") return E.orgIdMissing();
    if (org !== orgId) return E.orgMismatch();
    return undefined;
  };
}

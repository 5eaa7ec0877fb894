import type { Guard, SandboxRequest } from "../core/types";
import type { TokenStore } from "../zoho-accounts/tokens";
import * as E from "./errors";

export const API_BASE_PATH = "/crm/v8";
const PROFILES_PATH = `${API_BASE_PATH}/settings/profiles`;

/**
 * Scope each profile operation needs (README §2.1 table and the v8 operation docs: READ for both GETs, CREATE for
 * clone, UPDATE for PUT/PATCH, DELETE for delete; profiles.json lists ".all"/".read" for every operation, which we
 * read as a generator slip).
 */
export function requiredScope(req: SandboxRequest): string | undefined {
  // The Users API: ZohoCRM.users.READ for GET /users (Zoho's Get Users document).
  if (req.path === `${API_BASE_PATH}/users`) return req.method === "GET" ? "ZohoCRM.users.READ" : undefined;
  if (req.path !== PROFILES_PATH && !req.path.startsWith(PROFILES_PATH + "/")) return undefined;
  const op = ({ GET: "READ", POST: "CREATE", PUT: "UPDATE", PATCH: "UPDATE", DELETE: "DELETE" } as Record<string, string>)[req.method];
  return op === undefined ? undefined : `ZohoCRM.settings.profiles.${op}`;
}

/**
 * Does a grant cover a scope? The operation scope itself, its `.ALL`, or `ZohoCRM.settings.ALL`
 * (common.json: "ZohoCRM.settings.ALL: Retrieve specific or all CRM metadata").
 * Source silent: case sensitivity; profiles.json spells them in lower case ("ZohoCRM.settings.profiles.all"), the
 * docs in upper case, so we compare case-insensitively.
 */
export function covers(granted: readonly string[], needed: string): boolean {
  const n = needed.toLowerCase();
  const allOfResource = n.replace(/\.[a-z]+$/, ".all");
  const lower = granted.map((g) => g.toLowerCase());
  return lower.includes(n) || lower.includes(allOfResource) || lower.includes("zohocrm.settings.all");
}

/**
 * "Authorization: Zoho-oauthtoken <token>" on every call (README §2). Checked before routing (as the Desk piece),
 * so an unknown URL without a valid token answers 401, not 404.
 * Source silent: another scheme (e.g. "Bearer x"); we answer AUTHENTICATION_FAILURE as for no token at all.
 * A token of another data centre is unknown here: INVALID_TOKEN.
 */
export function crmAuthGuard(tokens: TokenStore): Guard {
  return (req) => {
    const header = req.headers.authorization;
    if (header === undefined || header.trim() === "") return E.authenticationFailure();
    const match = /^Zoho-oauthtoken (\S+)$/.exec(header.trim());
    if (!match) return E.authenticationFailure();
    const scopes = tokens.scopesOf(match[1]);
    if (scopes === undefined) return E.invalidToken();
    const needed = requiredScope(req);
    if (needed !== undefined && !covers(scopes, needed)) return E.scopeMismatch();
    return undefined;
  };
}

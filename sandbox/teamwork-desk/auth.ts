import type { SandboxRequest } from "../core/types";
import * as E from "./errors";
import type { TeamworkDeskStore, User } from "./store";

/**
 * Desk accepts the user's API key as `Authorization: Bearer <key>` (the Go SDK, client/client.go) or, like every
 * Teamwork product, `Authorization: Basic base64(<key>:<password>)` where the password is not checked (Teamwork's
 * authentication guide; clients commonly send "X"). OAuth app tokens are not emulated: any other value is a 401.
 */
export function credentialOf(req: SandboxRequest): string | undefined {
  const raw = req.headers.authorization;
  const header = Array.isArray(raw) ? raw[0] : raw;
  if (!header) return undefined;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon < 0 ? decoded : decoded.slice(0, colon);
  }
  return undefined;
}

export function currentUser(store: TeamworkDeskStore, req: SandboxRequest): User {
  const key = credentialOf(req);
  return (key === undefined ? undefined : store.userByApiKey(key)) ?? E.fail(E.unauthorized());
}

/** Managing users is for site administrators; an agent's key may read (README choice 5). */
export function requireAdmin(user: User): void {
  if (user.role !== "admin") E.fail(E.forbidden());
}

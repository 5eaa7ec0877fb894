import type { SandboxRequest, SandboxResponse } from "../core/types";
import * as E from "./errors";
import type { ImichatStore } from "./store";

/**
 * The v3.1 token flow (docs.imi.chat/reference/authorize): `GET /v3.1/authorize` with a header holding
 * base64("<APIKey>@<DomainName>") answers 200 with the token in the **response headers** (`access_token`, with
 * `trxid` and the Rate-Limit-* headers). The request header names were not captured; the sandbox reads the key from
 * `key` and expects the token back in an `access_token` request header, the team in `teamid` (README choice 2).
 */
export const KEY_HEADER = "key";
export const TOKEN_HEADER = "access_token";
export const TEAM_HEADER = "teamid";

const header = (req: SandboxRequest, name: string): string | undefined => {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === "" ? undefined : s.trim();
};

/** The answer of /authorize: 200 with no body and the token in the headers; a missing key → 2002, a wrong one → 2003. */
export function authorize(store: ImichatStore, req: SandboxRequest): SandboxResponse {
  const raw = header(req, KEY_HEADER) ?? E.fail("missingHeader");
  const decoded = Buffer.from(raw, "base64").toString("utf8");
  if (decoded !== `${store.apiKey}@${store.domain}`) E.fail("invalidToken");
  return { status: 200, headers: { [TOKEN_HEADER]: store.issueToken() } };
}

/** Token, then team: returns the team id of the `teamid` header. */
export function session(store: ImichatStore, req: SandboxRequest): number {
  const token = header(req, TOKEN_HEADER);
  const team = header(req, TEAM_HEADER);
  if (token === undefined || team === undefined) E.fail("missingHeader");
  const state = store.tokenState(token!);
  if (state === "unknown") E.fail("invalidToken");
  if (state === "expired") E.fail("tokenExpired");
  const teamId = /^\d+$/.test(team!) ? Number(team) : NaN;
  if (!store.teams.has(teamId)) E.fail("teamNotFound");
  return teamId;
}

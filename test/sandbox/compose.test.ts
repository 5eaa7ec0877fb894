import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../../harness/repo-root";
import { startSandbox, VENDORS, type VendorPiece } from "../../sandbox";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});
async function started<T extends { close(): Promise<void> }>(p: Promise<T>): Promise<T> {
  const sb = await p;
  closers.push(() => sb.close());
  return sb;
}

const DESK_VARS = ["ZOHO_DESK_API_BASE_URL", "ZOHO_ACCOUNTS_URL", "ZOHO_DESK_ORG_ID", "ZOHO_CLIENT_ID", "ZOHO_CLIENT_SECRET", "ZOHO_REFRESH_TOKEN"];
const CHATWOOT_VARS = ["CHATWOOT_API_BASE_URL", "CHATWOOT_API_ACCESS_TOKEN", "CHATWOOT_ACCOUNT_ID", "CHATWOOT_PLATFORM_BASE_URL", "CHATWOOT_PLATFORM_TOKEN"];
const OMNIVIBE_VARS = CHATWOOT_VARS.map((v) => v.replace("CHATWOOT", "CHATWOOT_OMNIVIBE"));
const TEAMWORK_VARS = ["TEAMWORK_DESK_BASE_URL", "TEAMWORK_DESK_API_KEY"];
const IMICHAT_VARS = ["IMICHAT_BASE_URL", "IMICHAT_API_KEY", "IMICHAT_DOMAIN", "IMICHAT_TEAM_ID"];
const CRM_VARS = ["ZOHO_CRM_API_BASE_URL", "ZOHO_CRM_EU_API_BASE_URL", "ZOHO_EU_ACCOUNTS_URL", "ZOHO_EU_CLIENT_ID", "ZOHO_EU_CLIENT_SECRET", "ZOHO_EU_REFRESH_TOKEN"];

async function token(accountsUrl: string, clientId: string, clientSecret: string, refreshToken: string): Promise<{ access_token: string; api_domain: string; expires_in: number }> {
  const body = new URLSearchParams({ grant_type: "refresh_token", client_id: clientId, client_secret: clientSecret, refresh_token: refreshToken });
  return (await fetch(`${accountsUrl}/oauth/v2/token`, { method: "POST", body })).json() as Promise<{ access_token: string; api_domain: string; expires_in: number }>;
}

function expectPiece(piece: VendorPiece, name: string): void {
  expect(piece.name).toBe(name);
  expect(Object.keys(piece.baseUrls).length).toBeGreaterThan(0);
  for (const url of Object.values(piece.baseUrls)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
  expect(Object.keys(piece.env).length).toBeGreaterThan(0);
  expect(piece.requests()).toEqual([]);
  expect(piece.writes()).toEqual([]);
  expect(typeof piece.clearRequests).toBe("function");
  expect(typeof piece.faults.failNext).toBe("function");
  expect(typeof piece.faults.clear).toBe("function");
  expect(piece.admin).toBeDefined();
  expect(typeof piece.close).toBe("function");
}

describe("startSandbox composes vendor pieces", () => {
  it("starts every vendor by default, sharing one accounts piece and one refresh token", async () => {
    const sb = await started(startSandbox());
    expect(sb.vendors).toEqual([...VENDORS]);
    expect(sb.pieces.map((p) => p.name)).toEqual(["zohoAccounts", "zohoDesk", "zohoCrm", "chatwoot", "omnivibe", "teamworkDesk", "imichat"]);
    expectPiece(sb.zohoAccounts, "zohoAccounts");
    expectPiece(sb.zohoDesk, "zohoDesk");
    expectPiece(sb.zohoCrm, "zohoCrm");
    // One .com accounts server for both products.
    expect(sb.zohoDesk.accountsUrl).toBe(sb.zohoAccounts.url("com"));
    expect(sb.zohoCrm.com.accountsUrl).toBe(sb.zohoAccounts.url("com"));
    expect(sb.zohoCrm.eu.accountsUrl).toBe(sb.zohoAccounts.url("eu"));
    expectPiece(sb.chatwoot, "chatwoot");
    expectPiece(sb.omnivibe, "omnivibe");
    expectPiece(sb.teamworkDesk, "teamworkDesk");
    expectPiece(sb.imichat, "imichat");
    expect(Object.keys(sb.env).sort()).toEqual([...new Set([...DESK_VARS, ...CRM_VARS, ...CHATWOOT_VARS, ...OMNIVIBE_VARS, ...TEAMWORK_VARS, ...IMICHAT_VARS])].sort());
    for (const [name, value] of Object.entries({ ...sb.zohoAccounts.env, ...sb.zohoDesk.env, ...sb.zohoCrm.env })) expect(sb.env[name]).toBe(value);
    // One token from the shared refresh token works on Desk and on CRM; api_domain is the CRM server's.
    const t = await token(sb.env.ZOHO_ACCOUNTS_URL, sb.env.ZOHO_CLIENT_ID, sb.env.ZOHO_CLIENT_SECRET, sb.env.ZOHO_REFRESH_TOKEN);
    expect(`${t.api_domain}/crm/v8`).toBe(sb.env.ZOHO_CRM_API_BASE_URL);
    const auth = { Authorization: `Zoho-oauthtoken ${t.access_token}` };
    expect((await fetch(`${sb.env.ZOHO_DESK_API_BASE_URL}/profiles/count`, { headers: { ...auth, orgId: sb.env.ZOHO_DESK_ORG_ID } })).status).toBe(200);
    expect((await fetch(`${sb.env.ZOHO_CRM_API_BASE_URL}/settings/profiles`, { headers: auth })).status).toBe(200);
    // ...but not in the EU org, which has its own accounts server and refresh token.
    expect((await fetch(`${sb.env.ZOHO_CRM_EU_API_BASE_URL}/settings/profiles`, { headers: auth })).status).toBe(401);
    const eu = await token(sb.env.ZOHO_EU_ACCOUNTS_URL, sb.env.ZOHO_EU_CLIENT_ID, sb.env.ZOHO_EU_CLIENT_SECRET, sb.env.ZOHO_EU_REFRESH_TOKEN);
    expect((await fetch(`${sb.env.ZOHO_CRM_EU_API_BASE_URL}/settings/profiles`, { headers: { Authorization: `Zoho-oauthtoken ${eu.access_token}` } })).status).toBe(200);
    // Each piece records only its own API; token requests are the accounts piece's (and Desk's tokenRequests, as before).
    expect(sb.zohoDesk.requests().map((r) => r.path)).toEqual(["/api/v1/profiles/count"]);
    expect(sb.zohoCrm.requests().map((r) => `${r.dataCentre} ${r.status}`)).toEqual(["com 200", "eu 401", "eu 200"]);
    expect(sb.zohoAccounts.requests().map((r) => r.dataCentre)).toEqual(["com", "eu"]);
    expect(sb.zohoDesk.tokenRequests()).toHaveLength(1);
    // The summary the CLI prints.
    const summary = sb.summary();
    expect(Object.keys(summary)).toEqual(["zohoDesk", "zohoCrm", "zohoAccounts", "chatwoot", "omnivibe", "teamworkDesk", "imichat", "env"]);
    expect(summary.zohoCrm!.eu!.apiBaseUrl).toBe(sb.env.ZOHO_CRM_EU_API_BASE_URL);
    expect(summary.teamworkDesk).toEqual({ baseUrl: sb.env.TEAMWORK_DESK_BASE_URL, apiBaseUrl: `${sb.env.TEAMWORK_DESK_BASE_URL}/desk/api/v2` });
    expect(summary.imichat).toEqual({ baseUrl: sb.env.IMICHAT_BASE_URL, apiBaseUrl: `${sb.env.IMICHAT_BASE_URL}/v3.1`, teamId: 7001 });
  });

  it("starts a subset: Desk alone keeps its historical env and api_domain, CRM alone has no Desk", async () => {
    const desk = await started(startSandbox({ vendors: ["zohoDesk"] }));
    expect(desk.pieces.map((p) => p.name)).toEqual(["zohoAccounts", "zohoDesk"]);
    expect(Object.keys(desk.env).sort()).toEqual([...DESK_VARS].sort());
    expect((desk as Record<string, unknown>).zohoCrm).toBeUndefined();
    expect(desk.zohoAccounts.dataCentres).toEqual(["com"]);
    const t = await token(desk.env.ZOHO_ACCOUNTS_URL, desk.env.ZOHO_CLIENT_ID, desk.env.ZOHO_CLIENT_SECRET, desk.env.ZOHO_REFRESH_TOKEN);
    expect(`${t.api_domain}/api/v1`).toBe(desk.env.ZOHO_DESK_API_BASE_URL);

    const crm = await started(startSandbox({ vendors: ["zohoCrm"], zohoCrm: { dataCentres: ["com"] } }));
    expect(crm.pieces.map((p) => p.name)).toEqual(["zohoAccounts", "zohoCrm"]);
    expect((crm as Record<string, unknown>).zohoDesk).toBeUndefined();
    expect(Object.keys(crm.env).sort()).toEqual(["ZOHO_ACCOUNTS_URL", "ZOHO_CLIENT_ID", "ZOHO_CLIENT_SECRET", "ZOHO_CRM_API_BASE_URL", "ZOHO_REFRESH_TOKEN"]);
    expect(() => crm.zohoCrm.eu).toThrow(/not running/);
    await expect(startSandbox({ vendors: ["zohoDex" as "zohoDesk"] })).rejects.toThrow(/unknown vendor/);
  });

  it("starts Teamwork Desk or IMIchat alone, each answering with the env it exports", async () => {
    const tw = await started(startSandbox({ vendors: ["teamworkDesk"] }));
    expect(tw.pieces.map((p) => p.name)).toEqual(["zohoAccounts", "teamworkDesk"]);
    expect((tw as Record<string, unknown>).imichat).toBeUndefined();
    expect(Object.keys(tw.env).sort()).toEqual(["ZOHO_ACCOUNTS_URL", "ZOHO_CLIENT_ID", "ZOHO_CLIENT_SECRET", "ZOHO_REFRESH_TOKEN", ...TEAMWORK_VARS].sort());
    const users = await fetch(`${tw.env.TEAMWORK_DESK_BASE_URL}/desk/api/v2/users.json`, { headers: { Authorization: `Bearer ${tw.env.TEAMWORK_DESK_API_KEY}` } });
    expect(users.status).toBe(200);
    expect(users.headers.get("x-rate-limit-limit")).toBe("120");

    const imi = await started(startSandbox({ vendors: ["imichat"] }));
    expect(imi.pieces.map((p) => p.name)).toEqual(["zohoAccounts", "imichat"]);
    const key = Buffer.from(`${imi.env.IMICHAT_API_KEY}@${imi.env.IMICHAT_DOMAIN}`).toString("base64");
    const auth = await fetch(`${imi.env.IMICHAT_BASE_URL}/v3.1/authorize`, { headers: { key } });
    const search = await fetch(`${imi.env.IMICHAT_BASE_URL}/v3.1/users/search`, { method: "POST", body: "{}",
      headers: { "content-type": "application/json", access_token: auth.headers.get("access_token")!, teamid: imi.env.IMICHAT_TEAM_ID } });
    expect(((await search.json()) as { status_code: number }).status_code).toBe(4305);
  });

  it("keeps the Desk-only options working on the shared accounts piece", async () => {
    const sb = await started(startSandbox({ zohoDesk: { tokenTtlSeconds: 7, tokenRefreshesPer10Minutes: 1 } }));
    const t = await token(sb.env.ZOHO_ACCOUNTS_URL, sb.env.ZOHO_CLIENT_ID, sb.env.ZOHO_CLIENT_SECRET, sb.env.ZOHO_REFRESH_TOKEN);
    expect(t.expires_in).toBe(7);
    const second = await token(sb.env.ZOHO_ACCOUNTS_URL, sb.env.ZOHO_CLIENT_ID, sb.env.ZOHO_CLIENT_SECRET, sb.env.ZOHO_REFRESH_TOKEN);
    expect((second as unknown as { error?: string }).error).toBe("Access Denied");
    // Desk's token faults and revocation still reach the (shared) accounts server.
    sb.zohoDesk.faults.failNext({ path: "/oauth/v2/token", status: 500 });
    expect((await fetch(`${sb.env.ZOHO_ACCOUNTS_URL}/oauth/v2/token`, { method: "POST" })).status).toBe(500);
    sb.zohoDesk.revokeAccessTokens();
    const crm = await fetch(`${sb.env.ZOHO_CRM_API_BASE_URL}/settings/profiles`, { headers: { Authorization: `Zoho-oauthtoken ${t.access_token}` } });
    expect(crm.status).toBe(401);
  });
});

describe("the sandbox command", () => {
  it("prints one JSON line with every vendor", async () => {
    const cli = join(repoRoot, "dist", "sandbox", "cli.js");
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [cli], { stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const first = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no line from the sandbox command within 20 s")), 20_000);
        createInterface({ input: child.stdout! }).once("line", (line) => (clearTimeout(timer), resolve(line)));
        child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`the sandbox command exited with ${code}`))));
      });
      const line = JSON.parse(first);
      expect(Object.keys(line)).toEqual(["zohoDesk", "zohoCrm", "zohoAccounts", "chatwoot", "omnivibe", "teamworkDesk", "imichat", "env"]);
      expect(line.chatwoot).toEqual({ apiBaseUrl: line.env.CHATWOOT_API_BASE_URL, platformBaseUrl: line.env.CHATWOOT_PLATFORM_BASE_URL, accountId: 1 });
      expect(line.zohoDesk).toEqual({ apiBaseUrl: line.env.ZOHO_DESK_API_BASE_URL, accountsUrl: line.env.ZOHO_ACCOUNTS_URL, orgId: line.env.ZOHO_DESK_ORG_ID });
      expect(line.zohoCrm.com.apiBaseUrl).toBe(line.env.ZOHO_CRM_API_BASE_URL);
      expect(line.teamworkDesk.baseUrl).toBe(line.env.TEAMWORK_DESK_BASE_URL);
      expect(line.imichat).toEqual({ baseUrl: line.env.IMICHAT_BASE_URL, apiBaseUrl: `${line.env.IMICHAT_BASE_URL}/v3.1`, teamId: 7001 });
      expect(line.zohoCrm.eu).toMatchObject({ apiBaseUrl: line.env.ZOHO_CRM_EU_API_BASE_URL, accountsUrl: line.env.ZOHO_EU_ACCOUNTS_URL });
      expect(Object.keys(line.env).sort()).toEqual([...new Set([...DESK_VARS, ...CRM_VARS, ...CHATWOOT_VARS, ...OMNIVIBE_VARS, ...TEAMWORK_VARS, ...IMICHAT_VARS])].sort());
      // The servers it announced answer.
      const res = await fetch(`${line.env.ZOHO_CRM_API_BASE_URL}/settings/profiles`);
      expect(res.status).toBe(401);
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
  });
});

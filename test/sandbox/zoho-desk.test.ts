import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../../harness/repo-root";
import { ManualClock, startSandbox, type Sandbox, type SandboxOptions } from "../../sandbox";

// The read-only reference folder sits beside the checkout (as in CI's clean clones).
const SEED_DOC = join(repoRoot, "..", "shared", "vendors", "seed-docs", "000_34fe01b8d1f9a4b8.txt");
const AGENT_ADVISORS = "4000000018001";
const SUPPORT_ADMIN = "4000000008464";
const AGENT = "4000000008467";
const NEWBIE_AGENT = "4000000008473";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: SandboxOptions = {}): Promise<Sandbox> {
  sandbox = await startSandbox(options);
  return sandbox;
}

interface Answer { status: number; headers: Headers; body: any }

async function refresh(sb: Sandbox, params: Record<string, string> = {}, viaQuery = false): Promise<Answer> {
  const form = new URLSearchParams({
    grant_type: "refresh_token",
    client_id: sb.env.ZOHO_CLIENT_ID,
    client_secret: sb.env.ZOHO_CLIENT_SECRET,
    refresh_token: sb.env.ZOHO_REFRESH_TOKEN,
    ...params,
  });
  const url = `${sb.env.ZOHO_ACCOUNTS_URL}/oauth/v2/token`;
  const res = viaQuery
    ? await fetch(`${url}?${form}`, { method: "POST" })
    : await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

async function client(sb: Sandbox): Promise<Call> {
  const token = (await refresh(sb)).body.access_token as string;
  return async (method, path, body, headers = {}) => {
    const res = await fetch(sb.env.ZOHO_DESK_API_BASE_URL + path, {
      method,
      headers: {
        Authorization: `Zoho-oauthtoken ${token}`,
        orgId: sb.env.ZOHO_DESK_ORG_ID,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
}

describe("Zoho accounts token endpoint", () => {
  it("exchanges the refresh token (form body or query string) without returning a new refresh token", async () => {
    const sb = await start();
    for (const viaQuery of [false, true]) {
      const r = await refresh(sb, {}, viaQuery);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ access_token: expect.stringMatching(/^1000\./), expires_in: 3600, api_domain: expect.any(String), token_type: "Bearer" });
      expect(r.body.refresh_token).toBeUndefined();
    }
  });

  it("answers bad credentials with HTTP 200 and an error body", async () => {
    const sb = await start();
    expect(await refresh(sb, { client_secret: "nope" })).toMatchObject({ status: 200, body: { error: "invalid_client" } });
    expect(await refresh(sb, { refresh_token: "nope" })).toMatchObject({ status: 200, body: { error: "invalid_code" } });
  });

  it("can cap token refreshes per 10 minutes (opt-in)", async () => {
    const sb = await start({ zohoDesk: { tokenRefreshesPer10Minutes: 2 } });
    expect((await refresh(sb)).status).toBe(200);
    expect((await refresh(sb)).status).toBe(200);
    // Past the cap Zoho still answers 200, with an "Access Denied" body (Zoho's Kaizen #43).
    expect(await refresh(sb)).toMatchObject({ status: 200, body: { error: "Access Denied" } });
  });

  it("rejects missing, foreign, expired tokens and a wrong orgId", async () => {
    const clock = new ManualClock();
    const sb = await start({ zohoDesk: { tokenTtlSeconds: 1, clock } });
    const call = await client(sb);
    expect((await call("GET", "/profiles/count")).status).toBe(200);
    const url = sb.env.ZOHO_DESK_API_BASE_URL + "/profiles/count";
    const noAuth = await fetch(url, { headers: { orgId: sb.zohoDesk.orgId } });
    expect(noAuth.status).toBe(401);
    expect(await noAuth.json()).toEqual({ errorCode: "UNAUTHORIZED", message: "You are not authenticated to perform this operation." });
    const bogus = await fetch(url, { headers: { orgId: sb.zohoDesk.orgId, Authorization: "Zoho-oauthtoken 1000.bogus.bogus" } });
    expect(await bogus.json()).toEqual({ errorCode: "INVALID_OAUTH", message: "The OAuth Token you provided is invalid." });
    expect((await call("GET", "/profiles/count", undefined, { orgId: "999" })).body.errorCode).toBe("OAUTH_ORG_MISMATCH");
    clock.advance(1000);
    const expired = await call("GET", "/profiles/count");
    expect(expired).toMatchObject({ status: 401, body: { errorCode: "INVALID_OAUTH" } });
  });
});

describe("profiles API", () => {
  it("serves the seed doc's Agent Advisors profile verbatim", async () => {
    const sb = await start();
    const call = await client(sb);
    const got = await call("GET", `/profiles/${AGENT_ADVISORS}`);
    expect(got.status).toBe(200);
    expect(Object.keys(got.body.permissions)).toHaveLength(16);
    if (existsSync(SEED_DOC)) {
      const doc = readFileSync(SEED_DOC, "utf8");
      expect(got.body).toEqual(JSON.parse(doc.slice(doc.indexOf("{\"default\""))));
    }
    expect(await call("GET", "/profiles/4000000099999")).toMatchObject({ status: 404, body: { errorCode: "URL_NOT_FOUND" } });
  });

  it("pages with from/limit, rejects limit > 50, answers 204 past the end", async () => {
    const sb = await start();
    const call = await client(sb);
    const seeded = (await call("GET", "/profiles/count")).body.count as number;
    expect(seeded).toBeGreaterThanOrEqual(8);
    for (let i = 0; i < 55 - seeded; i++) sb.zohoDesk.admin.createProfile({ name: `Bulk ${i}` });
    expect((await call("GET", "/profiles/count")).body).toEqual({ count: 55 });
    const first = await call("GET", "/profiles");
    expect(first.body.data).toHaveLength(50);
    expect(first.body.data[0].permissions.tickets).toBeDefined();
    const second = await call("GET", "/profiles?from=51&limit=50");
    expect(second.body.data.map((p: any) => p.id)).toEqual(sb.zohoDesk.admin.listProfiles().slice(50).map((p) => p.id));
    expect((await call("GET", "/profiles?from=3&limit=2")).body.data.map((p: any) => p.name)).toEqual(["Light Agent", "Newbie Agent"]);
    expect((await call("GET", "/profiles?from=56")).status).toBe(204);
    for (const q of ["limit=51", "limit=0", "from=0", "limit=abc"]) {
      expect(await call("GET", `/profiles?${q}`)).toMatchObject({ status: 422, body: { errorCode: "UNPROCESSABLE_ENTITY" } });
    }
    expect((await call("GET", "/profiles?sortBy=name")).body.message).toBe("Extra query parameter 'sortBy' is present in the input.");
  });

  it("clones, then merges a partial PATCH into the matrix", async () => {
    const sb = await start();
    const call = await client(sb);
    const clone = await call("POST", `/profiles/${AGENT_ADVISORS}/clone`, { name: "Advisors EU", description: "EU team" });
    expect(clone.status).toBe(200);
    const source = sb.zohoDesk.admin.getProfile(AGENT_ADVISORS)!;
    expect(clone.body).toMatchObject({ name: "Advisors EU", description: "EU team", default: false, type: "Custom", isVisible: true });
    expect(clone.body.permissions).toEqual(source.permissions);
    const patched = await call("PATCH", `/profiles/${clone.body.id}`, { permissions: { tickets: { delete: false }, setup: { chat: true } } });
    expect(patched.status).toBe(200);
    const expected = JSON.parse(JSON.stringify(source.permissions));
    expected.tickets.delete = false;
    expected.setup.chat = true;
    expect(patched.body.permissions).toEqual(expected);
    expect(patched.body.name).toBe("Advisors EU");
    expect((await call("PATCH", `/profiles/${clone.body.id}`, { description: null })).body.description).toBeNull();
    expect(await call("GET", `/profiles/${clone.body.id}`)).toMatchObject({ body: { permissions: expected } });
  });

  it("validates clone bodies", async () => {
    const sb = await start();
    const call = await client(sb);
    const cases: Array<[unknown, string, string]> = [
      [{ description: "x" }, "/name", "missing"],
      [{ name: "New" }, "/description", "missing"],
      [{ name: "agent advisors", description: "" }, "/name", "duplicate"],
      [{ name: "n".repeat(51), description: "" }, "/name", "invalid"],
    ];
    for (const [body, fieldName, errorType] of cases) {
      const r = await call("POST", `/profiles/${AGENT}/clone`, body);
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ errorCode: "INVALID_DATA", errors: [expect.objectContaining({ fieldName, errorType })] });
    }
    expect(sb.zohoDesk.admin.listProfiles()).toHaveLength(10);
  });

  it("rejects every invalid PATCH with 422 and changes nothing", async () => {
    const sb = await start();
    const call = await client(sb);
    const before = sb.zohoDesk.admin.getProfile(AGENT_ADVISORS);
    const cases: Array<[unknown, string, string]> = [
      [{ name: "n".repeat(51) }, "/name", "invalid"],
      [{ name: "AGENT" }, "/name", "duplicate"],
      [{ description: "d".repeat(3201) }, "/description", "invalid"],
      [{ permissions: { ticketz: { view: true } } }, "/permissions/ticketz", "invalid"],
      [{ permissions: { tickets: { delet: false } } }, "/permissions/tickets/delet", "invalid"],
      [{ permissions: { tickets: { delete: "false" } } }, "/permissions/tickets/delete", "invalid"],
      [{ permissions: { tickets: true } }, "/permissions/tickets", "invalid"],
      [{ permissions: [] }, "/permissions", "invalid"],
      [{ colour: "red" }, "/colour", "invalid"],
      [{ name: "Renamed", permissions: { tickets: { delete: false, delet: true } } }, "/permissions/tickets/delet", "invalid"],
    ];
    for (const [body, fieldName, errorType] of cases) {
      const r = await call("PATCH", `/profiles/${AGENT_ADVISORS}`, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.errorCode).toBe("INVALID_DATA");
      expect(r.body.errors).toContainEqual({ fieldName, errorType, errorMessage: "" });
      expect((await call("GET", `/profiles/${AGENT_ADVISORS}`)).body).toEqual(before);
    }
    expect((await call("PATCH", `/profiles/${AGENT_ADVISORS}`, "{oops")).status).toBe(422);
    expect((await call("PATCH", `/profiles/${AGENT_ADVISORS}`, '{"name":"X"}', { "content-type": "text/plain" })).status).toBe(415);
    expect(sb.zohoDesk.admin.getProfile(AGENT_ADVISORS)).toEqual(before);
  });

  it("refuses edits and deletion of system profiles; custom defaults are editable", async () => {
    const sb = await start();
    const call = await client(sb);
    const patch = await call("PATCH", `/profiles/${SUPPORT_ADMIN}`, { permissions: { tickets: { delete: false } } });
    expect(patch).toMatchObject({ status: 403, body: { errorCode: "FORBIDDEN" } });
    expect((await call("POST", `/profiles/${AGENT}/delete`, { transferToProfileId: NEWBIE_AGENT })).status).toBe(403);
    expect((await call("POST", `/profiles/${NEWBIE_AGENT}/delete`, { transferToProfileId: AGENT })).status).toBe(403);
    expect((await call("PATCH", `/profiles/${NEWBIE_AGENT}`, { permissions: { tickets: { delete: true } } })).status).toBe(200);
    expect(() => sb.zohoDesk.admin.setPermission(SUPPORT_ADMIN, "tickets.delete", false)).toThrow();
  });

  it("deletes with POST /delete, moving agents to the transfer profile; DELETE is 405", async () => {
    const sb = await start();
    const call = await client(sb);
    const advisors = (await call("GET", `/profiles/${AGENT_ADVISORS}/agents`)).body.agents;
    expect(advisors).toHaveLength(2);
    expect(Object.keys(advisors[0]).sort()).toEqual(["emailId", "firstName", "id", "lastName", "photoURL", "profileId", "roleId", "zuid"]);
    expect((await call("GET", `/profiles/${AGENT_ADVISORS}/agents?active=true`)).body.agents).toHaveLength(1);
    expect((await call("GET", "/profiles/4000000018011/agents")).status).toBe(204);
    expect((await call("DELETE", `/profiles/${AGENT_ADVISORS}`)).body.errorCode).toBe("METHOD_NOT_ALLOWED");
    const bad: Array<[unknown, string]> = [[{}, "missing"], [{ transferToProfileId: AGENT_ADVISORS }, "invalid"], [{ transferToProfileId: "4000000099999" }, "invalid"]];
    for (const [body, errorType] of bad) {
      const r = await call("POST", `/profiles/${AGENT_ADVISORS}/delete`, body);
      expect(r.status).toBe(422);
      expect(r.body.errors).toEqual([{ fieldName: "/transferToProfileId", errorType, errorMessage: "" }]);
    }
    const del = await call("POST", `/profiles/${AGENT_ADVISORS}/delete`, { transferToProfileId: AGENT });
    expect(del).toMatchObject({ status: 204, body: undefined });
    expect((await call("GET", `/profiles/${AGENT_ADVISORS}`)).status).toBe(404);
    const moved = sb.zohoDesk.admin.agentsOf(AGENT).map((a) => a.id);
    expect(moved).toEqual(expect.arrayContaining(advisors.map((a: any) => a.id)));
  });

  it("answers /myinfo with the token owner (Support Administrator)", async () => {
    const sb = await start();
    const call = await client(sb);
    const me = await call("GET", "/myinfo?include=profile");
    expect(me.body).toMatchObject({ profileId: SUPPORT_ADMIN, profile: { id: SUPPORT_ADMIN, name: "Support Administrator" } });
  });
});

describe("limits, faults and the recorder", () => {
  it("answers 429 past the rate (Retry-After only when configured) and recovers after the window", async () => {
    const clock = new ManualClock();
    const sb = await start({ zohoDesk: { rateLimitPerMinute: 3, clock } });
    const call = await client(sb);
    for (let i = 0; i < 3; i++) expect((await call("GET", "/profiles/count")).status).toBe(200);
    const limited = await call("GET", "/profiles/count");
    expect(limited).toMatchObject({ status: 429, body: { errorCode: "TOO_MANY_REQUESTS" } });
    expect(limited.headers.get("retry-after")).toBeNull();
    clock.advance(60_000);
    expect((await call("GET", "/profiles/count")).status).toBe(200);
    await sb.close();
    const sb2 = await start({ zohoDesk: { rateLimitPerMinute: 1, retryAfterSeconds: 7 } });
    const call2 = await client(sb2);
    await call2("GET", "/profiles/count");
    expect((await call2("GET", "/profiles/count")).headers.get("retry-after")).toBe("7");
  });

  it("answers 429 past the concurrency limit", async () => {
    const sb = await start({ zohoDesk: { concurrency: 2, latencyMs: 300 } });
    const call = await client(sb);
    const answers = await Promise.all(Array.from({ length: 5 }, () => call("GET", "/profiles/count")));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 429, 429, 429]);
    expect(answers.find((a) => a.status === 429)!.body.errorCode).toBe("TOO_MANY_CONCURRENT_REQUESTS");
  });

  it("injects faults before the handler: status, times, dropped connection, token endpoint", async () => {
    const sb = await start();
    const call = await client(sb);
    sb.zohoDesk.faults.failNext({ path: `/profiles/${AGENT_ADVISORS}`, method: "PATCH", status: 503, times: 2 });
    expect((await call("GET", `/profiles/${AGENT_ADVISORS}`)).status).toBe(200);
    const patch = () => call("PATCH", `/profiles/${AGENT_ADVISORS}`, { name: "Renamed" });
    expect((await patch()).status).toBe(503);
    expect((await patch()).status).toBe(503);
    expect(sb.zohoDesk.admin.getProfile(AGENT_ADVISORS)!.name).toBe("Agent Advisors");
    expect((await patch()).status).toBe(200);
    sb.zohoDesk.faults.failNext({ path: /\/profiles\/count$/, status: 429 });
    expect((await call("GET", "/profiles/count")).body.errorCode).toBe("TOO_MANY_REQUESTS");
    sb.zohoDesk.faults.failNext({ dropConnection: true });
    await expect(call("GET", "/profiles/count")).rejects.toThrow();
    sb.zohoDesk.faults.failNext({ path: "/oauth/v2/token", status: 500 });
    expect((await refresh(sb)).status).toBe(500);
    expect((await refresh(sb)).status).toBe(200);
  });

  it("records API requests in order, separates writes, and keeps admin actions out", async () => {
    const sb = await start();
    const call = await client(sb);
    await call("GET", "/profiles?limit=5");
    await call("PATCH", `/profiles/${AGENT_ADVISORS}`, { permissions: { tickets: { delete: false } } });
    sb.zohoDesk.admin.setPermission(AGENT_ADVISORS, "tickets.view", false);
    const adminPost = await fetch(`${sb.zohoDesk.adminUrl}/__sandbox/zoho-desk/profiles/${AGENT_ADVISORS}/permissions`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ "tickets.edit": false }),
    });
    expect(adminPost.status).toBe(200);
    expect(sb.zohoDesk.admin.getProfile(AGENT_ADVISORS)!.permissions.tickets).toMatchObject({ view: false, edit: false, delete: false });
    const reqs = sb.zohoDesk.requests();
    expect(reqs.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /api/v1/profiles 200",
      `PATCH /api/v1/profiles/${AGENT_ADVISORS} 200`,
    ]);
    expect(reqs[0].query).toEqual({ limit: "5" });
    expect(reqs[1].headers.orgid).toBe(sb.zohoDesk.orgId);
    expect(reqs[1].body).toEqual({ permissions: { tickets: { delete: false } } });
    expect(sb.zohoDesk.writes()).toHaveLength(1);
    expect(sb.zohoDesk.tokenRequests()).toHaveLength(1);
    const overHttp = await (await fetch(`${sb.zohoDesk.adminUrl}/__sandbox/requests`)).json();
    expect(overHttp).toEqual(reqs);
    expect((await fetch(`${sb.zohoDesk.adminUrl}/__sandbox/requests`, { method: "DELETE" })).status).toBe(204);
    expect(sb.zohoDesk.requests()).toEqual([]);
    await call("GET", "/nope");
    expect(sb.zohoDesk.requests()[0]).toMatchObject({ path: "/api/v1/nope", status: 404 });
  });

  it("offers admin permissions (all-or-nothing) and faults over HTTP for other processes", async () => {
    const sb = await start();
    const call = await client(sb);
    const post = (path: string, body: unknown) =>
      fetch(`${sb.zohoDesk.adminUrl}/__sandbox/zoho-desk${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const before = sb.zohoDesk.admin.getProfile(AGENT_ADVISORS);
    expect((await post(`/profiles/${AGENT_ADVISORS}/permissions`, { "tickets.delete": false, "tickets.delet": false })).status).toBe(400);
    expect(sb.zohoDesk.admin.getProfile(AGENT_ADVISORS)).toEqual(before);
    expect((await post("/faults", { pathPattern: "/profiles/count$", status: 502 })).status).toBe(204);
    expect((await call("GET", "/profiles/count")).status).toBe(502);
    expect((await call("GET", "/profiles/count")).status).toBe(200);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { ManualClock, startSandbox, type ImichatSandbox, type ImichatSandboxOptions } from "../../sandbox";

let running: { close(): Promise<void> } | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: ImichatSandboxOptions = {}): Promise<ImichatSandbox> {
  const sb = await startSandbox({ vendors: ["imichat"], imichat: options });
  running = sb;
  return sb.imichat;
}

interface Answer { status: number; headers: Headers; body: any }

async function raw(imi: ImichatSandbox, method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> {
  const h = { ...headers };
  if (body !== undefined) h["content-type"] = "application/json";
  const res = await fetch(`${imi.baseUrl}/v3.1${path}`, { method, headers: h, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

async function token(imi: ImichatSandbox): Promise<string> {
  const res = await raw(imi, "GET", "/authorize", { key: imi.authorizationKey });
  return res.headers.get("access_token")!;
}

/** A client holding a token for the support team. */
async function client(imi: ImichatSandbox, team = imi.teamIds.support) {
  const t = await token(imi);
  return (method: string, path: string, body?: unknown) => raw(imi, method, path, { access_token: t, teamid: String(team) }, body);
}

const code = (a: Answer) => [a.status, a.body?.status_code];

describe("IMIchat authorize and session headers", () => {
  it("issues the token in the response headers of GET /authorize", async () => {
    const imi = await start();
    const ok = await raw(imi, "GET", "/authorize", { key: Buffer.from(`${imi.apiKey}@${imi.domain}`).toString("base64") });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access_token")).toMatch(/^[0-9a-f]{48}$/);
    expect(ok.headers.get("trxid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(ok.headers.get("rate-limit-limit")).toBe("10000");
    expect(ok.body).toBeUndefined();
    expect(code(await raw(imi, "GET", "/authorize"))).toEqual([400, 2002]);
    const wrong = await raw(imi, "GET", "/authorize", { key: Buffer.from(`${imi.apiKey}@other`).toString("base64") });
    expect(wrong.body).toEqual({ status_code: 2003, description: "Invalid Access Token", response: {} });
  });

  it("checks the token (2002, 2003, 2004) before the team (2010)", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 9));
    const imi = await start({ clock, tokenTtlSeconds: 600 });
    const t = await token(imi);
    const get = (headers: Record<string, string>) => raw(imi, "GET", `/users/${imi.userIds.agent}`, headers);
    expect(code(await get({ teamid: "7001" }))).toEqual([400, 2002]);
    expect(code(await get({ access_token: t }))).toEqual([400, 2002]);
    expect(code(await get({ access_token: "nope", teamid: "7001" }))).toEqual([400, 2003]);
    expect((await get({ access_token: t, teamid: "9999" })).body).toEqual({
      status_code: 2010, description: "Could not find details of team based on the teamid passed in the header", response: {} });
    expect(code(await get({ access_token: t, teamid: "7001" }))).toEqual([200, 4306]);
    clock.advance(600_000);
    expect((await get({ access_token: t, teamid: "9999" })).body).toEqual({ status_code: 2004, description: "Access Token expired", response: {} });
    expect((await get({ access_token: t, teamid: "9999" })).status).toBe(401);
    // An administrator signing everyone out has the same effect.
    const fresh = await token(imi);
    imi.admin.expireTokens();
    expect(code(await get({ access_token: fresh, teamid: "7001" }))).toEqual([401, 2004]);
  });
});

describe("IMIchat users", () => {
  it("gets a user of the team (4306) and not one of another team (3101)", async () => {
    const imi = await start();
    const call = await client(imi);
    const res = await call("GET", `/users/${imi.userIds.manager}`);
    expect(res.body.status_code).toBe(4306);
    expect(res.body.description).toBe("The user details retrieved successfully");
    expect(res.body.response).toMatchObject({
      id: imi.userIds.manager, first_name: "Mia", last_name: "Manager", login_id: "mia.manager", email_id: "mia.manager@acme-sandbox.test",
      status: "active", logged_in: false, job_description: "Support team lead", login_using_email: true, role_type: "Customer Care",
      accepting_chats: false, skill_attributes: { language: ["English", "Spanish"] }, active_chats: 0,
      custom_attributes: { business: "Retail", location: "Austin" },
      privileges: [{ teamid: 7001, role: "Team Manager" }, { teamid: 7002, role: "Team Analyst" }],
    });
    expect(res.body.response.created_at).toMatch(/Z$/);
    expect((await call("GET", `/users/${imi.userIds.billing}`)).body).toEqual({ status_code: 3101, description: "Requested user was not found", response: {} });
    expect(code(await call("GET", "/users/123"))).toEqual([404, 3101]);
    const billing = await client(imi, imi.teamIds.billing);
    expect(code(await billing("GET", `/users/${imi.userIds.billing}`))).toEqual([200, 4306]);
  });

  it("creates team users with privileges, and refuses what the create document does not allow (3114, 3115)", async () => {
    const imi = await start();
    const call = await client(imi);
    const body = { first_name: "Nia", last_name: "New", login_id: "nia.new", email_id: "nia.new@acme-sandbox.test", password: "Secret#123",
      job_description: "Night shift", login_using_email: true, privileges: [{ teamid: 7001, role: "Team Agent" }], skill_attributes: { tier: 1 } };
    const created = await call("POST", "/users", body);
    expect(code(created)).toEqual([200, 4301]);
    expect(created.body.response).toMatchObject({ first_name: "Nia", status: "active", role_type: "Customer Care", custom_attributes: {},
      privileges: [{ teamid: 7001, role: "Team Agent" }] });
    expect(created.body.response).not.toHaveProperty("password");
    expect(code(await call("GET", `/users/${created.body.response.id}`))).toEqual([200, 4306]);

    expect(code(await call("POST", "/users"))).toEqual([400, 3114]);
    expect(code(await call("POST", "/users", "{oops"))).toEqual([400, 3115]);
    for (const bad of [
      { ...body, login_id: "nia.other", email_id: "nia.other@x.test", first_name: "" },
      { ...body, login_id: "NIA.NEW", email_id: "n2@x.test" },
      { ...body, login_id: "n3", email_id: "not-an-email" },
      { ...body, login_id: "n4", email_id: "n4@x.test", privileges: [] },
      { ...body, login_id: "n5", email_id: "n5@x.test", privileges: [{ teamid: 7001, role: "Team Lead" }] },
      { ...body, login_id: "n6", email_id: "n6@x.test", privileges: [{ teamid: 4242, role: "Team Agent" }] },
      { ...body, login_id: "n7", email_id: "n7@x.test", custom_attributes: { business: "Retail" } },
    ]) {
      expect((await call("POST", "/users", bad)).body).toEqual({ status_code: 3115, description: "Request is invalid", response: {} });
    }
    expect(imi.admin.listUsers()).toHaveLength(6);
  });

  it("updates with PUT (4309) the documented fields only, custom attributes checked against their definitions", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 9));
    const imi = await start({ clock });
    const call = await client(imi);
    const path = `/users/${imi.userIds.agent}`;
    clock.advance(5_000);
    const ok = await call("PUT", path, { first_name: "Samuel", status: "inactive", job_description: "Senior agent", login_using_email: true,
      skill_attributes: { language: ["French"] }, custom_attributes: { location: "Lyon", business: null } });
    expect(ok.body).toMatchObject({ status_code: 4309, description: "User updated successfully" });
    expect(ok.body.response).toMatchObject({ first_name: "Samuel", last_name: "Agent", status: "inactive", job_description: "Senior agent",
      login_using_email: true, skill_attributes: { language: ["French"] }, custom_attributes: { location: "Lyon" }, updated_at: "2026-01-05T09:00:05.000Z" });

    const business = await call("PUT", path, { custom_attributes: { business: "Mining" } });
    expect(business.body).toEqual({ status_code: 3107, description: "The value provided for the custom attribute 'business' is not valid.", response: {} });
    const location = await call("PUT", path, { custom_attributes: { location: "x".repeat(51) } });
    expect(location.body).toEqual({ status_code: 3110, description: "The value provided for the custom attribute 'location' is not valid.", response: {} });
    expect(code(await call("PUT", path, { custom_attributes: { employee_number: "12" } }))).toEqual([400, 3110]);
    expect(code(await call("PUT", path, { custom_attributes: { shoe_size: 9 } }))).toEqual([400, 3115]);
    // A definition an administrator adds is then accepted (and checked).
    imi.admin.addCustomAttribute({ name: "shift", type: "dropdown", options: ["Day", "Night"] });
    expect(code(await call("PUT", path, { custom_attributes: { shift: "Night" } }))).toEqual([200, 4309]);
    expect(code(await call("PUT", path, { custom_attributes: { shift: "Dusk" } }))).toEqual([400, 3107]);

    // Not in the update document: privileges, login_id, email_id; wrong types and enums.
    for (const bad of [{ privileges: [{ teamid: 7001, role: "Team Manager" }] }, { email_id: "x@y.test" }, { status: "deleted" },
      { login_using_email: "yes" }, { first_name: "" }]) {
      expect(code(await call("PUT", path, bad))).toEqual([400, 3115]);
    }
    expect(code(await call("PUT", path))).toEqual([400, 3114]);
    expect(code(await call("PUT", path, {}))).toEqual([400, 3114]);
    expect(code(await call("PUT", "/users/999", { first_name: "Ghost" }))).toEqual([404, 3101]);
    // No delete route, and PATCH is not the update verb here.
    expect((await call("DELETE", path)).body).toEqual({ status_code: 2099, description: "Method not allowed", response: {} });
    expect(code(await call("PATCH", path, { first_name: "P" }))).toEqual([405, 2099]);
    expect(imi.admin.getUser(imi.userIds.agent)!.custom_attributes).toEqual({ location: "Lyon", shift: "Night" });
  });

  it("searches the team's users, 10 a page, with the documented conditions", async () => {
    const imi = await start();
    const call = await client(imi);
    for (let i = 0; i < 10; i++) {
      const res = await call("POST", "/users", { first_name: `Bulk${i}`, login_id: `bulk${i}`, email_id: `bulk${i}@x.test`, password: "p",
        privileges: [{ teamid: 7001, role: "Team Agent" }], active_chats: i });
      expect(res.body.status_code).toBe(4301);
    }
    const page1 = await call("POST", "/users/search", {});
    expect(code(page1)).toEqual([200, 4305]);
    expect(page1.body.response.users).toHaveLength(10);
    expect(page1.body.response.users[0]).not.toHaveProperty("privileges");
    const page2 = await call("POST", "/users/search?page=2", {});
    // Team 7001: Mia, Sam, Ina and the 10 new ones = 13.
    expect(page2.body.response.users).toHaveLength(3);
    expect((await call("POST", "/users/search?page=3", {})).body.response.users).toEqual([]);
    const inactive = await call("POST", "/users/search", { status: { eq: "inactive" } });
    expect(inactive.body.response.users.map((u: any) => u.login_id)).toEqual(["ina.inactive"]);
    const busy = await call("POST", "/users/search", { active_chats: { gte: 2, lt: 9 } });
    expect(busy.body.response.users.map((u: any) => u.login_id)).toEqual(["sam.agent", "bulk2", "bulk3", "bulk4", "bulk5", "bulk6", "bulk7", "bulk8"]);
    const later = await call("POST", "/users/search", { created_at: { gte: "2000-01-01T00:00:00Z" }, accepting_chats: { eq: false } });
    expect(later.body.response.users).toHaveLength(10);
    expect(code(await call("POST", "/users/search", { status: { lt: "active" } }))).toEqual([400, 3115]);
    expect(code(await call("POST", "/users/search", { first_name: { eq: "Sam" } }))).toEqual([400, 3115]);
    expect(code(await call("POST", "/users/search?page=0", {}))).toEqual([400, 3115]);
    expect(code(await call("POST", "/users/search"))).toEqual([400, 3114]);
    // Search reads: not a write.
    expect(imi.writes().every((w) => w.path === "/v3.1/users")).toBe(true);
  });
});

describe("IMIchat daily quota, faults and admin", () => {
  it("sends trxid and Rate-Limit-* on every answer, counts down, then 429 until midnight UTC", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 23, 59));
    const imi = await start({ clock, dailyRateLimit: 4 });
    const midnight = String(Date.UTC(2026, 0, 6) / 1000);
    const t = await token(imi);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await raw(imi, "GET", `/users/${imi.userIds.agent}`, { access_token: t, teamid: "7001" });
      seen.push(`${res.status} ${res.headers.get("rate-limit-limit")} ${res.headers.get("rate-limit-remaining")} ${res.headers.get("rate-limit-reset")}`);
      expect(res.headers.get("trxid")).toBeTruthy();
    }
    expect(seen).toEqual([`200 4 2 ${midnight}`, `200 4 1 ${midnight}`, `200 4 0 ${midnight}`, `429 4 0 ${midnight}`]);
    expect((await raw(imi, "GET", "/authorize", { key: imi.authorizationKey })).status).toBe(429);
    clock.advance(60_000);
    const next = await raw(imi, "GET", `/users/${imi.userIds.agent}`, { access_token: t, teamid: "7001" });
    expect([next.status, next.headers.get("rate-limit-remaining"), next.headers.get("rate-limit-reset")]).toEqual([200, "3", String(Date.UTC(2026, 0, 7) / 1000)]);
  });

  it("answers injected faults with the documented codes (2007, 3104), records, and lets an administrator drift a user", async () => {
    const imi = await start();
    const call = await client(imi);
    imi.faults.failNext({ method: "GET", path: `/users/${imi.userIds.agent}`, status: 500 });
    expect((await call("GET", `/users/${imi.userIds.agent}`)).body).toEqual({ status_code: 2007, description: "Internal Server Error", response: {} });
    imi.faults.failNext({ method: "PUT", status: 500 });
    expect((await call("PUT", `/users/${imi.userIds.agent}`, { first_name: "X" })).body).toEqual({ status_code: 3104, description: "The user update failed", response: {} });
    expect(imi.admin.getUser(imi.userIds.agent)!.first_name).toBe("Sam");
    imi.faults.failNext({ method: "PUT", dropConnection: true });
    await expect(call("PUT", `/users/${imi.userIds.agent}`, { first_name: "Y" })).rejects.toThrow();
    expect(imi.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /v3.1/authorize 200", "GET /v3.1/users/880003 500", "PUT /v3.1/users/880003 500", "PUT /v3.1/users/880003 0"]);
    expect(code(await raw(imi, "GET", "/nothing"))).toEqual([404, 404]);

    imi.clearRequests();
    imi.admin.updateUser(imi.userIds.agent, { job_description: "Changed in the console", custom_attributes: { business: "Telecom" } });
    const res = await fetch(`${imi.adminUrl}/__sandbox/imichat/custom_attributes`, { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "region", type: "text" }) });
    expect(res.status).toBe(200);
    expect(imi.requests()).toEqual([]);
    const seen = await call("GET", `/users/${imi.userIds.agent}`);
    expect(seen.body.response).toMatchObject({ job_description: "Changed in the console", custom_attributes: { business: "Telecom" } });
    expect(code(await call("PUT", `/users/${imi.userIds.agent}`, { custom_attributes: { region: "EMEA" } }))).toEqual([200, 4309]);
    expect(imi.env).toEqual({ IMICHAT_BASE_URL: imi.baseUrl, IMICHAT_API_KEY: imi.apiKey, IMICHAT_DOMAIN: imi.domain, IMICHAT_TEAM_ID: "7001" });
  });
});

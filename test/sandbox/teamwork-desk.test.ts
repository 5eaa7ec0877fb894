import { afterEach, describe, expect, it } from "vitest";
import { ManualClock, startSandbox, type TeamworkDeskSandbox, type TeamworkDeskSandboxOptions } from "../../sandbox";

let running: { close(): Promise<void> } | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: TeamworkDeskSandboxOptions = {}): Promise<TeamworkDeskSandbox> {
  const sb = await startSandbox({ vendors: ["teamworkDesk"], teamworkDesk: options });
  running = sb;
  return sb.teamworkDesk;
}

interface Answer { status: number; headers: Headers; body: any }
type Auth = { key?: string; basic?: string; raw?: string };

async function send(tw: TeamworkDeskSandbox, method: string, path: string, opts: { auth?: Auth; body?: unknown } = {}): Promise<Answer> {
  const auth = opts.auth ?? { key: tw.apiKeys.administrator };
  const headers: Record<string, string> = {};
  if (auth.key) headers.authorization = `Bearer ${auth.key}`;
  if (auth.basic) headers.authorization = `Basic ${Buffer.from(`${auth.basic}:X`).toString("base64")}`;
  if (auth.raw) headers.authorization = auth.raw;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${tw.baseUrl}/desk/api/v2${path}`, {
    method, headers, body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}
const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

describe("Teamwork Desk authentication", () => {
  it("takes the API key as Bearer or as the Basic user name, and refuses anything else with 401", async () => {
    const tw = await start();
    expect((await send(tw, "GET", "/users.json", { auth: {} })).status).toBe(401);
    expect((await send(tw, "GET", "/users.json", { auth: { key: "wrong" } })).status).toBe(401);
    expect((await send(tw, "GET", "/users.json", { auth: { raw: `Zoho-oauthtoken ${tw.apiKeys.administrator}` } })).status).toBe(401);
    expect((await send(tw, "GET", "/users.json")).status).toBe(200);
    expect((await send(tw, "GET", "/users.json", { auth: { basic: tw.apiKeys.administrator } })).status).toBe(200);
    // Authentication runs before routing.
    expect((await send(tw, "GET", "/nothing.json", { auth: {} })).status).toBe(401);
    expect((await send(tw, "GET", "/nothing.json")).status).toBe(404);
    const body = (await send(tw, "GET", "/users.json", { auth: {} })).body;
    expect(body).toEqual({ message: "Unauthorized" });
  });

  it("lets an agent read users but not write them (403)", async () => {
    const tw = await start();
    const agent = { key: tw.apiKeys.agent };
    expect((await send(tw, "GET", `/users/${tw.userIds.owner}.json`, { auth: agent })).status).toBe(200);
    expect((await send(tw, "PATCH", `/users/${tw.userIds.partTime}.json`, { auth: agent, body: { user: { firstName: "X" } } })).status).toBe(403);
    expect((await send(tw, "POST", "/users.json", { auth: agent, body: { user: { email: "n@x.test", firstName: "N" } } })).status).toBe(403);
    // A deleted user's key no longer works.
    tw.admin.deleteUser(tw.userIds.agent);
    expect((await send(tw, "GET", "/users.json", { auth: agent })).status).toBe(401);
  });
});

describe("Teamwork Desk users list", () => {
  it("pages with page/pageSize and carries both pagination envelopes", async () => {
    const tw = await start();
    const all = await send(tw, "GET", "/users.json");
    expect(all.status).toBe(200);
    // Deleted users are left out unless the filter asks about state.
    expect(all.body.users.map((u: any) => u.id)).toEqual([52001, 52002, 52003, 52004]);
    expect(all.body.included).toEqual({});
    expect(all.body.pagination).toEqual({ records: 4, pageSize: 50, pages: 1, page: 1, hasMorePages: false });
    const second = await send(tw, "GET", `/users.json${q({ page: "2", pageSize: "3" })}`);
    expect(second.body.users.map((u: any) => u.id)).toEqual([52004]);
    expect(second.body.meta).toEqual({ page: { count: 4, pageSize: 3, pageOffset: 3, pages: 2, hasMore: false } });
    const first = await send(tw, "GET", `/users.json${q({ page: "1", pageSize: "3" })}`);
    expect(first.body.pagination).toEqual({ records: 4, pageSize: 3, pages: 2, page: 1, hasMorePages: true });
    expect(first.body.meta.page.hasMore).toBe(true);
    const bad = await send(tw, "GET", `/users.json${q({ page: "0", pageSize: "x" })}`);
    expect(bad).toMatchObject({ status: 400, body: { errors: { page: ["must be a positive integer"], pageSize: ["must be a positive integer"] } } });
    const desc = await send(tw, "GET", `/users.json${q({ orderBy: "firstName", orderMode: "desc" })}`);
    expect(desc.body.users.map((u: any) => u.firstName)).toEqual(["Robin", "Pat", "Olive", "Alex"]);
  });

  it("filters with the documented fields and operators", async () => {
    const tw = await start();
    const ids = async (filter: unknown) => (await send(tw, "GET", `/users.json${q({ filter: JSON.stringify(filter) })}`)).body.users.map((u: any) => u.id);
    expect(await ids({ email: { $eq: "PAT.parttime@acme-sandbox.test" } })).toEqual([52003]);
    expect(await ids({ role: "admin" })).toEqual([52001, 52004]);
    expect(await ids({ isPartTime: true })).toEqual([52003]);
    expect(await ids({ "inboxes.id": { $in: [3103] } })).toEqual([52001, 52004]);
    expect(await ids({ $or: [{ firstName: "Alex" }, { lastName: { $eq: "Reviewer" } }] })).toEqual([52002, 52004]);
    expect(await ids({ state: "deleted" })).toEqual([52005]);
    expect(await ids({ state: { $in: ["active", "deleted"] }, id: { $gte: 52004 } })).toEqual([52004, 52005]);
    const bad = await send(tw, "GET", `/users.json${q({ filter: "{nope" })}`);
    expect(bad).toMatchObject({ status: 400, body: { errors: { filter: ["must be valid JSON"] } } });
    const unknown = await send(tw, "GET", `/users.json${q({ filter: JSON.stringify({ colour: "red" }) })}`);
    expect(unknown).toMatchObject({ status: 400, body: { errors: { filter: ["unknown field colour"] } } });
    const op = await send(tw, "GET", `/users.json${q({ filter: JSON.stringify({ id: { $like: 1 } }) })}`);
    expect(op.status).toBe(400);
  });

  it("side-loads inboxes and users with includes", async () => {
    const tw = await start();
    const res = await send(tw, "GET", `/users.json${q({ includes: "inboxes", filter: JSON.stringify({ id: 52003 }) })}`);
    expect(res.body.users[0].inboxes).toEqual([{ id: 3102, type: "inboxes" }]);
    expect(res.body.included.inboxes).toEqual([{ id: 3102, name: "Billing", email: "billing@acme-sandbox.teamwork.com", state: "active" }]);
    const all = await send(tw, "GET", `/users/${tw.userIds.reviewer}.json${q({ includes: "all" })}`);
    expect(Object.keys(all.body.included).sort()).toEqual(["inboxes", "permissionusers", "trainingwheelsenrollments", "users"]);
    expect(all.body.included.inboxes.map((i: any) => i.id)).toEqual([3101, 3103]);
  });
});

describe("Teamwork Desk user get, create and update", () => {
  it("gets one user as {user, included}, with every documented field", async () => {
    const tw = await start();
    const res = await send(tw, "GET", `/users/${tw.userIds.owner}.json`);
    expect(res.status).toBe(200);
    expect(res.body.included).toEqual({});
    expect(res.body.user).toMatchObject({
      id: 52001, email: "owner@acme-sandbox.test", firstName: "Olive", lastName: "Owner", role: "Admin", editMethod: "html",
      isPartTime: false, ticketReplyRedirect: "Stay", reviewer: false, sendPushNotifications: true, sendWebNotifications: true,
      autoFollowOnCC: true, timeFormatId: 1, timezoneId: 1, isAppOwner: true, state: "active",
    });
    expect(res.body.user.avatarURL).toMatch(/^https:\/\//);
    expect(res.body.user).not.toHaveProperty("deletedAt");
    expect((await send(tw, "GET", "/users/999.json")).status).toBe(404);
    expect((await send(tw, "GET", `/users/${tw.userIds.owner}`)).status).toBe(404);
    const deleted = await send(tw, "GET", `/users/${tw.userIds.deleted}.json`);
    expect(deleted.body.user).toMatchObject({ state: "deleted" });
    expect(deleted.body.user.deletedAt).toMatch(/Z$/);
  });

  it("creates a user: 201 {user}, defaults, validation (400), unreadable bodies (422)", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 9));
    const tw = await start({ clock });
    const created = await send(tw, "POST", "/users.json", {
      body: { user: { email: "new.agent@acme-sandbox.test", firstName: "New", lastName: "Agent", role: "agent", ticketReplyRedirect: "Inbox",
        editMethod: "markdown", isPartTime: true, timezoneId: 12, avatarURL: "ignored", isAppOwner: true } },
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email: "new.agent@acme-sandbox.test", role: "Agent", ticketReplyRedirect: "Inbox", editMethod: "markdown",
      isPartTime: true, timezoneId: 12, timeFormatId: 1, isAppOwner: false, state: "active", createdAt: "2026-01-05T09:00:00.000Z",
      createdBy: { id: 52001, type: "users" } });
    expect(created.body.user.avatarURL).not.toBe("ignored");

    const missing = await send(tw, "POST", "/users.json", { body: { user: { role: "boss", editMethod: "rtf", ticketReplyRedirect: "stay" } } });
    expect(missing).toMatchObject({ status: 400, body: { errors: {
      email: ["must be set"], firstName: ["must be set"], role: ["must be one of: admin, agent"], editMethod: ["must be one of: html, markdown"],
      ticketReplyRedirect: ["must be one of: Stay, Next, Inbox"] } } });
    const dup = await send(tw, "POST", "/users.json", { body: { user: { email: "OWNER@acme-sandbox.test", firstName: "Dup" } } });
    expect(dup.body).toEqual({ errors: { email: ["is already in use"] } });
    const badEmail = await send(tw, "POST", "/users.json", { body: { user: { email: "nope", firstName: "X" } } });
    expect(badEmail.body).toEqual({ errors: { email: ["must be a valid email address"] } });
    expect((await send(tw, "POST", "/users.json", { body: { email: "flat@x.test", firstName: "Flat" } })).body).toEqual({ errors: { user: ["must be set"] } });
    expect((await send(tw, "POST", "/users.json", { body: { user: { email: "t@x.test", firstName: "T", isPartTime: "yes" } } })).status).toBe(422);
    expect((await send(tw, "POST", "/users.json", { body: "{not json" })).status).toBe(422);
    expect(tw.admin.listUsers()).toHaveLength(6);
  });

  it("updates by PATCH and by PUT with {user}, partially; state deleted is the delete", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 9));
    const tw = await start({ clock });
    const path = `/users/${tw.userIds.partTime}.json`;
    clock.advance(60_000);
    const patched = await send(tw, "PATCH", path, { body: { user: { firstName: "Patricia", role: "Admin", reviewer: true } } });
    expect(patched.status).toBe(200);
    expect(patched.body.user).toMatchObject({ firstName: "Patricia", lastName: "Parttime", role: "Admin", reviewer: true, editMethod: "markdown",
      updatedAt: "2026-01-05T09:01:00.000Z", updatedBy: { id: 52001, type: "users" } });
    const put = await send(tw, "PUT", path, { body: { user: { sendWebNotifications: false, autoFollowOnCC: false, timeFormatId: 2, lastName: null } } });
    expect(put.body.user).toMatchObject({ firstName: "Patricia", lastName: "Parttime", sendWebNotifications: false, autoFollowOnCC: false, timeFormatId: 2 });
    expect((await send(tw, "PATCH", path, { body: { user: { timezoneId: 0 } } })).body).toEqual({ errors: { timezoneId: ["must be higher than 0"] } });
    expect((await send(tw, "PATCH", path, { body: { user: { state: "archived" } } })).status).toBe(400);
    expect((await send(tw, "PATCH", "/users/999.json", { body: { user: {} } })).status).toBe(404);

    // No delete route: DELETE is 405; writing state "deleted" deletes, without touching updatedAt.
    expect((await send(tw, "DELETE", path)).status).toBe(405);
    clock.advance(60_000);
    const deleted = await send(tw, "PATCH", path, { body: { user: { state: "deleted" } } });
    expect(deleted.body.user).toMatchObject({ state: "deleted", deletedAt: "2026-01-05T09:02:00.000Z", updatedAt: "2026-01-05T09:01:00.000Z",
      deletedBy: { id: 52001, type: "users" } });
    expect((await send(tw, "GET", "/users.json")).body.users.map((u: any) => u.id)).not.toContain(tw.userIds.partTime);
    const restored = await send(tw, "PUT", path, { body: { user: { state: "active" } } });
    expect(restored.body.user.state).toBe("active");
    expect(restored.body.user).not.toHaveProperty("deletedAt");
    // The installation owner cannot be deleted or demoted.
    expect((await send(tw, "PATCH", `/users/${tw.userIds.owner}.json`, { body: { user: { state: "deleted" } } })).status).toBe(403);
    expect((await send(tw, "PATCH", `/users/${tw.userIds.owner}.json`, { body: { user: { role: "agent" } } })).status).toBe(403);
  });
});

describe("Teamwork Desk rate limit", () => {
  it("sends X-Rate-Limit-* on every answer, counts down, then 429 until the window ends", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 10));
    const tw = await start({ clock, rateLimitPerMinute: 3 });
    const reset = String(Math.ceil((Date.UTC(2026, 0, 5, 9, 0, 10) + 60_000) / 1000));
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await send(tw, "GET", "/users.json");
      seen.push(`${res.status} ${res.headers.get("x-rate-limit-limit")} ${res.headers.get("x-rate-limit-remaining")} ${res.headers.get("x-rate-limit-reset")}`);
    }
    expect(seen).toEqual([`200 3 2 ${reset}`, `200 3 1 ${reset}`, `200 3 0 ${reset}`, `429 3 0 ${reset}`]);
    // Each credential has its window: a 401 for a wrong key still gets headers of its own.
    const other = await send(tw, "GET", "/users.json", { auth: { key: "wrong" } });
    expect([other.status, other.headers.get("x-rate-limit-remaining")]).toEqual([401, "2"]);
    clock.advance(59_000);
    expect((await send(tw, "GET", "/users.json")).status).toBe(429);
    clock.advance(1_000);
    const after = await send(tw, "GET", "/users.json");
    expect([after.status, after.headers.get("x-rate-limit-remaining")]).toEqual([200, "2"]);
    expect(tw.requests().map((r) => r.status)).toEqual([200, 200, 200, 429, 401, 429, 200]);
  });

  it("defaults to 120 a minute, with headers on errors too", async () => {
    const tw = await start();
    const res = await send(tw, "GET", "/users/999.json");
    expect(res.status).toBe(404);
    expect(res.headers.get("x-rate-limit-limit")).toBe("120");
    expect(res.headers.get("x-rate-limit-remaining")).toBe("119");
    expect(Number(res.headers.get("x-rate-limit-reset"))).toBeGreaterThan(Date.now() / 1000);
  });
});

describe("Teamwork Desk record, faults and admin", () => {
  it("records requests, lists writes, injects faults and lets an administrator change things out of band", async () => {
    const tw = await start();
    await send(tw, "GET", "/users.json");
    await send(tw, "PATCH", `/users/${tw.userIds.agent}.json`, { body: { user: { lastName: "Agentson" } } });
    expect(tw.writes().map((w) => `${w.method} ${w.path} ${w.status}`)).toEqual(["PATCH /desk/api/v2/users/52002.json 200"]);
    expect(tw.writes()[0].body).toEqual({ user: { lastName: "Agentson" } });

    tw.faults.failNext({ method: "PATCH", path: `/users/${tw.userIds.agent}.json`, status: 503 });
    expect((await send(tw, "PATCH", `/users/${tw.userIds.agent}.json`, { body: { user: { lastName: "X" } } })).status).toBe(503);
    tw.faults.failNext({ path: /users\.json$/, status: 429 });
    expect((await send(tw, "GET", "/users.json")).body).toEqual({ message: "Too Many Requests" });
    tw.faults.failNext({ method: "PATCH", loseAnswer: true });
    await expect(send(tw, "PATCH", `/users/${tw.userIds.agent}.json`, { body: { user: { lastName: "Lost" } } })).rejects.toThrow();
    expect(tw.admin.getUser(tw.userIds.agent)!.lastName).toBe("Lost");

    // Drift: an administrator edits the agent in the UI; not recorded.
    tw.clearRequests();
    tw.admin.updateUser(tw.userIds.agent, { ticketReplyRedirect: "Next" });
    tw.admin.grantInbox(tw.userIds.agent, 3103);
    expect(tw.requests()).toEqual([]);
    const seen = await send(tw, "GET", `/users/${tw.userIds.agent}.json?includes=inboxes`);
    expect(seen.body.user).toMatchObject({ ticketReplyRedirect: "Next", inboxes: [{ id: 3101, type: "inboxes" }, { id: 3103, type: "inboxes" }] });
    // The same over HTTP.
    const res = await fetch(`${tw.adminUrl}/__sandbox/teamwork-desk/users/${tw.userIds.agent}`, { method: "PATCH",
      headers: { "content-type": "application/json" }, body: JSON.stringify({ reviewer: false }) });
    expect(((await res.json()) as { reviewer: boolean }).reviewer).toBe(false);
    expect(tw.requests().map((r) => r.path)).toEqual([`/desk/api/v2/users/${tw.userIds.agent}.json`]);
    expect(tw.env).toEqual({ TEAMWORK_DESK_BASE_URL: tw.baseUrl, TEAMWORK_DESK_API_KEY: tw.apiKeys.administrator });
  });
});

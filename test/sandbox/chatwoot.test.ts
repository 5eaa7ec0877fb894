import { afterEach, describe, expect, it } from "vitest";
import { ManualClock, startSandbox, type ChatwootSandbox, type ChatwootSandboxOptions } from "../../sandbox";
import { ERRATA, loadChatwootOas } from "./chatwoot-oas";

// Every answer of the Chatwoot sandbox below is checked against Chatwoot's swagger (with the errata in chatwoot-oas.ts).
const oas = loadChatwootOas();

let running: { close(): Promise<void> } | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: Omit<ChatwootSandboxOptions, "brand"> = {}): Promise<ChatwootSandbox> {
  const sb = await startSandbox({ vendors: ["chatwoot"], chatwoot: options });
  running = sb;
  return sb.chatwoot;
}

interface Answer { status: number; headers: Headers; body: any; text: string }

/** Raw HTTP; objects are sent as JSON. Checks the answer against the swagger. */
async function send(origin: string, method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const url = new URL(origin + path);
  const headers: Record<string, string> = { ...(opts.token === undefined ? {} : { api_access_token: opts.token }), ...(opts.headers ?? {}) };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(url, { method, headers, body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body) });
  const text = await res.text();
  const isJson = /json/.test(res.headers.get("content-type") ?? "");
  const body = text && isJson ? JSON.parse(text) : text;
  expect(oas.check(method, url.pathname, res.status, text === "" ? undefined : body), `${method} ${path} -> ${res.status} ${text.slice(0, 300)}`).toEqual([]);
  return { status: res.status, headers: res.headers, body, text };
}

type Call = (method: string, path: string, body?: unknown) => Promise<Answer>;
const as = (cw: ChatwootSandbox, token: string): Call => (method, path, body) => send(cw.apiBaseUrl, method, `/api/v1${path}`, { token, body });
const platform = (cw: ChatwootSandbox, token = cw.tokens.platform): Call => (method, path, body) => send(cw.platformBaseUrl, method, `/platform/api/v1${path}`, { token, body });

describe("the OpenAPI check itself", () => {
  it("is not vacuous: it refuses answers the server would not give", () => {
    const agent = { id: 1, account_id: 1, availability_status: "online", auto_offline: false, confirmed: true, email: "a@b.c", provider: "email",
      available_name: "A", name: "A", role: "agent", thumbnail: "", custom_role_id: null };
    expect(oas.check("GET", "/api/v1/accounts/1/agents", 200, [agent])).toEqual([]);
    expect(oas.check("GET", "/api/v1/accounts/1/agents", 200, [{ ...agent, availability_status: "away" }])).not.toEqual([]);
    expect(oas.check("GET", "/api/v1/accounts/1/agents", 401, { error: "nope" })).not.toEqual([]);
    expect(oas.check("GET", "/api/v1/accounts/1/agents", 403, { error: "You are not authorized to do this action" })).not.toEqual([]);
    expect(oas.check("GET", "/api/v1/accounts/1/agents", 429, "Retry later\n")).toEqual([]);
    expect(oas.check("GET", "/api/v1/accounts/1/custom_roles/1", 200, { id: 1, name: "x" })).not.toEqual([]);
    expect(oas.check("GET", "/api/v1/nothing", 404, { status: 404, error: "Not Found" })).toEqual([]);
    expect(ERRATA.map((e) => e.id)).toContain("availability-online");
  });
});

describe("Chatwoot authentication and account scoping", () => {
  it("answers each 401 with the server's body, in the server's order", async () => {
    const cw = await start();
    const agents = `/api/v1/accounts/${cw.accountId}/agents`;
    const none = await send(cw.apiBaseUrl, "GET", agents);
    expect(none).toMatchObject({ status: 401, body: { errors: ["You need to sign in or sign up before continuing."] } });
    // Chatwoot reads api_access_token only; a Bearer header is the same as no token.
    const bearer = await send(cw.apiBaseUrl, "GET", agents, { headers: { Authorization: `Bearer ${cw.tokens.administrator}` } });
    expect(bearer.body).toEqual(none.body);
    expect(await send(cw.apiBaseUrl, "GET", agents, { token: "x".repeat(24) })).toMatchObject({ status: 401, body: { error: "Invalid Access Token" } });
    expect((await send(cw.apiBaseUrl, "GET", agents, { headers: { "api-access-token": cw.tokens.administrator } })).status).toBe(200);
    const admin = as(cw, cw.tokens.administrator);
    expect(await admin("GET", `/accounts/${cw.otherAccountId}/agents`)).toMatchObject({ status: 401, body: { error: "You are not authorized to access this account" } });
    expect(await admin("GET", `/accounts/${cw.suspendedAccountId}/agents`)).toMatchObject({ status: 401, body: { error: "Account is suspended" } });
    // Suspension comes before membership: a stranger also hears "suspended".
    expect((await as(cw, cw.tokens.otherAdministrator)("GET", `/accounts/${cw.suspendedAccountId}/agents`)).body.error).toBe("Account is suspended");
    expect(await admin("GET", "/accounts/999/agents")).toMatchObject({ status: 404, body: { error: "Resource could not be found" } });
    // The platform app's token is not a user's.
    expect((await as(cw, cw.tokens.platform)("GET", "/profile")).body).toEqual({ error: "Access to this endpoint is not authorized for bots" });
    // Routing comes first: an unknown path or method is Rails' 404, token or not.
    expect(await send(cw.apiBaseUrl, "GET", "/api/v1/nothing")).toMatchObject({ status: 404, body: { status: 404, error: "Not Found" } });
    expect((await send(cw.apiBaseUrl, "POST", "/api/v1/profile", { token: cw.tokens.administrator, body: {} })).status).toBe(404);
    // A reactivated account answers again (the super admin console).
    cw.admin.reactivateAccount(cw.suspendedAccountId);
    expect((await admin("GET", `/accounts/${cw.suspendedAccountId}/agents`)).status).toBe(200);
  });

  it("keeps each token to its own accounts", async () => {
    const cw = await start();
    const dan = as(cw, cw.tokens.otherAdministrator);
    expect((await dan("GET", `/accounts/${cw.otherAccountId}/agents`)).body.map((a: any) => a.email)).toEqual(["dan@globex.test", "eve@shared.test"]);
    expect((await dan("PATCH", `/accounts/${cw.accountId}/agents/${cw.userIds.agent}`, { agent: { role: "administrator" } })).status).toBe(401);
    expect((await dan("DELETE", `/accounts/${cw.accountId}/agents/${cw.userIds.agent}`)).status).toBe(401);
    expect((await dan("GET", `/accounts/${cw.accountId}/custom_roles`)).status).toBe(401);
    // An administrator of account 1 cannot reach a user of account 2 through account 1.
    expect((await as(cw, cw.tokens.administrator)("PATCH", `/accounts/${cw.accountId}/agents/${cw.userIds.otherAdmin}`, { name: "X" })).status).toBe(404);
    expect(cw.admin.membership(cw.accountId, cw.userIds.agent)!.role).toBe("agent");
  });
});

describe("Chatwoot profile", () => {
  it("returns the user with its access_token and pubsub_token, and its accounts", async () => {
    const cw = await start();
    const me = await as(cw, cw.tokens.customRoleAgent)("GET", "/profile");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: cw.userIds.customRoleAgent, access_token: cw.tokens.customRoleAgent, pubsub_token: expect.stringMatching(/^[1-9A-HJ-NP-Za-km-z]{24}$/),
      email: "cara@acme.test", uid: "cara@acme.test", available_name: "Cara B.", display_name: "Cara B.", confirmed: true, provider: "email",
      account_id: cw.accountId, role: "agent", inviter_id: cw.userIds.admin, type: null, ui_settings: {},
    });
    expect(me.body.accounts).toEqual([{
      id: 1, name: "Acme Support", status: "active", active_at: null, role: "agent", permissions: ["conversation_manage", "contact_manage", "custom_role"],
      availability: "online", availability_status: "offline", auto_offline: true, custom_role_id: 1,
      custom_role: { id: 1, name: "Billing Desk", description: "Billing conversations and contacts", permissions: ["conversation_manage", "contact_manage"] },
    }]);
    const admin = await as(cw, cw.tokens.administrator)("GET", "/profile");
    expect(admin.body.accounts.map((a: any) => [a.id, a.status, a.permissions])).toEqual([[1, "active", ["administrator"]], [3, "suspended", ["administrator"]]]);
    expect(admin.body.access_token).toBe(cw.env.CHATWOOT_API_ACCESS_TOKEN);
  });

  it("updates with PUT and PATCH, checks 255-character limits, keeps a new email unconfirmed", async () => {
    const cw = await start();
    const me = as(cw, cw.tokens.agent);
    const put = await me("PUT", "/profile", { profile: { name: "Benjamin Agent", display_name: "Ben", message_signature: "-- Ben", phone_number: "+15550100", ui_settings: { theme: "dark" } } });
    expect(put.body).toMatchObject({ name: "Benjamin Agent", available_name: "Ben", message_signature: "-- Ben", custom_attributes: { phone_number: "+15550100" }, ui_settings: { theme: "dark" } });
    // A flat body is wrapped under `profile` (ParamsWrapper); availability is not a profile field.
    const patch = await me("PATCH", "/profile", { name: "Ben A.", availability: "offline" });
    expect(patch.body.name).toBe("Ben A.");
    expect(patch.body.accounts[0].availability).toBe("busy");
    expect(await me("PATCH", "/profile", { profile: { name: "n".repeat(256) } }))
      .toMatchObject({ status: 422, body: { message: "Name is too long (maximum is 255 characters)", attributes: ["name"] } });
    expect((await me("PATCH", "/profile", { profile: { name: "n".repeat(255) } })).status).toBe(200);
    expect((await me("PATCH", "/profile", { profile: { display_name: "d".repeat(256) } })).body.attributes).toEqual(["display_name"]);
    expect(await me("PATCH", "/profile", { profile: { name: "" } })).toMatchObject({ status: 422, body: { message: "Name can't be blank" } });
    expect(await me("PUT", "/profile", {})).toMatchObject({ status: 422, body: { error: "param is missing or the value is empty: profile" } });
    expect(await me("PATCH", "/profile", { profile: { email: "ada@acme.test" } })).toMatchObject({ status: 422, body: { message: "Email has already been taken", attributes: ["email"] } });
    expect((await me("PATCH", "/profile", { profile: { email: "not-an-email" } })).body.message).toBe("Email is invalid");
    // Reconfirmable: the answer keeps the old email until the link in the confirmation email is followed.
    const moved = await me("PATCH", "/profile", { profile: { email: "Ben.New@Acme.test" } });
    expect(moved.body).toMatchObject({ email: "ben@acme.test", confirmed: true });
    expect(cw.admin.getUser(cw.userIds.agent)!.unconfirmedEmail).toBe("ben.new@acme.test");
    cw.admin.confirmEmail(cw.userIds.agent);
    expect((await me("GET", "/profile")).body.email).toBe("ben.new@acme.test");
  });

  it("changes the password only with the current one, a matching confirmation and the complexity rules", async () => {
    const cw = await start();
    const me = as(cw, cw.tokens.agent);
    const invalid = { error: "Invalid current password" };
    expect(await me("PUT", "/profile", { profile: { password: "N3w!Password" } })).toMatchObject({ status: 422, body: invalid });
    expect(await me("PUT", "/profile", { profile: { current_password: "wrong", password: "N3w!Password" } })).toMatchObject({ status: 422, body: invalid });
    const current = cw.password;
    expect(await me("PUT", "/profile", { profile: { current_password: current, password: "N3w!Password", password_confirmation: "other" } }))
      .toMatchObject({ status: 422, body: { message: "Password confirmation doesn't match Password", attributes: ["password_confirmation"] } });
    const weak = await me("PUT", "/profile", { profile: { current_password: current, password: "abc" } });
    expect(weak.body).toEqual({
      message: "Password is too short (minimum is 6 characters), Password must contain at least one upper-case letter, "
        + "Password must contain at least one digit, Password must contain at least one punctuation mark or symbol",
      attributes: ["password"],
    });
    expect((await me("PUT", "/profile", { profile: { current_password: current, password: "N3w!Password", password_confirmation: "N3w!Password" } })).status).toBe(200);
    expect(cw.admin.getUser(cw.userIds.agent)!.password).toBe("N3w!Password");
    expect((await me("PUT", "/profile", { profile: { current_password: current, password: "An0ther!one" } })).body).toEqual(invalid);
    // Without `password`, current_password is not looked at.
    expect((await me("PUT", "/profile", { profile: { current_password: "wrong", name: "Ben" } })).status).toBe(200);
  });

  it("sets availability and auto_offline per account through their own routes", async () => {
    const cw = await start();
    const me = as(cw, cw.tokens.shared);
    const set = await me("POST", "/profile/availability", { profile: { account_id: cw.otherAccountId, availability: "busy" } });
    expect(set.body.accounts.map((a: any) => [a.id, a.availability, a.availability_status])).toEqual([[1, "offline", "offline"], [2, "busy", "busy"]]);
    expect((await me("POST", "/profile/availability", { profile: { account_id: cw.suspendedAccountId, availability: "busy" } })).status).toBe(404);
    expect((await me("POST", "/profile/availability", { profile: { account_id: 1, availability: "away" } })).status).toBe(500);
    const auto = await me("POST", "/profile/auto_offline", { profile: { account_id: 2, auto_offline: true } });
    expect(auto.body.accounts[1]).toMatchObject({ auto_offline: true, availability: "busy", availability_status: "offline" });
    // set_active_account: account_id follows `order(active_at: :desc)`, where Postgres puts NULLs first.
    expect((await me("PUT", "/profile/set_active_account", { profile: { account_id: 2 } })).status).toBe(200);
    expect((await me("GET", "/profile")).body.account_id).toBe(1);
    await me("PUT", "/profile/set_active_account", { profile: { account_id: 1 } });
    await new Promise((r) => setTimeout(r, 5));
    await me("PUT", "/profile/set_active_account", { profile: { account_id: 2 } });
    expect((await me("GET", "/profile")).body).toMatchObject({ account_id: 2, role: "agent", inviter_id: cw.userIds.otherAdmin });
    expect((await me("PUT", "/profile/set_active_account", { profile: { account_id: 3 } })).status).toBe(500);
    const listed = await as(cw, cw.tokens.otherAdministrator)("GET", "/accounts/2/agents");
    expect(listed.body.find((a: any) => a.id === cw.userIds.shared)).toMatchObject({ auto_offline: true, availability_status: "offline" });
  });

  it("resets the access token: the old one stops working", async () => {
    const cw = await start();
    const reset = await as(cw, cw.tokens.agent)("POST", "/profile/reset_access_token");
    expect(reset.body.access_token).not.toBe(cw.tokens.agent);
    expect((await as(cw, cw.tokens.agent)("GET", "/profile")).status).toBe(401);
    expect((await as(cw, reset.body.access_token)("GET", "/profile")).status).toBe(200);
  });
});

describe("Chatwoot agents", () => {
  it("lists a bare array ordered by lower-cased name, to any member", async () => {
    const cw = await start();
    const list = await as(cw, cw.tokens.agent)("GET", `/accounts/${cw.accountId}/agents`);
    expect(list.body.map((a: any) => a.name)).toEqual(["Ada Administrator", "Ben Agent", "cara Billing", "Eve Shared"]);
    expect(list.body[1]).toEqual({
      id: 2, account_id: 1, availability_status: "busy", auto_offline: false, confirmed: true, email: "ben@acme.test", provider: "email",
      available_name: "Ben Agent", name: "Ben Agent", role: "agent", thumbnail: expect.stringMatching(/^https:\/\/www\.gravatar\.com\/avatar\/[0-9a-f]{32}\?d=404$/),
      custom_role_id: null,
    });
    expect(list.body[2].custom_role_id).toBe(1);
  });

  it("creates with the server's defaults, reuses an existing user, refuses a member twice", async () => {
    const cw = await start();
    const admin = as(cw, cw.tokens.administrator);
    const created = await admin("POST", `/accounts/${cw.accountId}/agents`, { agent: { name: "Finn New", email: "Finn@Acme.test" } });
    expect(created.body).toMatchObject({ name: "Finn New", email: "finn@acme.test", role: "agent", availability_status: "offline", auto_offline: false, confirmed: false, custom_role_id: null });
    // Flat bodies work; the existing user (Dan, of account 2) is reused as is: same id, same name.
    const reused = await admin("POST", `/accounts/${cw.accountId}/agents`, { name: "Ignored", email: "dan@globex.test", role: "administrator", availability: "busy", auto_offline: "true" });
    expect(reused.body).toMatchObject({ id: cw.userIds.otherAdmin, name: "Dan Globex", role: "administrator", availability_status: "offline", auto_offline: true });
    expect(await admin("POST", `/accounts/${cw.accountId}/agents`, { agent: { name: "Again", email: "ben@acme.test" } }))
      .toMatchObject({ status: 422, body: { message: "User has already been taken", attributes: ["user_id"] } });
    expect((await admin("POST", `/accounts/${cw.accountId}/agents`, { agent: { name: "X", email: "nope" } })).body).toEqual({ message: "Email is invalid", attributes: ["email"] });
    expect((await admin("POST", `/accounts/${cw.accountId}/agents`, { agent: { email: "x@acme.test", name: "n".repeat(256) } })).body.attributes).toEqual(["name"]);
    expect(await admin("POST", `/accounts/${cw.accountId}/agents`, {})).toMatchObject({ status: 422, body: { error: "param is missing or the value is empty: agent" } });
    // An unknown role raises inside the builder: 500, and nobody is created.
    expect((await admin("POST", `/accounts/${cw.accountId}/agents`, { agent: { name: "Y", email: "y@acme.test", role: "owner" } })).status).toBe(500);
    expect(cw.admin.findUserByEmail("y@acme.test")).toBeUndefined();
    expect(await as(cw, cw.tokens.agent)("POST", `/accounts/${cw.accountId}/agents`, { agent: { name: "Z", email: "z@acme.test" } }))
      .toMatchObject({ status: 401, body: { error: "You are not authorized to do this action" } });
    // custom_role_id is a top-level parameter.
    const withRole = await admin("POST", `/accounts/${cw.accountId}/agents`, { agent: { name: "Gus", email: "gus@acme.test" }, custom_role_id: 2 });
    expect(withRole.body.custom_role_id).toBe(2);
  });

  it("answers 402 past the account's agent limit", async () => {
    const cw = await start();
    cw.admin.setAgentLimit(cw.accountId, 5);
    const admin = as(cw, cw.tokens.administrator);
    expect((await admin("POST", `/accounts/${cw.accountId}/agents`, { agent: { name: "Fifth", email: "fifth@acme.test" } })).status).toBe(200);
    expect(await admin("POST", `/accounts/${cw.accountId}/agents`, { agent: { name: "Sixth", email: "sixth@acme.test" } }))
      .toMatchObject({ status: 402, body: { error: "Account limit exceeded. Please purchase more licenses" } });
    // The limit is checked before the body.
    expect((await admin("POST", `/accounts/${cw.accountId}/agents`, {})).status).toBe(402);
  });

  it("updates name on the user and role/availability/auto_offline on the membership; an update without custom_role_id clears it", async () => {
    const cw = await start();
    const admin = as(cw, cw.tokens.administrator);
    const cara = `/accounts/${cw.accountId}/agents/${cw.userIds.customRoleAgent}`;
    const patched = await admin("PATCH", cara, { agent: { name: "Cara Billing", email: "ignored@acme.test", availability: "busy", auto_offline: false }, custom_role_id: 3 });
    expect(patched.body).toMatchObject({ name: "Cara Billing", email: "cara@acme.test", role: "agent", availability_status: "busy", auto_offline: false, custom_role_id: 3 });
    // Nothing about custom_role_id: the server writes nil.
    const put = await admin("PUT", cara, { agent: { role: "administrator" } });
    expect(put.body).toMatchObject({ role: "administrator", availability_status: "busy", custom_role_id: null });
    // Inside `agent` it is not read either.
    await admin("PATCH", cara, { custom_role_id: 1 });
    expect((await admin("PATCH", cara, { agent: { custom_role_id: 1 } })).body.custom_role_id).toBeNull();
    // The name lands on the user: every account sees it.
    await admin("PATCH", `/accounts/1/agents/${cw.userIds.shared}`, { agent: { name: "Eve Renamed" } });
    const inOther = await as(cw, cw.tokens.otherAdministrator)("GET", "/accounts/2/agents");
    expect(inOther.body.find((a: any) => a.id === cw.userIds.shared).name).toBe("Eve Renamed");
    expect((await admin("PATCH", `/accounts/1/agents/999`, { agent: { name: "x" } })).status).toBe(404);
    expect((await admin("PATCH", cara, { agent: { role: "owner" } })).status).toBe(500);
    expect((await admin("PATCH", cara, { agent: { name: "x" }, custom_role_id: 999 })).status).toBe(500);
    expect((await as(cw, cw.tokens.agent)("PATCH", cara, { agent: { name: "x" } })).body).toEqual({ error: "You are not authorized to do this action" });
  });

  it("destroys the membership, and the user only when no account is left", async () => {
    const cw = await start();
    const admin = as(cw, cw.tokens.administrator);
    const eve = await admin("DELETE", `/accounts/1/agents/${cw.userIds.shared}`);
    expect([eve.status, eve.text]).toEqual([200, ""]);
    expect(cw.admin.getUser(cw.userIds.shared)).toBeDefined();
    expect((await as(cw, cw.tokens.shared)("GET", "/profile")).body.accounts.map((a: any) => a.id)).toEqual([2]);
    expect((await admin("DELETE", `/accounts/1/agents/${cw.userIds.agent}`)).status).toBe(200);
    expect(cw.admin.getUser(cw.userIds.agent)).toBeUndefined();
    expect((await as(cw, cw.tokens.agent)("GET", "/profile")).body).toEqual({ error: "Invalid Access Token" });
    expect((await admin("DELETE", `/accounts/1/agents/${cw.userIds.agent}`)).status).toBe(404);
  });
});

describe("Chatwoot custom roles (enterprise)", () => {
  it("does CRUD for administrators, with the six permission names", async () => {
    const cw = await start();
    const admin = as(cw, cw.tokens.administrator);
    const base = `/accounts/${cw.accountId}/custom_roles`;
    expect((await admin("GET", base)).body.map((r: any) => r.name)).toEqual(["Billing Desk", "Knowledge Curator", "Reports Only"]);
    const created = await admin("POST", base, { custom_role: { name: "Triage", description: "First line", permissions: ["conversation_unassigned_manage", "contact_manage"] } });
    expect(created.body).toMatchObject({ name: "Triage", description: "First line", permissions: ["conversation_unassigned_manage", "contact_manage"] });
    // A flat body is wrapped with the model's attributes only.
    expect((await admin("POST", base, { name: "Flat", permissions: [], unrelated: 1 })).body.name).toBe("Flat");
    expect(await admin("POST", base, { custom_role: { name: "Bad", permissions: ["conversation_manage", "delete_everything"] } }))
      .toMatchObject({ status: 422, body: { message: "Permissions is not included in the list", attributes: ["permissions"] } });
    expect((await admin("POST", base, { custom_role: { description: "no name" } })).body).toEqual({ message: "Name can't be blank", attributes: ["name"] });
    expect((await admin("POST", base, { custom_role: { name: "Triage" } })).body.message).toBe("Name has already been taken");
    expect(await admin("POST", base, { unrelated: 1 })).toMatchObject({ status: 422, body: { error: "param is missing or the value is empty: custom_role" } });
    const id = created.body.id;
    expect((await admin("GET", `${base}/${id}`)).body.name).toBe("Triage");
    expect((await admin("PATCH", `${base}/${id}`, { custom_role: { permissions: ["report_manage"] } })).body).toMatchObject({ name: "Triage", permissions: ["report_manage"] });
    expect((await admin("PUT", `${base}/${id}`, { custom_role: { name: "Triage 2", description: null } })).body).toMatchObject({ name: "Triage 2", description: null });
    // Deleting a role takes it off its agents.
    expect((await admin("DELETE", `${base}/1`)).status).toBe(200);
    expect(cw.admin.membership(cw.accountId, cw.userIds.customRoleAgent)!.customRoleId).toBeNull();
    // find_by → nil → NoMethodError: 500 for an unknown id or another account's role.
    expect((await admin("GET", `${base}/1`)).status).toBe(500);
    expect((await admin("GET", `${base}/4`)).status).toBe(500);
    expect((await admin("DELETE", `${base}/999`)).status).toBe(500);
    expect((await as(cw, cw.tokens.agent)("GET", base)).body).toEqual({ error: "You are not authorized to do this action" });
  });
});

describe("Chatwoot platform API (its own origin)", () => {
  it("takes only the platform app's token, on the users and accounts it may manage", async () => {
    const cw = await start();
    expect(cw.platformBaseUrl).not.toBe(cw.apiBaseUrl);
    expect(cw.env.CHATWOOT_PLATFORM_BASE_URL).toBe(cw.platformBaseUrl);
    // Each origin serves its own API only (Rails' routing 404; raw fetch: the swagger has no notion of two hosts).
    const elsewhere = await fetch(`${cw.apiBaseUrl}/platform/api/v1/users/1`, { headers: { api_access_token: cw.tokens.platform } });
    expect([elsewhere.status, await elsewhere.json()]).toEqual([404, { status: 404, error: "Not Found" }]);
    expect((await fetch(`${cw.platformBaseUrl}/api/v1/profile`, { headers: { api_access_token: cw.tokens.administrator } })).status).toBe(404);
    const app = platform(cw);
    expect(await platform(cw, cw.tokens.administrator)("GET", "/users/1")).toMatchObject({ status: 401, body: { error: "Invalid access_token" } });
    expect(await platform(cw, "")("GET", "/users/1")).toMatchObject({ status: 401, body: { error: "Invalid access_token" } });
    expect((await app("GET", "/users/1")).body).toMatchObject({ id: 1, email: "ada@acme.test", access_token: cw.tokens.administrator, accounts: [{ id: 1 }, { id: 3 }] });
    expect(await app("GET", `/users/${cw.userIds.otherAdmin}`)).toMatchObject({ status: 401, body: { error: "Non permissible resource" } });
    expect((await app("GET", "/users/999")).status).toBe(404);

    const created = await app("POST", "/users", { name: "Platform Pat", email: "pat@acme.test", password: "Pl4tform!pw", custom_attributes: { plan: "gold" } });
    expect(created.body).toMatchObject({ name: "Platform Pat", confirmed: true, account_id: null, role: null, custom_attributes: { plan: "gold" }, accounts: [] });
    expect((await app("POST", "/users", { name: "Weak", email: "weak@acme.test", password: "weak" })).status).toBe(422);
    // An existing email: that user, unchanged (and now the app's).
    expect((await app("POST", "/users", { name: "Other", email: "dan@globex.test", password: "Pl4tform!pw" })).body).toMatchObject({ id: cw.userIds.otherAdmin, name: "Dan Globex" });
    // The platform changes an email at once (no reconfirmation) and merges custom_attributes.
    const patched = await app("PATCH", `/users/${created.body.id}`, { email: "pat2@acme.test", custom_attributes: { seats: 2 } });
    expect(patched.body).toMatchObject({ email: "pat2@acme.test", custom_attributes: { plan: "gold", seats: 2 } });
    const login = await app("GET", `/users/${created.body.id}/login`);
    expect(login.body.url).toMatch(new RegExp(`^${cw.apiBaseUrl}/app/login\\?email=pat2%40acme\\.test&sso_auth_token=\\w+$`));

    const members = `/accounts/${cw.accountId}/account_users`;
    expect((await app("POST", members, { user_id: created.body.id, role: "administrator" })).body).toMatchObject({ account_id: 1, user_id: created.body.id, role: "administrator" });
    expect((await app("GET", members)).body.map((m: any) => m.user_id)).toContain(created.body.id);
    expect((await app("POST", members, { user_id: 999 })).body).toEqual({ message: "User must exist", attributes: ["user"] });
    expect((await app("GET", `/accounts/${cw.otherAccountId}/account_users`)).body).toEqual({ error: "Non permissible resource" });
    expect((await app("GET", "/accounts/999/account_users")).status).toBe(404);
    expect((await app("DELETE", members, { user_id: created.body.id })).status).toBe(200);
    expect(cw.admin.membership(1, created.body.id)).toBeUndefined();
    expect((await app("DELETE", `/users/${created.body.id}`)).status).toBe(200);
    expect((await app("GET", `/users/${created.body.id}`)).status).toBe(404);
  });
});

describe("Chatwoot piece: rack-attack, faults, record", () => {
  it("throttles per fixed minute with rack-attack's plain-text 429 (limit configurable, shared by both hosts)", async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1, 0, 0, 0));
    const cw = await start({ rateLimitPerMinute: 3, clock });
    const me = as(cw, cw.tokens.agent);
    expect((await me("GET", "/profile")).status).toBe(200);
    expect((await platform(cw)("GET", "/users/1")).status).toBe(200);
    expect((await send(cw.apiBaseUrl, "GET", "/api/v1/nothing")).status).toBe(404);
    const limited = await me("GET", "/profile");
    expect([limited.status, limited.text, limited.headers.get("content-type"), limited.headers.get("retry-after")]).toEqual([429, "Retry later\n", "text/plain", null]);
    expect((await platform(cw)("GET", "/users/1")).status).toBe(429);
    clock.advance(60_000);
    expect((await me("GET", "/profile")).status).toBe(200);
  });

  it("injects faults, records requests (admin actions excluded) and lists writes", async () => {
    const cw = await start();
    const admin = as(cw, cw.tokens.administrator);
    cw.faults.failNext({ method: "GET", path: "/profile", status: 500 });
    expect(await admin("GET", "/profile")).toMatchObject({ status: 500, body: { status: 500, error: "Internal Server Error" } });
    cw.faults.failNext({ path: "/api/v1/accounts/1/agents", status: 429 });
    expect((await admin("GET", "/accounts/1/agents")).text).toBe("Retry later\n");
    cw.faults.failNext({ path: "/users/1", status: 401 });
    expect((await platform(cw)("GET", "/users/1")).body).toEqual({ error: "Invalid access_token" });
    cw.faults.failNext({ path: /agents/, dropConnection: true });
    await expect(fetch(`${cw.apiBaseUrl}/api/v1/accounts/1/agents`)).rejects.toThrow();
    await admin("PATCH", "/profile", { name: "Ada" });
    cw.admin.setAgentLimit(1, 10);
    await fetch(`${cw.adminUrl}/__sandbox/chatwoot/accounts/1/agents`);
    expect(cw.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /api/v1/profile 500", "GET /api/v1/accounts/1/agents 429", "GET /platform/api/v1/users/1 401", "GET /api/v1/accounts/1/agents 0",
      "PATCH /api/v1/profile 200",
    ]);
    expect(cw.writes().map((r) => r.path)).toEqual(["/api/v1/profile"]);
    cw.clearRequests();
    expect(cw.requests()).toEqual([]);
  });
});

describe("Omnivibe (white-label Chatwoot)", () => {
  it("runs as a second install with its own hosts, tokens and CHATWOOT_OMNIVIBE_* variables", async () => {
    const sb = await startSandbox({ vendors: ["chatwoot", "omnivibe"] });
    running = sb;
    expect(Object.keys(sb.env).filter((k) => k.startsWith("CHATWOOT_OMNIVIBE_")).sort()).toEqual(
      ["CHATWOOT_OMNIVIBE_ACCOUNT_ID", "CHATWOOT_OMNIVIBE_API_ACCESS_TOKEN", "CHATWOOT_OMNIVIBE_API_BASE_URL", "CHATWOOT_OMNIVIBE_PLATFORM_BASE_URL", "CHATWOOT_OMNIVIBE_PLATFORM_TOKEN"]);
    expect(sb.env.CHATWOOT_OMNIVIBE_API_BASE_URL).not.toBe(sb.env.CHATWOOT_API_BASE_URL);
    const ov = sb.omnivibe;
    expect(ov.name).toBe("omnivibe");
    expect((await as(ov, sb.env.CHATWOOT_OMNIVIBE_API_ACCESS_TOKEN)("GET", `/accounts/${sb.env.CHATWOOT_OMNIVIBE_ACCOUNT_ID}/agents`)).status).toBe(200);
    expect((await as(ov, sb.env.CHATWOOT_API_ACCESS_TOKEN)("GET", "/profile")).body).toEqual({ error: "Invalid Access Token" });
    expect((await platform(ov, sb.env.CHATWOOT_OMNIVIBE_PLATFORM_TOKEN)("GET", "/users/1")).status).toBe(200);
  });
});

describe("swagger coverage", () => {
  it("checked an answer of every emulated operation", () => {
    for (const op of [
      "GET /api/v1/profile", "PUT /api/v1/profile", "PATCH /api/v1/profile", "POST /api/v1/profile/availability", "POST /api/v1/profile/auto_offline",
      "POST /api/v1/profile/reset_access_token", "GET /api/v1/accounts/{account_id}/agents", "POST /api/v1/accounts/{account_id}/agents",
      "PATCH /api/v1/accounts/{account_id}/agents/{id}", "PUT /api/v1/accounts/{account_id}/agents/{id}", "DELETE /api/v1/accounts/{account_id}/agents/{id}",
      "GET /api/v1/accounts/{account_id}/custom_roles", "POST /api/v1/accounts/{account_id}/custom_roles", "GET /api/v1/accounts/{account_id}/custom_roles/{id}",
      "PATCH /api/v1/accounts/{account_id}/custom_roles/{id}", "PUT /api/v1/accounts/{account_id}/custom_roles/{id}", "DELETE /api/v1/accounts/{account_id}/custom_roles/{id}",
      "POST /platform/api/v1/users", "GET /platform/api/v1/users/{id}", "PATCH /platform/api/v1/users/{id}", "DELETE /platform/api/v1/users/{id}",
      "GET /platform/api/v1/users/{id}/login", "GET /platform/api/v1/accounts/{account_id}/account_users",
      "POST /platform/api/v1/accounts/{account_id}/account_users", "DELETE /platform/api/v1/accounts/{account_id}/account_users",
    ]) expect([...oas.checked], op).toContain(op);
  });
});

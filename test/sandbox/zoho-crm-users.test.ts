import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox";

/** Zoho CRM's Users API (GET /crm/v8/users), which the access review reads to learn who holds each profile. */
describe("Zoho CRM GET /users", () => {
  let sandbox: Sandbox<"zohoCrm">;
  const tokenFor = async (refreshToken: string) => {
    const org = sandbox.zohoCrm.com;
    const form = new URLSearchParams({ grant_type: "refresh_token", client_id: org.credentials.clientId, client_secret: org.credentials.clientSecret, refresh_token: refreshToken });
    return ((await (await fetch(`${org.accountsUrl}/oauth/v2/token`, { method: "POST", body: form })).json()) as { access_token: string }).access_token;
  };
  const get = async (query: string, refreshToken = sandbox.zohoCrm.com.credentials.refreshToken) => {
    const response = await fetch(`${sandbox.zohoCrm.com.apiBaseUrl}/users${query}`, { headers: { Authorization: `Zoho-oauthtoken ${await tokenFor(refreshToken)}` } });
    // The answer as a test reads it: any shape, checked by the expectations below.
    return { status: response.status, body: (response.status === 204 ? undefined : await response.json()) as any };
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ vendors: ["zohoCrm"] });
  });
  afterAll(async () => sandbox?.close());

  it("lists the org's users with their profile and role as {name, id}, paged with info", async () => {
    const { status, body } = await get("?type=AllUsers&per_page=4");
    expect(status).toBe(200);
    const sales = sandbox.zohoCrm.admin.findProfileByName("Sales Representative")!;
    expect(body.users).toHaveLength(4);
    expect(body.users[2]).toMatchObject({ full_name: "Chen Wei", email: "chen.wei@example.com", status: "active", profile: { name: "Sales Representative", id: sales.id }, role: { name: "CEO" } });
    expect(body.info).toEqual({ per_page: 4, count: 4, page: 1, more_records: true });
    expect((await get("?type=AllUsers&per_page=4&page=2")).body.info).toMatchObject({ count: 2, more_records: false });
    expect((await get("?type=AllUsers&per_page=4&page=3")).status).toBe(204);
  });

  it("shows a profile change made in Setup at once, filters admins, and refuses an unknown type", async () => {
    const user = sandbox.zohoCrm.admin.usersOf(sandbox.zohoCrm.admin.findProfileByName("Standard")!.id)[0];
    const support = sandbox.zohoCrm.admin.findProfileByName("Support Agents")!;
    sandbox.zohoCrm.admin.moveUser(user.id, support.id);
    const moved = (await get("")).body.users.find((u: { id: string }) => u.id === user.id);
    expect(moved.profile).toEqual({ name: "Support Agents", id: support.id });
    expect((await get("?type=AdminUsers")).body.users.map((u: { full_name: string }) => u.full_name)).toEqual(["Ana Ortiz"]);
    expect((await get("?type=Everyone")).status).toBe(400);
  });

  it("needs the ZohoCRM.users.READ scope (or ZohoCRM.users.ALL)", async () => {
    const profilesOnly = sandbox.zohoAccounts.admin.addRefreshToken(["ZohoCRM.settings.profiles.ALL"]);
    expect(await get("", profilesOnly)).toMatchObject({ status: 401, body: { code: "OAUTH_SCOPE_MISMATCH" } });
    const usersAll = sandbox.zohoAccounts.admin.addRefreshToken(["ZohoCRM.users.ALL"]);
    expect((await get("", usersAll)).status).toBe(200);
  });
});

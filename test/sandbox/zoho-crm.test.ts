import { afterEach, describe, expect, it } from "vitest";
import { ManualClock, startSandbox, type Sandbox, type SandboxOptions, type ZohoDataCentre } from "../../sandbox";
import { ERRATA, loadCrmOas } from "./crm-oas";

// Every answer of the CRM sandbox below is checked against Zoho's profiles.json (with the errata in crm-oas.ts).
const oas = loadCrmOas();

type CrmSandbox = Sandbox<"zohoCrm">;
let sandbox: CrmSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: SandboxOptions<"zohoCrm"> = {}): Promise<CrmSandbox> {
  sandbox = await startSandbox({ vendors: ["zohoCrm"], ...options });
  return sandbox;
}

interface Answer { status: number; headers: Headers; body: any }

async function refresh(accountsUrl: string, creds: { clientId: string; clientSecret: string; refreshToken: string }): Promise<any> {
  const form = new URLSearchParams({ grant_type: "refresh_token", client_id: creds.clientId, client_secret: creds.clientSecret, refresh_token: creds.refreshToken });
  const res = await fetch(`${accountsUrl}/oauth/v2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
  expect(res.status).toBe(200);
  return res.json();
}

/** Raw HTTP to an org; checks the answer against the spec. `body` objects are sent as JSON, strings as they are. */
async function send(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(baseUrl + path);
  const res = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const parsed = text ? JSON.parse(text) : undefined;
  expect(oas.check(method, url.pathname, res.status, parsed), `${method} ${path} -> ${res.status} ${text.slice(0, 300)}`).toEqual([]);
  return { status: res.status, headers: res.headers, body: parsed };
}

type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

/** A client of one org with a fresh access token from that data centre's accounts server. */
async function client(sb: CrmSandbox, dc: ZohoDataCentre = "com", refreshToken?: string): Promise<Call> {
  const org = sb.zohoCrm.org(dc);
  const token = (await refresh(org.accountsUrl, { ...org.credentials, ...(refreshToken ? { refreshToken } : {}) })).access_token as string;
  return (method, path, body, headers = {}) => send(org.apiBaseUrl, method, path, body, { Authorization: `Zoho-oauthtoken ${token}`, ...headers });
}

const ids = (sb: CrmSandbox, dc: ZohoDataCentre = "com") => {
  const admin = sb.zohoCrm.org(dc).admin;
  const p = (name: string) => admin.findProfileByName(name)!.id;
  return { admin, administrator: p("Administrator"), standard: p("Standard"), teamUser: p("Team User"), sales: p("Sales Representative"), support: p("Support Agents"), perm: admin.permissionId };
};

const one = (profiles: unknown[]) => ({ profiles });

describe("the OpenAPI check itself", () => {
  it("is not vacuous: it refuses answers that break profiles.json", () => {
    const good = { code: "SUCCESS", details: { id: "3652397000002701001" }, message: "profile created successfully", status: "success" };
    expect(oas.check("POST", "/crm/v8/settings/profiles/1/actions/clone", 201, { profiles: [good] })).toEqual([]);
    expect(oas.check("POST", "/crm/v8/settings/profiles/1/actions/clone", 201, { profiles: [{ ...good, message: "created" }] })).not.toEqual([]);
    expect(oas.check("GET", "/crm/v8/settings/profiles", 200, { profiles: [{ id: "1", name: "x" }] })).not.toEqual([]);
    expect(oas.check("DELETE", "/crm/v8/settings/profiles/1", 400, { code: "OOPS", details: {}, message: "m", status: "error" })).not.toEqual([]);
    expect(oas.check("GET", "/crm/v8/settings/profiles/1", 401, { code: "INVALID_DATA", details: {}, message: "m", status: "error" })).not.toEqual([]);
    // A list entry is fine in a list, not as the answer to a single-profile GET (which needs the permission tree).
    const entry = { display_label: "S", created_time: null, modified_time: null, api_name: "S", custom: true, name: "S", modified_by: null, description: null, id: "1", type: "normal_profile", created_by: null };
    const info = { page: 1, per_page: 200, count: 1, more_records: false, license_limit: 25 };
    expect(oas.check("GET", "/crm/v8/settings/profiles", 200, { profiles: [entry], info })).toEqual([]);
    expect(oas.check("GET", "/crm/v8/settings/profiles", 200, { profiles: [entry], info: { license_limit: 25 } })).not.toEqual([]);
    expect(oas.check("GET", "/crm/v8/settings/profiles/1", 200, { profiles: [entry] })).not.toEqual([]);
    expect(oas.check("GET", "/crm/v8/settings/profiles/1", 200, { profiles: [{ ...entry, sections: [], permissions_details: [] }] })).toEqual([]);
    expect(oas.check("GET", "/crm/v8/settings/profiles/1", 200, { profiles: [{ ...entry, created_time: "yesterday", sections: [], permissions_details: [] }] })).not.toEqual([]);
    expect(ERRATA.map((e) => e.id)).toContain("list-without-tree");
  });
});

describe("Zoho CRM auth (shared accounts piece, scopes, data centres)", () => {
  it("takes Zoho-oauthtoken tokens of its own data centre only", async () => {
    const clock = new ManualClock();
    const sb = await start({ zohoAccounts: { tokenTtlSeconds: 60 }, clock });
    const com = await client(sb, "com");
    expect((await com("GET", "/settings/profiles")).status).toBe(200);
    const base = sb.zohoCrm.com.apiBaseUrl;
    expect(await send(base, "GET", "/settings/profiles")).toMatchObject({ status: 401, body: { code: "AUTHENTICATION_FAILURE", details: {}, status: "error" } });
    expect((await send(base, "GET", "/settings/profiles", undefined, { Authorization: "Bearer 1000.x.y" })).body.code).toBe("AUTHENTICATION_FAILURE");
    expect(await send(base, "GET", "/settings/profiles", undefined, { Authorization: "Zoho-oauthtoken 1000.bogus.bogus" }))
      .toMatchObject({ status: 401, body: { code: "INVALID_TOKEN", message: "invalid oauth token" } });
    // An EU token is unknown to the .com org, and the reverse.
    const euToken = (await refresh(sb.zohoCrm.eu.accountsUrl, sb.zohoCrm.eu.credentials)).access_token;
    expect((await send(base, "GET", "/settings/profiles", undefined, { Authorization: `Zoho-oauthtoken ${euToken}` })).body.code).toBe("INVALID_TOKEN");
    const eu = await client(sb, "eu");
    expect((await eu("GET", "/settings/profiles")).status).toBe(200);
    // Auth runs before routing: no token on an unknown URL is 401; with one, 404.
    expect((await send(base, "GET", "/settings/nothing")).status).toBe(401);
    expect(await com("GET", "/settings/nothing")).toMatchObject({ status: 404, body: { code: "INVALID_URL_PATTERN" } });
    clock.advance(60_000);
    expect((await com("GET", "/settings/profiles")).body.code).toBe("INVALID_TOKEN");
  });

  it("refuses a data centre's credentials at another data centre's accounts server", async () => {
    const sb = await start();
    const form = (c: { clientId: string; clientSecret: string; refreshToken: string }) =>
      new URLSearchParams({ grant_type: "refresh_token", client_id: c.clientId, client_secret: c.clientSecret, refresh_token: c.refreshToken });
    const post = async (url: string, body: URLSearchParams): Promise<any> => (await fetch(`${url}/oauth/v2/token`, { method: "POST", body })).json();
    expect(await post(sb.zohoCrm.eu.accountsUrl, form(sb.zohoCrm.com.credentials))).toEqual({ error: "invalid_client" });
    expect(await post(sb.zohoCrm.eu.accountsUrl, form({ ...sb.zohoCrm.eu.credentials, refreshToken: sb.zohoCrm.com.credentials.refreshToken }))).toEqual({ error: "invalid_code" });
    const ok = await post(sb.zohoCrm.eu.accountsUrl, form(sb.zohoCrm.eu.credentials));
    expect(ok).toEqual({ access_token: expect.stringMatching(/^1000\./), api_domain: sb.zohoCrm.eu.apiDomain, token_type: "Bearer", expires_in: 3600 });
    expect(sb.zohoCrm.eu.apiBaseUrl).toBe(ok.api_domain + "/crm/v8");
  });

  it("checks the token's scopes: READ for GETs, CREATE/UPDATE/DELETE for writes; .ALL covers all", async () => {
    const sb = await start();
    const { sales, standard } = ids(sb);
    const deskOnly = sb.zohoAccounts.admin.addRefreshToken(["Desk.settings.ALL"]);
    const readOnly = sb.zohoAccounts.admin.addRefreshToken(["ZohoCRM.settings.profiles.READ"]);
    const writer = sb.zohoAccounts.admin.addRefreshToken(["ZohoCRM.settings.profiles.READ", "ZohoCRM.settings.profiles.UPDATE"]);
    const mismatch = { status: 401, body: { code: "OAUTH_SCOPE_MISMATCH", details: {}, status: "error" } };
    expect(await (await client(sb, "com", deskOnly))("GET", "/settings/profiles")).toMatchObject(mismatch);
    const reader = await client(sb, "com", readOnly);
    expect((await reader("GET", `/settings/profiles/${sales}`)).status).toBe(200);
    expect(await reader("PATCH", `/settings/profiles/${sales}`, one([{ description: "x" }]))).toMatchObject(mismatch);
    const updater = await client(sb, "com", writer);
    expect((await updater("PUT", `/settings/profiles/${sales}`, one([{ name: "Sales Representative", description: "x" }]))).status).toBe(200);
    expect(await updater("POST", `/settings/profiles/${sales}/actions/clone`, one([{ name: "Copy" }]))).toMatchObject(mismatch);
    expect(await updater("DELETE", `/settings/profiles/${sales}?transfer_to=${standard}`)).toMatchObject(mismatch);
  });
});

describe("GET /settings/profiles", () => {
  it("lists Administrator, Standard and custom profiles with info, without permission trees", async () => {
    const sb = await start();
    const call = await client(sb);
    const r = await call("GET", "/settings/profiles");
    expect(r.status).toBe(200);
    expect(r.body.profiles.map((p: any) => p.name)).toEqual(["Administrator", "Standard", "Sales Representative", "Support Agents"]);
    expect(r.body.info).toEqual({ page: 1, per_page: 200, count: 4, more_records: false, license_limit: 25 });
    const admin = r.body.profiles[0];
    expect(admin).toMatchObject({ display_label: "Administrator", api_name: "Administrator", custom: false, type: "normal_profile", created_time: null, created_by: null });
    expect(admin.modified_by).toEqual({ name: "Ana Ortiz", id: expect.stringMatching(/^\d{19}$/) });
    for (const p of r.body.profiles) {
      expect(p.id).toMatch(/^\d{19}$/);
      expect(p.permissions_details).toBeUndefined();
      expect(p.sections).toBeUndefined();
    }
    expect(r.body.profiles[3].description).toBeNull();
  });

  it("filters with type and include_types as documented, and refuses bad values", async () => {
    const sb = await start();
    const call = await client(sb);
    const names = async (q: string) => ((await call("GET", `/settings/profiles?${q}`)).body?.profiles ?? []).map((p: any) => p.name);
    expect(await names("include_types=Lite")).toContain("Team User");
    expect(await names("include_types=Lite,Support")).toHaveLength(5);
    expect(await names("include_types=Support")).toHaveLength(4);
    expect(await names("type=normal_profile")).toHaveLength(4);
    expect(await names("type=normal_profile&include_types=Lite")).not.toContain("Team User");
    expect((await call("GET", "/settings/profiles?type=portal_profile")).status).toBe(204);
    expect((await call("GET", "/settings/profiles?type=private_profile")).status).toBe(204);
    for (const [q, param] of [["type=lite_profile", "type"], ["type=", "type"], ["include_types=lite", "include_types"], ["include_types=Lite,", "include_types"], ["include_types=Team", "include_types"]]) {
      expect(await call("GET", `/settings/profiles?${q}`), q).toMatchObject({ status: 400, body: { code: "INVALID_DATA", details: { param_name: param }, message: "invalid data" } });
    }
    expect(await call("GET", `/settings/profiles?filters=${encodeURIComponent('{"group":[]}')}`)).toMatchObject({ status: 400, body: { details: { param_name: "filters" } } });
  });

  it("pages with page/per_page (1-200) and info.more_records; 204 past the end", async () => {
    const sb = await start();
    const call = await client(sb);
    const page = async (n: number, per: number) => (await call("GET", `/settings/profiles?page=${n}&per_page=${per}&include_types=Lite`)).body;
    expect(await page(1, 2)).toMatchObject({ info: { page: 1, per_page: 2, count: 2, more_records: true } });
    const second = await page(2, 2);
    expect(second.profiles.map((p: any) => p.name)).toEqual(["Team User", "Sales Representative"]);
    expect(second.info.more_records).toBe(true);
    expect(await page(3, 2)).toMatchObject({ profiles: [{ name: "Support Agents" }], info: { count: 1, more_records: false } });
    expect((await call("GET", "/settings/profiles?page=4&per_page=2&include_types=Lite")).status).toBe(204);
    expect((await call("GET", "/settings/profiles?per_page=200")).status).toBe(200);
    for (const [q, param] of [["per_page=0", "per_page"], ["per_page=201", "per_page"], ["per_page=ten", "per_page"], ["page=0", "page"], ["page=-1", "page"], ["page=1.5", "page"]]) {
      expect(await call("GET", `/settings/profiles?${q}`), q).toMatchObject({ status: 400, body: { code: "INVALID_DATA", details: { param_name: param } } });
    }
  });

  it("answers a wrong method with 400 INVALID_REQUEST_METHOD", async () => {
    const sb = await start();
    const call = await client(sb);
    expect(await call("POST", "/settings/profiles", one([{ name: "x" }]))).toMatchObject({
      status: 400, body: { code: "INVALID_REQUEST_METHOD", details: {}, message: "The http request method type is not a valid one", status: "error" },
    });
    expect((await call("GET", `/settings/profiles/${ids(sb).sales}/actions/clone`)).body.code).toBe("INVALID_REQUEST_METHOD");
  });
});

describe("GET /settings/profiles/{id}", () => {
  it("carries permissions_details (with parent_permissions) and sections that list every permission id", async () => {
    const sb = await start();
    const call = await client(sb);
    const { sales } = ids(sb);
    const r = await call("GET", `/settings/profiles/${sales}`);
    expect(r.status).toBe(200);
    expect(r.body.profiles).toHaveLength(1);
    const p = r.body.profiles[0];
    expect(p).toMatchObject({ id: sales, name: "Sales Representative", custom: true, type: "normal_profile", api_name: "Sales_Representative" });
    const byName = new Map<string, any>(p.permissions_details.map((x: any) => [x.name, x]));
    const byId = new Map<string, any>(p.permissions_details.map((x: any) => [x.id, x]));
    expect(byName.get("Crm_Implied_View_Leads")).toEqual({ display_label: "View", module: "Leads", name: "Crm_Implied_View_Leads", customizable: true, id: expect.stringMatching(/^\d{19}$/), enabled: true, parent_permissions: null });
    expect(byName.get("Crm_Implied_Create_Leads").parent_permissions).toEqual([byName.get("Crm_Implied_View_Leads").id]);
    expect(byName.get("Crm_Implied_Customize_Leads")).toMatchObject({ customizable: false, enabled: false, parent_permissions: null });
    expect(byName.get("Crm_Implied_Mass_Update_Leads").parent_permissions).toEqual([byName.get("Crm_Implied_Edit_Leads").id]);
    expect(byName.get("Crm_Implied_View_Deals").module).toBe("Deals");
    expect(byName.get("Crm_Implied_Api_Access").module).toBeNull();
    // The seed is consistent: no enabled child under a disabled parent; parents exist.
    for (const x of p.permissions_details) for (const parent of x.parent_permissions ?? []) {
      expect(byId.has(parent)).toBe(true);
      if (x.enabled) expect(byId.get(parent).enabled, x.name).toBe(true);
    }
    expect(p.sections.map((s: any) => s.name)).toEqual(["module", "import_and_export", "tool", "other"]);
    const listed = p.sections.flatMap((s: any) => s.categories.flatMap((c: any) => c.permissions_details));
    expect(new Set(listed)).toEqual(new Set(byId.keys()));
    expect(p.sections[0].categories.find((c: any) => c.name === "Potentials")).toMatchObject({ display_label: "Deals", module: "Deals" });
    expect(p.sections[1].categories[0]).not.toHaveProperty("module");
  });

  it("answers an unknown or malformed id with 400 INVALID_DATA at resource_path_index 2", async () => {
    const sb = await start();
    const call = await client(sb);
    const invalid = { status: 400, body: { code: "INVALID_DATA", details: { resource_path_index: 2 }, message: "the id given seems to be invalid or already deleted", status: "error" } };
    expect(await call("GET", "/settings/profiles/3652397000009999999")).toEqual({ ...invalid, headers: expect.anything() });
    expect(await call("GET", "/settings/profiles/abc")).toMatchObject(invalid);
    // A profile id of the other org is unknown here.
    expect(await call("GET", `/settings/profiles/${ids(sb, "eu").sales}`)).toMatchObject(invalid);
  });
});

describe("two orgs, two data centres", () => {
  it("share permission names but not ids", async () => {
    const sb = await start();
    const fetchTree = async (dc: ZohoDataCentre) => {
      const call = await client(sb, dc);
      return (await call("GET", `/settings/profiles/${ids(sb, dc).sales}`)).body.profiles[0].permissions_details as any[];
    };
    const com = await fetchTree("com");
    const eu = await fetchTree("eu");
    expect(com.map((p) => p.name)).toEqual(eu.map((p) => p.name));
    const euIds = new Set(eu.map((p) => p.id));
    expect(com.filter((p) => euIds.has(p.id))).toEqual([]);
    expect(sb.zohoCrm.com.admin.permissionId("Crm_Implied_View_Leads")).not.toBe(sb.zohoCrm.eu.admin.permissionId("Crm_Implied_View_Leads"));
    expect(ids(sb, "com").sales).not.toBe(ids(sb, "eu").sales);
    expect(sb.zohoCrm.com.orgId).not.toBe(sb.zohoCrm.eu.orgId);
  });

  it("refuses a permission id taken from the other org", async () => {
    const sb = await start();
    const eu = await client(sb, "eu");
    const comId = sb.zohoCrm.com.admin.permissionId("Crm_Implied_Delete_Accounts");
    const r = await eu("PATCH", `/settings/profiles/${ids(sb, "eu").sales}`, one([{ permissions_details: [{ id: comId, enabled: true }] }]));
    expect(r).toMatchObject({ status: 400, body: { profiles: [{ code: "INVALID_DATA", details: { api_name: "id", json_path: "$.profiles[0].permissions_details[0].id" }, message: "Invalid permission ID", status: "error" }] } });
    const euId = sb.zohoCrm.eu.admin.permissionId("Crm_Implied_Delete_Accounts");
    expect((await eu("PATCH", `/settings/profiles/${ids(sb, "eu").sales}`, one([{ permissions_details: [{ id: euId, enabled: true }] }]))).status).toBe(200);
    expect(sb.zohoCrm.eu.admin.isEnabled(ids(sb, "eu").sales, "Crm_Implied_Delete_Accounts")).toBe(true);
    expect(sb.zohoCrm.com.admin.isEnabled(ids(sb, "com").sales, "Crm_Implied_Delete_Accounts")).toBe(false);
  });
});

describe("POST /settings/profiles/{id}/actions/clone", () => {
  it("answers 201 with the new id; the clone inherits the source's permissions", async () => {
    const sb = await start();
    const call = await client(sb);
    const { sales, admin } = ids(sb);
    const r = await call("POST", `/settings/profiles/${sales}/actions/clone`, one([{ name: "Sales EMEA", description: "EMEA reps" }]));
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ profiles: [{ code: "SUCCESS", details: { id: expect.stringMatching(/^\d{19}$/) }, message: "profile created successfully", status: "success" }] });
    const id = r.body.profiles[0].details.id;
    const got = (await call("GET", `/settings/profiles/${id}`)).body.profiles[0];
    expect(got).toMatchObject({ name: "Sales EMEA", description: "EMEA reps", custom: true, type: "normal_profile", display_label: "Sales EMEA", api_name: "Sales_EMEA" });
    expect(got.created_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(got.created_by).toEqual({ name: "Ana Ortiz", id: expect.any(String) });
    const enabled = (p: any) => p.permissions_details.filter((x: any) => x.enabled).map((x: any) => x.name);
    expect(enabled(got)).toEqual(enabled(admin.getProfile(sales)));
    // Description is optional; clone ignores permissions_details.
    const bare = await call("POST", `/settings/profiles/${sales}/actions/clone`, one([{ name: "Sales APAC", permissions_details: [{ id: "1", enabled: true }] }]));
    expect(bare.status).toBe(201);
    expect(admin.getProfile(bare.body.profiles[0].details.id)!.description).toBeNull();
    // The Administrator profile can be cloned too.
    expect((await call("POST", `/settings/profiles/${ids(sb).administrator}/actions/clone`, one([{ name: "Deputy Admins" }]))).status).toBe(201);
  });

  it("validates the body: profiles array of one, name required (<= 50, no special characters, unique), description <= 250", async () => {
    const sb = await start();
    const call = await client(sb);
    const { sales, support, admin } = ids(sb);
    const before = admin.listProfiles().length;
    const clone = (body: unknown, headers?: Record<string, string>) => call("POST", `/settings/profiles/${sales}/actions/clone`, body, headers);
    const shape = (details: object) => ({ status: 400, body: { code: "INVALID_DATA", details, message: "invalid data", status: "error" } });
    expect(await clone({})).toMatchObject(shape({ api_name: "profiles", expected_data_type: "jsonarray" }));
    expect(await clone({ profiles: { name: "x" } })).toMatchObject(shape({ api_name: "profiles", expected_data_type: "jsonarray" }));
    expect(await clone("{oops")).toMatchObject(shape({ api_name: "profiles", expected_data_type: "jsonarray" }));
    expect(await clone(one([]))).toMatchObject(shape({ api_name: "profiles" }));
    expect(await clone(one([{ name: "a" }, { name: "b" }]))).toMatchObject(shape({ api_name: "profiles", maximum_length: 1 }));
    expect(await clone(one(["x"]))).toMatchObject(shape({ api_name: "profiles", expected_data_type: "jsonobject" }));
    const item = (code: string, message: string, details: object) => ({ status: 400, body: { profiles: [{ code, details, message, status: "error" }] } });
    expect(await clone(one([{ description: "no name" }]))).toEqual({ ...item("MANDATORY_NOT_FOUND", "required field not found", { api_name: "name", json_path: "$.profiles[0].name" }), headers: expect.anything() });
    expect(await clone(one([{ name: "" }]))).toMatchObject(item("MANDATORY_NOT_FOUND", "required field not found", { api_name: "name" }));
    expect(await clone(one([{ name: 42 }]))).toMatchObject(item("INVALID_DATA", "invalid data", { api_name: "name", expected_data_type: "text" }));
    expect(await clone(one([{ name: "n".repeat(51) }]))).toMatchObject(item("INVALID_DATA", "invalid data", { api_name: "name", maximum_length: 50 }));
    expect(await clone(one([{ name: "(Sales) & #1 ^*%" }]))).toMatchObject(
      item("INVALID_DATA", "Profile name should not contain the following special character(s) : #, %, &, (, ), *, ^", { api_name: "name", json_path: "$.profiles[0].name" }));
    expect(await clone(one([{ name: "Ok", description: "d".repeat(251) }]))).toMatchObject(
      item("INVALID_DATA", "invalid data", { api_name: "Description", json_path: "$.profiles[0].description", maximum_length: 250 }));
    expect(await clone(one([{ name: "support agents" }]))).toMatchObject(
      item("DUPLICATE_DATA", "duplicate data", { api_name: "name", json_path: "$.profiles[0].name", id: support }));
    expect((await clone(one([{ name: "n".repeat(50), description: "d".repeat(250) }]))).status).toBe(201);
    // The body is read whatever its content type.
    expect((await clone(JSON.stringify(one([{ name: "Plain text" }])), { "content-type": "text/plain" })).status).toBe(201);
    expect(admin.listProfiles()).toHaveLength(before + 2);
  });

  it("refuses an unknown source, the lite profile, another action, and clones past the licence limit", async () => {
    const sb = await start();
    const call = await client(sb);
    const { sales, teamUser, admin } = ids(sb);
    expect(await call("POST", "/settings/profiles/3652397000009999999/actions/clone", one([{ name: "x" }])))
      .toMatchObject({ status: 400, body: { code: "INVALID_DATA", details: { resource_path_index: 2 } } });
    expect(await call("POST", `/settings/profiles/${teamUser}/actions/clone`, one([{ name: "Team copy" }])))
      .toMatchObject({ status: 400, body: { profiles: [{ code: "INVALID_DATA", details: {}, message: "Profile cannot be Cloned" }] } });
    expect(await call("POST", `/settings/profiles/${sales}/actions/merge`, one([{ name: "x" }])))
      .toMatchObject({ status: 400, body: { code: "INVALID_DATA", details: {}, message: "The action given is invalid" } });
    const seeded = admin.listProfiles().length;
    for (let i = seeded; i < 25; i++) {
      expect((await call("POST", `/settings/profiles/${sales}/actions/clone`, one([{ name: `Clone ${i}` }]))).status).toBe(201);
    }
    expect(await call("POST", `/settings/profiles/${sales}/actions/clone`, one([{ name: "One too many" }]))).toMatchObject({
      status: 400, body: { profiles: [{ code: "LICENSE_LIMIT_EXCEEDED", details: { limit: 25 }, message: "Request exceeds your license limit.", status: "error" }] },
    });
    expect(admin.listProfiles()).toHaveLength(25);
    // The list pages through them and reports the limit.
    expect((await call("GET", "/settings/profiles?per_page=200")).body.info).toMatchObject({ count: 24, license_limit: 25 });
  });
});

describe("PUT and PATCH /settings/profiles/{id}", () => {
  it("rename, describe and toggle permissions; PUT needs a name, PATCH does not", async () => {
    const sb = await start();
    const call = await client(sb);
    const { support, sales, admin, perm } = ids(sb);
    const before = admin.getProfile(support)!;
    const put = await call("PUT", `/settings/profiles/${support}`, one([{ name: "Support Team", description: "Tier 1", permissions_details: [{ id: perm("Crm_Implied_Delete_Cases"), enabled: false }] }]));
    expect(put).toMatchObject({ status: 200, body: { profiles: [{ code: "SUCCESS", details: { id: support }, message: "profile updated successfully", status: "success" }] } });
    const after = admin.getProfile(support)!;
    expect(after).toMatchObject({ name: "Support Team", description: "Tier 1", display_label: "Support Team" });
    expect(admin.isEnabled(support, "Crm_Implied_Delete_Cases")).toBe(false);
    expect(after.modified_time).not.toBe(before.modified_time);
    expect(await call("PUT", `/settings/profiles/${support}`, one([{ description: "no name" }])))
      .toMatchObject({ status: 400, body: { profiles: [{ code: "MANDATORY_NOT_FOUND", details: { api_name: "name" } }] } });
    const patch = await call("PATCH", `/settings/profiles/${support}`, one([{ permissions_details: [{ id: perm("Crm_Implied_Delete_Cases"), enabled: true }, { id: perm("Crm_Implied_View_Voc_Record_Insights"), enabled: true }] }]));
    expect(patch.status).toBe(200);
    expect(admin.getProfile(support)!.name).toBe("Support Team");
    expect(admin.isEnabled(support, "Crm_Implied_Delete_Cases")).toBe(true);
    expect(admin.isEnabled(support, "Crm_Implied_View_Voc_Record_Insights")).toBe(true);
    expect((await call("PATCH", `/settings/profiles/${support}`, one([{ description: null }]))).status).toBe(200);
    expect(admin.getProfile(support)!.description).toBeNull();
    expect((await call("PATCH", `/settings/profiles/${support}`, one([{ name: "support TEAM" }]))).status).toBe(200); // own name, other case
    expect(await call("PATCH", `/settings/profiles/${support}`, one([{ name: "Sales Representative" }])))
      .toMatchObject({ status: 400, body: { profiles: [{ code: "DUPLICATE_DATA", details: { api_name: "name", id: sales } }] } });
  });

  it("refuses the system profiles (Administrator, Standard) and the built-in lite profile", async () => {
    const sb = await start();
    const call = await client(sb);
    const { administrator, standard, teamUser, perm } = ids(sb);
    for (const id of [administrator, standard, teamUser]) {
      for (const method of ["PUT", "PATCH"]) {
        expect(await call(method, `/settings/profiles/${id}`, one([{ name: "Renamed", permissions_details: [{ id: perm("Crm_Implied_View_Leads"), enabled: false }] }]))).toMatchObject({
          status: 400, body: { code: "NOT_ALLOWED", details: { resource_path_index: 2 }, message: "System profile cannot be updated", status: "error" },
        });
      }
    }
    expect(ids(sb).admin.isEnabled(standard, "Crm_Implied_View_Leads")).toBe(true);
  });

  it("enforces parent_permissions in request order, and unticks children with their parent", async () => {
    const sb = await start();
    const call = await client(sb);
    const { support, admin, perm } = ids(sb);
    const patch = (entries: Array<[string, boolean]>) =>
      call("PATCH", `/settings/profiles/${support}`, one([{ permissions_details: entries.map(([n, enabled]) => ({ id: perm(n), enabled })) }]));
    expect(admin.isEnabled(support, "Crm_Implied_View_Leads")).toBe(false);
    const refused = await patch([["Crm_Implied_Edit_Contacts", true], ["Crm_Implied_Create_Leads", true], ["Crm_Implied_View_Leads", true]]);
    expect(refused).toMatchObject({ status: 400, body: { profiles: [{
      code: "INVALID_DATA", details: { api_name: "id", json_path: "$.profiles[0].permissions_details[1].id" },
      message: "Child permission can not be enabled, since its parent permission is disabled",
    }] } });
    expect(admin.isEnabled(support, "Crm_Implied_View_Leads")).toBe(false); // nothing applied
    expect((await patch([["Crm_Implied_View_Leads", true], ["Crm_Implied_Edit_Leads", true], ["Crm_Implied_Mass_Update_Leads", true]])).status).toBe(200);
    expect(admin.isEnabled(support, "Crm_Implied_Mass_Update_Leads")).toBe(true);
    // Unticking View unticks Edit, and Mass Update under Edit.
    expect((await patch([["Crm_Implied_View_Leads", false]])).status).toBe(200);
    for (const n of ["Crm_Implied_View_Leads", "Crm_Implied_Edit_Leads", "Crm_Implied_Mass_Update_Leads"]) expect(admin.isEnabled(support, n), n).toBe(false);
  });

  it("refuses non-customizable and unknown permissions and malformed permissions_details, all or nothing", async () => {
    const sb = await start();
    const call = await client(sb);
    const { sales, admin, perm } = ids(sb);
    const before = admin.getProfile(sales);
    const patch = (permissions_details: unknown) => call("PATCH", `/settings/profiles/${sales}`, one([{ name: "Renamed", permissions_details }]));
    const item = (code: string, message: string, details: object) => ({ status: 400, body: { profiles: [{ code, details, message, status: "error" }] } });
    const drop = { id: perm("Crm_Implied_Delete_Leads"), enabled: false };
    expect(await patch([drop, { id: perm("Crm_Implied_Customize_Leads"), enabled: true }])).toMatchObject(
      item("INVALID_DATA", "Permission is not customizable", { api_name: "id", json_path: "$.profiles[0].permissions_details[1].id" }));
    expect(await patch([{ id: perm("Crm_Implied_Api_Access"), enabled: true }])).toMatchObject(item("INVALID_DATA", "Permission is not customizable", { api_name: "id" }));
    expect(await patch([drop, { id: "3652397000000000001", enabled: true }])).toMatchObject(
      item("INVALID_DATA", "Invalid permission ID", { api_name: "id", json_path: "$.profiles[0].permissions_details[1].id" }));
    expect(await patch([{ id: "Crm_Implied_View_Leads", enabled: true }])).toMatchObject(item("INVALID_DATA", "Invalid permission ID", { api_name: "id" }));
    expect(await patch([{ name: "Crm_Implied_View_Leads", enabled: true }])).toMatchObject(
      item("MANDATORY_NOT_FOUND", "required field not found", { api_name: "id", json_path: "$.profiles[0].permissions_details[0].id" }));
    expect(await patch([{ id: perm("Crm_Implied_View_Leads") }])).toMatchObject(item("MANDATORY_NOT_FOUND", "required field not found", { api_name: "enabled" }));
    expect(await patch([{ id: perm("Crm_Implied_View_Leads"), enabled: "true" }])).toMatchObject(item("INVALID_DATA", "invalid data", { api_name: "enabled", expected_data_type: "boolean" }));
    expect(await patch({ id: perm("Crm_Implied_View_Leads"), enabled: true })).toMatchObject(
      item("INVALID_DATA", "invalid data", { expected_data_type: "jsonarray", api_name: "permissions_details", json_path: "$.profiles[0].permissions_details" }));
    expect(await patch(["x"])).toMatchObject(item("INVALID_DATA", "invalid data", { expected_data_type: "jsonobject", api_name: "permissions_details" }));
    expect(await patch(Array.from({ length: 2001 }, () => drop))).toMatchObject(item("INVALID_DATA", "invalid data", { api_name: "permissions_details", maximum_length: 2000 }));
    expect(admin.getProfile(sales)).toEqual(before);
    // 2000 entries are fine.
    expect((await patch(Array.from({ length: 2000 }, () => drop))).status).toBe(200);
    expect(admin.isEnabled(sales, "Crm_Implied_Delete_Leads")).toBe(false);
  });

  it("answers an unknown profile with INVALID_DATA at resource_path_index 2", async () => {
    const sb = await start();
    const call = await client(sb);
    for (const method of ["PUT", "PATCH"]) {
      expect(await call(method, "/settings/profiles/3652397000009999999", one([{ name: "x" }])))
        .toMatchObject({ status: 400, body: { code: "INVALID_DATA", details: { resource_path_index: 2 } } });
    }
  });
});

describe("DELETE /settings/profiles/{id}?transfer_to=", () => {
  it("needs transfer_to, refuses bad targets and system profiles, then moves the users", async () => {
    const sb = await start();
    const call = await client(sb);
    const { sales, support, standard, administrator, admin } = ids(sb);
    const users = admin.usersOf(sales).map((u) => u.id);
    expect(users).toHaveLength(2);
    expect(await call("DELETE", `/settings/profiles/${sales}`)).toMatchObject({ status: 400, body: {
      code: "MANDATORY_NOT_FOUND", details: { param: "transfer_to" }, message: "Users in the profile need to be transferred. transfer_to param is mandatory.", status: "error",
    } });
    for (const target of ["3652397000009999999", "abc", sales]) {
      expect(await call("DELETE", `/settings/profiles/${sales}?transfer_to=${target}`), target).toMatchObject({
        status: 400, body: { code: "INVALID_DATA", details: { id: target }, message: "the id given seems to be invalid or already deleted" },
      });
    }
    for (const id of [administrator, standard]) {
      expect(await call("DELETE", `/settings/profiles/${id}?transfer_to=${support}`)).toMatchObject({
        status: 400, body: { code: "NOT_ALLOWED", details: { resource_path_index: 2 }, message: "System profile cannot be deleted" },
      });
    }
    const del = await call("DELETE", `/settings/profiles/${sales}?transfer_to=${support}`);
    expect(del).toMatchObject({ status: 200, body: { code: "SUCCESS", details: { id: sales }, message: "Profile deleted", status: "success" } });
    expect(admin.usersOf(support).map((u) => u.id)).toEqual(expect.arrayContaining(users));
    expect((await call("GET", `/settings/profiles/${sales}`)).status).toBe(400);
    expect((await call("DELETE", `/settings/profiles/${sales}?transfer_to=${support}`)).body.details).toEqual({ resource_path_index: 2 });
  });
});

describe("limits, faults, recorder and admin", () => {
  it("answers 429 TOO_MANY_REQUESTS past the API credits of a rolling 24 h, per org", async () => {
    const clock = new ManualClock();
    const sb = await start({ clock, zohoCrm: { apiCreditsPer24h: 3 }, zohoAccounts: { tokenTtlSeconds: 200_000 } });
    const com = await client(sb, "com");
    for (let i = 0; i < 3; i++) expect((await com("GET", "/settings/profiles")).status).toBe(200);
    const limited = await com("GET", "/settings/profiles");
    expect(limited).toMatchObject({ status: 429, body: { code: "TOO_MANY_REQUESTS", status: "error", details: { retry_after: 86_400, limit: 3, window: 86_400 } } });
    expect((await (await client(sb, "eu"))("GET", "/settings/profiles")).status).toBe(200); // the EU org has its own credits
    clock.advance(3_600_000);
    expect((await com("GET", "/settings/profiles")).body.details.retry_after).toBe(82_800);
    clock.advance(82_800_000);
    expect((await com("GET", "/settings/profiles")).status).toBe(200);
  });

  it("answers 429 TOO_MANY_REQUESTS past the concurrency limit", async () => {
    const sb = await start({ zohoCrm: { concurrency: 2, latencyMs: 300 } });
    const call = await client(sb);
    const answers = await Promise.all(Array.from({ length: 5 }, () => call("GET", "/settings/profiles")));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 429, 429, 429]);
    expect(answers.find((a) => a.status === 429)!.body).toMatchObject({ code: "TOO_MANY_REQUESTS", details: { limit: 2 } });
  });

  it("injects faults per org or on any org, drops connections, and fails the token endpoint", async () => {
    const sb = await start();
    const com = await client(sb, "com");
    const eu = await client(sb, "eu");
    const { sales } = ids(sb);
    sb.zohoCrm.faults.failNext({ method: "PATCH", path: `/settings/profiles/${sales}`, status: 503, times: 2 });
    expect((await com("GET", `/settings/profiles/${sales}`)).status).toBe(200);
    const patch = () => com("PATCH", `/settings/profiles/${sales}`, one([{ description: "x" }]));
    expect(await patch()).toMatchObject({ status: 503, body: { code: "INTERNAL_ERROR" } });
    expect((await patch()).status).toBe(503);
    expect((await patch()).status).toBe(200);
    sb.zohoCrm.faults.failNext({ dataCentre: "eu", status: 500 });
    expect((await com("GET", "/settings/profiles")).status).toBe(200);
    expect((await eu("GET", "/settings/profiles")).status).toBe(500);
    sb.zohoCrm.faults.failNext({ path: /\/settings\/profiles$/, status: 429 });
    expect((await eu("GET", "/settings/profiles")).body.code).toBe("TOO_MANY_REQUESTS");
    sb.zohoCrm.eu.faults.failNext({ dropConnection: true });
    await expect(eu("GET", "/settings/profiles")).rejects.toThrow();
    sb.zohoCrm.faults.failNext({ path: "/oauth/v2/token", dataCentre: "eu", status: 500 });
    expect((await fetch(`${sb.zohoCrm.eu.accountsUrl}/oauth/v2/token`, { method: "POST" })).status).toBe(500);
    sb.zohoCrm.faults.failNext({ status: 502 });
    sb.zohoCrm.faults.clear();
    expect((await com("GET", "/settings/profiles")).status).toBe(200);
  });

  it("records every API request in order with its data centre, and keeps admin actions out", async () => {
    const sb = await start();
    const com = await client(sb, "com");
    const eu = await client(sb, "eu");
    const { sales, perm, admin } = ids(sb);
    await com("GET", "/settings/profiles?per_page=5");
    await eu("GET", "/settings/profiles");
    await com("PATCH", `/settings/profiles/${sales}`, one([{ permissions_details: [{ id: perm("Crm_Implied_Delete_Leads"), enabled: false }] }]));
    await send(sb.zohoCrm.com.apiBaseUrl, "GET", "/settings/profiles"); // unauthenticated: recorded too
    admin.setPermission(sales, "Crm_Implied_Delete_Contacts", false);
    const reqs = sb.zohoCrm.requests();
    expect(reqs.map((r) => `${r.dataCentre} ${r.method} ${r.path} ${r.status}`)).toEqual([
      "com GET /crm/v8/settings/profiles 200",
      "eu GET /crm/v8/settings/profiles 200",
      `com PATCH /crm/v8/settings/profiles/${sales} 200`,
      "com GET /crm/v8/settings/profiles 401",
    ]);
    expect(reqs[0].query).toEqual({ per_page: "5" });
    expect(reqs[2].headers.authorization).toMatch(/^Zoho-oauthtoken 1000\./);
    expect(reqs[2].body).toEqual(one([{ permissions_details: [{ id: perm("Crm_Implied_Delete_Leads"), enabled: false }] }]));
    expect(sb.zohoCrm.writes()).toHaveLength(1);
    expect(sb.zohoCrm.eu.requests()).toHaveLength(1);
    expect(sb.zohoCrm.tokenRequests().map((r) => r.dataCentre)).toEqual(["com", "eu"]);
    const overHttp = await (await fetch(`${sb.zohoCrm.eu.adminUrl}/__sandbox/requests`)).json();
    expect(overHttp).toEqual(sb.zohoCrm.eu.requests());
    sb.zohoCrm.eu.clearRequests();
    expect(sb.zohoCrm.requests()).toHaveLength(3);
    sb.zohoCrm.clearRequests();
    expect(sb.zohoCrm.requests()).toEqual([]);
  });

  it("admin actions act like the setup pages: ticking a child ticks its parents, unticking a parent unticks children", async () => {
    const sb = await start();
    const { support, standard, admin, perm } = ids(sb);
    expect(admin.isEnabled(support, "Crm_Implied_View_Deals")).toBe(false);
    admin.setPermission(support, "Crm_Implied_Mass_Update_Deals", true);
    for (const n of ["Crm_Implied_View_Deals", "Crm_Implied_Edit_Deals", "Crm_Implied_Mass_Update_Deals"]) expect(admin.isEnabled(support, n), n).toBe(true);
    admin.setPermission(support, "Crm_Implied_View_Deals", false);
    expect(admin.isEnabled(support, "Crm_Implied_Mass_Update_Deals")).toBe(false);
    expect(() => admin.setPermission(standard, "Crm_Implied_View_Deals", false)).toThrow(/system profile/);
    expect(() => admin.setPermission(support, "Crm_Implied_Customize_Deals", true)).toThrow(/not customizable/);
    expect(() => admin.setPermissions(support, { Crm_Implied_View_Deals: true, Crm_Implied_Nope: true })).toThrow(/unknown permission/);
    expect(admin.isEnabled(support, "Crm_Implied_View_Deals")).toBe(false);
    const made = admin.createProfile({ name: "Interns", description: "Read only" });
    expect(made).toMatchObject({ name: "Interns", custom: true });
    expect(() => admin.createProfile({ name: "interns" })).toThrow(/already used/);
    admin.updateProfile(made.id, { name: "Interns 2025" });
    admin.deleteProfile(made.id);
    expect(admin.findProfileByName("Interns 2025")).toBeUndefined();
    expect(perm("Crm_Implied_View_Leads")).toBe(admin.permissions().find((p) => p.name === "Crm_Implied_View_Leads")!.id);
    expect(() => perm("Crm_Implied_Nope")).toThrow();
    expect(sb.zohoCrm.requests()).toEqual([]);
  });

  it("offers the admin actions and faults over HTTP for other processes", async () => {
    const sb = await start();
    const call = await client(sb, "eu");
    const { support, admin } = ids(sb, "eu");
    const url = `${sb.zohoCrm.eu.adminUrl}/__sandbox/zoho-crm`;
    const post = (path: string, body: unknown) => fetch(url + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const before = admin.getProfile(support);
    expect((await post(`/profiles/${support}/permissions`, { Crm_Implied_View_Leads: true, Crm_Implied_Nope: true })).status).toBe(400);
    expect(admin.getProfile(support)).toEqual(before);
    expect((await post(`/profiles/${support}/permissions`, { Crm_Implied_Create_Leads: true })).status).toBe(200);
    expect(admin.isEnabled(support, "Crm_Implied_View_Leads")).toBe(true);
    const created = await post("/profiles", { name: "EU Auditors", cloneFrom: support });
    expect(created.status).toBe(201);
    const json = async (r: Response | Promise<Response>): Promise<any> => (await r).json();
    const id = (await json(created)).id;
    expect((await json(fetch(`${url}/profiles/${id}`))).name).toBe("EU Auditors");
    expect((await fetch(`${url}/profiles/${id}?transfer_to=${support}`, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(`${url}/profiles/${id}`)).status).toBe(404);
    expect((await json(fetch(`${url}/permissions`)))[0]).toMatchObject({ name: "Crm_Implied_View_Leads", id: admin.permissionId("Crm_Implied_View_Leads") });
    expect((await post("/faults", { pathPattern: "/settings/profiles$", status: 502 })).status).toBe(204);
    expect((await call("GET", "/settings/profiles")).status).toBe(502);
    expect((await call("GET", "/settings/profiles")).status).toBe(200);
  });
});

describe("coverage", () => {
  it("every operation of profiles.json (and PATCH) was checked against the spec", () => {
    expect([...oas.checked].sort()).toEqual([
      "DELETE /crm/v8/settings/profiles/{id}",
      "GET /crm/v8/settings/profiles",
      "GET /crm/v8/settings/profiles/{id}",
      "PATCH /crm/v8/settings/profiles/{id}",
      "POST /crm/v8/settings/profiles/{id}/actions/clone",
      "PUT /crm/v8/settings/profiles/{id}",
    ]);
  });
});

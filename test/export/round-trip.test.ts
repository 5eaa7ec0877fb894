import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { startSandbox } from "../../sandbox";
import { editResource } from "../support/export-program";
import { helpdeskCli } from "../support/helpdesk-cli";

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** Each vendor's export, with the options a team would pick for it, and the one edit a reviewer would then make. */
const EXPORTS = [
  { vendor: "zohoDesk", flags: ["--permissions", "diff", "--system", "permission-sets"] },
  { vendor: "zohoCrm", flags: [] },
  { vendor: "chatwoot", flags: [] },
  { vendor: "omnivibe", flags: [] },
  { vendor: "teamworkDesk", flags: [] },
  { vendor: "imichat", flags: [] },
] as const;

const PIECES = ["zohoDesk", "zohoCrm", "chatwoot", "omnivibe", "teamworkDesk", "imichat"] as const;

/** A click in a vendor's own UI or API, with the sandbox's administrator credentials: never our provider. */
async function vendorCall(url: string, headers: Record<string, string>, body: unknown): Promise<any> {
  const response = await fetch(url, { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function seedByHand(sandbox: Sandbox): Promise<void> {
  sandbox.zohoDesk.admin.createProfile({ name: "Night Shift", description: "Agents of the night rota.", permissions: { tickets: { delete: true } } });
  sandbox.zohoCrm.admin.createProfile({ name: "Renewals Desk", description: "Renewal calls." });
  for (const brand of ["chatwoot", "omnivibe"] as const) {
    const piece = sandbox[brand];
    const account = `${piece.apiBaseUrl}/api/v1/accounts/${piece.accountId}`;
    const admin = { api_access_token: piece.tokens.administrator };
    const role = await vendorCall(`${account}/custom_roles`, admin, { custom_role: { name: "Night Desk", permissions: ["conversation_manage"] } });
    await vendorCall(`${account}/agents`, admin, { agent: { name: "Noor Night", email: "noor@acme.test", role: "agent" }, custom_role_id: role.id });
  }
  await vendorCall(`${sandbox.teamworkDesk.apiBaseUrl}/users.json`, { Authorization: `Bearer ${sandbox.env.TEAMWORK_DESK_API_KEY}` }, {
    user: { email: "noor@acme-sandbox.test", firstName: "Noor", lastName: "Night", role: "agent" },
  });
}

const writesOf = (sandbox: Sandbox) => Object.fromEntries(PIECES.map((piece) => [piece, sandbox[piece].writes().map((w) => ({ method: w.method, path: w.path, body: w.body }))]));
const clearRequests = (sandbox: Sandbox) => PIECES.forEach((piece) => sandbox[piece].clearRequests());

describe("export: every vendor's live account becomes a program that adopts it without a write", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  const programs: Record<string, string> = {};
  const progress: Record<string, string> = {};

  beforeAll(async () => {
    sandbox = await startSandbox();
    await seedByHand(sandbox);
    for (const { vendor, flags } of EXPORTS) {
      const exported = await helpdeskCli(["export", "--vendor", vendor, ...flags], { env: sandbox.env });
      if (exported.code !== 0) throw new Error(`export --vendor ${vendor}: ${exported.stderr}`);
      programs[vendor] = exported.stdout;
      progress[vendor] = exported.stderr;
    }
    // One project holds every vendor's program, each in its own module, as a team merging exports would.
    project = await PulumiProject.create({ name: "export-round-trip", program: EXPORTS.map(({ vendor }) => `import "./${vendor}";`).join("\n"), env: { ...sandbox.env } });
    for (const [vendor, source] of Object.entries(programs)) writeFileSync(join(project.dir, `${vendor}.ts`), source);
    clearRequests(sandbox);
  });
  afterAll(async () => sandbox?.close());

  it("the programs adopt what was made by hand, name resources after the objects, say what they leave out, and hold no credential", () => {
    expect(programs.zohoDesk).toContain('new zohoDesk.Profile("night-shift", {\n  name: "Night Shift",\n  adopt: "Night Shift",');
    expect(programs.zohoDesk).toContain("tickets: { delete: true }");
    expect(programs.zohoDesk).toContain('new zohoDesk.ProfilePermissionSet("supervisor", {\n  profile: "Supervisor",');
    expect(programs.zohoDesk).toContain('//   - "Agent" (Agent): a built-in Zoho Desk profile; Zoho lets nobody edit it');
    expect(programs.zohoCrm).toContain('new zohoCrm.Profile("renewals-desk", {');
    expect(programs.chatwoot).toContain('new chatwoot.Agent("noor-night", {');
    expect(programs.chatwoot).toContain('customRole: "Night Desk",');
    expect(programs.omnivibe).toContain('new chatwoot.CustomRole("omnivibe-night-desk", {');
    expect(programs.omnivibe).toContain('connection: "omnivibe",');
    expect(programs.teamworkDesk).toContain('new teamworkDesk.User("noor-night", {');
    expect(programs.imichat).toContain('new imichat.User("sam-agent", {');
    expect(progress.imichat).toContain("read 3/3 users");
    const secrets = Object.entries(sandbox.env).filter(([key]) => /SECRET|TOKEN|API_KEY/.test(key)).map(([, value]) => value);
    expect(secrets.length).toBeGreaterThan(5);
    for (const source of Object.values(programs)) for (const secret of secrets) expect(source).not.toContain(secret);
  });

  it("up adopts every object with no write to any vendor, and the preview then expects no changes", async () => {
    const up = await project.up();
    expect(up.output).toMatch(/Resources:\s+\+ \d+ created/);
    expect(writesOf(sandbox)).toEqual(Object.fromEntries(PIECES.map((piece) => [piece, []])));
    const preview = await project.preview("--expect-no-changes");
    expect(preview.code, preview.output).toBe(0);
  });

  it("one edit per vendor's program sends that vendor exactly one write carrying exactly that change", async () => {
    const edits: Record<string, [string, string, string]> = {
      zohoDesk: ["night-shift", "tickets: { delete: true }", "tickets: { delete: false }"],
      zohoCrm: ["renewals-desk", "Crm_Implied_Delete_Leads: true", "Crm_Implied_Delete_Leads: false"],
      chatwoot: ["night-desk", 'permissions: ["conversation_manage"]', 'permissions: ["conversation_manage", "report_manage"]'],
      omnivibe: ["omnivibe-ben-agent", 'availability: "busy"', 'availability: "online"'],
      teamworkDesk: ["noor-night", "isPartTime: false", "isPartTime: true"],
      imichat: ["sam-agent", 'jobDescription: "Chat agent"', 'jobDescription: "Night chat agent"'],
    };
    for (const [vendor, [name, from, to]] of Object.entries(edits)) {
      const file = join(project.dir, `${vendor}.ts`);
      writeFileSync(file, editResource(readFileSync(file, "utf8"), name, from, to));
    }
    clearRequests(sandbox);
    await project.up();

    const nightShift = sandbox.zohoDesk.admin.findProfileByName("Night Shift")!;
    const renewals = sandbox.zohoCrm.admin.listProfiles().find((p) => p.name === "Renewals Desk")!;
    const deleteLeads = sandbox.zohoCrm.admin.permissions().find((p) => p.name === "Crm_Implied_Delete_Leads")!;
    const nightDesk = sandbox.chatwoot.admin.listCustomRoles(sandbox.chatwoot.accountId).find((r) => r.name === "Night Desk")!;
    const noor = sandbox.teamworkDesk.admin.listUsers().find((u) => u.email === "noor@acme-sandbox.test")!;
    const sam = sandbox.imichat.admin.listUsers().find((u) => u.login_id === "sam.agent")!;
    const writes = writesOf(sandbox);
    expect(writes.zohoDesk).toEqual([{ method: "PATCH", path: `/api/v1/profiles/${nightShift.id}`, body: { permissions: { tickets: { delete: false } } } }]);
    expect(writes.zohoCrm).toEqual([{ method: "PATCH", path: `/crm/v8/settings/profiles/${renewals.id}`, body: { profiles: [{ permissions_details: [{ id: deleteLeads.id, enabled: false }] }] } }]);
    expect(writes.chatwoot).toEqual([{ method: "PATCH", path: `/api/v1/accounts/1/custom_roles/${nightDesk.id}`, body: { custom_role: { permissions: ["conversation_manage", "report_manage"] } } }]);
    expect(writes.omnivibe).toHaveLength(1);
    expect(writes.omnivibe[0]).toMatchObject({ method: "PATCH", path: "/api/v1/accounts/1/agents/2", body: { agent: { availability: "online" } } });
    expect(writes.teamworkDesk).toEqual([{ method: "PATCH", path: `/desk/api/v2/users/${noor.id}.json`, body: { user: { isPartTime: true } } }]);
    expect(writes.imichat).toEqual([{ method: "PUT", path: `/v3.1/users/${sam.id}`, body: { job_description: "Night chat agent" } }]);
  });

  it("a bad option is refused naming the option and its rule, and a missing credential names its variable", async () => {
    const vendor = await helpdeskCli(["export", "--vendor", "zendesk"], { env: sandbox.env });
    expect(vendor.code).not.toBe(0);
    expect(vendor.stderr).toContain("--vendor must be one of zohoDesk, zohoCrm, chatwoot, omnivibe, teamworkDesk, imichat; got 'zendesk'");
    const mode = await helpdeskCli(["export", "--vendor", "zohoDesk", "--permissions", "some"], { env: sandbox.env });
    expect(mode.stderr).toContain("--permissions must be one of full, diff; got 'some'");
    const { IMICHAT_API_KEY: _key, ...withoutKey } = sandbox.env;
    const missing = await helpdeskCli(["export", "--vendor", "imichat"], { env: withoutKey });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("set the environment variable IMICHAT_API_KEY");
    expect(missing.stdout).toBe("");
  });
});

import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { startSandbox } from "../../sandbox";
import { helpdeskCli } from "../support/helpdesk-cli";

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const DESCRIPTION = "Escalations desk; bridge PIN 4471-9902";
const NEW_PASSWORD = "Night$Shift2027";

const program = (body: string) =>
  `import * as pulumi from "@pulumi/pulumi";\nimport { chatwoot, imichat, teamworkDesk, zohoCrm, zohoDesk } from "pulumi-helpdesk";\n${body}\n`;

/** What the main branch holds: one resource of most kinds, applied. */
const applied = (team: string) => program(`
new zohoDesk.Profile("tier1", { name: "Tier One", description: pulumi.secret("${DESCRIPTION}"), transferToProfile: "Agent",
  permissions: { tickets: { view: true, delete: false, export: false } } });
new zohoDesk.ProfilePermissionSet("supervisors", { profile: "Supervisor", permissions: { tickets: { export: false }, setup: { exportUsers: false } } });
new zohoCrm.Profile("inside-sales", { name: "Inside Sales", permissions: { Crm_Implied_View_Leads: true, Crm_Implied_Delete_Leads: false } });
new chatwoot.CustomRole("team-leads", { name: "Team Leads", permissions: ["conversation_manage", "report_manage"] });
new chatwoot.Agent("lea", { name: "Lea Lead", email: "lea@acme.test", role: "agent" });
new teamworkDesk.User("noor", { email: "noor@acme.test", firstName: "Noor", role: "agent" });
new imichat.User("rhea", { firstName: "Rhea", loginId: "rhea.kapoor", email: "rhea@acme.test", privileges: [{ team: ${team}, role: "Team Agent" }] });
`);

/** The pull request: a rename (resource and profile), an adoption, a new profile, switches flipped, a secret input, a user gone. */
const proposed = (currentPassword: string) => program(`
new zohoDesk.Profile("tier-one", { name: "Tier Uno", description: pulumi.secret("${DESCRIPTION}"), transferToProfile: "Agent",
  permissions: { tickets: { view: true, delete: false, export: true } } }, { aliases: [{ name: "tier1" }] });
new zohoDesk.Profile("advisors", { name: "Agent Advisors", adopt: "Agent Advisors", transferToProfile: "Agent", permissions: { tickets: { delete: false } } });
new zohoDesk.Profile("night", { name: "Night Shift", transferToProfile: "Agent", permissions: { tickets: { handleUnassigned: true, delete: false } } });
new zohoDesk.ProfilePermissionSet("supervisors", { profile: "Supervisor", permissions: { tickets: { export: false } } });
new zohoCrm.Profile("inside-sales", { name: "Inside Sales", permissions: { Crm_Implied_View_Leads: true, Crm_Implied_Delete_Leads: false, Crm_Implied_Export_Leads: false } });
new chatwoot.CustomRole("team-leads", { name: "Team Leads", permissions: ["conversation_manage", "contact_manage"] });
new chatwoot.Agent("lea", { name: "Lea Lead", email: "lea@acme.test", role: "administrator" });
new chatwoot.Profile("me", { messageSignature: "Acme Support", password: pulumi.secret("${NEW_PASSWORD}"), currentPassword: "${currentPassword}" });
new teamworkDesk.User("noor", { email: "noor@acme.test", firstName: "Noor", role: "agent" });
`);

describe("the permission-matrix report reads a real `pulumi preview --refresh --json` of the sandbox", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  let previewJson: string;
  let markdown: string;
  const vendors = () => [sandbox.zohoDesk, sandbox.zohoCrm, sandbox.chatwoot, sandbox.teamworkDesk, sandbox.imichat];

  beforeAll(async () => {
    sandbox = await startSandbox();
    project = await PulumiProject.create({ name: "pr-report", program: applied(sandbox.env.IMICHAT_TEAM_ID), env: { ...sandbox.env } });
    await project.up();

    // Clicks nobody reviewed: a Desk switch and a Teamwork role, changed in the admin UIs.
    const tierOne = sandbox.zohoDesk.admin.findProfileByName("Tier One")!;
    sandbox.zohoDesk.admin.setPermission(tierOne.id, "tickets.delete", true);
    sandbox.teamworkDesk.admin.updateUser(sandbox.teamworkDesk.admin.findUserByEmail("noor@acme.test")!.id, { role: "admin" });

    for (const piece of vendors()) piece.clearRequests();

    project.writeProgram(proposed(sandbox.chatwoot.password));
    const preview = await project.pulumi(["preview", "--refresh", "--json"]);
    expect(preview.code, preview.stderr).toBe(0);
    previewJson = join(project.dir, "preview.json");
    writeFileSync(previewJson, preview.stdout);

    const report = await helpdeskCli(["report", "--preview-json", previewJson, "--out", join(project.dir, "report.md")]);
    expect(report.code, report.output).toBe(0);
    markdown = readFileSync(join(project.dir, "report.md"), "utf8");
  });
  afterAll(async () => sandbox?.close());

  it("groups each profile's granted and revoked cells by module, marking the ones that repair drift, with totals", () => {
    expect(markdown).toContain("**Permissions:** 4 granted, 5 revoked (1 putting back a change made outside the program).");
    expect(markdown).toContain("**Profiles and roles:** 1 created, 1 adopted, 1 renamed, 4 changed. **People:** 1 adopted, 2 changed, 1 deleted.");
    expect(markdown).toContain("### Zoho Desk: 3 granted, 3 revoked");
    expect(markdown).toContain('#### profile "Tier Uno" (`zohoDesk.Profile` `tier-one`, updated): 1 granted, 1 revoked');
    expect(markdown).toContain("| tickets | `export` | `delete` (drift) |");
    // The set stops managing setup.exportUsers: Supervisor gets back the value it had before the set.
    expect(markdown).toContain('#### profile "Supervisor" (`zohoDesk.ProfilePermissionSet` `supervisors`, updated): 1 granted, 0 revoked');
    expect(markdown).toContain("| setup | `exportUsers` |  |");
    expect(markdown).toContain('#### profile "Agent Advisors" (`zohoDesk.Profile` `advisors`, adopted): 0 granted, 1 revoked');
    expect(markdown).toContain('#### profile "Night Shift" (`zohoDesk.Profile` `night`, created): 1 granted, 1 revoked');
    expect(markdown).toContain("| tickets | `handleUnassigned` | `delete` |");
    expect(markdown).toContain("### Zoho CRM: 0 granted, 1 revoked");
    expect(markdown).toContain("| Leads |  | `Crm_Implied_Export_Leads` |");
    expect(markdown).toContain("### Chatwoot: 1 granted, 1 revoked");
    expect(markdown).toContain("| contact | `manage` |  |");
    expect(markdown).toContain("| report |  | `manage` |");
  });

  it("lists what is created, adopted, renamed and deleted, and people's field changes", () => {
    expect(markdown).toContain('- Created: Zoho Desk profile "Night Shift" (`night`)');
    expect(markdown).toContain('- Adopted: Zoho Desk profile "Agent Advisors" (`advisors`)');
    expect(markdown).toContain("- Adopted: Chatwoot user profile \"the token's user\" (`me`)");
    expect(markdown).toContain('- Renamed: Zoho Desk profile "Tier Uno" (`tier-one`), from "Tier One"; resource `tier1` is now `tier-one` (an alias keeps the object)');
    expect(markdown).toContain('- Deleted: IMIchat user "rhea.kapoor" (`rhea`)');
    expect(markdown).toContain("| Chatwoot | agent lea@acme.test (`lea`) | `role` | agent | administrator |");
    expect(markdown).toContain("| Teamwork Desk | user noor@acme.test (`noor`) | `role` (drift) | admin | agent |");
    expect(markdown).toContain("| Chatwoot | user profile the token's user (`me`) | `messageSignature` |  | Acme Support |");
  });

  it("shows no secret: the engine masks pulumi.secret values, the report names credential inputs without their values", () => {
    expect(readFileSync(previewJson, "utf8")).not.toContain(DESCRIPTION);
    expect(markdown).toContain("Secret inputs are never shown and cannot be compared here: `me` `password`; `tier-one` `description`.");
    // currentPassword is passed in plain text on purpose: the provider's check drops it before the engine sees inputs.
    expect(readFileSync(previewJson, "utf8")).not.toContain(sandbox.chatwoot.password);
    const credentials = [DESCRIPTION, NEW_PASSWORD, sandbox.chatwoot.password, ...Object.entries(sandbox.env).filter(([k]) => /TOKEN|SECRET|KEY/.test(k)).map(([, v]) => v)];
    for (const value of credentials.filter((v) => v.length >= 6)) expect(markdown).not.toContain(value);
  });

  it("reads the preview from standard input too, and writes to standard output", async () => {
    const fromStdin = await helpdeskCli(["report"], { input: readFileSync(previewJson, "utf8") });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout).toBe(markdown);
  });

  it("the preview wrote nothing to any vendor", () => {
    expect(vendors().flatMap((piece) => piece.writes())).toEqual([]);
  });
});

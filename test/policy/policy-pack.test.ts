import { writeFileSync } from "fs";
import { join } from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { startSandbox } from "../../sandbox";

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** The pack as a team runs it: from the installed package, with the team's settings in a policy config file. */
const PACK = "node_modules/pulumi-helpdesk/policy";
const settings = {
  "only-administrator-profiles-delete-tickets-or-export": { administratorProfiles: ["Support Leads"] },
  "administrators-are-listed": { administrators: ["lead@acme-sandbox.test"] },
};

/** One access program over every vendor; `violating` breaks each rule once or more, the other keeps to them. */
const accessProgram = (violating: boolean, supportTeam: number) => `
import { chatwoot, imichat, teamworkDesk, zohoCrm, zohoDesk } from "pulumi-helpdesk";

new zohoDesk.Profile("support-leads", {
  name: "Support Leads",
  description: "Escalations; may delete and export tickets.",
  permissions: { tickets: { delete: true, export: true } },
});
new zohoDesk.Profile("night-shift", {
  name: "Night Shift",
  ${violating ? "" : `description: "Weekend and night queue.",`}
  permissions: { tickets: { delete: ${violating}, view: true }, contacts: { export: ${violating} } },
});
new zohoDesk.ProfilePermissionSet("supervisor-guardrails", {
  profile: "Supervisor",
  permissions: { setup: { automation: ${violating} }, tickets: { mergeTickets: true } },
});
new zohoCrm.Profile("case-desk", {
  name: "Case Desk",
  description: "${violating ? " " : "Works the Cases queue."}",
  permissions: { Crm_Implied_View_Cases: true, Crm_Implied_Delete_Cases: ${violating} },
});
new zohoCrm.ProfilePermissionSet("reps-guardrails", {
  profile: "Sales Representative",
  permissions: { Crm_Implied_Export_Contacts: false, Crm_Implied_Delete_Contacts: false },
});
new chatwoot.CustomRole("triage", {
  name: "Triage",
  ${violating ? "" : `description: "Sorts the unassigned queue.",`}
  permissions: ["conversation_unassigned_manage"],
});
new chatwoot.Agent("lead", { name: "Lee Lead", email: "lead@acme-sandbox.test", role: "administrator" });
new chatwoot.Agent("ann", { name: "Ann Agent", email: "ann@acme-sandbox.test", role: "${violating ? "administrator" : "agent"}" });
new teamworkDesk.User("jo", { email: "jo@acme-sandbox.test", firstName: "Jo", role: "${violating ? "admin" : "agent"}" });
new imichat.User("rhea", {
  firstName: "Rhea",
  loginId: "rhea.kapoor",
  email: "rhea.kapoor@acme-sandbox.test",
  privileges: [{ team: ${supportTeam}, role: "${violating ? "Team Manager" : "Team Agent"}" }],
});
`;

describe("the policy pack through pulumi preview --policy-pack", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  let configFile: string;
  const vendorWrites = () => sandbox.vendors.flatMap((vendor) => sandbox[vendor].writes().map((w) => `${vendor} ${w.method} ${w.path}`));
  const previewWithPack = () => project.preview("--policy-pack", PACK, "--policy-pack-config", configFile);

  beforeAll(async () => {
    sandbox = await startSandbox();
    project = await PulumiProject.create({ name: "policy-pack", program: accessProgram(true, sandbox.imichat.teamIds.support), env: sandbox.env });
    configFile = join(project.dir, "policy-config.json");
    writeFileSync(configFile, JSON.stringify(settings, null, 2));
  });
  afterAll(async () => sandbox?.close());

  it("a program breaking the rules is refused: each violation names the resource and the rule, and nothing reaches a vendor", async () => {
    const preview = await previewWithPack();
    expect(preview.code, preview.output).not.toBe(0);
    expect(preview.output).toContain("pulumi-helpdesk@v0.1.0");
    const violations = [
      ["only-administrator-profiles-delete-tickets-or-export", 'zohoDesk.Profile "night-shift" grants contacts.export and tickets.delete to profile "Night Shift": only an administrator profile may delete tickets or export data'],
      ["only-administrator-profiles-delete-tickets-or-export", 'zohoCrm.Profile "case-desk" grants Crm_Implied_Delete_Cases to profile "Case Desk": only an administrator profile may delete tickets or export data'],
      ["no-setup-permissions-in-permission-sets", 'zohoDesk.ProfilePermissionSet "supervisor-guardrails" grants setup.automation to profile "Supervisor": no permission set grants setup permissions'],
      ["profiles-have-descriptions", 'zohoDesk.Profile "night-shift" ("Night Shift") declares none: every profile has a description'],
      ["profiles-have-descriptions", 'zohoCrm.Profile "case-desk" ("Case Desk") has a blank one: every profile has a description'],
      ["profiles-have-descriptions", 'chatwoot.CustomRole "triage" ("Triage") declares none: every profile has a description'],
      ["administrators-are-listed", 'chatwoot.Agent "ann" (ann@acme-sandbox.test) is an administrator by role "administrator": no agent or user is an administrator unless listed'],
      ["administrators-are-listed", 'teamworkDesk.User "jo" (jo@acme-sandbox.test) is an administrator by role "admin"'],
      ["administrators-are-listed", `imichat.User "rhea" (rhea.kapoor@acme-sandbox.test / rhea.kapoor) is an administrator by "Team Manager" of team ${sandbox.imichat.teamIds.support}`],
    ];
    for (const [policy, message] of violations) {
      expect(preview.output).toContain(`[mandatory]  ${policy}`);
      expect(preview.output, preview.output).toContain(message);
    }
    expect(preview.output.match(/\[mandatory\]/g)).toHaveLength(violations.length);
    // The listed administrators and the configured administrator profile are not among them.
    expect(preview.output).not.toMatch(/"support-leads" grants|"lead" \(lead@/);
    expect(vendorWrites()).toEqual([]);
  });

  it("the same program kept to the rules passes, with the pack loaded", async () => {
    project.writeProgram(accessProgram(false, sandbox.imichat.teamIds.support));
    const preview = await previewWithPack();
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toMatch(/Policy Packs run:\s+Name\s+Version\s+pulumi-helpdesk\|local\|node_modules\/pulumi-helpdesk\/policy\s+0\.1\.0/);
    expect(preview.output).not.toMatch(/\[mandatory\]|\[advisory\]/);
    expect(vendorWrites()).toEqual([]);
  });

  it("a misspelt policy name reaches no policy: without enforcementLevel the engine fails on it, with one it is ignored", async () => {
    const misspelt = join(project.dir, "misspelt-config.json");
    writeFileSync(misspelt, JSON.stringify({ ...settings, "administrator-are-listed": { administrators: [] } }));
    const failed = await project.preview("--policy-pack", PACK, "--policy-pack-config", misspelt);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('invalid enforcement level ""');
    writeFileSync(misspelt, JSON.stringify({ ...settings, "administrator-are-listed": { enforcementLevel: "mandatory", administrators: [] } }));
    const ignored = await project.preview("--policy-pack", PACK, "--policy-pack-config", misspelt);
    expect(ignored.code, ignored.output).toBe(0);
  });

  // Why pull-request.yml runs the pack in a preview of its own: the report's JSON would only say that it failed.
  it("a preview with --json leaves the violations out of its JSON: only 'preview failed'", async () => {
    project.writeProgram(accessProgram(true, sandbox.imichat.teamIds.support));
    const preview = await project.pulumi(["preview", "--json", "--policy-pack", PACK, "--policy-pack-config", configFile]);
    expect(preview.code).not.toBe(0);
    const json = JSON.parse(preview.stdout) as { diagnostics?: Array<{ message: string; severity: string }> };
    expect(json.diagnostics?.filter((d) => d.severity === "error").map((d) => d.message.trim())).toEqual(["error: preview failed"]);
    expect(preview.stdout).not.toContain("administrators-are-listed");
  });
});

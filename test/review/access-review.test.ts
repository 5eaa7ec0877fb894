import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSuccess, PulumiProject } from "../../harness/project";
import { startSandbox } from "../../sandbox";
import { editResource } from "../support/export-program";
import { helpdeskCli } from "../support/helpdesk-cli";

/** Every vendor but Omnivibe, which is Chatwoot again. */
const startReviewSandbox = () => startSandbox({ vendors: ["zohoDesk", "zohoCrm", "chatwoot", "teamworkDesk", "imichat"] });
type Sandbox = Awaited<ReturnType<typeof startReviewSandbox>>;

/** The rows of the Markdown table "Differences between live and intended", as written. */
const differences = (markdown: string) => markdown.slice(markdown.indexOf("## Differences")).split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| Person"));

describe("review: who holds which permission, live and as the program intends", () => {
  let sandbox: Sandbox;
  let dir: string;
  const review = async (...args: string[]) => {
    const result = await helpdeskCli(["review", ...args], { env: sandbox.env });
    if (result.code !== 0) throw new Error(`review ${args.join(" ")}: ${result.stderr}`);
    return result.stdout;
  };

  beforeAll(async () => {
    sandbox = await startReviewSandbox();
  });
  afterAll(async () => sandbox?.close());

  it("the live matrix names each agent or user, the profile or role it holds, and that holder's permissions (Markdown and CSV)", async () => {
    const desk = await review("--vendor", "zohoDesk");
    expect(desk).toContain('| Sofia Rossi | sofia.rossi@example.com | profile "Supervisor" | accounts: create, edit, view; agents: overview, viewAllFields;');
    expect(desk).toContain('| Diego Fernandez | diego.fernandez@example.com | profile "Light Agent" | accounts: export, view; agents: overview; contacts: export, view;');
    const csv = await review("--vendor", "zohoDesk", "--format", "csv");
    expect(csv.split("\n")[0]).toBe("vendor,person,email,through,permission,live,intended");
    expect(csv).toContain('zohoDesk,Sofia Rossi,sofia.rossi@example.com,"profile ""Supervisor""",tickets.delete,yes,\n');
    expect(csv).not.toContain("Marcus Lindqvist,marcus.lindqvist@example.com,\"profile \"\"Agent\"\"\",tickets.delete");

    const chen = sandbox.zohoCrm.admin.usersOf(sandbox.zohoCrm.admin.findProfileByName("Sales Representative")!.id).find((u) => u.name === "Chen Wei")!;
    sandbox.zohoCrm.admin.moveUser(chen.id, sandbox.zohoCrm.admin.findProfileByName("Support Agents")!.id);
    const crm = await review("--vendor", "zohoCrm", "--format", "csv");
    expect(crm).toContain('zohoCrm,Chen Wei,chen.wei@example.com,"profile ""Support Agents""",Crm_Implied_View_Cases,yes,');
    expect(crm).not.toContain('Chen Wei,chen.wei@example.com,"profile ""Sales Representative""');

    expect(await review("--vendor", "chatwoot")).toContain('| cara Billing | cara@acme.test | custom role "Billing Desk" | contact_manage, conversation_manage (2) |');
    const teamwork = await review("--vendor", "teamworkDesk");
    expect(teamwork).toContain('| Robin Reviewer | robin.reviewer@acme-sandbox.test | setting "reviewer" | review replies (1) |');
    expect(teamwork).not.toContain("gone.agent@acme-sandbox.test");
    expect(await review("--vendor", "imichat")).toContain("| Mia Manager | mia.manager@acme-sandbox.test | team 7002 | Team Analyst (1) |");
  });

  it("against a preview: the program's edit shows as a difference, and so does a click in Zoho Desk that nobody reviewed", async () => {
    const exported = await helpdeskCli(["export", "--vendor", "zohoDesk", "--system", "permission-sets"], { env: sandbox.env });
    const project = await PulumiProject.create({ name: "review-desk", program: editResource(exported.stdout, "supervisor", "delete: true", "delete: false"), env: { ...sandbox.env } });
    dir = project.dir;
    const preview = expectSuccess(await project.pulumi(["preview", "--json"]));
    writeFileSync(join(dir, "preview.json"), preview.stdout);

    const before = await review("--vendor", "zohoDesk", "--preview-json", join(dir, "preview.json"));
    expect(before).toContain("## Intended by the program (preview ");
    expect(differences(before)).toEqual(['| Sofia Rossi | sofia.rossi@example.com | profile "Supervisor" | tickets.delete | yes | no |']);

    const supervisor = sandbox.zohoDesk.admin.findProfileByName("Supervisor")!;
    sandbox.zohoDesk.admin.setPermission(supervisor.id, "setup.exportUsers", false);
    const after = await review("--vendor", "zohoDesk", "--preview-json", join(dir, "preview.json"), "--format", "csv", "--out", join(dir, "review.csv"));
    expect(after).toBe("");
    const rows = readFileSync(join(dir, "review.csv"), "utf8").split("\n").filter((row) => !row.endsWith(",yes,yes"));
    expect(rows).toEqual([
      "vendor,person,email,through,permission,live,intended",
      'zohoDesk,Sofia Rossi,sofia.rossi@example.com,"profile ""Supervisor""",tickets.delete,yes,no',
      'zohoDesk,Sofia Rossi,sofia.rossi@example.com,"profile ""Supervisor""",setup.exportUsers,no,yes',
      "",
    ]);
  });

  it("against a stack export: none after the up; a role changed in Chatwoot's dashboard shows who gained and lost what", async () => {
    const exported = await helpdeskCli(["export", "--vendor", "chatwoot"], { env: sandbox.env });
    const project = await PulumiProject.create({ name: "review-chatwoot", program: exported.stdout, env: { ...sandbox.env } });
    await project.up();
    writeFileSync(join(project.dir, "state.json"), JSON.stringify(await project.exportState()));
    const state = join(project.dir, "state.json");
    expect(await review("--vendor", "chatwoot", "--stack-state", state)).toContain("None: the account grants exactly what the program intends.");

    const chatwoot = sandbox.chatwoot;
    const response = await fetch(`${chatwoot.apiBaseUrl}/api/v1/accounts/${chatwoot.accountId}/agents/2`, {
      method: "PATCH",
      headers: { api_access_token: chatwoot.tokens.administrator, "Content-Type": "application/json" },
      body: JSON.stringify({ agent: { role: "administrator" } }),
    });
    expect(response.status).toBe(200);
    expect(differences(await review("--vendor", "chatwoot", "--stack-state", state))).toEqual([
      '| Ben Agent | ben@acme.test | role "administrator" | administrator | yes | no |',
      '| Ben Agent | ben@acme.test | role "agent" | agent | no | yes |',
    ]);
  });

  it("refuses two sources of intent, a file that is not the named command's output, a failed preview, a program of another account, and names a missing credential's variable", async () => {
    const both = await helpdeskCli(["review", "--vendor", "chatwoot", "--stack-state", "a.json", "--preview-json", "b.json"], { env: sandbox.env });
    expect(both.stderr).toContain("--stack-state and --preview-json are two sources of the intended state; give one of them");
    writeFileSync(join(dir, "not-state.json"), JSON.stringify({ steps: [] }));
    const wrong = await helpdeskCli(["review", "--vendor", "zohoDesk", "--stack-state", join(dir, "not-state.json")], { env: sandbox.env });
    expect(wrong.stderr).toContain("has no deployment.resources; give the output of `pulumi stack export`");
    writeFileSync(join(dir, "failed-preview.json"), JSON.stringify({
      steps: [{ op: "same", urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", newState: { urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", type: "pulumi:pulumi:Stack" } }],
      diagnostics: [{ message: "error: resource 'sup' has a problem: property permissions.tickets.delet\n", severity: "error" }, { message: "error: preview failed\n", severity: "error" }],
    }));
    sandbox.zohoDesk.clearRequests();
    const failed = await helpdeskCli(["review", "--vendor", "zohoDesk", "--preview-json", join(dir, "failed-preview.json")], { env: sandbox.env });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe("");
    expect(failed.stderr).toContain("failed-preview.json: the preview failed, so it does not say what the program intends; fix the program and preview again. The engine said:\nerror: resource 'sup' has a problem: property permissions.tickets.delet\nerror: preview failed\n");
    expect(sandbox.zohoDesk.requests()).toEqual([]);
    const otherVendor = await helpdeskCli(["review", "--vendor", "chatwoot", "--preview-json", join(dir, "preview.json")], { env: sandbox.env });
    expect(otherVendor.code).toBe(1);
    expect(otherVendor.stderr).toContain("preview.json: holds no chatwoot resource, so it intends nothing for Chatwoot (it holds zohoDesk.Profile, zohoDesk.ProfilePermissionSet); give the program that manages this account, or leave --preview-json out for the live matrix");
    writeFileSync(join(dir, "empty.json"), "");
    const empty = await helpdeskCli(["review", "--vendor", "zohoDesk", "--preview-json", join(dir, "empty.json")], { env: sandbox.env });
    expect(empty.stderr).toContain("empty.json: expected the output of `pulumi preview --json`, but it is empty");
    const { CHATWOOT_API_ACCESS_TOKEN: _token, ...withoutToken } = sandbox.env;
    const missing = await helpdeskCli(["review", "--vendor", "chatwoot"], { env: withoutToken });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("set the environment variable CHATWOOT_API_ACCESS_TOKEN (this command reads no Pulumi config). The access token on the Profile Settings page");
  });
});

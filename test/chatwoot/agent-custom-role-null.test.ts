import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { chatwootProject, dashboard, program, Sandbox, startChatwoot, writeLines } from "../support/chatwoot";

// Cara is a seeded agent of account 1 with the custom role 'Billing Desk' (id 1); Ben (id 2) has none.
const team = (benEmail: string) =>
  program(`
new chatwoot.Agent("cara", { name: "cara Billing", email: "cara@acme.test", adopt: true, customRole: null });
new chatwoot.Agent("nia", { name: "Nia New", email: "${benEmail}" });`);

describe("chatwoot.Agent with customRole: null, through the Pulumi engine", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  const caraId = 3;

  beforeAll(async () => {
    sandbox = await startChatwoot();
    project = await chatwootProject(sandbox, "cw-no-custom-role", team("nia@acme.test"));
  });
  afterAll(async () => sandbox?.close());

  it("adopting an agent with customRole: null takes the role away with one PATCH of custom_role_id null", async () => {
    expect(sandbox.chatwoot.admin.membership(1, caraId)!.customRoleId).toBe(1);
    await project.up();
    const patches = sandbox.chatwoot.writes().filter((w) => w.method === "PATCH");
    expect(patches.map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /api/v1/accounts/1/agents/${caraId}`]);
    // Chatwoot wants a non-empty agent object: the unchanged name fills it.
    expect(patches[0].body).toEqual({ agent: { name: "cara Billing" }, custom_role_id: null });
    expect(sandbox.chatwoot.admin.membership(1, caraId)!.customRoleId).toBeNull();
  });

  it("a second up sends no write, and the preview expects no changes", async () => {
    sandbox.chatwoot.clearRequests();
    await project.up();
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    expect(sandbox.chatwoot.writes()).toEqual([]);
  });

  it("a custom role given in the dashboard is drift (exit 7, by the role's name); up --refresh takes it away again", async () => {
    await dashboard(sandbox, "PATCH", `/accounts/1/agents/${caraId}`, { custom_role_id: 3 });
    const gate = await project.preview("--refresh", "--expect-no-changes", "--diff");
    expect(gate.code, gate.output).toBe(7);
    // The engine shows null as absent: the program takes the role away.
    expect(gate.output).toMatch(/- customRole\s*: "Reports Only"/);
    expect(sandbox.chatwoot.writes()).toEqual([]);
    await project.up("--refresh");
    expect(writeLines(sandbox)).toEqual([`PATCH /api/v1/accounts/1/agents/${caraId}`]);
    expect(sandbox.chatwoot.writes()[0].body).toEqual({ agent: { name: "cara Billing" }, custom_role_id: null });
    expect(sandbox.chatwoot.admin.membership(1, caraId)!.customRoleId).toBeNull();
  });

  it("a new email previews a replacement that names email as its cause", async () => {
    project.writeProgram(team("nia.new@acme.test"));
    sandbox.chatwoot.clearRequests();
    const preview = await project.pulumi(["preview", "--json"]);
    expect(preview.code, preview.output).toBe(0);
    const steps: Array<{ op: string; urn: string; replaceReasons?: string[] }> = JSON.parse(preview.stdout).steps;
    const replaced = steps.filter((step) => step.urn.endsWith("::nia") && step.op === "replace");
    expect(replaced.map((step) => step.replaceReasons)).toEqual([["email"]]);
    expect(sandbox.chatwoot.writes()).toEqual([]);
  });
});

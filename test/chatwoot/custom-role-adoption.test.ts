import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { chatwootProject, program, Sandbox, startChatwoot, writeLines } from "../support/chatwoot";

// Seeded roles of account 1: 'Billing Desk' (id 1) and 'Knowledge Curator' (id 2), made in the dashboard.
const roles = ({ billingPermissions = `"conversation_manage", "contact_manage"`, billingResource = "billing" } = {}) =>
  program(`
new chatwoot.CustomRole("${billingResource}", {
  name: "Billing Desk",
  description: "Billing conversations and contacts",
  permissions: [${billingPermissions}],
  adopt: true,
});
new chatwoot.CustomRole("curator", { name: "Knowledge Curator", permissions: ["knowledge_base_manage"], adopt: 2 });`);

describe("chatwoot.CustomRole adopts a role made in the dashboard, by name or id, through the Pulumi engine", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startChatwoot();
    project = await chatwootProject(sandbox, "cw-role-adoption", roles());
  });
  afterAll(async () => sandbox?.close());

  it("adopting roles that already match sends no write; the stack records them under their ids", async () => {
    await project.up();
    expect(sandbox.chatwoot.writes()).toEqual([]);
    const ids = (await project.exportState()).deployment.resources.filter((r) => r.type.endsWith("chatwoot:CustomRole")).map((r) => r.id).sort();
    expect(ids).toEqual(["1", "2"]);
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    expect(sandbox.chatwoot.writes()).toEqual([]);
  });

  it("one permission added to an adopted role is one PATCH carrying only the permissions", async () => {
    project.writeProgram(roles({ billingPermissions: `"conversation_manage", "contact_manage", "report_manage"` }));
    sandbox.chatwoot.clearRequests();
    await project.up();
    expect(writeLines(sandbox)).toEqual(["PATCH /api/v1/accounts/1/custom_roles/1"]);
    expect(sandbox.chatwoot.writes()[0].body).toEqual({ custom_role: { permissions: ["conversation_manage", "contact_manage", "report_manage"] } });
  });

  it("two resources adopting one role (by name and by id) are refused at preview, naming both", async () => {
    project.writeProgram(roles() + `new chatwoot.CustomRole("billing-again", { name: "Billing Team", permissions: ["contact_manage"], adopt: 1 });\n`);
    sandbox.chatwoot.clearRequests();
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/the Chatwoot custom role 'Billing Desk' \(id 1\) is also claimed by resource '(billing|billing-again)' of this stack/);
    expect(sandbox.chatwoot.writes()).toEqual([]);
  });

  it("adopting a role id the account does not have is refused at preview", async () => {
    project.writeProgram(program(`new chatwoot.CustomRole("ghost", { name: "Ghost", permissions: ["contact_manage"], adopt: 99 });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/account 1 has no custom role with id 99; remove adopt to create it/);
    expect(sandbox.chatwoot.writes()).toEqual([]);
  });

  it("a resource renamed without an alias that adopts its own role: the up stops before deleting it", async () => {
    project.writeProgram(roles({ billingResource: "billing-desk", billingPermissions: `"conversation_manage", "contact_manage", "report_manage"` }));
    sandbox.chatwoot.clearRequests();
    const up = await project.pulumi(["up", "--yes", "--skip-preview"]);
    expect(up.code).not.toBe(0);
    expect(up.output).toMatch(/not deleting Chatwoot custom role 'Billing Desk' \(id 1\): resource 'billing-desk' of this program adopts the same role/);
    expect(up.output).toMatch(/pulumi state delete 'urn:pulumi:dev::cw-role-adoption::pulumi-nodejs:dynamic\/chatwoot:CustomRole::billing'/);
    expect(sandbox.chatwoot.writes()).toEqual([]);
    expect(sandbox.chatwoot.admin.listCustomRoles().some((r) => r.id === 1)).toBe(true);
  });

  it("destroy deletes the adopted roles", async () => {
    await project.pulumi(["state", "delete", "urn:pulumi:dev::cw-role-adoption::pulumi-nodejs:dynamic/chatwoot:CustomRole::billing", "--yes"]);
    sandbox.chatwoot.clearRequests();
    await project.destroy();
    expect(writeLines(sandbox).sort()).toEqual(["DELETE /api/v1/accounts/1/custom_roles/1", "DELETE /api/v1/accounts/1/custom_roles/2"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { chatwootProject, dashboard, program, Sandbox, startChatwoot, writeLines } from "../support/chatwoot";

const leads = (permissions: string) =>
  program(`
export const role = new chatwoot.CustomRole("team-leads", {
  name: "Team Leads",
  description: "On-call leads: conversations, contacts and reports",
  permissions: [${permissions}],
}).customRoleId;`);

describe("chatwoot.CustomRole through the Pulumi engine", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  let roleId: number;

  beforeAll(async () => {
    sandbox = await startChatwoot();
    project = await chatwootProject(sandbox, "cw-role", leads(`"conversation_manage", "contact_manage"`));
  });
  afterAll(async () => sandbox?.close());

  it("creates the role with one POST carrying name, description and permissions", async () => {
    await project.up();
    const role = sandbox.chatwoot.admin.listCustomRoles().find((r) => r.name === "Team Leads")!;
    roleId = role.id;
    expect(writeLines(sandbox)).toEqual(["POST /api/v1/accounts/1/custom_roles"]);
    expect(sandbox.chatwoot.writes()[0].body).toEqual({
      custom_role: { name: "Team Leads", description: "On-call leads: conversations, contacts and reports", permissions: ["conversation_manage", "contact_manage"] },
    });
    expect((await project.pulumi(["stack", "output", "role"])).stdout.trim()).toBe(String(roleId));
  });

  it("a second up sends no write, and the preview expects no changes", async () => {
    sandbox.chatwoot.clearRequests();
    await project.up();
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    expect(sandbox.chatwoot.writes()).toEqual([]);
  });

  it("adding one permission previews that change and sends one PATCH carrying only the permissions", async () => {
    project.writeProgram(leads(`"conversation_manage", "contact_manage", "report_manage"`));
    const preview = await project.preview();
    expect(preview.output).toMatch(/\+\s*\[2\]: "report_manage"/);
    sandbox.chatwoot.clearRequests();
    await project.up();
    expect(writeLines(sandbox)).toEqual([`PATCH /api/v1/accounts/1/custom_roles/${roleId}`]);
    expect(sandbox.chatwoot.writes()[0].body).toEqual({ custom_role: { permissions: ["conversation_manage", "contact_manage", "report_manage"] } });
  });

  it("a permission removed in the dashboard shows in a refresh preview and fails --expect-no-changes (exit 7)", async () => {
    await dashboard(sandbox, "PATCH", `/accounts/1/custom_roles/${roleId}`, { custom_role: { permissions: ["conversation_manage", "contact_manage"] } });
    const gate = await project.preview("--refresh", "--expect-no-changes");
    expect(gate.code, gate.output).toBe(7);
    expect(gate.output).toMatch(/report_manage/);
    expect(sandbox.chatwoot.writes()).toEqual([]);
  });

  it("up --refresh repairs the drift with one PATCH; destroy deletes the role with one DELETE", async () => {
    sandbox.chatwoot.clearRequests();
    await project.up("--refresh");
    expect(sandbox.chatwoot.writes().map((w) => w.body)).toEqual([{ custom_role: { permissions: ["conversation_manage", "contact_manage", "report_manage"] } }]);
    sandbox.chatwoot.clearRequests();
    await project.destroy();
    expect(writeLines(sandbox)).toEqual([`DELETE /api/v1/accounts/1/custom_roles/${roleId}`]);
    expect(sandbox.chatwoot.admin.listCustomRoles().some((r) => r.id === roleId)).toBe(false);
  });
});

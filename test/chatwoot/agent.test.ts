import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { chatwootProject, dashboard, program, Sandbox, startChatwoot, writeLines } from "../support/chatwoot";

const team = (reportsAvailability: string) =>
  program(`
const leads = new chatwoot.CustomRole("team-leads", { name: "Team Leads", permissions: ["conversation_manage", "report_manage"] });
const lea = new chatwoot.Agent("lea", { name: "Lea Lead", email: "lea@acme.test", customRole: leads.customRoleId });
const dan = new chatwoot.Agent("dan", { name: "Dan Globex", email: "dan@globex.test", customRole: "Reports Only", availability: "${reportsAvailability}" });
const ben = new chatwoot.Agent("ben", { name: "Ben Agent", email: "ben@acme.test", adopt: true, availability: "online" }, { retainOnDelete: true });
const olga = new chatwoot.Agent("olga", { name: "Olga Omni", email: "olga@omnivibe.test", role: "administrator", connection: "omnivibe" });
export const ids = { lea: lea.agentId, dan: dan.agentId, ben: ben.agentId, role: leads.customRoleId };`);

describe("chatwoot.Agent through the Pulumi engine", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  let ids: { lea: number; dan: number; ben: number; role: number };

  beforeAll(async () => {
    sandbox = await startChatwoot();
    project = await chatwootProject(sandbox, "cw-agents", team("online"));
  });
  afterAll(async () => sandbox?.close());

  it("creates: a role, then agents with their custom role in the POST; an existing user is reused; adoption is one PATCH", async () => {
    await project.up();
    ids = JSON.parse((await project.pulumi(["stack", "output", "ids", "--json"])).stdout);
    const byPath = (line: string) => sandbox.chatwoot.writes().filter((w) => `${w.method} ${w.path}` === line).map((w) => w.body);
    expect(writeLines(sandbox).sort()).toEqual([
      "PATCH /api/v1/accounts/1/agents/2",
      "POST /api/v1/accounts/1/agents",
      "POST /api/v1/accounts/1/agents",
      "POST /api/v1/accounts/1/custom_roles",
    ]);
    expect(byPath("POST /api/v1/accounts/1/agents")).toEqual(expect.arrayContaining([
      { agent: { name: "Lea Lead", email: "lea@acme.test" }, custom_role_id: ids.role },
      { agent: { name: "Dan Globex", email: "dan@globex.test", availability: "online" }, custom_role_id: 3 },
    ]));
    // Ben (adopted) was busy: one PATCH of that field, keeping the custom role he has (none).
    expect(byPath("PATCH /api/v1/accounts/1/agents/2")).toEqual([{ agent: { availability: "online" }, custom_role_id: null }]);
    // Dan already had a user (in account 2): Chatwoot reused it, so no new user and the same id.
    expect(ids.dan).toBe(sandbox.chatwoot.userIds.otherAdmin);
    expect(sandbox.chatwoot.admin.membership(1, ids.lea)!.customRoleId).toBe(ids.role);
    // connection "omnivibe" reads CHATWOOT_OMNIVIBE_*: the white-label install got its agent, Chatwoot's did not.
    expect(sandbox.omnivibe.writes().map((w) => `${w.method} ${w.path}`)).toEqual(["POST /api/v1/accounts/1/agents"]);
    expect(sandbox.chatwoot.admin.findUserByEmail("olga@omnivibe.test")).toBeUndefined();
  });

  it("a second up sends no write, and the preview expects no changes", async () => {
    sandbox.chatwoot.clearRequests();
    sandbox.omnivibe.clearRequests();
    await project.up();
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    expect([...sandbox.chatwoot.writes(), ...sandbox.omnivibe.writes()]).toEqual([]);
  });

  it("changing one field sends one PATCH with only that field and the custom role to keep", async () => {
    project.writeProgram(team("busy"));
    const preview = await project.preview();
    expect(preview.output).toMatch(/~ availability\s*: "online" => "busy"/);
    sandbox.chatwoot.clearRequests();
    await project.up();
    expect(writeLines(sandbox)).toEqual([`PATCH /api/v1/accounts/1/agents/${ids.dan}`]);
    expect(sandbox.chatwoot.writes()[0].body).toEqual({ agent: { availability: "busy" }, custom_role_id: 3 });
    expect(sandbox.chatwoot.admin.membership(1, ids.dan)!.customRoleId).toBe(3);
  });

  it("an agent made administrator in the dashboard (which also clears the custom role) fails --expect-no-changes (exit 7)", async () => {
    await dashboard(sandbox, "PATCH", `/accounts/1/agents/${ids.lea}`, { role: "administrator" });
    expect(sandbox.chatwoot.admin.membership(1, ids.lea)!.customRoleId).toBeNull();
    const gate = await project.preview("--refresh", "--expect-no-changes");
    expect(gate.code, gate.output).toBe(7);
    expect(gate.output).toMatch(/customRole/);
    expect(sandbox.chatwoot.writes()).toEqual([]);
  });

  it("up --refresh repairs it with one PATCH that puts the custom role back", async () => {
    await project.up("--refresh");
    expect(writeLines(sandbox)).toEqual([`PATCH /api/v1/accounts/1/agents/${ids.lea}`]);
    expect(sandbox.chatwoot.writes()[0].body).toEqual({ agent: { name: "Lea Lead" }, custom_role_id: ids.role });
    expect(sandbox.chatwoot.admin.membership(1, ids.lea)!.customRoleId).toBe(ids.role);
  });

  it("destroy removes the memberships: a user with no other account goes, one with another stays; a retained adoption stays", async () => {
    sandbox.chatwoot.clearRequests();
    await project.destroy();
    expect(writeLines(sandbox).sort()).toEqual([
      `DELETE /api/v1/accounts/1/agents/${ids.dan}`,
      `DELETE /api/v1/accounts/1/agents/${ids.lea}`,
      `DELETE /api/v1/accounts/1/custom_roles/${ids.role}`,
    ]);
    expect(sandbox.chatwoot.admin.getUser(ids.lea)).toBeUndefined();
    expect(sandbox.chatwoot.admin.membership(1, ids.dan)).toBeUndefined();
    expect(sandbox.chatwoot.admin.membership(2, ids.dan)).toBeDefined();
    expect(sandbox.chatwoot.admin.membership(1, ids.ben)).toBeDefined();
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { deskProject, program, Sandbox } from "../support/desk";

const tier3 = (name: string) =>
  program(`new zohoDesk.Profile("tier3", { name: "${name}", permissions: { tickets: { delete: false, export: false } } });`);

describe("failed applies leave nothing behind, and a rerun converges", () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    // A one-second retry hint on 429s keeps the retry story quick; the hint-less minute is rate-limit.test.ts's.
    sandbox = await startSandbox({ zohoDesk: { retryAfterSeconds: 1 } });
  });
  afterEach(() => sandbox.zohoDesk.faults.clear());
  afterAll(async () => sandbox?.close());

  it("when the PATCH after a clone keeps failing, the clone is deleted again; the rerun creates exactly one profile", async () => {
    const project = await deskProject(sandbox, "rollback", tier3("Tier 3"));
    sandbox.zohoDesk.faults.failNext({ method: "PATCH", status: 500, times: 100 });
    const failed = await project.pulumi(["up", "--yes", "--skip-preview"]);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain("was deleted again; nothing is left behind");
    expect(sandbox.zohoDesk.admin.findProfileByName("Tier 3")).toBeUndefined();
    const methods = sandbox.zohoDesk.writes().map((w) => w.method);
    expect(methods[0]).toBe("POST");
    expect(methods.at(-1)).toBe("POST");
    expect(methods.filter((m) => m === "PATCH")).toHaveLength(5);

    sandbox.zohoDesk.faults.clear();
    sandbox.zohoDesk.clearRequests();
    await project.up();
    expect(sandbox.zohoDesk.writes().map((w) => w.method)).toEqual(["POST", "PATCH"]);
    expect(sandbox.zohoDesk.admin.listProfiles().filter((p: { name: string }) => p.name === "Tier 3")).toHaveLength(1);
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    await project.destroy();
  });

  it("when even the clean-up fails, the new profile is recorded in the stack and the rerun finishes it in place", async () => {
    const project = await deskProject(sandbox, "partial", tier3("Tier 3 Weekend"));
    sandbox.zohoDesk.faults.failNext({ method: "PATCH", status: 503, times: 100 });
    sandbox.zohoDesk.faults.failNext({ method: "POST", path: /\/delete$/, status: 503, times: 100 });
    const failed = await project.pulumi(["up", "--yes", "--skip-preview"]);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain("It is recorded in the stack: the next pulumi up finishes it.");
    const orphan = sandbox.zohoDesk.admin.findProfileByName("Tier 3 Weekend")!;
    expect(orphan).toBeDefined();

    sandbox.zohoDesk.faults.clear();
    sandbox.zohoDesk.clearRequests();
    await project.up();
    expect(sandbox.zohoDesk.writes().map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /api/v1/profiles/${orphan.id}`]);
    expect(sandbox.zohoDesk.admin.listProfiles().filter((p: { name: string }) => p.name === "Tier 3 Weekend")).toHaveLength(1);
    expect(sandbox.zohoDesk.admin.getProfile(orphan.id)!.permissions.tickets.delete).toBe(false);
    await project.destroy();
  });

  it("rate limiting (429) and dropped connections are retried, and the change is applied once", async () => {
    const project = await deskProject(sandbox, "retries", tier3("Tier 3 Night Shift"));
    await project.up();
    project.writeProgram(tier3("Tier 3 Night Shift").replace("export: false", "export: true"));
    sandbox.zohoDesk.clearRequests();
    sandbox.zohoDesk.faults.failNext({ method: "PATCH", status: 429, times: 2 });
    sandbox.zohoDesk.faults.failNext({ method: "GET", dropConnection: true, times: 1 });
    await project.up("--refresh");
    const patches = sandbox.zohoDesk.requests().filter((r) => r.method === "PATCH");
    expect(patches.map((p) => p.status)).toEqual([429, 429, 200]);
    expect(patches.at(-1)!.body).toEqual({ permissions: { tickets: { export: true } } });
    await project.destroy();
  });

  it("a profile with agents is not deleted without transferToProfile; setting it lets destroy move them", async () => {
    const project = await deskProject(
      sandbox,
      "transfer",
      program(`new zohoDesk.Profile("advisors", { name: "Agent Advisors", adopt: "Agent Advisors" });`),
    );
    await project.up();
    const advisors = sandbox.zohoDesk.admin.findProfileByName("Agent Advisors")!;
    const agentsBefore = sandbox.zohoDesk.admin.agentsOf(advisors.id).length;
    expect(agentsBefore).toBeGreaterThan(0);

    sandbox.zohoDesk.clearRequests();
    const refused = await project.pulumi(["destroy", "--yes", "--skip-preview"]);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain(`${agentsBefore} agent(s) still use it`);
    expect(sandbox.zohoDesk.writes()).toEqual([]);

    project.writeProgram(program(`new zohoDesk.Profile("advisors", { name: "Agent Advisors", adopt: "Agent Advisors", transferToProfile: "Supervisor" });`));
    await project.up();
    expect(sandbox.zohoDesk.writes()).toEqual([]);
    const supervisor = sandbox.zohoDesk.admin.findProfileByName("Supervisor")!;
    const supervisorAgents = sandbox.zohoDesk.admin.agentsOf(supervisor.id).length;
    await project.destroy();
    expect(sandbox.zohoDesk.admin.getProfile(advisors.id)).toBeUndefined();
    expect(sandbox.zohoDesk.admin.agentsOf(supervisor.id)).toHaveLength(supervisorAgents + agentsBefore);
  });

  it("a delete Zoho refuses (a built-in profile) fails destroy with Zoho's own words and keeps it in the stack", async () => {
    const project = await deskProject(sandbox, "undeletable", program(`new zohoDesk.Profile("newbies", { name: "Newbie Agent", adopt: "Newbie Agent", transferToProfile: "Agent" });`));
    await project.up();
    const refused = await project.pulumi(["destroy", "--yes", "--skip-preview"]);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/Zoho Desk rejected POST \/profiles\/\d+\/delete with 403 FORBIDDEN/);
    expect(sandbox.zohoDesk.admin.findProfileByName("Newbie Agent")).toBeDefined();
    const state = await project.exportState();
    expect(state.deployment.resources.some((r) => r.type.endsWith("zohoDesk:Profile"))).toBe(true);
  });

  it("an edit Zoho refuses at apply fails the update with Zoho's own words and changes nothing", async () => {
    const project = await deskProject(sandbox, "refused-edit", program(`new zohoDesk.Profile("billing", { name: "Billing Specialists", adopt: "Billing Specialists", permissions: { tickets: { delete: false } } });`));
    await project.up();
    project.writeProgram(program(`new zohoDesk.Profile("billing", { name: "Billing Specialists", adopt: "Billing Specialists", permissions: { tickets: { delete: true } } });`));
    sandbox.zohoDesk.faults.failNext({ method: "PATCH", status: 403 });
    const failed = await project.pulumi(["up", "--yes", "--skip-preview"]);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(/Zoho Desk rejected PATCH \/profiles\/\d+ with 403/);
    expect(sandbox.zohoDesk.admin.findProfileByName("Billing Specialists")!.permissions.tickets.delete).toBe(false);
  });
});

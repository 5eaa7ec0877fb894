import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { deskProject, program, Sandbox } from "../support/desk";

const names = Array.from({ length: 20 }, (_, i) => `Shift ${String(i + 1).padStart(2, "0")}`);
const twentyProfiles = program(
  names.map((name, i) => `new zohoDesk.Profile("shift-${i + 1}", { name: "${name}", permissions: { tickets: { delete: false, export: ${i % 2 === 0} } } });`).join("\n"),
);

const until = async (condition: () => boolean, timeoutMs: number) => {
  for (const start = Date.now(); !condition(); ) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting for the sandbox");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("an up killed half-way is finished by running pulumi up again", () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => sandbox?.close());

  it("SIGKILL of the CLI and its plugins while creating 20 profiles: the rerun takes over what was created, no orphan, no duplicate, no edit", async () => {
    const project = await deskProject(sandbox, "interrupted", twentyProfiles);
    const clones = () => sandbox.zohoDesk.requests().filter((r) => r.method === "POST" && r.path.endsWith("/clone") && r.status === 200);
    sandbox.zohoDesk.setLatency(150);
    const run = project.startKillable(["up", "--yes", "--skip-preview"]);
    await until(() => clones().length >= 8, 120_000);
    run.kill();
    await run.exited;
    // Clones already on the wire still land (their answers are lost): the hardest case for the rerun.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    sandbox.zohoDesk.setLatency(0);
    const createdBeforeKill = clones().length;
    expect(createdBeforeKill).toBeLessThan(20);

    // The file backend keeps the lock of the killed run; `pulumi cancel` is what the README tells users to run.
    await project.pulumi(["cancel", "--yes"]);
    sandbox.zohoDesk.clearRequests();
    await project.up();

    const profiles = sandbox.zohoDesk.admin.listProfiles();
    for (const name of names) expect(profiles.filter((p) => p.name === name), name).toHaveLength(1);
    // Only the profiles the killed run never cloned are cloned now.
    expect(clones().length).toBe(20 - createdBeforeKill);
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    const state = await project.exportState();
    expect(state.deployment.resources.filter((r) => r.type.endsWith("zohoDesk:Profile"))).toHaveLength(20);
    await project.destroy();
    expect(sandbox.zohoDesk.admin.listProfiles().filter((p) => names.includes(p.name))).toEqual([]);
  });

  it("a same-named profile made by another stack is still refused, naming that stack", async () => {
    const prod = await deskProject(sandbox, "interrupted-prod", program(`new zohoDesk.Profile("nights", { name: "Night Owls" });`));
    await prod.up();
    const dev = await deskProject(sandbox, "interrupted-dev", program(`new zohoDesk.Profile("nights", { name: "Night Owls" });`));
    sandbox.zohoDesk.clearRequests();
    const preview = await dev.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("already exists");
    expect(preview.output).toContain("is managed by resource 'nights' of stack 'dev' (project 'interrupted-prod')");
    expect(sandbox.zohoDesk.writes()).toEqual([]);
    await prod.destroy();
  });
});

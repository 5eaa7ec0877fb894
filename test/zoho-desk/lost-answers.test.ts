import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { deskProject, program, Sandbox } from "../support/desk";

const nightShift = (name: string) =>
  program(`new zohoDesk.Profile("nights", { name: "${name}", permissions: { tickets: { delete: false, export: false } } });`);

describe("lost answers and failed attempts: looked up before anything is repeated, and a rerun converges", () => {
  let sandbox: Sandbox;
  const calls = (pattern: RegExp) => sandbox.zohoDesk.requests().filter((r) => pattern.test(`${r.method} ${r.path}`));
  const named = (name: string) => sandbox.zohoDesk.admin.listProfiles().filter((p) => p.name === name);

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterEach(() => {
    sandbox.zohoDesk.faults.clear();
    sandbox.zohoDesk.clearRequests();
  });
  afterAll(async () => sandbox?.close());

  it("a clone whose answer was lost is found by its name and marker, not cloned again", async () => {
    const project = await deskProject(sandbox, "lost-clone", nightShift("Nights A"));
    sandbox.zohoDesk.faults.failNext({ method: "POST", path: /\/clone$/, loseAnswer: true });
    await project.up();
    expect(calls(/^POST .*\/clone$/)).toHaveLength(1);
    expect(named("Nights A")).toHaveLength(1);
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    await project.destroy();
  });

  it("a clone that failed with 5xx or a dropped connection, and provably did not land, is sent again", async () => {
    const project = await deskProject(sandbox, "failed-clone", nightShift("Nights B"));
    sandbox.zohoDesk.faults.failNext({ method: "POST", path: /\/clone$/, status: 500 });
    sandbox.zohoDesk.faults.failNext({ method: "POST", path: /\/clone$/, dropConnection: true });
    await project.up();
    expect(calls(/^POST .*\/clone$/).map((r) => r.status)).toEqual([500, 0, 200]);
    expect(named("Nights B")).toHaveLength(1);
    await project.destroy();
  });

  it("a delete whose answer was lost is retried, sees 404, and counts as done", async () => {
    const project = await deskProject(sandbox, "lost-delete", nightShift("Nights C"));
    await project.up();
    const id = named("Nights C")[0].id;
    sandbox.zohoDesk.clearRequests();
    sandbox.zohoDesk.faults.failNext({ method: "POST", path: /\/delete$/, loseAnswer: true });
    await project.destroy();
    expect(sandbox.zohoDesk.admin.getProfile(id)).toBeUndefined();
    expect(calls(/^DELETE /)).toEqual([]);
    expect(((await project.exportState()).deployment.resources ?? []).filter((r) => r.type.endsWith("zohoDesk:Profile"))).toEqual([]);
  });

  it("after a rollback whose delete landed but never answered, the next up converges instead of patching a dead id", async () => {
    const project = await deskProject(sandbox, "lost-rollback", nightShift("Nights D"));
    sandbox.zohoDesk.faults.failNext({ method: "PATCH", status: 500, times: 100 });
    sandbox.zohoDesk.faults.failNext({ method: "POST", path: /\/delete$/, loseAnswer: true });
    sandbox.zohoDesk.faults.failNext({ method: "POST", path: /\/delete$/, status: 503, times: 100 });
    const failed = await project.pulumi(["up", "--yes", "--skip-preview"]);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain("It is recorded in the stack");
    expect(named("Nights D")).toHaveLength(0);

    sandbox.zohoDesk.faults.clear();
    sandbox.zohoDesk.clearRequests();
    await project.up();
    expect(calls(/^PATCH /).every((r) => r.status === 200)).toBe(true);
    expect(named("Nights D")).toHaveLength(1);
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    await project.destroy();
  });
});

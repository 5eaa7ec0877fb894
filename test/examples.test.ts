import { rmSync } from "fs";
import { join } from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../harness/project";
import { repoRoot } from "../harness/repo-root";
import { startSandbox } from "../sandbox";
import { Sandbox } from "./support/desk";

const exampleDir = join(repoRoot, "examples", "zoho-desk-support-team");

describe("examples/zoho-desk-support-team runs as documented, type-checked", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startSandbox();
    project = await PulumiProject.create({ name: "example", dir: exampleDir, env: { ...sandbox.env }, typeCheck: true });
  });
  afterAll(async () => {
    rmSync(join(exampleDir, "Pulumi.dev.yaml"), { force: true });
    await sandbox?.close();
  });

  it("previews with a transfer target that is another resource's output (unknown until apply)", async () => {
    const preview = await project.preview();
    expect(preview.code, preview.output).toBe(0);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("applies, then shows a stack setting's effect as one leaf, and destroys", async () => {
    await project.up();
    const nightShift = sandbox.zohoDesk.admin.findProfileByName("Night Shift")!;
    expect(nightShift.permissions.tickets.handleUnassigned).toBe(true);
    const supervisor = () => sandbox.zohoDesk.admin.findProfileByName("Supervisor")!.permissions;
    expect([supervisor().setup.exportUsers, supervisor().tickets.export]).toEqual([false, false]);

    await project.config("tier2MayMerge", "false");
    const preview = await project.preview();
    expect(preview.output).toMatch(/~ mergeTickets\s*: true => false/);

    await project.destroy();
    expect(sandbox.zohoDesk.admin.findProfileByName("Night Shift")).toBeUndefined();
    expect([supervisor().setup.exportUsers, supervisor().tickets.export]).toEqual([true, true]);
  });
});

describe("examples/zoho-crm runs as documented in two orgs, type-checked", () => {
  const dir = join(repoRoot, "examples", "zoho-crm");
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startSandbox();
    project = await PulumiProject.create({ name: "example-crm", dir, env: { ...sandbox.env }, typeCheck: true });
  });
  afterAll(async () => {
    rmSync(join(dir, "Pulumi.dev.yaml"), { force: true });
    await sandbox?.close();
  });

  it("creates Inside Sales in both orgs, shows a stack setting as one leaf, and destroy restores the hand-made profile", async () => {
    const reps = () => sandbox.zohoCrm.com.admin.isEnabled(sandbox.zohoCrm.com.admin.findProfileByName("Sales Representative")!.id, "Crm_Implied_Delete_Contacts");
    const before = reps();
    await project.up();
    for (const org of [sandbox.zohoCrm.com, sandbox.zohoCrm.eu]) {
      const insideSales = org.admin.findProfileByName("Inside Sales")!;
      expect(org.admin.isEnabled(insideSales.id, "Crm_Implied_Delete_Leads")).toBe(false);
    }
    expect(reps()).toBe(false);

    await project.config("insideSalesMayExport", "true");
    expect((await project.preview()).output).toMatch(/~ Crm_Implied_Export_Leads\s*: false => true/);

    await project.destroy();
    expect(sandbox.zohoCrm.eu.admin.findProfileByName("Inside Sales")).toBeUndefined();
    expect(reps()).toBe(before);
  });
});

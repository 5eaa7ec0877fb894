import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { deskProject, program, Sandbox } from "../support/desk";

const profile = (resourceName: string, args: string, options = "") =>
  program(`new zohoDesk.Profile("${resourceName}", { ${args}, permissions: { tickets: { delete: false } } }${options ? `, ${options}` : ""});`);

describe("renaming a resource in the program never destroys the profile", () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => sandbox?.close());

  it("a created profile: the rename is refused at preview with the aliases hint; with aliases nothing changes", async () => {
    const project = await deskProject(sandbox, "rename-created", profile("tier1", `name: "Tier One"`));
    await project.up();
    sandbox.zohoDesk.clearRequests();

    project.writeProgram(profile("tier-one", `name: "Tier One"`));
    const renamed = await project.preview();
    expect(renamed.code).not.toBe(0);
    expect(renamed.output).toContain(`created by resource 'tier1' of this stack: if you renamed that resource, add aliases: [{ name: "tier1" }]`);

    project.writeProgram(profile("tier-one", `name: "Tier One", adopt: "Tier One"`));
    const adopting = await project.preview();
    expect(adopting.code).not.toBe(0);
    expect(adopting.output).toContain(`keep it with aliases: [{ name: "tier1" }]`);

    project.writeProgram(profile("tier-one", `name: "Tier One"`, `{ aliases: [{ name: "tier1" }] }`));
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    await project.up();
    expect(sandbox.zohoDesk.writes()).toEqual([]);
    expect(sandbox.zohoDesk.admin.findProfileByName("Tier One")).toBeDefined();
    await project.destroy();
  });

  it("an adopted profile: an up that would adopt it and delete it in one run is refused before any write", async () => {
    const project = await deskProject(sandbox, "rename-adopted", profile("advisors", `name: "Agent Advisors", adopt: "Agent Advisors", transferToProfile: "Agent"`));
    await project.up();
    sandbox.zohoDesk.clearRequests();

    project.writeProgram(profile("crm-advisors", `name: "Agent Advisors", adopt: "Agent Advisors", transferToProfile: "Agent"`));
    const up = await project.pulumi(["up", "--yes"]);
    expect(up.code).not.toBe(0);
    expect(up.output).toContain("resource 'crm-advisors' of this program adopts the same profile in this update");
    expect(up.output).toContain("pulumi state delete 'urn:pulumi:dev::rename-adopted::pulumi-nodejs:dynamic/zohoDesk:Profile::advisors'");
    expect(sandbox.zohoDesk.writes()).toEqual([]);
    expect(sandbox.zohoDesk.admin.findProfileByName("Agent Advisors")).toBeDefined();

    // The way out the message gives: drop the stale record; the profile stays, managed by the new name.
    await project.pulumi(["state", "delete", "urn:pulumi:dev::rename-adopted::pulumi-nodejs:dynamic/zohoDesk:Profile::advisors", "--yes"]);
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { PulumiProject } from "../../harness/project";
import { deskProject, program, Sandbox, writeLines } from "../support/desk";

const TYPE = "pulumi-nodejs:dynamic/zohoDesk";

const access = (setProfile: string) =>
  program(`
new zohoDesk.ProfilePermissionSet("no-deletes", { profile: "${setProfile}", permissions: { tickets: { delete: false } } });
new zohoDesk.Profile("night", { name: "Night Shift", transferToProfile: "Agent", permissions: { tickets: { delete: false, export: false } } });`);

/** What the engine replaces: a permission set moved to another profile, and a profile deleted in Zoho Desk's setup pages. */
describe("zohoDesk replacements through the Pulumi engine", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  const admin = () => sandbox.zohoDesk.admin;
  const canDelete = (name: string) => admin().findProfileByName(name)?.permissions.tickets.delete;

  beforeAll(async () => {
    sandbox = await startSandbox();
    project = await deskProject(sandbox, "desk-replacement", access("Supervisor"));
  });
  afterAll(async () => sandbox?.close());

  it("a permission set moved to another profile: replaced, the old profile getting its own value back before the new one is set", async () => {
    const [supervisorBefore, managerBefore] = [canDelete("Supervisor"), canDelete("Support Manager")];
    expect([supervisorBefore, managerBefore]).toEqual([true, true]);
    await project.up();
    expect(canDelete("Supervisor")).toBe(false);

    project.writeProgram(access("Support Manager"));
    sandbox.zohoDesk.clearRequests();
    const preview = await project.preview("--diff");
    expect(preview.output).toMatch(/\+-pulumi-nodejs:dynamic\/zohoDesk:ProfilePermissionSet: \(replace\)\s+\[id=\d+\]\s+\[urn=\S+::no-deletes\]/);
    expect(preview.output).toMatch(/~ profile\s*: "Supervisor" => "Support Manager"/);
    expect(sandbox.zohoDesk.writes()).toEqual([]);

    await project.up();
    const [manager, supervisor] = ["Support Manager", "Supervisor"].map((name) => admin().findProfileByName(name)!.id);
    // Deleted before replaced (as every replacement of ours: a profile's new clone needs its name free).
    expect(writeLines(sandbox)).toEqual([`PATCH /api/v1/profiles/${supervisor}`, `PATCH /api/v1/profiles/${manager}`]);
    expect(sandbox.zohoDesk.writes().map((w) => w.body)).toEqual([
      { permissions: { tickets: { delete: true } } },
      { permissions: { tickets: { delete: false } } },
    ]);
    expect([canDelete("Supervisor"), canDelete("Support Manager")]).toEqual([true, false]);
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
  });

  it("a profile deleted in Zoho Desk: refresh drops it, the next up clones exactly one again, and the rerun sends nothing", async () => {
    const night = admin().findProfileByName("Night Shift")!;
    admin().deleteProfile(night.id, admin().findProfileByName("Agent")!.id);
    const drift = await project.preview("--refresh", "--expect-no-changes");
    expect(drift.code).not.toBe(0);
    expect(drift.output).toMatch(/\+ pulumi-nodejs:dynamic\/zohoDesk:Profile: \(create\)\s+\[urn=\S+::night\]/);

    sandbox.zohoDesk.clearRequests();
    await project.up("--refresh");
    expect(writeLines(sandbox).map((line) => line.replace(/\d+/g, ":id"))).toEqual(["POST /api/v:id/profiles/:id/clone", "PATCH /api/v:id/profiles/:id"]);
    const again = admin().listProfiles().filter((p) => p.name === "Night Shift");
    expect(again).toHaveLength(1);
    expect(again[0].id).not.toBe(night.id);
    expect(again[0].permissions.tickets).toMatchObject({ delete: false, export: false });
    const [resource] = (await project.exportState()).deployment.resources.filter((r) => r.type === `${TYPE}:Profile`);
    expect(resource.id).toBe(again[0].id);

    sandbox.zohoDesk.clearRequests();
    await project.up();
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });
});

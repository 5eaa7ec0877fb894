import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { crmProject, crmWriteLines, program, Sandbox, sentToggles, startCrmSandbox } from "../support/crm";

const TYPE = "pulumi-nodejs:dynamic/zohoCrm:Profile";

const insideSales = (deleteDeals: boolean) =>
  program(`
export const profileId = new zohoCrm.Profile("inside-sales", {
  name: "Inside Sales",
  description: "Qualifies inbound leads.",
  permissions: {
    Crm_Implied_View_Leads: true,
    Crm_Implied_Mass_Delete_Leads: false,
    Crm_Implied_Delete_Leads: false,
    Crm_Implied_Export_Leads: false,
    Crm_Implied_Delete_Deals: ${deleteDeals},
  },
}).profileId;`);

describe("zohoCrm.Profile through the Pulumi engine: create, no-op, one switch, drift, repair, destroy", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  let standardId: string;
  let profileId: string;

  beforeAll(async () => {
    sandbox = await startCrmSandbox();
    project = await crmProject(sandbox, "crm-lifecycle", insideSales(false));
    standardId = sandbox.zohoCrm.admin.findProfileByName("Standard")!.id;
  });
  afterAll(async () => sandbox?.close());

  const admin = () => sandbox.zohoCrm.admin;

  it("create clones Standard and sends one PATCH with only the switches that differ from it, parents before children", async () => {
    await project.up();
    profileId = admin().findProfileByName("Inside Sales")!.id;
    expect(crmWriteLines(sandbox)).toEqual([`POST /settings/profiles/${standardId}/actions/clone`, `PATCH /settings/profiles/${profileId}`]);
    const clone = sandbox.zohoCrm.writes()[0].body as { profiles: Array<{ name: string; description: string }> };
    expect(clone.profiles[0].name).toBe("Inside Sales");
    expect(clone.profiles[0].description).toBe("Qualifies inbound leads.\n\n[pulumi-helpdesk: crm-lifecycle/dev/inside-sales]");
    // View_Leads is already on in Standard, so it is not sent; Mass Delete (a child of Delete) comes after Delete.
    expect(sentToggles(sandbox, 1)).toEqual([
      ["Crm_Implied_Delete_Deals", false],
      ["Crm_Implied_Delete_Leads", false],
      ["Crm_Implied_Export_Leads", false],
      ["Crm_Implied_Mass_Delete_Leads", false],
    ]);
    for (const name of ["Crm_Implied_Delete_Leads", "Crm_Implied_Export_Leads", "Crm_Implied_Delete_Deals", "Crm_Implied_Mass_Delete_Leads"]) {
      expect(admin().isEnabled(profileId, name), name).toBe(false);
    }
    const [resource] = (await project.exportState()).deployment.resources.filter((r) => r.type === TYPE);
    expect(resource.id).toBe(profileId);
    expect(resource.outputs.description).toBe("Qualifies inbound leads.");
    expect(resource.outputs.profile).toEqual({ type: "normal_profile", custom: true, api_name: "Inside_Sales" });
  });

  it("a second up sends no write, and the preview expects no changes", async () => {
    sandbox.zohoCrm.clearRequests();
    await project.up();
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    expect(sandbox.zohoCrm.writes()).toEqual([]);
  });

  it("changing one switch previews that leaf and sends one PATCH with exactly that toggle", async () => {
    project.writeProgram(insideSales(true));
    const preview = await project.preview();
    expect(preview.output).toMatch(/~ permissions\s*: \{[^}]*~ Crm_Implied_Delete_Deals\s*: false => true/);
    expect(preview.output).not.toMatch(/~ Crm_Implied_(View|Delete|Export|Mass_Delete)_Leads/);

    sandbox.zohoCrm.clearRequests();
    await project.up();
    expect(crmWriteLines(sandbox)).toEqual([`PATCH /settings/profiles/${profileId}`]);
    expect(sandbox.zohoCrm.writes()[0].body).toEqual({ profiles: [{ permissions_details: [{ id: admin().permissionId("Crm_Implied_Delete_Deals"), enabled: true }] }] });
    expect(admin().isEnabled(profileId, "Crm_Implied_Delete_Deals")).toBe(true);
  });

  it("drift made in the setup page shows in a refresh preview as that leaf, and fails --expect-no-changes with exit code 7", async () => {
    admin().setPermission(profileId, "Crm_Implied_Export_Leads", true);
    sandbox.zohoCrm.clearRequests();

    const refreshDiff = await project.preview("--refresh");
    expect(refreshDiff.output).toMatch(/~ Crm_Implied_Export_Leads\s*: true => false/);

    const gate = await project.preview("--refresh", "--expect-no-changes");
    expect(gate.code, gate.output).toBe(7);
    expect(gate.output).toMatch(/~ Crm_Implied_Export_Leads\s*: true => false/);
    expect(gate.output).not.toMatch(/~ Crm_Implied_(Delete_Leads|Delete_Deals|Mass_Delete_Leads|View_Leads)\s*:/);
    expect(sandbox.zohoCrm.writes()).toEqual([]);
  });

  it("up --refresh repairs the drift with one PATCH of that leaf", async () => {
    sandbox.zohoCrm.clearRequests();
    await project.up("--refresh");
    expect(crmWriteLines(sandbox)).toEqual([`PATCH /settings/profiles/${profileId}`]);
    expect(sentToggles(sandbox)).toEqual([["Crm_Implied_Export_Leads", false]]);
    expect((await project.preview("--refresh", "--expect-no-changes")).code).toBe(0);
  });

  it("a permission the program does not declare may change in the setup page without showing as drift", async () => {
    admin().setPermission(profileId, "Crm_Implied_Delete_Cases", false);
    const gate = await project.preview("--refresh", "--expect-no-changes");
    expect(gate.code, gate.output).toBe(0);
  });

  it("destroy deletes the profile with one DELETE, its users going to Standard", async () => {
    sandbox.zohoCrm.clearRequests();
    await project.destroy();
    expect(crmWriteLines(sandbox)).toEqual([`DELETE /settings/profiles/${profileId}?transfer_to=${standardId}`]);
    expect(admin().findProfileByName("Inside Sales")).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { crmProject, program, Sandbox, startCrmSandbox } from "../support/crm";

const TYPE = "pulumi-nodejs:dynamic/zohoCrm:Profile";

// The same resource, by permission names only, in the .com org (default connection) and the .eu org.
const fieldSales = (resource: string, connection: string) => `
new zohoCrm.Profile("${resource}", {
  name: "Field Sales",
  cloneFrom: "Support Agents",${connection}
  permissions: { Crm_Implied_Create_Leads: true, Crm_Implied_View_Leads: true, Crm_Implied_Delete_Cases: false },
});`;
const bothOrgs = fieldSales("field-sales", "") + fieldSales("field-sales-eu", `\n  connection: "eu",`);
const adoptReps = `
new zohoCrm.Profile("sales-reps", {
  name: "Sales Representative",
  adopt: "Sales Representative",
  transferToProfile: "Support Agents",
  permissions: { Crm_Implied_Delete_Deals: false, Crm_Implied_View_Leads: true },
});`;

describe("one program, two Zoho CRM orgs whose permission ids differ; adopting a profile made by hand", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startCrmSandbox();
    project = await crmProject(sandbox, "crm-orgs", program(bothOrgs));
  });
  afterAll(async () => sandbox?.close());

  it("the same permission names reach each org as that org's ids, parents before children", async () => {
    await project.up();
    for (const dc of ["com", "eu"] as const) {
      const org = sandbox.zohoCrm.org(dc);
      const source = org.admin.findProfileByName("Support Agents")!.id;
      const created = org.admin.findProfileByName("Field Sales")!.id;
      expect(org.writes().map((w) => `${w.method} ${w.path}`), dc).toEqual([
        `POST /crm/v8/settings/profiles/${source}/actions/clone`,
        `PATCH /crm/v8/settings/profiles/${created}`,
      ]);
      const id = (name: string) => org.admin.permissionId(name);
      expect(org.writes()[1].body, dc).toEqual({ profiles: [{ permissions_details: [
        { id: id("Crm_Implied_View_Leads"), enabled: true },
        { id: id("Crm_Implied_Create_Leads"), enabled: true },
        { id: id("Crm_Implied_Delete_Cases"), enabled: false },
      ] }] });
      expect(org.admin.isEnabled(created, "Crm_Implied_Create_Leads"), dc).toBe(true);
    }
    expect(sandbox.zohoCrm.com.admin.permissionId("Crm_Implied_View_Leads")).not.toBe(sandbox.zohoCrm.eu.admin.permissionId("Crm_Implied_View_Leads"));
    sandbox.zohoCrm.clearRequests();
    expect((await project.preview("--refresh", "--expect-no-changes")).code).toBe(0);
    expect(sandbox.zohoCrm.writes()).toEqual([]);
  });

  it("adoption previews each leaf it will change, then sends one PATCH and creates nothing", async () => {
    project.writeProgram(program(bothOrgs + adoptReps));
    const preview = await project.preview();
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toContain("permissions.Crm_Implied_Delete_Deals: true => false");
    expect(preview.output).not.toContain("Crm_Implied_View_Leads: true => true");

    const reps = sandbox.zohoCrm.admin.findProfileByName("Sales Representative")!;
    sandbox.zohoCrm.clearRequests();
    await project.up();
    expect(sandbox.zohoCrm.writes().map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /crm/v8/settings/profiles/${reps.id}`]);
    const [adopted] = (await project.exportState()).deployment.resources.filter((r) => r.type === TYPE && r.urn.endsWith("sales-reps"));
    expect(adopted.id).toBe(reps.id);
    expect(adopted.outputs.changesOnAdoption).toEqual(["permissions.Crm_Implied_Delete_Deals: true => false"]);
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
  });

  it("destroy deletes every profile in its own org; the adopted one's users move to transferToProfile", async () => {
    const support = sandbox.zohoCrm.admin.findProfileByName("Support Agents")!.id;
    const reps = sandbox.zohoCrm.admin.findProfileByName("Sales Representative")!.id;
    const repUsers = sandbox.zohoCrm.admin.usersOf(reps).map((u) => u.email);
    sandbox.zohoCrm.clearRequests();
    await project.destroy();
    const deletes = sandbox.zohoCrm.writes().map((w) => `${w.dataCentre} ${w.method} ${w.path.replace(/\d{19}$/, "<id>")}?transfer_to=${w.query.transfer_to}`);
    const standard = (dc: "com" | "eu") => sandbox.zohoCrm.org(dc).admin.findProfileByName("Standard")!.id;
    expect(deletes.sort()).toEqual([
      `com DELETE /crm/v8/settings/profiles/<id>?transfer_to=${standard("com")}`,
      `com DELETE /crm/v8/settings/profiles/<id>?transfer_to=${support}`,
      `eu DELETE /crm/v8/settings/profiles/<id>?transfer_to=${standard("eu")}`,
    ].sort());
    expect(sandbox.zohoCrm.admin.usersOf(support).map((u) => u.email)).toEqual(expect.arrayContaining(repUsers));
    for (const dc of ["com", "eu"] as const) expect(sandbox.zohoCrm.org(dc).admin.findProfileByName("Field Sales"), dc).toBeUndefined();
  });
});

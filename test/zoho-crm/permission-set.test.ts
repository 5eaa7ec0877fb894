import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { crmProject, crmWriteLines, program, Sandbox, sentToggles, startCrmSandbox } from "../support/crm";

const TYPE = "pulumi-nodejs:dynamic/zohoCrm:ProfilePermissionSet";

const repsSet = (permissions: string) =>
  program(`
export const originals = new zohoCrm.ProfilePermissionSet("reps-guardrails", {
  profile: "Sales Representative",
  permissions: ${permissions},
}).originalPermissions;`);

// Sales Representative has Delete_Contacts, Export_Leads and View_Leads on, Delete_Accounts off: three of four differ.
const v1 = `{ Crm_Implied_Delete_Contacts: false, Crm_Implied_Export_Leads: false, Crm_Implied_View_Leads: true, Crm_Implied_Delete_Accounts: true }`;
const v2 = `{ Crm_Implied_Delete_Contacts: false, Crm_Implied_Export_Leads: true, Crm_Implied_View_Leads: true, Crm_Implied_Delete_Accounts: true }`;
// Delete_Accounts dropped from the program, Mass_Update_Leads (a grandchild of View_Leads) added.
const v3 = `{ Crm_Implied_Delete_Contacts: false, Crm_Implied_Export_Leads: true, Crm_Implied_View_Leads: true, Crm_Implied_Mass_Update_Leads: false }`;

describe("zohoCrm.ProfilePermissionSet through the Pulumi engine", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  let repsId: string;
  let before: Record<string, boolean>;

  const admin = () => sandbox.zohoCrm.admin;
  const live = () => Object.fromEntries(admin().getProfile(repsId)!.permissions_details.map((p) => [p.name, p.enabled]));

  beforeAll(async () => {
    sandbox = await startCrmSandbox();
    project = await crmProject(sandbox, "crm-permission-set", repsSet(v1));
    repsId = admin().findProfileByName("Sales Representative")!.id;
    before = live();
  });
  afterAll(async () => sandbox?.close());

  it("create records the values it found and sends one PATCH with only the switches that differ", async () => {
    await project.up();
    expect(crmWriteLines(sandbox)).toEqual([`PATCH /settings/profiles/${repsId}`]);
    expect(sentToggles(sandbox)).toEqual([["Crm_Implied_Delete_Accounts", true], ["Crm_Implied_Delete_Contacts", false], ["Crm_Implied_Export_Leads", false]]);
    const [set] = (await project.exportState()).deployment.resources.filter((r) => r.type === TYPE);
    expect(set.id).toBe(repsId);
    expect(set.outputs.profileName).toBe("Sales Representative");
    expect(set.outputs.originalPermissions).toEqual({ Crm_Implied_Delete_Contacts: true, Crm_Implied_Export_Leads: true, Crm_Implied_View_Leads: true, Crm_Implied_Delete_Accounts: false });
  });

  it("a second up sends no write, and the preview expects no changes", async () => {
    sandbox.zohoCrm.clearRequests();
    await project.up();
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    expect(sandbox.zohoCrm.writes()).toEqual([]);
  });

  it("changing one switch previews that leaf and sends one PATCH with exactly that toggle", async () => {
    project.writeProgram(repsSet(v2));
    const preview = await project.preview();
    expect(preview.output).toMatch(/~ Crm_Implied_Export_Leads\s*: false => true/);
    sandbox.zohoCrm.clearRequests();
    await project.up();
    expect(crmWriteLines(sandbox)).toEqual([`PATCH /settings/profiles/${repsId}`]);
    expect(sentToggles(sandbox)).toEqual([["Crm_Implied_Export_Leads", true]]);
  });

  it("drift from the setup page shows as that leaf, fails --expect-no-changes with 7, and up --refresh repairs it with one toggle", async () => {
    admin().setPermission(repsId, "Crm_Implied_Delete_Contacts", true);
    sandbox.zohoCrm.clearRequests();
    const gate = await project.preview("--refresh", "--expect-no-changes");
    expect(gate.code, gate.output).toBe(7);
    expect(gate.output).toMatch(/~ Crm_Implied_Delete_Contacts\s*: true => false/);
    expect(gate.output).not.toMatch(/~ Crm_Implied_(Export_Leads|View_Leads|Delete_Accounts)\s*:/);
    expect(sandbox.zohoCrm.writes()).toEqual([]);

    await project.up("--refresh");
    expect(sentToggles(sandbox)).toEqual([["Crm_Implied_Delete_Contacts", false]]);
  });

  it("a switch dropped from the program goes back to its original in the same PATCH that sets an added one, parents first", async () => {
    project.writeProgram(repsSet(v3));
    sandbox.zohoCrm.clearRequests();
    await project.up();
    expect(crmWriteLines(sandbox)).toEqual([`PATCH /settings/profiles/${repsId}`]);
    expect(sentToggles(sandbox)).toEqual([["Crm_Implied_Delete_Accounts", false], ["Crm_Implied_Mass_Update_Leads", false]]);
    const [set] = (await project.exportState()).deployment.resources.filter((r) => r.type === TYPE);
    expect(set.outputs.originalPermissions).toEqual({ Crm_Implied_Delete_Contacts: true, Crm_Implied_Export_Leads: true, Crm_Implied_View_Leads: true, Crm_Implied_Mass_Update_Leads: true });
  });

  it("destroy restores the recorded originals in one PATCH: the profile is as it was before the first up", async () => {
    sandbox.zohoCrm.clearRequests();
    await project.destroy();
    expect(crmWriteLines(sandbox)).toEqual([`PATCH /settings/profiles/${repsId}`]);
    expect(sentToggles(sandbox)).toEqual([["Crm_Implied_Delete_Contacts", true], ["Crm_Implied_Mass_Update_Leads", true]]);
    expect(live()).toEqual(before);
  });
});

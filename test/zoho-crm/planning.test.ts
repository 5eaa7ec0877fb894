import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VendorApiError } from "../../provider/core/errors";
import { describeZohoCrmError, isGoneProfileError } from "../../provider/zohoCrm/errors";
import { PermissionCatalogue } from "../../provider/zohoCrm/permission-catalogue";
import { permissionFailures } from "../../provider/zohoCrm/permission-rules";
import { planUpdate } from "../../provider/zohoCrm/profile-permission-set-state";
import { changeFor, liveTree } from "../../provider/zohoCrm/profile-state";
import { DetailedProfile } from "../../provider/zohoCrm/schema";
import { Sandbox, startCrmSandbox } from "../support/crm";

/** The planning logic without the engine: what one request carries, and what preview refuses. */
describe("zohoCrm planning, in process", () => {
  let sandbox: Sandbox;
  let catalogue: PermissionCatalogue;
  let supportAgents: DetailedProfile;

  beforeAll(async () => {
    sandbox = await startCrmSandbox();
    supportAgents = sandbox.zohoCrm.admin.findProfileByName("Support Agents") as unknown as DetailedProfile;
    catalogue = new PermissionCatalogue(supportAgents);
  });
  afterAll(async () => sandbox?.close());

  it("toggles carry this org's ids, parents before children whatever the program's order", () => {
    const id = (name: string) => sandbox.zohoCrm.admin.permissionId(name);
    expect(catalogue.toggles({ Crm_Implied_Mass_Update_Leads: true, Crm_Implied_Edit_Leads: true, Crm_Implied_View_Leads: true })).toEqual([
      { id: id("Crm_Implied_View_Leads"), name: "Crm_Implied_View_Leads", enabled: true },
      { id: id("Crm_Implied_Edit_Leads"), name: "Crm_Implied_Edit_Leads", enabled: true },
      { id: id("Crm_Implied_Mass_Update_Leads"), name: "Crm_Implied_Mass_Update_Leads", enabled: true },
    ]);
  });

  it("a misspelt name gets the closest valid names", () => {
    expect(catalogue.closest("Crm_Implied_Veiw_Leads")[0]).toBe("Crm_Implied_View_Leads");
    expect(catalogue.closest("crm_implied_delete_contact")[0]).toBe("Crm_Implied_Delete_Contacts");
    expect(catalogue.closest("Completely_Different_Thing_Here")).toEqual([]);
  });

  it("preview refuses unknown, non-customizable and orphaned children, reading the base only when a parent is undeclared", async () => {
    let reads = 0;
    const base = async () => (reads++, { label: "the profile 'Support Agents'", switches: Object.fromEntries(supportAgents.permissions_details.map((p) => [p.name, p.enabled])) });
    const failures = await permissionFailures(
      { Crm_Implied_Edit_Lead: true, Crm_Implied_Customize_Cases: true, Crm_Implied_View_Deals: false, Crm_Implied_Edit_Deals: true, Crm_Implied_Create_Leads: true },
      catalogue,
      base,
    );
    expect(failures.map((f) => f.property)).toEqual([
      "permissions.Crm_Implied_Edit_Lead",
      "permissions.Crm_Implied_Customize_Cases",
      "permissions.Crm_Implied_Edit_Deals",
      "permissions.Crm_Implied_Create_Leads",
    ]);
    expect(reads).toBe(1);
    expect(await permissionFailures({ Crm_Implied_View_Cases: true, Crm_Implied_Edit_Cases: true }, catalogue, base)).toEqual([]);
    expect(reads).toBe(1);
  });

  it("a grant the last up already sent, its parent undeclared then and now, needs no read: no write will carry it", async () => {
    let reads = 0;
    const base = async () => (reads++, { label: "the profile 'Support Agents'", switches: { Crm_Implied_View_Leads: true } });
    const declared = { Crm_Implied_Create_Leads: true };
    expect(await permissionFailures(declared, catalogue, base, { Crm_Implied_Create_Leads: true })).toEqual([]);
    expect(reads).toBe(0);
    // Newly granted, or its parent declared before and left out now (the set gives that parent back): one read.
    await permissionFailures(declared, catalogue, base, { Crm_Implied_Create_Leads: false });
    await permissionFailures(declared, catalogue, base, { Crm_Implied_Create_Leads: true, Crm_Implied_View_Leads: true });
    expect(reads).toBe(2);
  });

  it("a Profile update carries only the leaves that differ from the last seen profile", () => {
    const live = liveTree(supportAgents);
    expect(changeFor({ name: "Support Agents", permissions: { Crm_Implied_View_Cases: true, Crm_Implied_Delete_Cases: false } }, live)).toEqual({ permissions: { Crm_Implied_Delete_Cases: false } });
    expect(changeFor({ name: "Support Agents", permissions: { Crm_Implied_View_Cases: true } }, live)).toBeUndefined();
  });

  it("a permission set's update puts dropped switches back and records originals of added ones", () => {
    const plan = planUpdate({ A: false, C: true }, { A: false, B: false, C: false }, { A: true, B: true });
    expect(plan).toEqual({ change: { C: true, B: true }, originals: { A: true, C: false } });
  });

  it("Zoho's error envelopes become one line, the body's code authoritative; an unknown path id means gone", () => {
    const wrapped = { profiles: [{ code: "INVALID_DATA", details: { api_name: "id", json_path: "$.profiles[0].permissions_details[0].id" }, message: "Invalid permission ID", status: "error" }] };
    expect(describeZohoCrmError(400, wrapped)).toEqual({ code: "INVALID_DATA", detail: "Invalid permission ID (field id)" });
    const transfer = { code: "MANDATORY_NOT_FOUND", details: { param: "transfer_to" }, message: "Users in the profile need to be transferred. transfer_to param is mandatory.", status: "error" };
    expect(describeZohoCrmError(400, transfer).detail).toBe("Users in the profile need to be transferred. transfer_to param is mandatory. (parameter transfer_to)");
    const gone = new VendorApiError({ vendor: "Zoho CRM", method: "GET", path: "/x", status: 400, code: "INVALID_DATA", body: { code: "INVALID_DATA", details: { resource_path_index: 2 }, message: "m", status: "error" } });
    const badTarget = new VendorApiError({ vendor: "Zoho CRM", method: "DELETE", path: "/x", status: 400, code: "INVALID_DATA", body: { code: "INVALID_DATA", details: { id: "1" }, message: "m", status: "error" } });
    expect(isGoneProfileError(gone)).toBe(true);
    expect(isGoneProfileError(badTarget)).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Settings } from "../../provider/core/settings";
import { ZohoCrmProfilePermissionSetKind } from "../../provider/zohoCrm/profile-permission-set";
import { Sandbox, startCrmSandbox } from "../support/crm";

/** How often one provider process reads a Zoho CRM profile that several permission sets share. */
describe("zohoCrm profile reads, in process", () => {
  let sandbox: Sandbox;
  let settings: Settings;
  const owner = { project: "fast", stack: "dev", name: "r" };

  beforeAll(async () => {
    sandbox = await startCrmSandbox();
    settings = new Settings(() => undefined, { ...sandbox.env });
  });
  afterAll(async () => sandbox?.close());

  const profileReads = () => sandbox.zohoCrm.requests().filter((r) => r.method === "GET" && /\/settings\/profiles\/\d+$/.test(r.path)).length;

  it("two sets turning leaf switches back on, their parents left to the profile: the checks share the profile read at create", async () => {
    const sets = new ZohoCrmProfilePermissionSetKind(settings);
    const declared = async (olds: Record<string, unknown>, permissions: Record<string, boolean>) => {
      const checked = await sets.check(olds, { profile: "Sales Representative", permissions }, { owner });
      expect(checked.failures).toEqual([]);
      return checked.inputs!;
    };
    const exportOff = await declared({}, { Crm_Implied_Export_Leads: false });
    const a = await sets.create(exportOff);
    const createOff = await declared({}, { Crm_Implied_Create_Leads: false });
    const b = await sets.create(createOff);
    expect(profileReads()).toBe(2); // the catalogue (Standard) and Sales Representative, once

    sandbox.zohoCrm.clearRequests();
    // Each grant needs its parent (View_Leads) on in the profile: what the read at create showed, with the leaf
    // switches the two creates sent applied.
    await sets.update(a.id, a.outs, await declared(exportOff, { Crm_Implied_Export_Leads: true }));
    await sets.update(b.id, b.outs, await declared(createOff, { Crm_Implied_Create_Leads: true }));
    expect(sandbox.zohoCrm.requests().map((r) => r.method)).toEqual(["PATCH", "PATCH"]);
  });

  it("after a switch others depend on (Delete_Contacts: Mass_Delete_Contacts follows it), the next check reads again", async () => {
    const sets = new ZohoCrmProfilePermissionSetKind(settings);
    const check = (permissions: Record<string, boolean>) => sets.check({}, { profile: "Sales Representative", permissions }, { owner });
    await sets.create((await check({ Crm_Implied_Delete_Contacts: false })).inputs!);
    sandbox.zohoCrm.clearRequests();
    expect((await check({ Crm_Implied_Export_Contacts: true })).failures).toEqual([]);
    expect(profileReads()).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { BadArguments, refusedAtPreview } from "../support/bad-programs";
import { crmProject, program, Sandbox, startCrmSandbox } from "../support/crm";

const badProfiles: BadArguments[] = [
  ["a typo in a permission name", `{ name: "Tier 2", permissions: { Crm_Implied_View_Lead: true } }`, "permissions.Crm_Implied_View_Lead", /unknown permission 'Crm_Implied_View_Lead'.*did you mean 'Crm_Implied_View_Leads'/],
  ["a string where a switch goes", `{ name: "Tier 2", permissions: { Crm_Implied_View_Leads: "yes" } }`, "permissions.Crm_Implied_View_Leads", /expected boolean/],
  ["permissions as a list", `{ name: "Tier 2", permissions: ["Crm_Implied_View_Leads"] }`, "permissions", /expected record/],
  ["a name over 50 characters", `{ name: "${"N".repeat(51)}" }`, "name", /at most 50 characters/],
  ["a character Zoho forbids in names", `{ name: "Sales (EMEA)" }`, "name", /must not contain '\(', '\)': Zoho CRM refuses the characters/],
  ["a description over 250 characters", `{ name: "Tier 2", description: "${"d".repeat(251)}" }`, "description", /at most 250 characters/],
  ["a description that leaves no room for the ownership marker", `{ name: "Tier 2", description: "${"d".repeat(230)}" }`, "description", /at most \d+ characters here: Zoho CRM allows 250, and the profile also carries the ownership marker/],
  ["an unknown clone source", `{ name: "Tier 2", cloneFrom: "Tier Zero" }`, "cloneFrom", /no Zoho CRM profile is named 'Tier Zero' .*Sales Representative/],
  ["cloning the lite profile", `{ name: "Tier 2", cloneFrom: "Team User" }`, "cloneFrom", /lite profile; Zoho CRM refuses to clone it/],
  ["adopting a system profile", `{ name: "Administrator", adopt: "Administrator" }`, "adopt", /'Administrator' is a system profile of Zoho CRM; .*cannot be adopted/],
  ["adopting the lite profile", `{ name: "Team User", adopt: "Team User" }`, "adopt", /'Team User' is a lite profile of Zoho CRM/],
  ["granting a child whose parent the program turns off", `{ name: "Tier 2", permissions: { Crm_Implied_View_Leads: false, Crm_Implied_Create_Leads: true } }`, "permissions.Crm_Implied_Create_Leads", /its parent permission 'Crm_Implied_View_Leads' is declared false/],
  ["granting a child whose parent is off in the clone source", `{ name: "Tier 2", cloneFrom: "Support Agents", permissions: { Crm_Implied_Create_Leads: true } }`, "permissions.Crm_Implied_Create_Leads", /needs its parent permission 'Crm_Implied_View_Leads', which is off in the clone source 'Support Agents'/],
  ["a permission Zoho does not let anyone change", `{ name: "Tier 2", permissions: { Crm_Implied_Customize_Leads: true } }`, "permissions.Crm_Implied_Customize_Leads", /is not customizable/],
  ["a name another profile already has", `{ name: "sales representative" }`, "name", /already exists .* set adopt: 'Sales Representative'/],
  ["transferring users to the profile itself", `{ name: "Sales Representative", adopt: "Sales Representative", transferToProfile: "sales representative" }`, "transferToProfile", /is this profile itself/],
  ["a misspelt argument", `{ name: "Tier 2", permission: { Crm_Implied_View_Leads: true } }`, "permission", /unknown key 'permission' \(did you mean 'permissions'\?\)/],
  ["a connection name that cannot be a setting name", `{ name: "Tier 2", connection: "eu-west" }`, "connection", /1-32 letters and digits/],
  ["a connection without settings", `{ name: "Tier 2", connection: "apac" }`, "", /missing setting: .*helpdesk:zohoApacClientId.* ZOHO_APAC_CLIENT_ID/],
];

const badSets: BadArguments[] = [
  ["a typo in a permission name", `{ profile: "Sales Representative", permissions: { Crm_Implied_Delete_Contact: false } }`, "permissions.Crm_Implied_Delete_Contact", /did you mean 'Crm_Implied_Delete_Contacts'/],
  ["a string where a switch goes", `{ profile: "Sales Representative", permissions: { Crm_Implied_Delete_Contacts: "no" } }`, "permissions.Crm_Implied_Delete_Contacts", /expected boolean/],
  ["empty permissions", `{ profile: "Sales Representative", permissions: {} }`, "permissions", /must list at least one permission/],
  ["no profile at all", `{ permissions: { Crm_Implied_Delete_Contacts: false } }`, "profile", /is required/],
  ["an unknown profile", `{ profile: "Tier Zero", permissions: { Crm_Implied_Delete_Contacts: false } }`, "profile", /no Zoho CRM profile is named 'Tier Zero'/],
  ["the Administrator profile", `{ profile: "Administrator", permissions: { Crm_Implied_Delete_Contacts: false } }`, "profile", /system profile of Zoho CRM; Zoho refuses every update of it/],
  ["the Standard profile", `{ profile: "standard", permissions: { Crm_Implied_Delete_Contacts: false } }`, "profile", /'Standard' is a system profile/],
  ["the lite profile", `{ profile: "Team User", permissions: { Crm_Implied_View_Tasks: false } }`, "profile", /'Team User' is a lite profile/],
  ["granting a child whose parent is off in the profile", `{ profile: "Support Agents", permissions: { Crm_Implied_Create_Leads: true } }`, "permissions.Crm_Implied_Create_Leads", /which is off in the profile 'Support Agents' and not declared/],
  ["granting a child whose parent the set turns off", `{ profile: "Sales Representative", permissions: { Crm_Implied_View_Deals: false, Crm_Implied_Edit_Deals: true } }`, "permissions.Crm_Implied_Edit_Deals", /parent permission 'Crm_Implied_View_Deals' is declared false/],
  ["a permission Zoho does not let anyone change", `{ profile: "Sales Representative", permissions: { Crm_Implied_Api_Access: false } }`, "permissions.Crm_Implied_Api_Access", /is not customizable/],
  ["a misspelt argument", `{ profile: "Sales Representative", permission: { Crm_Implied_Delete_Contacts: false } }`, "permission", /did you mean 'permissions'/],
  ["a connection without settings", `{ profile: "Sales Representative", connection: "apac", permissions: { Crm_Implied_Delete_Contacts: false } }`, "", /missing setting: .*ZOHO_APAC_CLIENT_ID/],
];

describe("bad zohoCrm programs fail at preview, naming the property, and nothing is written", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startCrmSandbox();
    project = await crmProject(sandbox, "crm-bad-programs", program(""));
  });
  afterAll(async () => sandbox?.close());

  const refused = refusedAtPreview({ project: () => project, program, writes: () => sandbox.zohoCrm.writes(), secrets: () => ["sandbox-client-secret", "sandbox-refresh-token"] });

  it.each(badProfiles)("zohoCrm.Profile: %s", (_story, args, property, rule) =>
    refused(`new zohoCrm.Profile("tier2", ${args} as any);`, "tier2", property, rule));

  it.each(badSets)("zohoCrm.ProfilePermissionSet: %s", (_story, args, property, rule) =>
    refused(`new zohoCrm.ProfilePermissionSet("reps", ${args} as any);`, "reps", property, rule));

  it("two permission sets on one switch of one profile are refused, naming both", async () => {
    project.writeProgram(program(`
new zohoCrm.ProfilePermissionSet("no-deletes", { profile: "Sales Representative", permissions: { Crm_Implied_Delete_Leads: false } });
new zohoCrm.ProfilePermissionSet("lead-cleanup", { profile: "sales representative", permissions: { Crm_Implied_Delete_Leads: true, Crm_Implied_Export_Leads: false } });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/the permission Crm_Implied_Delete_Leads of the Zoho CRM profile 'Sales Representative' is also claimed by resource '(no-deletes|lead-cleanup)' of this stack/);
    expect(sandbox.zohoCrm.writes()).toEqual([]);
  });

  it("a profile that adopts a profile and a permission set on the same switch of it are refused, naming both", async () => {
    project.writeProgram(program(`
new zohoCrm.Profile("reps", { name: "Sales Representative", adopt: "Sales Representative", permissions: { Crm_Implied_Export_Leads: false } });
new zohoCrm.ProfilePermissionSet("exports", { profile: "Sales Representative", permissions: { Crm_Implied_Export_Leads: true } });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/the permission Crm_Implied_Export_Leads of the Zoho CRM profile 'Sales Representative' is also claimed by resource '(reps|exports)' of this stack/);
    expect(sandbox.zohoCrm.writes()).toEqual([]);
  });

  it("two profiles with one name (as Zoho compares names) in one org are refused, naming both; the same name in the other org is fine", async () => {
    project.writeProgram(program(`
new zohoCrm.Profile("nights", { name: "Night Shift" });
new zohoCrm.Profile("night-shift", { name: "NIGHT SHIFT" });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/the Zoho CRM profile name '(Night Shift|NIGHT SHIFT)' is also claimed by resource '(nights|night-shift)' of this stack/);

    project.writeProgram(program(`
new zohoCrm.Profile("nights", { name: "Night Shift" });
new zohoCrm.Profile("nights-eu", { name: "Night Shift", connection: "eu" });`));
    expect((await project.preview()).code).toBe(0);
    expect(sandbox.zohoCrm.writes()).toEqual([]);
  });
});

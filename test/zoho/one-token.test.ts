import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { PulumiProject } from "../../harness/project";
import { Sandbox } from "../support/desk";

/** Every Zoho resource kind in one program, over two connections (the .com and the .eu org). */
const everyZohoKind = `import { zohoCrm, zohoDesk } from "pulumi-helpdesk";
new zohoDesk.Profile("desk-tier1", { name: "Token Tier 1", cloneFrom: "Supervisor", transferToProfile: "Agent", permissions: { tickets: { delete: false } } });
new zohoDesk.ProfilePermissionSet("desk-supervisors", { profile: "Supervisor", permissions: { setup: { exportUsers: false } } });
new zohoCrm.Profile("crm-inside-sales", { name: "Token Inside Sales", permissions: { Crm_Implied_Delete_Leads: false } });
new zohoCrm.ProfilePermissionSet("crm-reps", { profile: "Sales Representative", permissions: { Crm_Implied_Delete_Contacts: false } });
new zohoCrm.Profile("crm-inside-sales-eu", { name: "Token Inside Sales", connection: "eu", permissions: { Crm_Implied_Delete_Leads: false } });
`;

describe("one engine run of every Zoho resource kind", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startSandbox();
    project = await PulumiProject.create({ name: "every-zoho-kind", program: everyZohoKind, env: { ...sandbox.env } });
  });
  afterAll(async () => sandbox?.close());

  it("makes exactly one token exchange per refresh token: Desk and CRM share the .com one, the .eu org has its own", async () => {
    await project.up();
    const exchanges = (dc: "com" | "eu") => sandbox.zohoAccounts.requests(dc).filter((r) => r.path === "/oauth/v2/token");
    expect(exchanges("com")).toHaveLength(1);
    expect(exchanges("eu")).toHaveLength(1);
    expect(sandbox.zohoDesk.writes().length).toBeGreaterThan(0);
    expect(sandbox.zohoCrm.com.writes().length).toBeGreaterThan(0);
    expect(sandbox.zohoCrm.eu.writes().length).toBeGreaterThan(0);

    // A later command on this machine reuses the cached tokens: no exchange at all.
    await project.destroy();
    expect(exchanges("com")).toHaveLength(1);
    expect(exchanges("eu")).toHaveLength(1);
  });
});

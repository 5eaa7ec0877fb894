import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { PulumiProject } from "../../harness/project";
import { program, Sandbox, writeLines } from "../support/desk";

const onConnection = (connection: string | undefined) =>
  program(`new zohoDesk.Profile("billing", { name: "Billing Desk", cloneFrom: "Supervisor", transferToProfile: "Agent", permissions: { tickets: { delete: false } }${connection ? `, connection: "${connection}"` : ""} });`);

/** The sandbox's Desk org and credentials under the names connection `name` reads (ZOHO_<NAME>_*, ZOHO_DESK_<NAME>_*). */
function connectionEnv(sandbox: Sandbox, name: string): Record<string, string> {
  const env = sandbox.env as Record<string, string>;
  const upper = name.toUpperCase();
  return {
    [`ZOHO_${upper}_ACCOUNTS_URL`]: env.ZOHO_ACCOUNTS_URL,
    [`ZOHO_${upper}_CLIENT_ID`]: env.ZOHO_CLIENT_ID,
    [`ZOHO_${upper}_CLIENT_SECRET`]: env.ZOHO_CLIENT_SECRET,
    [`ZOHO_${upper}_REFRESH_TOKEN`]: env.ZOHO_REFRESH_TOKEN,
    [`ZOHO_DESK_${upper}_API_BASE_URL`]: env.ZOHO_DESK_API_BASE_URL,
    [`ZOHO_DESK_${upper}_ORG_ID`]: env.ZOHO_DESK_ORG_ID,
  };
}

describe("a Zoho Desk resource on a named connection", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startSandbox();
    // The default connection points at an org that does not exist: only the named one can succeed.
    project = await PulumiProject.create({
      name: "desk-connection",
      program: onConnection("support"),
      env: { ...sandbox.env, ZOHO_DESK_ORG_ID: "999", ...connectionEnv(sandbox, "support") },
    });
  });
  afterAll(async () => sandbox?.close());

  it("reads that connection's settings: the profile is made in its org", async () => {
    await project.up();
    expect(writeLines(sandbox)).toEqual([expect.stringMatching(/^POST \/api\/v1\/profiles\/\d+\/clone$/), expect.stringMatching(/^PATCH /)]);
    expect(sandbox.zohoDesk.requests().every((r) => r.headers.orgid === sandbox.zohoDesk.orgId)).toBe(true);
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
  });

  it("moving the resource to another connection is refused at preview, naming the argument", async () => {
    sandbox.zohoDesk.clearRequests();
    project.writeProgram(onConnection(undefined));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("property connection = (absent): this resource was created through connection 'support' and stays in that account");
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("a connection without settings fails at preview, naming its config keys and variables", async () => {
    project.writeProgram(onConnection("apac"));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/connection 'support' and stays in that account/);
    const fresh = await PulumiProject.create({ name: "desk-connection-missing", program: onConnection("apac"), env: { ...sandbox.env } });
    const missing = await fresh.preview();
    expect(missing.code).not.toBe(0);
    expect(missing.output).toMatch(/helpdesk:zohoDeskApacOrgId.*ZOHO_DESK_APAC_ORG_ID/);
    expect(missing.output).toContain("(connection 'apac')");
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("a connection name that cannot become a setting name is refused by the schema", async () => {
    const fresh = await PulumiProject.create({ name: "desk-connection-bad-name", program: onConnection("eu-west"), env: { ...sandbox.env } });
    const preview = await fresh.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/property connection value .*eu-west.* has a problem: connection must be 1-32 letters and digits/);
  });

  it("destroy goes through the connection recorded in the state", async () => {
    project.writeProgram(program(""));
    sandbox.zohoDesk.clearRequests();
    await project.destroy();
    expect(writeLines(sandbox)).toEqual([expect.stringMatching(/^POST \/api\/v1\/profiles\/\d+\/delete$/)]);
    expect(sandbox.zohoDesk.admin.findProfileByName("Billing Desk")).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { imichatProject, program, Sandbox, startImichat, writeLines } from "../support/imichat";

const lee = program(`new imichat.User("lee", {
  firstName: "Lee", loginId: "lee", email: "lee@acme-sandbox.test", privileges: [{ team: 7001, role: "Team Agent" }], customAttributes: { business: "Telecom" },
});`);
const kim = program(`new imichat.User("kim", { firstName: "Kim", loginId: "kim", email: "kim@acme-sandbox.test", privileges: [{ team: 7001, role: "Team Agent" }] });`);

describe("imichat.User when things go wrong", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startImichat();
    project = await imichatProject(sandbox, "imi-failures", lee);
  });
  afterAll(async () => sandbox?.close());

  const admin = () => sandbox.imichat.admin;

  it("when the PUT after a create keeps failing, the user is recorded in the stack and the rerun finishes it with one PUT", async () => {
    sandbox.imichat.faults.failNext({ method: "PUT", path: /^\/v3\.1\/users\/\d+$/, status: 500, times: 5 });
    const failed = await project.pulumi(["up", "--yes", "--skip-preview"]);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(/IMIchat created user lee \(id \d+\) but did not take the rest: .*3104.*It is recorded in the stack; the next up finishes it/);
    const id = admin().findUserByLoginId("lee")!.id;
    expect((await project.exportState()).deployment.resources.some((r) => r.id === String(id))).toBe(true);

    sandbox.imichat.faults.clear();
    sandbox.imichat.clearRequests();
    await project.up();
    expect(writeLines(sandbox)).toEqual([`PUT /users/${id}`]);
    expect(sandbox.imichat.writes()[0].body).toEqual({ custom_attributes: { business: "Telecom" } });
  });

  it("a create whose answer was lost (it landed) is found by its login id, not sent twice", async () => {
    project.writeProgram(kim);
    sandbox.imichat.clearRequests();
    sandbox.imichat.faults.failNext({ method: "POST", path: "/v3.1/users", loseAnswer: true });
    await project.up();
    expect(writeLines(sandbox).filter((line) => line.startsWith("POST"))).toEqual(["POST /users"]);
    expect(admin().listUsers().filter((u) => u.login_id === "kim")).toHaveLength(1);
  });

  it("a team id IMIchat does not have fails a refresh preview naming the teamid header and its setting", async () => {
    const preview = await project.pulumi(["preview", "--refresh"], { IMICHAT_TEAM_ID: "7999" });
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/2010.*header teamid: IMIchat has no team 7999; set helpdesk:imichatTeamId \/ IMICHAT_TEAM_ID/);
  });

  it("a wrong API key fails a refresh preview naming the settings, never the key", async () => {
    const preview = await project.pulumi(["preview", "--refresh"], { IMICHAT_API_KEY: "not-the-key-0000" });
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/IMIchat refused the API key and domain at \/v3\.1\/authorize \(2003 Invalid Access Token\): check helpdesk:imichatApiKey \/ IMICHAT_API_KEY and helpdesk:imichatDomain \/ IMICHAT_DOMAIN/);
    expect(preview.output).not.toContain("not-the-key-0000");
    expect(preview.output).not.toContain(sandbox.env.IMICHAT_API_KEY);
  });

  it("a renamed resource that adopts its own user: the up stops before deactivating it, with the `pulumi state delete` command", async () => {
    project.writeProgram(kim.replace(`new imichat.User("kim", { firstName: "Kim", loginId: "kim", email: "kim@acme-sandbox.test", privileges: [{ team: 7001, role: "Team Agent" }] })`,
      `new imichat.User("kim-renamed", { firstName: "Kim", loginId: "kim", email: "kim@acme-sandbox.test", adopt: true })`));
    sandbox.imichat.clearRequests();
    const up = await project.pulumi(["up", "--yes", "--skip-preview"]);
    expect(up.code).not.toBe(0);
    expect(up.output).toMatch(/not deactivating IMIchat user kim .*resource 'kim-renamed' of this program adopts the same user.*pulumi state delete/s);
    expect(admin().findUserByLoginId("kim")!.status).toBe("active");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { imichatProject, program, Sandbox, sentBodies, startImichat, writeLines } from "../support/imichat";

const TYPE = "pulumi-nodejs:dynamic/imichat:User";

const rota = ({ location = "Leeds", business = "Retail", team = 7001 } = {}) =>
  program(`
new imichat.User("lee", {
  firstName: "Lee",
  lastName: "Newhire",
  loginId: "lee.newhire",
  email: "lee.newhire@acme-sandbox.test",
  jobDescription: "Chat agent",
  privileges: [{ team: ${team}, role: "Team Agent" }],
  customAttributes: { business: "${business}", location: "${location}" },
  skillAttributes: { language: ["English"] },
});
new imichat.User("sam", { firstName: "Sam", loginId: "SAM.agent", email: "sam.agent@acme-sandbox.test", adopt: true, jobDescription: "Senior chat agent" });`);

describe("imichat.User through the Pulumi engine: create and adopt, no-op, one field, drift, repair, create-only refusals, destroy", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  let leeId: number;
  const samId = 880003;

  beforeAll(async () => {
    sandbox = await startImichat();
    project = await imichatProject(sandbox, "imi-lifecycle", rota());
  });
  afterAll(async () => sandbox?.close());

  const admin = () => sandbox.imichat.admin;

  it("the first preview writes nothing; up creates with one POST and sets custom attributes with one PUT, and adopts with one PUT", async () => {
    const preview = await project.preview();
    expect(preview.code, preview.output).toBe(0);
    expect(sandbox.imichat.writes()).toEqual([]);

    const up = await project.up();
    leeId = admin().findUserByLoginId("lee.newhire")!.id;
    expect(writeLines(sandbox).sort()).toEqual(["POST /users", `PUT /users/${leeId}`, `PUT /users/${samId}`].sort());
    const post = sandbox.imichat.writes().find((w) => w.method === "POST")!.body as Record<string, unknown>;
    const { password, ...created } = post;
    expect(created).toEqual({
      first_name: "Lee", last_name: "Newhire", login_id: "lee.newhire", email_id: "lee.newhire@acme-sandbox.test", job_description: "Chat agent",
      privileges: [{ teamid: 7001, role: "Team Agent" }], skill_attributes: { language: ["English"] },
    });
    // IMIchat requires a password; a random one is sent once and kept nowhere.
    expect(typeof password).toBe("string");
    expect(project.stateFilesText()).not.toContain(password as string);
    expect(up.output).not.toContain(password as string);
    expect(sandbox.imichat.writes().find((w) => w.path === `/v3.1/users/${leeId}`)!.body).toEqual({ custom_attributes: { business: "Retail", location: "Leeds" } });
    expect(sandbox.imichat.writes().find((w) => w.path === `/v3.1/users/${samId}`)!.body).toEqual({ job_description: "Senior chat agent" });
    expect(admin().getUser(leeId)!.custom_attributes).toEqual({ business: "Retail", location: "Leeds" });

    const state = project.stateFilesText();
    expect(state).not.toContain(sandbox.env.IMICHAT_API_KEY);
    const lee = (await project.exportState()).deployment.resources.find((r) => r.type === TYPE && r.id === String(leeId))!;
    expect(lee.outputs.teamRoles).toEqual([{ team: 7001, role: "Team Agent" }]);
    expect(lee.outputs.roleType).toBe("Customer Care");
  });

  it("a second up sends no write, and the preview expects no changes", async () => {
    sandbox.imichat.clearRequests();
    await project.up();
    const preview = await project.preview("--expect-no-changes");
    expect(preview.code, preview.output).toBe(0);
    expect(sandbox.imichat.writes()).toEqual([]);
  });

  it("changing one custom attribute previews that key and sends one PUT carrying only it", async () => {
    project.writeProgram(rota({ location: "York" }));
    const preview = await project.preview();
    expect(preview.output).toMatch(/~ location\s*: "Leeds" => "York"/);
    expect(preview.output).not.toMatch(/~ (business|jobDescription|firstName)\s*:/);
    sandbox.imichat.clearRequests();
    await project.up();
    expect(writeLines(sandbox)).toEqual([`PUT /users/${leeId}`]);
    expect(sentBodies(sandbox)).toEqual([{ custom_attributes: { location: "York" } }]);
  });

  it("a change made in the console shows in a refresh preview and fails --expect-no-changes with exit code 7; up --refresh repairs it with one PUT", async () => {
    admin().updateUser(leeId, { job_description: "Night shift", custom_attributes: { business: "Retail", location: "York", employee_number: 7 } });
    sandbox.imichat.clearRequests();
    const gate = await project.preview("--refresh", "--expect-no-changes");
    expect(gate.code, gate.output).toBe(7);
    expect(gate.output).toMatch(/~ jobDescription\s*: "Night shift" => "Chat agent"/);
    // employee_number is not declared: not the program's.
    expect(gate.output).not.toMatch(/employee_number/);
    expect(sandbox.imichat.writes()).toEqual([]);

    await project.up("--refresh");
    expect(writeLines(sandbox)).toEqual([`PUT /users/${leeId}`]);
    expect(sentBodies(sandbox)).toEqual([{ job_description: "Chat agent" }]);
  });

  it("team privileges are create-only: a change is refused at preview, naming privileges, with nothing written", async () => {
    project.writeProgram(rota({ location: "York", team: 7002 }));
    sandbox.imichat.clearRequests();
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/resource 'lee': property privileges value .* is set at creation only: IMIchat's update does not take privileges \(it answers 3115\)/);
    expect(sandbox.imichat.writes()).toEqual([]);
  });

  it("a custom attribute value IMIchat refuses (3107) fails the up naming the attribute; nothing else changes", async () => {
    project.writeProgram(rota({ location: "York", business: "Insurance" }));
    sandbox.imichat.clearRequests();
    const up = await project.pulumi(["up", "--yes", "--skip-preview"]);
    expect(up.code).not.toBe(0);
    expect(up.output).toMatch(/3107.*property customAttributes\.business: the value is not one of the attribute's dropdown options/);
    expect(admin().getUser(leeId)!.custom_attributes.business).toBe("Retail");
  });

  it("destroy deactivates each user (status inactive) with one PUT, and says so in the CLI output", async () => {
    project.writeProgram(rota({ location: "York" }));
    sandbox.imichat.clearRequests();
    const destroy = await project.destroy();
    expect(writeLines(sandbox).sort()).toEqual([`PUT /users/${leeId}`, `PUT /users/${samId}`].sort());
    expect(sentBodies(sandbox)).toEqual([{ status: "inactive" }, { status: "inactive" }]);
    expect(destroy.output).toMatch(/IMIchat has no delete; user lee\.newhire \(id \d+\) was deactivated \(status inactive\)/);
    expect(admin().getUser(leeId)!.status).toBe("inactive");
  });
});

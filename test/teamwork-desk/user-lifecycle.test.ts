import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { program, Sandbox, sentUsers, startTeamworkDesk, teamworkProject, writeLines } from "../support/teamwork-desk";

const TYPE = "pulumi-nodejs:dynamic/teamworkDesk:User";

const rota = (joIsReviewer: boolean) =>
  program(`
export const jo = new teamworkDesk.User("jo", {
  email: "jo.newhire@acme-sandbox.test",
  firstName: "Jo",
  lastName: "Newhire",
  role: "agent",
  editMethod: "markdown",
  ticketReplyRedirect: "Next",
  reviewer: ${joIsReviewer},
  timezoneId: 27,
}).userId;
new teamworkDesk.User("pat", { email: "PAT.Parttime@acme-sandbox.test", firstName: "Pat", adopt: true, isPartTime: false });`);

describe("teamworkDesk.User through the Pulumi engine: create and adopt, no-op, one field, drift, repair, destroy", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  let joId: number;
  const patId = 52003;

  beforeAll(async () => {
    sandbox = await startTeamworkDesk();
    project = await teamworkProject(sandbox, "tw-lifecycle", rota(false));
  });
  afterAll(async () => sandbox?.close());

  const admin = () => sandbox.teamworkDesk.admin;

  it("the first preview writes nothing; up sends one POST with exactly the declared fields and one PATCH of the adopted user", async () => {
    const preview = await project.preview();
    expect(preview.code, preview.output).toBe(0);
    expect(sandbox.teamworkDesk.writes()).toEqual([]);

    await project.up();
    joId = admin().findUserByEmail("jo.newhire@acme-sandbox.test")!.id;
    expect(writeLines(sandbox).sort()).toEqual(["PATCH /users/52003.json", "POST /users.json"]);
    const [post] = sandbox.teamworkDesk.writes().filter((w) => w.method === "POST");
    expect((post.body as { user: unknown }).user).toEqual({
      email: "jo.newhire@acme-sandbox.test", firstName: "Jo", lastName: "Newhire", role: "agent", editMethod: "markdown",
      ticketReplyRedirect: "Next", reviewer: false, timezoneId: 27,
    });
    const [patch] = sandbox.teamworkDesk.writes().filter((w) => w.method === "PATCH");
    expect((patch.body as { user: unknown }).user).toEqual({ isPartTime: false });
    expect(admin().getUser(patId)!.isPartTime).toBe(false);

    const resources = (await project.exportState()).deployment.resources.filter((r) => r.type === TYPE);
    const jo = resources.find((r) => r.id === String(joId))!;
    expect(jo.outputs.role).toBe("agent");
    expect(jo.outputs.avatarUrl).toMatch(/avatars\/\d+\.png$/);
    expect(jo.outputs.inboxIds).toEqual([]);
    expect(typeof jo.outputs.createdAt).toBe("string");
    // Pat's inboxes are readable, though no argument can set them.
    expect(resources.find((r) => r.id === String(patId))!.outputs.inboxIds).toEqual([3102]);
    expect(project.stateFilesText()).not.toContain(sandbox.env.TEAMWORK_DESK_API_KEY);
  });

  it("a second up sends no write, and the preview expects no changes", async () => {
    sandbox.teamworkDesk.clearRequests();
    await project.up();
    const preview = await project.preview("--expect-no-changes");
    expect(preview.code, preview.output).toBe(0);
    expect(sandbox.teamworkDesk.writes()).toEqual([]);
  });

  it("changing one field previews that field and sends one PATCH carrying only it", async () => {
    project.writeProgram(rota(true));
    const preview = await project.preview();
    expect(preview.output).toMatch(/~ reviewer\s*: false => true/);
    expect(preview.output).not.toMatch(/~ (ticketReplyRedirect|editMethod|firstName|isPartTime)\s*:/);

    sandbox.teamworkDesk.clearRequests();
    await project.up();
    expect(writeLines(sandbox)).toEqual([`PATCH /users/${joId}.json`]);
    expect(sentUsers(sandbox)).toEqual([{ reviewer: true }]);
    expect(admin().getUser(joId)!.reviewer).toBe(true);
  });

  it("a change made in the UI shows in a refresh preview as that field and fails --expect-no-changes with exit code 7; undeclared fields do not", async () => {
    admin().updateUser(joId, { ticketReplyRedirect: "Inbox", sendPushNotifications: false });
    sandbox.teamworkDesk.clearRequests();
    const gate = await project.preview("--refresh", "--expect-no-changes");
    expect(gate.code, gate.output).toBe(7);
    expect(gate.output).toMatch(/~ ticketReplyRedirect\s*: "Inbox" => "Next"/);
    expect(gate.output).not.toMatch(/~ sendPushNotifications/);
    expect(sandbox.teamworkDesk.writes()).toEqual([]);
  });

  it("up --refresh repairs the drift with one PATCH of that field", async () => {
    sandbox.teamworkDesk.clearRequests();
    await project.up("--refresh");
    expect(writeLines(sandbox)).toEqual([`PATCH /users/${joId}.json`]);
    expect(sentUsers(sandbox)).toEqual([{ ticketReplyRedirect: "Next" }]);
    expect((await project.preview("--refresh", "--expect-no-changes")).code).toBe(0);
  });

  it("destroy deletes each user the way Teamwork allows: one PATCH setting state deleted", async () => {
    sandbox.teamworkDesk.clearRequests();
    await project.destroy();
    expect(writeLines(sandbox).sort()).toEqual([`PATCH /users/${joId}.json`, "PATCH /users/52003.json"].sort());
    expect(sentUsers(sandbox)).toEqual([{ state: "deleted" }, { state: "deleted" }]);
    expect(admin().getUser(joId)!.state).toBe("deleted");
    expect(admin().getUser(patId)!.state).toBe("deleted");
  });

  it("the deleted user's email stays in use: a new up is refused at preview until adopt: true, which restores the user", async () => {
    project.writeProgram(rota(true));
    sandbox.teamworkDesk.clearRequests();
    const refused = await project.preview();
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/jo\.newhire@acme-sandbox\.test is already a user .*deleted.*to restore and manage that user from this program set adopt: true/);

    project.writeProgram(rota(true).replace(`timezoneId: 27,`, `timezoneId: 27, adopt: true,`));
    await project.up();
    expect(sentUsers(sandbox).sort()).toEqual([{ state: "active" }, { state: "active" }]);
    expect(admin().getUser(joId)!.state).toBe("active");
    await project.destroy();
  });
});

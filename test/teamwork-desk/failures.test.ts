import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { program, Sandbox, startTeamworkDesk, teamworkProject, writeLines } from "../support/teamwork-desk";

const jo = (name: string, extra = "") => program(`new teamworkDesk.User("${name}", { email: "jo@acme-sandbox.test", firstName: "Jo", reviewer: false${extra} });`);

describe("teamworkDesk.User when things go wrong during an apply", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  let joId: number;

  beforeAll(async () => {
    sandbox = await startTeamworkDesk();
    project = await teamworkProject(sandbox, "tw-failures", jo("jo"));
  });
  afterAll(async () => sandbox?.close());

  const admin = () => sandbox.teamworkDesk.admin;

  it("a create whose answer was lost (it landed) is found by its email, not sent twice", async () => {
    sandbox.teamworkDesk.faults.failNext({ method: "POST", path: "/users.json", loseAnswer: true });
    await project.up();
    expect(writeLines(sandbox)).toEqual(["POST /users.json"]);
    const users = admin().listUsers().filter((u) => u.email === "jo@acme-sandbox.test");
    expect(users).toHaveLength(1);
    joId = users[0].id;
    const [resource] = (await project.exportState()).deployment.resources.filter((r) => r.type.endsWith("teamworkDesk:User"));
    expect(resource.id).toBe(String(joId));
  });

  it("a 5xx and a dropped connection on the PATCH are retried, and the change is applied once", async () => {
    sandbox.teamworkDesk.clearRequests();
    sandbox.teamworkDesk.faults.failNext({ method: "PATCH", status: 500 });
    sandbox.teamworkDesk.faults.failNext({ method: "PATCH", dropConnection: true });
    project.writeProgram(jo("jo").replace("reviewer: false", "reviewer: true"));
    const up = await project.up();
    expect(writeLines(sandbox)).toEqual([`PATCH /users/${joId}.json`, `PATCH /users/${joId}.json`, `PATCH /users/${joId}.json`]);
    expect(sandbox.teamworkDesk.writes().map((w) => w.status)).toEqual([500, 0, 200]);
    expect(admin().getUser(joId)!.reviewer).toBe(true);
    expect(up.output).not.toMatch(/rejected|could not be reached/);
  });

  it("a write Teamwork refuses (an agent's API key) fails with Teamwork's words, never the key, and the stack keeps the user", async () => {
    project.writeProgram(jo("jo", ", lastName: \"Newhire\""));
    sandbox.teamworkDesk.clearRequests();
    const key = sandbox.teamworkDesk.apiKeys.agent;
    const up = await project.pulumi(["up", "--yes", "--skip-preview"], { TEAMWORK_DESK_API_KEY: key });
    expect(up.code).not.toBe(0);
    expect(up.output).toMatch(/Teamwork Desk rejected PATCH \/desk\/api\/v2\/users\/\d+\.json with 403: You do not have permission/);
    expect(up.output).not.toContain(key);
    expect(admin().getUser(joId)!.lastName).toBe("");
    expect((await project.exportState()).deployment.resources.some((r) => r.id === String(joId))).toBe(true);
  });

  it("a renamed resource that adopts its own user: the up stops before deleting it, with the `pulumi state delete` command", async () => {
    project.writeProgram(jo("jo-renamed", ", lastName: \"Newhire\", adopt: true"));
    sandbox.teamworkDesk.clearRequests();
    const up = await project.pulumi(["up", "--yes", "--skip-preview"]);
    expect(up.code).not.toBe(0);
    expect(up.output).toMatch(/not deleting Teamwork Desk user jo@acme-sandbox\.test .*resource 'jo-renamed' of this program adopts the same user.*pulumi state delete 'urn:pulumi:dev::tw-failures::pulumi-nodejs:dynamic\/teamworkDesk:User::jo'/s);
    expect(sandbox.teamworkDesk.writes().some((w) => (w.body as { user?: { state?: string } }).user?.state === "deleted")).toBe(false);
    expect(admin().getUser(joId)!.state).toBe("active");
  });
});

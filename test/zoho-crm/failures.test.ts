import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { crmProject, crmWriteLines, program, Sandbox, startCrmSandbox } from "../support/crm";

const profile = (resource: string, name: string) =>
  `new zohoCrm.Profile("${resource}", { name: "${name}", permissions: { Crm_Implied_Delete_Leads: false } });`;
const lostAndTakenOver = profile("lost-clone", "Lost Clone") + profile("takeover", "Half Made");
const withRollback = lostAndTakenOver + profile("rolled-back", "Rolled Back");

describe("zohoCrm.Profile when things go wrong: lost answers, an interrupted up, a failed PATCH after a clone", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  const admin = () => sandbox.zohoCrm.admin;
  const named = (name: string) => admin().listProfiles().filter((p) => p.name === name);

  beforeAll(async () => {
    sandbox = await startCrmSandbox();
    project = await crmProject(sandbox, "crm-failures", program(lostAndTakenOver));
  });
  afterAll(async () => sandbox?.close());

  it("a clone whose answer was lost is found by name and marker; a profile an interrupted up made is taken over by its marker", async () => {
    // What a killed `up` leaves: the clone landed with this resource's marker, the engine never recorded it.
    const halfMade = admin().createProfile({ name: "Half Made", description: "[pulumi-helpdesk: crm-failures/dev/takeover]" });
    sandbox.zohoCrm.faults.failNext({ method: "POST", path: /actions\/clone$/, loseAnswer: true });
    await project.up();
    const lost = named("Lost Clone");
    expect(lost).toHaveLength(1);
    expect(named("Half Made")).toHaveLength(1);
    expect(crmWriteLines(sandbox).sort()).toEqual([
      `PATCH /settings/profiles/${halfMade.id}`,
      `PATCH /settings/profiles/${lost[0].id}`,
      `POST /settings/profiles/${admin().findProfileByName("Standard")!.id}/actions/clone`,
    ].sort());
  });

  it("when the PATCH after a clone fails, the clone is deleted again, with Zoho's words in the error; the rerun creates exactly one", async () => {
    project.writeProgram(program(withRollback));
    sandbox.zohoCrm.clearRequests();
    sandbox.zohoCrm.faults.failNext({ method: "PATCH", status: 400 });
    const failed = await project.pulumi(["up", "--yes", "--skip-preview"]);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(/Zoho CRM rejected PATCH \/settings\/profiles\/\d+ with 400 INVALID_DATA: invalid data .*was deleted again; nothing is left behind/);
    expect(crmWriteLines(sandbox).map((line) => line.replace(/\d{19}/g, "<id>"))).toEqual([
      "POST /settings/profiles/<id>/actions/clone",
      "PATCH /settings/profiles/<id>",
      "DELETE /settings/profiles/<id>?transfer_to=<id>",
    ]);
    expect(named("Rolled Back")).toHaveLength(0);

    await project.up();
    expect(named("Rolled Back")).toHaveLength(1);
  });

  it("a delete whose answer was lost is retried, finds the profile gone, and counts as done", async () => {
    sandbox.zohoCrm.faults.failNext({ method: "DELETE", loseAnswer: true });
    await project.destroy();
    for (const name of ["Lost Clone", "Half Made", "Rolled Back"]) expect(named(name), name).toHaveLength(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { PulumiProject } from "../../harness/project";
import { deskProject, program, Sandbox } from "../support/desk";

const escalations = program(`
export const profileId = new zohoDesk.Profile("escalations", {
  name: "Escalations",
  adopt: "Escalations",
  permissions: { tickets: { delete: false, mergeTickets: true } },
}).profileId;`);

describe("adopting a profile that was made by hand", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  let existingId: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    const agent = sandbox.zohoDesk.admin.findProfileByName("Agent")!;
    existingId = sandbox.zohoDesk.admin.createProfile({ name: "Escalations", cloneFrom: agent.id }).id;
    sandbox.zohoDesk.admin.setPermission(existingId, "tickets.delete", true);
    sandbox.zohoDesk.admin.setPermission(existingId, "tickets.mergeTickets", false);
    project = await deskProject(sandbox, "adoption", escalations);
  });
  afterAll(async () => sandbox?.close());

  it("the preview before adoption shows what the program will change on it, and writes nothing", async () => {
    const preview = await project.preview();
    expect(preview.code, preview.output).toBe(0);
    expect(preview.output).toContain('"permissions.tickets.delete: true => false"');
    expect(preview.output).toContain('"permissions.tickets.mergeTickets: false => true"');
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("the first up adopts it in place: no clone, one PATCH of the differing leaves", async () => {
    const up = await project.up();
    expect(up.output).toContain(`profileId: "${existingId}"`);
    const writes = sandbox.zohoDesk.writes();
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /api/v1/profiles/${existingId}`]);
    expect(writes[0].body).toEqual({ permissions: { tickets: { delete: false, mergeTickets: true } } });
    expect(sandbox.zohoDesk.admin.listProfiles().filter((p: { name: string }) => p.name === "Escalations")).toHaveLength(1);
  });

  it("after adoption the preview expects no changes, even after a refresh", async () => {
    const preview = await project.preview("--refresh", "--expect-no-changes");
    expect(preview.code, preview.output).toBe(0);
  });
});

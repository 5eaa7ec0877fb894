import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { PulumiProject } from "../../harness/project";
import { deskProject, program, Sandbox, writeLines } from "../support/desk";

const TYPE = "pulumi-nodejs:dynamic/zohoDesk:ProfilePermissionSet";

const supervisorSet = (permissions: string) =>
  program(`
export const originals = new zohoDesk.ProfilePermissionSet("supervisor-tickets", {
  profile: "Supervisor",
  permissions: ${permissions},
}).originalPermissions;`);

// Supervisor (a custom default profile) has tickets.delete and setup.exportUsers on, tickets.shareTickets off,
// and tickets.mergeTickets and setup.teams already on: only three of the five listed switches differ.
const v1 = `{ tickets: { delete: false, mergeTickets: true, shareTickets: true }, setup: { teams: true, exportUsers: false } }`;
const v2 = `{ tickets: { delete: false, mergeTickets: false, shareTickets: true }, setup: { teams: true, exportUsers: false } }`;
// setup.exportUsers dropped from the program, tickets.import added.
const v3 = `{ tickets: { delete: false, mergeTickets: false, shareTickets: true, import: true }, setup: { teams: true } }`;

describe("zohoDesk.ProfilePermissionSet through the Pulumi engine", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  let supervisorId: string;
  let before: Record<string, Record<string, unknown>>;

  beforeAll(async () => {
    sandbox = await startSandbox();
    project = await deskProject(sandbox, "permission-set", supervisorSet(v1));
    const supervisor = sandbox.zohoDesk.admin.findProfileByName("Supervisor")!;
    supervisorId = supervisor.id;
    before = structuredClone(supervisor.permissions);
  });
  afterAll(async () => sandbox?.close());

  const live = () => sandbox.zohoDesk.admin.getProfile(supervisorId)!.permissions;

  it("create records the values it found and sends one PATCH with only the switches that differ", async () => {
    await project.up();
    expect(writeLines(sandbox)).toEqual([`PATCH /api/v1/profiles/${supervisorId}`]);
    expect(sandbox.zohoDesk.writes()[0].body).toEqual({ permissions: { tickets: { delete: false, shareTickets: true }, setup: { exportUsers: false } } });
    expect(live().tickets.delete).toBe(false);
    expect(live().tickets.shareTickets).toBe(true);
    expect(live().setup.exportUsers).toBe(false);

    const [set] = (await project.exportState()).deployment.resources.filter((r) => r.type === TYPE);
    expect(set.id).toBe(supervisorId);
    expect(set.outputs.profileId).toBe(supervisorId);
    expect(set.outputs.profileName).toBe("Supervisor");
    expect(set.outputs.originalPermissions).toEqual({
      tickets: { delete: true, mergeTickets: true, shareTickets: false },
      setup: { teams: true, exportUsers: true },
    });
  });

  it("a second up sends no write, and the preview expects no changes", async () => {
    sandbox.zohoDesk.clearRequests();
    await project.up();
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("changing one switch previews that leaf and sends one PATCH with exactly that toggle", async () => {
    project.writeProgram(supervisorSet(v2));
    const preview = await project.preview();
    expect(preview.output).toMatch(/~ permissions\s*: \{[^~]*~ tickets: \{[^~]*~ mergeTickets\s*: true => false/);

    sandbox.zohoDesk.clearRequests();
    await project.up();
    expect(writeLines(sandbox)).toEqual([`PATCH /api/v1/profiles/${supervisorId}`]);
    expect(sandbox.zohoDesk.writes()[0].body).toEqual({ permissions: { tickets: { mergeTickets: false } } });
  });

  it("drift made in the admin UI shows in a refresh preview as that leaf, and fails --expect-no-changes with exit code 7", async () => {
    sandbox.zohoDesk.admin.setPermission(supervisorId, "tickets.delete", true);
    sandbox.zohoDesk.clearRequests();

    const refreshDiff = await project.preview("--refresh", "--diff");
    expect(refreshDiff.output).toMatch(/~ permissions\s*: \{[^~]*~ tickets: \{[^~]*~ delete\s*: true => false/);

    const gate = await project.preview("--refresh", "--expect-no-changes");
    expect(gate.code, gate.output).toBe(7);
    expect(gate.output).toMatch(/~ delete\s*: true => false/);
    expect(gate.output).not.toMatch(/~ (mergeTickets|shareTickets|teams|exportUsers)\s*:/);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("up --refresh repairs the drift with one PATCH of that leaf", async () => {
    sandbox.zohoDesk.clearRequests();
    await project.up("--refresh");
    expect(sandbox.zohoDesk.writes().map((w) => w.body)).toEqual([{ permissions: { tickets: { delete: false } } }]);
    expect((await project.preview("--refresh", "--expect-no-changes")).code).toBe(0);
  });

  it("a switch the set does not list may change in the UI without showing as drift", async () => {
    sandbox.zohoDesk.admin.setPermission(supervisorId, "setup.chat", !live().setup.chat);
    const gate = await project.preview("--refresh", "--expect-no-changes");
    expect(gate.code, gate.output).toBe(0);
    sandbox.zohoDesk.admin.setPermission(supervisorId, "setup.chat", before.setup.chat as boolean);
  });

  it("a key dropped from the program goes back to its original value in the same PATCH that sets an added key", async () => {
    project.writeProgram(supervisorSet(v3));
    sandbox.zohoDesk.clearRequests();
    await project.up();
    expect(writeLines(sandbox)).toEqual([`PATCH /api/v1/profiles/${supervisorId}`]);
    expect(sandbox.zohoDesk.writes()[0].body).toEqual({ permissions: { tickets: { import: true }, setup: { exportUsers: true } } });
    expect(live().setup.exportUsers).toBe(true);

    const [set] = (await project.exportState()).deployment.resources.filter((r) => r.type === TYPE);
    expect(set.outputs.originalPermissions).toEqual({
      tickets: { delete: true, mergeTickets: true, shareTickets: false, import: false },
      setup: { teams: true },
    });
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
  });

  it("destroy restores the recorded originals in one PATCH: the profile is as it was before the first up", async () => {
    sandbox.zohoDesk.clearRequests();
    await project.destroy();
    expect(writeLines(sandbox)).toEqual([`PATCH /api/v1/profiles/${supervisorId}`]);
    // setup.teams was never changed, so it is not sent.
    expect(sandbox.zohoDesk.writes()[0].body).toEqual({ permissions: { tickets: { delete: true, mergeTickets: true, shareTickets: false, import: false } } });
    expect(live()).toEqual(before);
  });
});

/** Each case: the set's arguments, the property the error must name, and words of the rule. */
const badSets: Array<[string, string, string, RegExp]> = [
  ["a typo in a permission key", `{ profile: "Supervisor", permissions: { tickets: { delet: false } } }`, "permissions.tickets.delet", /unknown key 'delet' \(did you mean 'delete'\?\)/],
  ["an unknown permission module", `{ profile: "Supervisor", permissions: { ticket: { view: true } } }`, "permissions.ticket", /unknown key 'ticket' \(did you mean 'tickets'\?\)/],
  ["a string where a switch goes", `{ profile: "Supervisor", permissions: { tickets: { delete: "no" } } }`, "permissions.tickets.delete", /expected boolean/],
  ["a module given as a switch", `{ profile: "Supervisor", permissions: { tickets: true } }`, "permissions.tickets", /expected object/],
  ["empty permissions", `{ profile: "Supervisor", permissions: {} }`, "permissions", /must list at least one permission key/],
  ["permissions with only empty modules", `{ profile: "Supervisor", permissions: { tickets: {} } }`, "permissions", /must list at least one permission key/],
  ["no permissions at all", `{ profile: "Supervisor" }`, "permissions", /is required/],
  ["no profile at all", `{ permissions: { tickets: { delete: false } } }`, "profile", /is required/],
  ["a blank profile", `{ profile: "  ", permissions: { tickets: { delete: false } } }`, "profile", /must name an existing Zoho Desk profile/],
  ["a misspelt argument", `{ profile: "Supervisor", permission: { tickets: { view: true } } }`, "permission", /unknown key 'permission' \(did you mean 'permissions'\?\)/],
  ["an unknown profile", `{ profile: "Tier Zero", permissions: { tickets: { delete: false } } }`, "profile", /no Zoho Desk profile is named 'Tier Zero' or has that id \(profiles: [^)]*Supervisor/],
  ["the built-in Agent profile", `{ profile: "Agent", permissions: { tickets: { delete: false } } }`, "profile", /'Agent' is a built-in Zoho Desk profile \(type Agent\); Zoho lets nobody edit it/],
  ["the built-in administrator profile", `{ profile: "support administrator", permissions: { tickets: { delete: false } } }`, "profile", /built-in Zoho Desk profile \(type Administrator\); Zoho lets nobody edit it/],
  ["the built-in Light Agent profile", `{ profile: "Light Agent", permissions: { tickets: { export: false } } }`, "profile", /built-in Zoho Desk profile \(type Light\); Zoho lets nobody edit it/],
  ["the portal profile", `{ profile: "Help Center", permissions: { tickets: { view: false } } }`, "profile", /portal profile \(type Portal\), for end users; Zoho lets nobody edit it/],
];

/** The engine shows a top-level value itself; a nested path carries its path and value in the reason. */
function namesProperty(output: string, resource: string, property: string): boolean {
  return output.includes(`resource '${resource}': property ${property} value`) || output.includes(`resource '${resource}' has a problem: property ${property} = `);
}

describe("bad ProfilePermissionSet programs fail at preview, naming the property, and nothing is written", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startSandbox();
    project = await deskProject(sandbox, "bad-sets", program(""));
  });
  afterAll(async () => sandbox?.close());

  it.each(badSets)("%s", async (_story, args, property, rule) => {
    project.writeProgram(program(`new zohoDesk.ProfilePermissionSet("set", ${args} as any);`));
    const preview = await project.preview();
    expect(preview.code, preview.output).not.toBe(0);
    expect(namesProperty(preview.output, "set", property), preview.output).toBe(true);
    expect(preview.output).not.toContain("{<nil>}");
    expect(preview.output).toMatch(rule);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("the built-in profile given by id is refused too", async () => {
    const agent = sandbox.zohoDesk.admin.findProfileByName("Agent")!;
    project.writeProgram(program(`new zohoDesk.ProfilePermissionSet("set", { profile: "${agent.id}", permissions: { tickets: { delete: false } } });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/'Agent' is a built-in Zoho Desk profile \(type Agent\); Zoho lets nobody edit it/);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("a set and a Profile setting the same switch of one profile are refused, naming both", async () => {
    project.writeProgram(program(`
new zohoDesk.Profile("advisors", { name: "Agent Advisors", adopt: "Agent Advisors", permissions: { tickets: { delete: false, view: true } } });
new zohoDesk.ProfilePermissionSet("advisor-deletes", { profile: "agent advisors", permissions: { tickets: { delete: true }, setup: { chat: true } } });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(
      /resource '(advisors|advisor-deletes)' has a problem: property permissions\.tickets\.delete = (true|false): the permission tickets\.delete of the Zoho Desk profile 'Agent Advisors' is also claimed by resource '(advisors|advisor-deletes)' of this stack/,
    );
    expect(preview.output).not.toMatch(/permission (tickets\.view|setup\.chat) of/);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("two sets setting the same switch of one profile (by name and by id) are refused, naming both", async () => {
    const supervisor = sandbox.zohoDesk.admin.findProfileByName("Supervisor")!;
    project.writeProgram(program(`
new zohoDesk.ProfilePermissionSet("first", { profile: "Supervisor", permissions: { tickets: { delete: false } } });
new zohoDesk.ProfilePermissionSet("second", { profile: "${supervisor.id}", permissions: { tickets: { delete: true } } });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/the permission tickets\.delete of the Zoho Desk profile 'Supervisor' is also claimed by resource '(first|second)' of this stack/);
    expect(preview.output.match(/is also claimed by/g)).toHaveLength(1);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("two sets on different switches of one profile are fine", async () => {
    project.writeProgram(program(`
new zohoDesk.ProfilePermissionSet("first", { profile: "Supervisor", permissions: { tickets: { delete: false } } });
new zohoDesk.ProfilePermissionSet("second", { profile: "Supervisor", permissions: { tickets: { export: false } } });`));
    const preview = await project.preview();
    expect(preview.code, preview.output).toBe(0);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("a set on a profile that a Profile of the program creates is refused, naming both", async () => {
    project.writeProgram(program(`
new zohoDesk.Profile("tier9", { name: "Tier 9", permissions: { tickets: { delete: false } } });
new zohoDesk.ProfilePermissionSet("tier9-deletes", { profile: "Tier 9", permissions: { tickets: { delete: true } } });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(
      /the permission tickets\.delete of the Zoho Desk profile 'Tier 9' is also claimed by resource 'tier9-deletes' of this stack|resource 'tier9' of this program creates that profile: declare these switches in its permissions instead/,
    );
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("a set on a switch of a profile that a Profile of the program created in an earlier up is refused, naming both", async () => {
    const tier9 = `new zohoDesk.Profile("tier9", { name: "Tier 9", transferToProfile: "Agent", permissions: { tickets: { delete: false } } });`;
    project.writeProgram(program(tier9));
    await project.up();
    sandbox.zohoDesk.clearRequests();

    project.writeProgram(program(`${tier9}
new zohoDesk.ProfilePermissionSet("tier9-deletes", { profile: "tier 9", permissions: { tickets: { delete: true } } });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(
      /resource '(tier9|tier9-deletes)' has a problem: property permissions\.tickets\.delete = (true|false): the permission tickets\.delete of the Zoho Desk profile 'Tier 9' is also claimed by resource '(tier9|tier9-deletes)' of this stack/,
    );
    expect(preview.output.match(/is also claimed by/g)).toHaveLength(1);
    expect(sandbox.zohoDesk.writes()).toEqual([]);

    project.writeProgram(program(""));
    await project.destroy();
  });
});

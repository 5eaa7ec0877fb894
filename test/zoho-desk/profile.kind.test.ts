import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { Settings } from "../../provider/core/settings";
import { ZohoDeskProfileKind } from "../../provider/zohoDesk/profile";
import { ZohoDeskProfilePermissionSetKind } from "../../provider/zohoDesk/profile-permission-set";
import { ProfileArgs } from "../../provider/zohoDesk/schema";
import { Sandbox, writeLines } from "../support/desk";

/**
 * The fast tier: the resource kinds driven in this process against the sandbox, no engine. Each story takes
 * milliseconds; what only the engine shows (previews, state, refresh) stays in the CLI tests beside this file.
 */
describe("zohoDesk kinds in process", () => {
  let sandbox: Sandbox;
  let profiles: ZohoDeskProfileKind;
  const owner = { project: "fast", stack: "dev", name: "tier1" };

  beforeAll(async () => {
    process.env.PULUMI_HELPDESK_TOKEN_CACHE = "off";
    sandbox = await startSandbox();
    profiles = new ZohoDeskProfileKind(new Settings(() => undefined, { ...sandbox.env }));
  });
  afterEach(() => {
    sandbox.zohoDesk.faults.clear();
    sandbox.zohoDesk.clearRequests();
  });
  afterAll(async () => sandbox?.close());

  const checked = async (args: Record<string, unknown>) => {
    const outcome = await profiles.check({}, args, { owner });
    expect(outcome.failures).toEqual([]);
    return outcome.inputs as ProfileArgs;
  };

  it("create is a clone and one PATCH of the declared leaves the clone lacks; delete moves nobody and removes it", async () => {
    // Supervisor has tickets.delete on and tickets.shareTickets off.
    const args = await checked({ name: "Fast Tier 1", cloneFrom: "Supervisor", permissions: { tickets: { delete: false, shareTickets: true, view: true } } });
    const { id, outs } = await profiles.create(args, { owner });
    expect(writeLines(sandbox)).toEqual([expect.stringMatching(/\/clone$/), `PATCH /api/v1/profiles/${id}`]);
    expect(sandbox.zohoDesk.writes()[1].body).toEqual({ permissions: { tickets: { delete: false, shareTickets: true } } });
    expect(outs).toMatchObject({ profileId: id, name: "Fast Tier 1", permissions: { tickets: { delete: false, shareTickets: true, view: true } }, createdBy: "fast/dev/tier1" });
    expect(sandbox.zohoDesk.admin.getProfile(id)!.description).toContain("[pulumi-helpdesk: fast/dev/tier1]");

    sandbox.zohoDesk.clearRequests();
    await profiles.delete(id, outs, { owner });
    expect(writeLines(sandbox)).toEqual([`POST /api/v1/profiles/${id}/delete`]);
    expect(sandbox.zohoDesk.admin.getProfile(id)).toBeUndefined();
  });

  it("a PATCH Zoho refuses after the clone rolls the clone back: no orphan", async () => {
    const args = await checked({ name: "Fast Rollback", cloneFrom: "Supervisor", permissions: { tickets: { delete: false } } });
    sandbox.zohoDesk.faults.failNext({ method: "PATCH", status: 403, body: { errorCode: "FORBIDDEN", message: "You do not have permission" } });
    await expect(profiles.create(args, { owner })).rejects.toThrow(/You do not have permission.*was deleted again; nothing is left behind/);
    expect(writeLines(sandbox).map((line) => line.replace(/\d+/g, "N"))).toEqual([
      "POST /api/vN/profiles/N/clone", "PATCH /api/vN/profiles/N", "POST /api/vN/profiles/N/delete",
    ]);
    expect(sandbox.zohoDesk.admin.findProfileByName("Fast Rollback")).toBeUndefined();
  });

  it("adoption sends one PATCH and no clone; check lists what it will change", async () => {
    const args = await checked({ name: "Agent Advisors", adopt: "Agent Advisors", permissions: { tickets: { delete: false } } });
    expect((args as ProfileArgs & { changesOnAdoption: string[] }).changesOnAdoption).toEqual(["permissions.tickets.delete: true => false"]);
    const { id } = await profiles.create(args, { owner });
    expect(id).toBe("4000000018001");
    expect(writeLines(sandbox)).toEqual(["PATCH /api/v1/profiles/4000000018001"]);
  });

  it("check refuses what Zoho would refuse, naming the property, with no request but reads", async () => {
    const failures = async (args: Record<string, unknown>) => (await profiles.check({}, args, { owner })).failures;
    expect(await failures({ name: "X", permissions: { tickets: { delet: false } } })).toEqual([
      expect.objectContaining({ property: "permissions.tickets.delet", reason: expect.stringContaining("did you mean 'delete'?") }),
    ]);
    expect(await failures({ name: "Supervisor" })).toEqual([
      expect.objectContaining({ property: "name", reason: expect.stringContaining("set adopt: 'Supervisor'") }),
    ]);
    expect(await failures({ name: "Y", adopt: "Agent" })).toEqual([expect.objectContaining({ property: "adopt", reason: expect.stringContaining("built-in Zoho Desk profile") })]);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("a permission set records what it found, changes only what differs, and restores it on delete", async () => {
    const sets = new ZohoDeskProfilePermissionSetKind(new Settings(() => undefined, { ...sandbox.env }));
    const supervisor = sandbox.zohoDesk.admin.findProfileByName("Supervisor")!;
    const before = structuredClone(supervisor.permissions);
    const { inputs } = await sets.check({}, { profile: "Supervisor", permissions: { tickets: { delete: false, mergeTickets: true } } }, { owner });
    const { id, outs } = await sets.create(inputs!);
    expect(sandbox.zohoDesk.writes().map((w) => w.body)).toEqual([{ permissions: { tickets: { delete: false } } }]);
    expect(outs.originalPermissions).toEqual({ tickets: { delete: true, mergeTickets: true } });

    sandbox.zohoDesk.clearRequests();
    await sets.delete(id, outs);
    expect(sandbox.zohoDesk.writes().map((w) => w.body)).toEqual([{ permissions: { tickets: { delete: true } } }]);
    expect(sandbox.zohoDesk.admin.getProfile(id)!.permissions).toEqual(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { PulumiProject } from "../../harness/project";
import { deskProject, program, Sandbox } from "../support/desk";

const tier1 = (exportTickets: boolean) =>
  program(`
export const profileId = new zohoDesk.Profile("tier1", {
  name: "Tier 1 Agents",
  description: "First line: answer and route, never delete.",
  cloneFrom: "Agent",
  transferToProfile: "Agent",
  permissions: {
    tickets: { view: true, create: true, edit: true, delete: false, export: ${exportTickets}, mergeTickets: false },
    setup: { manageAgents: false },
  },
}).profileId;`);

const declared = {
  tickets: { view: true, create: true, edit: true, delete: false, export: false, mergeTickets: false },
  setup: { manageAgents: false },
};

describe("zohoDesk.Profile through the Pulumi engine", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  let profileId: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    project = await deskProject(sandbox, "lifecycle", tier1(false));
  });
  afterAll(async () => sandbox?.close());

  it("creates the profile: one clone of Agent, then one PATCH with the declared leaves Agent lacks", async () => {
    const agent = sandbox.zohoDesk.admin.findProfileByName("Agent")!;
    await project.up();

    const writes = sandbox.zohoDesk.writes();
    profileId = sandbox.zohoDesk.admin.findProfileByName("Tier 1 Agents")!.id;
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /api/v1/profiles/${agent.id}/clone`,
      `PATCH /api/v1/profiles/${profileId}`,
    ]);
    // The ownership marker lets a rerun after an interrupted up recognise the profile as this resource's.
    expect(writes[0].body).toEqual({ name: "Tier 1 Agents", description: "First line: answer and route, never delete.\n\n[pulumi-helpdesk: lifecycle/dev/tier1]" });
    expect(writes[1].body).toEqual({ permissions: leavesThatDiffer(declared, agent.permissions) });
    expect(sandbox.zohoDesk.admin.getProfile(profileId)!.permissions.tickets.delete).toBe(false);
    // Zoho caps how many access tokens a refresh token may mint per ten minutes: one per engine run.
    expect(sandbox.zohoDesk.tokenRequests()).toHaveLength(1);
  });

  it("a second up sends no write, and the preview expects no changes", async () => {
    sandbox.zohoDesk.clearRequests();
    await project.up();
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("keeps credentials out of the state file, and the state small: the provider stub and at most 2.5 KB a resource", async () => {
    const state = project.stateFilesText();
    const tokens = sandbox.zohoDesk.requests().map((r) => String(r.headers.authorization ?? "").replace("Zoho-oauthtoken ", ""));
    for (const secret of [sandbox.env.ZOHO_CLIENT_SECRET!, sandbox.env.ZOHO_REFRESH_TOKEN!, ...tokens.filter(Boolean)]) {
      expect(state).not.toContain(secret);
    }
    const [profile] = (await project.exportState()).deployment.resources.filter((r) => r.type === "pulumi-nodejs:dynamic/zohoDesk:Profile");
    const providerBytes = Buffer.byteLength(profile.outputs.__provider);
    const resourceBytes = Buffer.byteLength(JSON.stringify(profile));
    console.log(`state: ${resourceBytes} bytes for the resource, ${providerBytes} of them the provider stub (twice)`);
    expect(profile.outputs.__provider).toBe(profile.inputs.__provider);
    expect(providerBytes).toBeLessThan(120);
    expect(resourceBytes).toBeLessThanOrEqual(2560);
  });

  it("changing one permission previews that leaf and sends one PATCH carrying only it", async () => {
    project.writeProgram(tier1(true));
    const preview = await project.preview();
    expect(preview.output).toMatch(/~ permissions\s*: \{[^~]*~ tickets: \{[^~]*~ export\s*: false => true/);

    sandbox.zohoDesk.clearRequests();
    await project.up();
    const writes = sandbox.zohoDesk.writes();
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /api/v1/profiles/${profileId}`]);
    expect(writes[0].body).toEqual({ permissions: { tickets: { export: true } } });
  });

  it("drift made in the admin UI shows in a refresh preview as that leaf, and fails --expect-no-changes", async () => {
    sandbox.zohoDesk.admin.setPermission(profileId, "tickets.delete", true);

    const refreshPreview = await project.pulumi(["refresh", "--preview-only", "--diff"]);
    expect(refreshPreview.output).toMatch(/~ delete\s*: false => true/);

    const gate = await project.preview("--refresh", "--expect-no-changes");
    expect(gate.code).not.toBe(0);
    expect(gate.output).toMatch(/~ permissions\s*: \{[^~]*~ tickets: \{[^~]*~ delete\s*: true => false/);
    expect(gate.output).not.toMatch(/~ (view|create|edit|export|mergeTickets|manageAgents):/);
  });

  it("up --refresh repairs the drift with one PATCH of that leaf", async () => {
    sandbox.zohoDesk.clearRequests();
    await project.up("--refresh");
    expect(sandbox.zohoDesk.writes().map((w) => w.body)).toEqual([{ permissions: { tickets: { delete: false } } }]);
    expect(sandbox.zohoDesk.admin.getProfile(profileId)!.permissions.tickets.delete).toBe(false);
    expect((await project.preview("--refresh", "--expect-no-changes")).code).toBe(0);
  });

  it("a permission the program does not declare may change in the UI without showing as drift", async () => {
    const chat = sandbox.zohoDesk.admin.getProfile(profileId)!.permissions.setup.chat;
    sandbox.zohoDesk.admin.setPermission(profileId, "setup.chat", !chat);
    const gate = await project.preview("--refresh", "--expect-no-changes");
    expect(gate.code, gate.output).toBe(0);
  });

  it("destroy deletes the profile and hands its agents to transferToProfile", async () => {
    const agent = sandbox.zohoDesk.admin.findProfileByName("Agent")!;
    sandbox.zohoDesk.clearRequests();
    await project.destroy();
    const writes = sandbox.zohoDesk.writes();
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([`POST /api/v1/profiles/${profileId}/delete`]);
    expect(writes[0].body).toEqual({ transferToProfileId: agent.id });
    expect(sandbox.zohoDesk.admin.getProfile(profileId)).toBeUndefined();
  });
});

/** The declared leaves whose value differs from `base`, nested like the declaration. */
function leavesThatDiffer(wanted: Record<string, Record<string, boolean>>, base: Record<string, Record<string, unknown>>) {
  const result: Record<string, Record<string, boolean>> = {};
  for (const [module, keys] of Object.entries(wanted)) {
    for (const [key, value] of Object.entries(keys)) {
      if (base[module]?.[key] !== value) (result[module] ??= {})[key] = value;
    }
  }
  return result;
}

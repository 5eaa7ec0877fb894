import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Settings } from "../../provider/core/settings";
import { ChatwootAgentKind } from "../../provider/chatwoot/agent";
import { ChatwootCustomRoleKind } from "../../provider/chatwoot/custom-role";
import { ChatwootProfileKind } from "../../provider/chatwoot/profile";
import { ResourceKind } from "../../provider/core/resource-kind";
import { dashboard, Sandbox, startChatwoot, writeLines } from "../support/chatwoot";

/**
 * The fast tier: the Chatwoot kinds driven in this process against the sandbox, no engine. What only the engine
 * shows (previews, state, refresh) is in the CLI tests beside this file.
 */
describe("chatwoot kinds in process", () => {
  let sandbox: Sandbox;
  let settings: Settings;
  const owner = { project: "fast", stack: "dev", name: "r" };

  beforeAll(async () => {
    sandbox = await startChatwoot();
    settings = new Settings(() => undefined, { ...sandbox.env });
  });
  afterEach(() => {
    sandbox.chatwoot.faults.clear();
    sandbox.chatwoot.clearRequests();
  });
  afterAll(async () => sandbox?.close());

  it("a custom role: one POST to create, one PATCH of the changed field, one DELETE", async () => {
    const roles: ResourceKind<any, any> = new ChatwootCustomRoleKind(settings);
    const checked = await roles.check({}, { name: "Fast Leads", permissions: ["report_manage", "contact_manage"] }, { owner });
    expect(checked.failures).toEqual([]);
    const { id, outs } = await roles.create(checked.inputs!, { owner });
    expect(writeLines(sandbox)).toEqual(["POST /api/v1/accounts/1/custom_roles"]);
    expect(outs).toMatchObject({ customRoleId: Number(id), permissions: ["report_manage", "contact_manage"] });

    const news = { ...checked.inputs!, permissions: ["contact_manage", "report_manage"] };
    expect((await roles.diff(outs, news)).changes).toBe(false);
    const reordered = { ...news, description: "Leads" };
    expect((await roles.diff(outs, reordered)).changedPaths).toEqual(["description"]);
    sandbox.chatwoot.clearRequests();
    const updated = await roles.update(id, outs, reordered, { owner });
    expect(sandbox.chatwoot.writes().map((w) => w.body)).toEqual([{ custom_role: { description: "Leads" } }]);
    sandbox.chatwoot.clearRequests();
    await roles.delete(id, updated, { owner });
    expect(writeLines(sandbox)).toEqual([`DELETE /api/v1/accounts/1/custom_roles/${id}`]);
    await roles.delete(id, updated, { owner });
  });

  it("an agent: POST with its custom role, then a PATCH that keeps the role it does not declare", async () => {
    const agents: ResourceKind<any, any> = new ChatwootAgentKind(settings);
    const checked = await agents.check({}, { name: "Fast Agent", email: "fast@acme.test", customRole: "Reports Only" }, { owner });
    expect(checked.failures).toEqual([]);
    const { id, outs } = await agents.create(checked.inputs!, { owner });
    expect(writeLines(sandbox)).toEqual(["POST /api/v1/accounts/1/agents"]);
    expect(sandbox.chatwoot.writes()[0].body).toEqual({ agent: { name: "Fast Agent", email: "fast@acme.test" }, custom_role_id: 3 });
    expect(outs).toMatchObject({ agentId: Number(id), customRole: "Reports Only", customRoleId: 3 });

    sandbox.chatwoot.clearRequests();
    const { customRole: _dropped, ...withoutRole } = checked.inputs!;
    const news = { ...withoutRole, availability: "busy" };
    // Chatwoot never changes an agent's email: another email is another agent.
    expect(await agents.diff(outs, { ...news, email: "FAST@acme.test" })).toMatchObject({ changes: true, changedPaths: ["availability"] });
    expect(await agents.diff(outs, { ...news, email: "other@acme.test" })).toMatchObject({ replaces: ["email"], changedPaths: ["email"] });
    const after = await agents.update(id, outs, news, { owner });
    expect(sandbox.chatwoot.writes().map((w) => w.body)).toEqual([{ agent: { availability: "busy" }, custom_role_id: 3 }]);
    expect(after.customRoleId).toBe(3);
    await agents.delete(id, after, { owner });
  });

  it("a create whose connection dropped, and that provably did not land, is sent again: one member, one role", async () => {
    const agents: ResourceKind<any, any> = new ChatwootAgentKind(settings);
    const roles: ResourceKind<any, any> = new ChatwootCustomRoleKind(settings);
    sandbox.chatwoot.faults.failNext({ method: "POST", path: "/accounts/1/agents", dropConnection: true });
    sandbox.chatwoot.faults.failNext({ method: "POST", path: "/accounts/1/custom_roles", status: 502 });
    const agent = await agents.create({ name: "Dropped Once", email: "dropped@acme.test" }, { owner });
    const role = await roles.create({ name: "Dropped Role", permissions: [] }, { owner });
    expect(sandbox.chatwoot.writes().map((w) => `${w.method} ${w.path} ${w.status}`)).toEqual([
      "POST /api/v1/accounts/1/agents 0", "POST /api/v1/accounts/1/agents 200",
      "POST /api/v1/accounts/1/custom_roles 502", "POST /api/v1/accounts/1/custom_roles 200",
    ]);
    expect(sandbox.chatwoot.admin.listAgents().filter((a) => a.email === "dropped@acme.test")).toHaveLength(1);
    await agents.delete(agent.id, agent.outs, { owner });
    await roles.delete(role.id, role.outs, { owner });
  });

  it("the profile: adopted with originals recorded, one PUT, the tokens of the answer nowhere in the outputs", async () => {
    const profiles: ResourceKind<any, any> = new ChatwootProfileKind(settings);
    const checked = await profiles.check({}, { displayName: "Ada (on call)", uiSettings: { rtl_view: false }, availability: "busy", restoreOnDestroy: true }, { owner });
    expect(checked.failures).toEqual([]);
    const { id, outs } = await profiles.create(checked.inputs!, { owner });
    expect(writeLines(sandbox)).toEqual(["PUT /api/v1/profile", "POST /api/v1/profile/availability"]);
    expect(outs.originalValues).toEqual({ displayName: "", uiSettings: { rtl_view: null }, availability: "online" });
    const text = JSON.stringify(outs);
    expect(text).not.toContain(sandbox.chatwoot.tokens.administrator);
    expect(text).not.toContain("pubsub");
    sandbox.chatwoot.clearRequests();
    await profiles.delete(id, outs, { owner });
    expect(writeLines(sandbox)).toEqual(["PUT /api/v1/profile", "POST /api/v1/profile/availability"]);
    expect(sandbox.chatwoot.admin.getUser(1)!.displayName).toBe("");
  });

  it("restoring on destroy needs no read: one PUT of the recorded values, even after a dashboard change", async () => {
    const profiles: ResourceKind<any, any> = new ChatwootProfileKind(settings);
    const checked = await profiles.check({}, { messageSignature: "On call", availability: "busy", restoreOnDestroy: true }, { owner });
    const { id, outs } = await profiles.create(checked.inputs!, { owner });
    await dashboard(sandbox, "PUT", "/profile", { profile: { message_signature: "Clicked" } });
    sandbox.chatwoot.clearRequests();
    await profiles.delete(id, outs, { owner });
    expect(sandbox.chatwoot.requests().map((r) => `${r.method} ${r.path}`)).toEqual(["PUT /api/v1/profile", "POST /api/v1/profile/availability"]);
    expect(sandbox.chatwoot.writes()[0].body).toEqual({ profile: { message_signature: "" } });
    expect(sandbox.chatwoot.admin.getUser(1)!.messageSignature).toBe("");
  });
});

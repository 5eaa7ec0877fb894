import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { chatwootProject, dashboard, program, Sandbox, startChatwoot, writeLines } from "../support/chatwoot";

const me = (displayName: string, email?: string) =>
  program(`
export const me = new chatwoot.Profile("me", {
  displayName: "${displayName}",${email ? `\n  email: "${email}",` : ""}
  messageSignature: "Ada\\nAcme Support, on call",
  phoneNumber: "+1 555 0100",
  uiSettings: { rtl_view: false },
  availability: "busy",
  restoreOnDestroy: true,
}).userId;`);

describe("chatwoot.Profile through the Pulumi engine", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startChatwoot();
    project = await chatwootProject(sandbox, "cw-profile", me("Ada (on call)"));
  });
  afterAll(async () => sandbox?.close());

  it("adopts the token's profile: one PUT of the declared fields that differ, one availability call", async () => {
    await project.up();
    expect(writeLines(sandbox)).toEqual(["PUT /api/v1/profile", "POST /api/v1/profile/availability"]);
    expect(sandbox.chatwoot.writes().map((w) => w.body)).toEqual([
      { profile: { display_name: "Ada (on call)", message_signature: "Ada\nAcme Support, on call", phone_number: "+1 555 0100", ui_settings: { rtl_view: false } } },
      { profile: { account_id: 1, availability: "busy" } },
    ]);
    const [profile] = (await project.exportState()).deployment.resources.filter((r) => r.type.endsWith("chatwoot:Profile"));
    expect(profile.outputs.originalValues).toEqual({ displayName: "", messageSignature: "", phoneNumber: "", uiSettings: { rtl_view: null }, availability: "online" });
  });

  it("a second up sends no write, and the preview expects no changes", async () => {
    sandbox.chatwoot.clearRequests();
    await project.up();
    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    expect(sandbox.chatwoot.writes()).toEqual([]);
  });

  it("changing one field sends one PUT with only that field", async () => {
    project.writeProgram(me("Ada (lead)"));
    expect((await project.preview()).output).toMatch(/~ displayName\s*: "Ada \(on call\)" => "Ada \(lead\)"/);
    sandbox.chatwoot.clearRequests();
    await project.up();
    expect(sandbox.chatwoot.writes().map((w) => w.body)).toEqual([{ profile: { display_name: "Ada (lead)" } }]);
  });

  it("a display name changed in the dashboard fails --expect-no-changes (exit 7); a ui setting nobody declared does not", async () => {
    const before = await project.preview("--refresh", "--expect-no-changes");
    expect(before.code, before.output).toBe(0);
    await dashboard(sandbox, "PUT", "/profile", { profile: { ui_settings: { rtl_view: false, is_contact_sidebar_open: true } } });
    const untouched = await project.preview("--refresh", "--expect-no-changes");
    expect(untouched.code, untouched.output).toBe(0);
    await dashboard(sandbox, "PUT", "/profile", { profile: { display_name: "Ada" } });
    const gate = await project.preview("--refresh", "--expect-no-changes");
    expect(gate.code, gate.output).toBe(7);
    expect(gate.output).toMatch(/~ displayName\s*: "Ada" => "Ada \(lead\)"/);
    expect(sandbox.chatwoot.writes()).toEqual([]);
  });

  it("up --refresh repairs it with one PUT; the dashboard's ui setting is kept", async () => {
    await project.up("--refresh");
    expect(sandbox.chatwoot.writes().map((w) => w.body)).toEqual([{ profile: { display_name: "Ada (lead)" } }]);
    expect(sandbox.chatwoot.admin.getUser(1)!.uiSettings).toEqual({ rtl_view: false, is_contact_sidebar_open: true });
  });

  it("an email change is sent once and waits for confirmation without showing as drift", async () => {
    project.writeProgram(me("Ada (lead)", "ada.oncall@acme.test"));
    sandbox.chatwoot.clearRequests();
    await project.up();
    expect(sandbox.chatwoot.writes().map((w) => w.body)).toEqual([{ profile: { email: "ada.oncall@acme.test" } }]);
    expect(sandbox.chatwoot.admin.getUser(1)!.email).toBe("ada@acme.test");
    sandbox.chatwoot.clearRequests();
    await project.up("--refresh");
    expect(sandbox.chatwoot.writes()).toEqual([]);
    sandbox.chatwoot.admin.confirmEmail(1);
    const confirmed = await project.preview("--refresh", "--expect-no-changes");
    expect(confirmed.code, confirmed.output).toBe(0);
  });

  it("destroy with restoreOnDestroy puts the recorded values back and leaves the user", async () => {
    sandbox.chatwoot.clearRequests();
    await project.destroy();
    expect(sandbox.chatwoot.writes().map((w) => w.body)).toEqual([
      { profile: { display_name: "", email: "ada@acme.test", message_signature: "", phone_number: "", ui_settings: { rtl_view: null, is_contact_sidebar_open: true } } },
      { profile: { account_id: 1, availability: "online" } },
    ]);
    expect(sandbox.chatwoot.admin.getUser(1)).toBeDefined();
  });
});

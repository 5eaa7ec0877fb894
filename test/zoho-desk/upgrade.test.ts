import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { PulumiProject } from "../../harness/project";
import { deskProject, program, Sandbox } from "../support/desk";

const advisors = program(`
new zohoDesk.Profile("advisors", { name: "CRM Advisors", transferToProfile: "Agent", permissions: { crmInteg: { crmAccountsInfo: true } } });`);

/** What `npm install pulumi-helpdesk@next` does to the project: new version, changed code, same state. */
function upgradeInstalledPackage(project: PulumiProject): void {
  const manifest = join(project.packageDir, "package.json");
  writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, "utf8")), version: "0.2.0-next" }));
  const transport = join(project.packageDir, "dist", "provider", "core", "http", "transport.js");
  const code = readFileSync(transport, "utf8");
  const edited = code.replace('"User-Agent": this.options.userAgent', '"User-Agent": this.options.userAgent + " (upgraded)"');
  expect(edited).not.toBe(code);
  writeFileSync(transport, edited);
}

describe("upgrading the installed package under existing state", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startSandbox();
    project = await deskProject(sandbox, "upgrade", advisors, { copyPackage: true });
    await project.up();
    upgradeInstalledPackage(project);
    sandbox.zohoDesk.clearRequests();
  });
  afterAll(async () => sandbox?.close());

  const agents = () => new Set(sandbox.zohoDesk.requests().map((r) => String(r.headers["user-agent"])));

  it("new provider code alone is not a change", async () => {
    const preview = await project.preview("--expect-no-changes");
    expect(preview.code, preview.output).toBe(0);
  });

  it("refresh runs the newly installed code, not the copy in the state", async () => {
    sandbox.zohoDesk.clearRequests();
    await project.refresh();
    expect(sandbox.zohoDesk.requests().length).toBeGreaterThan(0);
    expect(agents()).toEqual(new Set(["pulumi-helpdesk/0.2.0-next (upgraded)"]));
  });

  it("destroy runs the newly installed code too", async () => {
    sandbox.zohoDesk.clearRequests();
    await project.destroy();
    expect(sandbox.zohoDesk.writes().map((w) => w.method)).toEqual(["POST"]);
    expect(agents()).toEqual(new Set(["pulumi-helpdesk/0.2.0-next (upgraded)"]));
  });
});

describe("a stack written by release 0.1.0 keeps working with this release", () => {
  // Exported from a stack that 0.1.0 (commit be889a4) created against the sandbox: its stub loads
  // "pulumi-helpdesk/runtime" (then dist/provider/dynamic/runtime.js), its outputs hold the whole vendor profile.
  const fixture = join(__dirname, "..", "fixtures", "zoho-desk-state-0.1.0.json");
  const sameProgram = program(`
new zohoDesk.Profile("billing", { name: "Billing Specialists", adopt: "Billing Specialists", transferToProfile: "Agent", permissions: { tickets: { delete: false, export: true } } });`);
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => sandbox?.close());

  it("previews no change, refreshes, repairs drift and destroys", async () => {
    const project = await PulumiProject.create({ name: "from-0-1-0", program: sameProgram, env: { ...sandbox.env } });
    const billing = sandbox.zohoDesk.admin.findProfileByName("Billing Specialists")!;
    sandbox.zohoDesk.admin.setPermission(billing.id, "tickets.export", true);
    const imported = await project.pulumi(["stack", "import", "--file", fixture]);
    expect(imported.code, imported.output).toBe(0);
    expect(readFileSync(fixture, "utf8")).toContain(`"profile": {`);

    expect((await project.preview("--expect-no-changes")).code).toBe(0);
    await project.refresh();
    expect((await project.preview("--expect-no-changes")).code).toBe(0);

    sandbox.zohoDesk.admin.setPermission(billing.id, "tickets.delete", true);
    sandbox.zohoDesk.clearRequests();
    expect((await project.preview("--refresh", "--expect-no-changes")).code).toBe(7);
    await project.up("--refresh");
    expect(sandbox.zohoDesk.writes().map((w) => w.body)).toEqual([{ permissions: { tickets: { delete: false } } }]);

    await project.destroy();
    expect(sandbox.zohoDesk.admin.getProfile(billing.id)).toBeUndefined();
  });
});

import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { startSandbox } from "../../sandbox";
import { helpdeskCli, projectEnv } from "../support/helpdesk-cli";

const startDeskAndTeamwork = () => startSandbox({ vendors: ["zohoDesk", "teamworkDesk"] });
type Sandbox = Awaited<ReturnType<typeof startDeskAndTeamwork>>;

const program = `import * as pulumi from "@pulumi/pulumi";
import { teamworkDesk, zohoDesk } from "pulumi-helpdesk";
new zohoDesk.Profile("tier1", { name: "Tier One", description: pulumi.secret("bridge PIN 4471-9902"), transferToProfile: "Agent",
  permissions: { tickets: { view: true, delete: false, export: false } } });
new teamworkDesk.User("noor", { email: "noor@acme.test", firstName: "Noor", role: "agent" });
`;

describe("pulumi-helpdesk drift exits non-zero exactly when the sandbox account has drifted", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  let summaryFile: string;
  const drift = () => helpdeskCli(["drift", "--stack", "dev", "--cwd", project.dir, "--summary", summaryFile], { env: projectEnv(project, sandbox.env) });

  beforeAll(async () => {
    sandbox = await startDeskAndTeamwork();
    project = await PulumiProject.create({ name: "drift-check", program, env: { ...sandbox.env } });
    summaryFile = join(project.dir, "summary.md");
    await project.up();
  });
  afterAll(async () => sandbox?.close());

  it("zero on an account that matches the program; 7 with the drifted cells after clicks; zero again after the repair", async () => {
    const clean = await drift();
    expect(clean.code, clean.output).toBe(0);
    expect(clean.stdout).toBe("## No drift (stack `dev`)\n\nThe account matches the program.\n");

    const tierOne = sandbox.zohoDesk.admin.findProfileByName("Tier One")!;
    sandbox.zohoDesk.admin.setPermission(tierOne.id, "tickets.delete", true);
    sandbox.teamworkDesk.admin.updateUser(sandbox.teamworkDesk.admin.findUserByEmail("noor@acme.test")!.id, { role: "admin" });
    sandbox.zohoDesk.clearRequests();
    sandbox.teamworkDesk.clearRequests();
    writeFileSync(summaryFile, "");

    const drifted = await drift();
    expect(drifted.code, drifted.output).toBe(7);
    const expected = [
      "## Drift (stack `dev`): the account differs from the program",
      "",
      "### Changed outside the program",
      "",
      '- Teamwork Desk user "noor@acme.test" (`noor`): `role` is `admin` in Teamwork Desk; the program says `agent`.',
      '- Zoho Desk profile "Tier One" (`tier1`): `tickets.delete` is true in Zoho Desk; the program says false.',
      "",
      "`pulumi up --refresh` puts the program's values back (review the changes above first).",
      "",
    ].join("\n");
    expect(drifted.stdout).toBe(expected);
    expect(readFileSync(summaryFile, "utf8")).toBe(`${expected}\n`);
    expect(drifted.output).not.toContain("4471-9902");
    expect([...sandbox.zohoDesk.writes(), ...sandbox.teamworkDesk.writes()]).toEqual([]);

    await project.up("--refresh");
    const repaired = await drift();
    expect(repaired.code, repaired.output).toBe(0);
  });

  it("a check that cannot run (a stack that does not exist) fails with 1 and the reason, not as drift", async () => {
    const result = await helpdeskCli(["drift", "--stack", "nope", "--cwd", project.dir], { env: projectEnv(project, sandbox.env) });
    expect(result.code, result.output).toBe(1);
    expect(result.stdout).toContain("## Drift check failed");
    expect(result.stdout).toMatch(/no stack named 'nope' found|stack 'nope' not found/i);
  });
});

describe("pulumi-helpdesk drift refuses a folder or summary file it cannot use, before any preview", () => {
  it("a --cwd that does not exist, or is a file, is named as such (not as a missing pulumi CLI)", async () => {
    const missing = await helpdeskCli(["drift", "--cwd", "/nonexistent/infra"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("pulumi-helpdesk: --cwd /nonexistent/infra: no such folder; give the folder that holds the project's Pulumi.yaml\n");
    const file = await helpdeskCli(["drift", "--cwd", "package.json"]);
    expect(file.code).toBe(1);
    expect(file.stderr).toBe("pulumi-helpdesk: --cwd package.json: not a folder; give the folder that holds the project's Pulumi.yaml\n");
  });

  it("a --summary in a folder that does not exist fails at once, naming the option", async () => {
    const result = await helpdeskCli(["drift", "--summary", "/nonexistent/drift.md"], { env: { PATH: "" } });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("pulumi-helpdesk: --summary /nonexistent/drift.md: cannot write to it (ENOENT: no such file or directory");
  });
});

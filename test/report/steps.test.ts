import { spawnSync } from "child_process";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../cli/report/changes";
import { KIND_VIEWS } from "../../cli/report/kinds";
import { fitReport } from "../../cli/report/fit";
import { renderReport } from "../../cli/report/markdown";
import { previewSchema } from "../../cli/report/preview-json";
import { repoRoot } from "../../harness/repo-root";
import { registry } from "../../provider/registry";
import { helpdeskCli } from "../support/helpdesk-cli";

/** A step as `pulumi preview --json` prints it for one of our resources (only the fields the report reads). */
function step(op: string, token: string, name: string, states: { old?: object; oldOutputs?: object; new?: object }) {
  const urn = `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/${token}::${name}`;
  return {
    op, urn,
    ...(states.old ? { oldState: { urn, inputs: { __provider: "stub", ...states.old }, outputs: { ...states.old, ...states.oldOutputs } } } : {}),
    ...(states.new ? { newState: { urn, inputs: { __provider: "stub", ...states.new } } } : {}),
  };
}

const report = (steps: object[], diagnostics: object[] = []) => renderReport(buildReport(previewSchema.parse({ steps, diagnostics })));

describe("the report knows every resource kind of the package", () => {
  it("has a view for each registered kind, so a new kind cannot go unreported", () => {
    expect(Object.keys(KIND_VIEWS).sort()).toEqual(registry.map((kind) => kind.token).sort());
  });
});

describe("cells, secrets and lifecycles from preview steps", () => {
  it("Zoho CRM permission names are grouped by the module after the action; org-wide switches under general", () => {
    const markdown = report([step("update", "zohoCrm:Profile", "reps", {
      old: { name: "Reps", permissions: { Crm_Implied_Mass_Delete_Deals: true, Crm_Implied_Gcal_Sync: true } },
      new: { name: "Reps", permissions: { Crm_Implied_Mass_Delete_Deals: false, Crm_Implied_Gcal_Sync: false, Crm_Implied_View_Deals: true } },
    })]);
    expect(markdown).toContain("| Deals | `Crm_Implied_View_Deals` | `Crm_Implied_Mass_Delete_Deals` |");
    expect(markdown).toContain("| general |  | `Crm_Implied_Gcal_Sync` |");
  });

  it("a deleted permission set puts back the values the profile had before it", () => {
    const markdown = report([step("delete", "zohoDesk:ProfilePermissionSet", "sup", {
      old: { profile: "Supervisor", permissions: { tickets: { export: false, delete: false } } },
      oldOutputs: { profileName: "Supervisor", originalPermissions: { tickets: { export: true, delete: false } } },
    })]);
    expect(markdown).toContain('#### profile "Supervisor" (`zohoDesk.ProfilePermissionSet` `sup`, deleted): 1 granted, 0 revoked');
    expect(markdown).toContain("| tickets | `export` |  |");
  });

  it("a credential typed without pulumi.secret is named, never shown; the engine's [secret] marker likewise", () => {
    const markdown = report([
      step("create", "imichat:User", "ina", { new: { loginId: "ina", firstName: "Ina", apiToken: "tok-123456" } }),
      step("update", "teamworkDesk:User", "pat", { old: { email: "pat@acme.test", lastName: "[secret]" }, new: { email: "pat@acme.test", lastName: "[secret]" } }),
    ]);
    expect(markdown).not.toContain("tok-123456");
    expect(markdown).toContain("Secret inputs are never shown and cannot be compared here: `ina` `apiToken`; `pat` `lastName`.");
    expect(markdown).toContain("| IMIchat | user ina (`ina`) | `firstName` |  | Ina |");
  });

  it("a failed preview says so instead of reading as no change", () => {
    const markdown = report([], [{ message: "error: resource 'bad' has a problem: property name", severity: "error" }]);
    expect(markdown).toContain("**The preview failed**");
    expect(markdown).toContain("No access changes could be planned.");
  });

  it("an error the engine repeats for each resource it stops is quoted once", () => {
    const refused = "error: Preview failed: Zoho accounts refused the refresh token: invalid_code.";
    const markdown = report([], [
      { urn: "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/zohoDesk:Profile::a", message: `${refused}\n`, severity: "error" },
      { urn: "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/zohoDesk:Profile::b", message: `${refused}\n`, severity: "error" },
      { message: "error: preview failed\n", severity: "error" },
    ]);
    expect(markdown).toContain(`\`\`\`\n${refused}\nerror: preview failed\n\`\`\``);
    expect(markdown).not.toContain("The engine's JSON gives no reason");
  });

  it("a preview that failed with no reason in its JSON (policy violations are left out of it) says where to read it", () => {
    const markdown = report(
      [step("create", "zohoDesk:Profile", "night", { new: { name: "Night Shift", permissions: { tickets: { delete: true } } } })],
      [{ message: "error: preview failed\n", severity: "error" }],
    );
    expect(markdown).toContain("The engine's JSON gives no reason. Policy violations (`--policy-pack`) are not part of `pulumi preview --json`: run the same preview without `--json` to read them.");
  });

  it("a preview without our resources' changes says the account stays as it is", () => {
    expect(report([step("same", "zohoDesk:Profile", "t", { old: { name: "T" }, new: { name: "T" } })])).toContain("No access changes: the account stays as it is.");
  });
});

describe("the report command's input errors name the option and the rule", () => {
  it.each([
    ["", "--preview-json - (standard input): expected the output of `pulumi preview --json`, but it is empty"],
    ["Previewing update (dev):", "--preview-json - (standard input): expected the output of `pulumi preview --json`, but it is not JSON"],
    ['{"resources": []}', '--preview-json - (standard input): not `pulumi preview --json` output: it has neither "steps" nor "diagnostics"'],
    ['{"steps": [{"op": 1}]}', "--preview-json - (standard input): not `pulumi preview --json` output: steps.0.op"],
  ])("input %j", async (input, message) => {
    const result = await helpdeskCli(["report"], { input });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it("typed in a terminal with neither a file nor a pipe, it says so instead of waiting for input", () => {
    // script(1) gives the command a terminal as its standard input, as an interactive shell does.
    const command = `${process.execPath} ${join(repoRoot, "dist", "cli", "main.js")} report`;
    const result = spawnSync("script", ["-qec", command, "/dev/null"], { input: "", encoding: "utf8", timeout: 30_000 });
    expect(result.stdout).toContain("--preview-json: give a file, or pipe the preview in (`pulumi preview --json | npx pulumi-helpdesk report`); standard input is a terminal");
  });

  it("an unknown option or a missing value", async () => {
    expect((await helpdeskCli(["report", "--json", "x"])).stderr).toContain("unknown option '--json'; the options are --preview-json, --out, --max-chars");
    expect((await helpdeskCli(["report", "--out"])).stderr).toContain("--out needs a value: where to write the Markdown");
    expect((await helpdeskCli(["report", "--preview-json", "/nonexistent/p.json"])).stderr).toContain("--preview-json /nonexistent/p.json: cannot read it (ENOENT: no such file or directory");
  });
});

describe("a report too long for a pull-request comment", () => {
  // The first up of an exported account: 400 adopted profiles, every switch declared.
  const adoptions = Array.from({ length: 400 }, (_, i) => step("create", "zohoDesk:Profile", `p${i}`, {
    new: { name: `Profile ${i}`, adopt: `Profile ${i}`, permissions: { tickets: { view: true, edit: true, delete: false, export: false }, contacts: { view: true, delete: false } } },
  }));

  it("is cut at a line to fit, and says where it was cut and how to get all of it", async () => {
    const whole = report(adoptions);
    expect(whole.length).toBeGreaterThan(65_536);
    const cut = fitReport(whole, 60_000);
    expect(cut.length).toBeLessThanOrEqual(60_000);
    expect(cut.startsWith(whole.slice(0, cut.indexOf("\n_Cut after")))).toBe(true);
    expect(cut).toMatch(/_Cut after \d+ of \d+ lines: the whole report is [\d,]+ characters and this one holds 60,000\. Rerun `npx pulumi-helpdesk report` with `--max-chars 0`/);
    expect(fitReport(whole, 0)).toBe(whole);
  });

  it("a cut inside the quoted errors of a failed preview closes their code block", () => {
    const errors = Array.from({ length: 300 }, (_, i) => ({ severity: "error", message: `error: resource p${i} failed: ${"x".repeat(40)}` }));
    const cut = fitReport(report([], errors), 5_000);
    expect(cut.length).toBeLessThanOrEqual(5_000);
    expect(cut.match(/^```/gm)!.length % 2).toBe(0);
  });

  it("the command cuts at 60,000 by default and refuses a limit that is not a whole number", async () => {
    const input = JSON.stringify({ steps: adoptions, diagnostics: [] });
    const result = await helpdeskCli(["report"], { input });
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeLessThanOrEqual(60_000);
    expect(result.stdout).toContain("_Cut after");
    const bad = await helpdeskCli(["report", "--max-chars", "64k"], { input });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--max-chars must be 0 (never cut) or a whole number of characters, at least 1000 (room for the totals and the notice of the cut); got '64k'");
  });
});

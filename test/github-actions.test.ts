import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../cli/commands";
import { OPTIONS as driftOptions } from "../cli/drift";
import { OptionSpec } from "../cli/options";
import { OPTIONS as reportOptions } from "../cli/report";
import { repoRoot } from "../harness/repo-root";

// js-yaml comes with @pulumi/pulumi; it ships no types.
const { load } = require("js-yaml") as { load(text: string): unknown };

interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string; "continue-on-error"?: unknown }
interface Workflow { on: Record<string, unknown>; permissions?: Record<string, string>; env?: Record<string, string>; jobs: Record<string, { steps: Step[] }> }

const folder = join(repoRoot, "examples", "github-actions");
const workflows = Object.fromEntries(readdirSync(folder).filter((f) => f.endsWith(".yml")).map((f) => [f, load(readFileSync(join(folder, f), "utf8")) as Workflow]));
const steps = (file: string) => Object.values(workflows[file].jobs).flatMap((job) => job.steps);
const runLines = (file: string) => steps(file).flatMap((step) => (step.run ?? "").split("\n")).filter(Boolean);
const readme = readFileSync(join(repoRoot, "README.md"), "utf8");

/** The options each `npx pulumi-helpdesk` command of the package takes. */
const commandOptions: Record<string, Record<string, OptionSpec>> = { report: reportOptions, drift: driftOptions };

/** Inputs pulumi/actions v6 documents (its README, "Configuration" and "Extra options"). */
const PULUMI_ACTION_INPUTS = [
  "command", "stack-name", "work-dir", "cloud-url", "comment-on-pr", "comment-on-summary", "github-token", "refresh", "secrets-provider",
  "color", "log-verbosity", "log-flow", "debug", "config-map", "diff", "comment-on-pr-number", "edit-pr-comment", "expect-no-changes",
  "message", "parallel", "policyPacks", "policyPackConfigs", "pulumi-version", "pulumi-version-file", "remove", "replace", "target",
  "target-dependents", "upsert", "exclude-protected", "suppress-outputs", "suppress-progress", "omit-stdout", "plan",
  "always-include-summary", "continue-on-error",
];

describe("the example GitHub Actions workflows call the package's real commands and settings", () => {
  it("are the pull-request report and the scheduled drift check", () => {
    expect(Object.keys(workflows).sort()).toEqual(["drift.yml", "pull-request.yml"]);
  });

  it.each(Object.keys(workflows))("%s: every `npx pulumi-helpdesk` line names a command and options it has", (file) => {
    const calls = runLines(file).filter((line) => line.includes("npx pulumi-helpdesk"));
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      const [command, ...args] = call.slice(call.indexOf("npx pulumi-helpdesk") + "npx pulumi-helpdesk".length).trim().split(/\s+/);
      expect(COMMANDS[command], `${file}: ${call}`).toBeDefined();
      for (const option of args.filter((arg) => arg.startsWith("--"))) {
        expect(Object.keys(commandOptions[command]), `${file}: ${call}`).toContain(option.slice(2));
      }
    }
  });

  it.each(Object.keys(workflows))("%s: installs the CLI with pulumi/actions, using only inputs it documents", (file) => {
    const pulumiSteps = steps(file).filter((step) => step.uses?.startsWith("pulumi/actions@"));
    expect(pulumiSteps.map((step) => step.uses)).toEqual(["pulumi/actions@v6"]);
    for (const step of pulumiSteps) for (const input of Object.keys(step.with ?? {})) expect(PULUMI_ACTION_INPUTS).toContain(input);
    expect(steps(file).map((step) => step.uses).filter(Boolean)).toEqual(["actions/checkout@v4", "actions/setup-node@v4", "pulumi/actions@v6"]);
  });

  it.each(Object.keys(workflows))("%s: takes each credential from a repository secret or variable of the same name that the README documents", (file) => {
    const env = workflows[file].env ?? {};
    expect(Object.keys(env).length).toBeGreaterThan(2);
    for (const [name, value] of Object.entries(env)) {
      if (name === "PULUMI_STACK") continue;
      expect(value, name).toMatch(new RegExp(`^\\$\\{\\{ (secrets|vars)\\.${name} \\}\\}$`));
      if (/SECRET|TOKEN|API_KEY/.test(name)) expect(value, `${name} is a credential`).toContain("secrets.");
      if (name !== "PULUMI_ACCESS_TOKEN") expect(readme, `README documents ${name}`).toContain(`\`${name}\``);
    }
  });

  it("pull-request.yml: previews as JSON into the file the report reads, and comments with the report it writes", () => {
    const workflow = workflows["pull-request.yml"];
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect(workflow.permissions).toMatchObject({ "pull-requests": "write" });
    const lines = runLines("pull-request.yml");
    expect(lines.find((l) => l.startsWith("pulumi preview"))).toMatch(/^pulumi preview --stack "\$PULUMI_STACK" --refresh --json .*> preview\.json$/);
    expect(lines).toContain("npx pulumi-helpdesk report --preview-json preview.json --out report.md");
    expect(lines.find((l) => l.startsWith("gh pr comment"))).toContain("--body-file report.md");
  });

  it("pull-request.yml: the policy step, once uncommented, runs the shipped pack in a preview of its own, not the JSON one", () => {
    const text = readFileSync(join(folder, "pull-request.yml"), "utf8");
    const uncommented = load(text.replace(/^( {6})# ((- |  )(name|if|run): )/gm, "$1$2")) as Workflow;
    const policyStep = Object.values(uncommented.jobs).flatMap((job) => job.steps).find((step) => step.run?.includes("--policy-pack"))!;
    expect(policyStep.run).toBe('pulumi preview --stack "$PULUMI_STACK" --non-interactive --policy-pack node_modules/pulumi-helpdesk/policy');
    const packageJson = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { files: string[] };
    expect(packageJson.files).toContain("policy/PulumiPolicy.yaml");
    expect(runLines("pull-request.yml").filter((line) => line.includes("--json")).join("\n")).not.toContain("--policy-pack");
  });

  it("drift.yml: runs on a schedule and lets the drift command's exit code fail the job", () => {
    const workflow = workflows["drift.yml"];
    expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \S+ \S+ \S+$/) }]);
    const driftStep = steps("drift.yml").find((step) => step.run?.includes("pulumi-helpdesk drift"))!;
    expect(driftStep["continue-on-error"]).toBeUndefined();
    expect(driftStep.run).toBe('npx pulumi-helpdesk drift --stack "$PULUMI_STACK"');
  });
});

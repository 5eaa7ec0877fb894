import { describe, expect, it } from "vitest";
import { helpdeskCli } from "../support/helpdesk-cli";

describe("npx pulumi-helpdesk without a command it has", () => {
  it("a typo is named, with the nearest command, and exits 2 with the usage on stderr", async () => {
    const result = await helpdeskCli(["exprot", "--vendor", "zohoDesk"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^pulumi-helpdesk: unknown command 'exprot' \(did you mean 'export'\?\); the commands are report, drift, export, review\n\nusage: pulumi-helpdesk <command>/);
  });

  it("a name every object has (toString) is an unknown command too, not a crash", async () => {
    const result = await helpdeskCli(["toString"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("pulumi-helpdesk: unknown command 'toString'; the commands are");
  });

  it("--help, -h and no command print the usage on stdout and exit 0", async () => {
    for (const args of [["--help"], ["-h"], []]) {
      const result = await helpdeskCli(args);
      expect(result.code, args.join(" ")).toBe(0);
      expect(result.stdout).toContain("usage: pulumi-helpdesk <command> [options]");
      expect(result.stderr).toBe("");
    }
  });
});

describe("a bare word where an option goes", () => {
  it.each([
    [["report", "preview.json"], "unexpected argument 'preview.json': the command takes options only (--preview-json, --out, --max-chars), each followed by its value"],
    [["drift", "prod"], "unexpected argument 'prod': the command takes options only (--stack, --cwd, --summary), each followed by its value"],
    [["export", "zohoDesk"], "unexpected argument 'zohoDesk': the command takes options only (--vendor, --out, --permissions, --system, --connection), each followed by its value"],
    [["review", "--vendor", "chatwoot", "csv"], "unexpected argument 'csv': the command takes options only (--vendor, --stack-state, --preview-json, --format, --out, --connection)"],
  ])("%j is named as an argument, not as an unknown option", async (args, message) => {
    const result = await helpdeskCli(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`pulumi-helpdesk: ${message}`);
  });
});

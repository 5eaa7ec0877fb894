import { describe, expect, it } from "vitest";
import { helpdeskCli } from "../support/helpdesk-cli";

describe("an --out file that cannot be written is refused by name before anything is read", () => {
  // No vendor settings in the environment: a command that got past the check would fail naming a variable instead.
  const noSettings = { ZOHO_DESK_ORG_ID: "", ZOHO_REFRESH_TOKEN: "", CHATWOOT_API_ACCESS_TOKEN: "" };

  it.each([
    ["export", "--vendor", "zohoDesk"],
    ["review", "--vendor", "chatwoot"],
    ["report", "--preview-json", "package.json"],
  ])("%s: a folder that does not exist, a folder given as the file", async (...command) => {
    const missing = await helpdeskCli([...command, "--out", "/nonexistent/out.txt"], { env: noSettings });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toBe("pulumi-helpdesk: --out /nonexistent/out.txt: the folder /nonexistent does not exist; create it or give another file\n");
    const folder = await helpdeskCli([...command, "--out", "test"], { env: noSettings });
    expect(folder.stderr).toBe("pulumi-helpdesk: --out test: is a folder; give a file name\n");
  });

  it("an empty value is a missing value, in both option styles", async () => {
    expect((await helpdeskCli(["report", "--preview-json="])).stderr).toContain("pulumi-helpdesk: --preview-json needs a value");
    expect((await helpdeskCli(["export", "--vendor", "zohoDesk", "--out="])).stderr).toContain("pulumi-helpdesk: --out needs a value");
  });
});

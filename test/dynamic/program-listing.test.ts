import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { beforeAll, describe, expect, it } from "vitest";

// The program side of program-wide checks: one listing file per program turn, named in each resource's inputs.
describe("the program listing", () => {
  const folder = join(tmpdir(), `pulumi-helpdesk-${process.getuid?.() ?? "user"}`);
  beforeAll(() => {
    process.env.PULUMI_NODEJS_PROJECT = "listing";
    process.env.PULUMI_NODEJS_STACK = "dev";
  });

  it("lists every resource of the turn in one file, and sweeps the listings of programs that ended without cleaning up", async () => {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // A pid far above any pid_max: a program that is gone. And a listing named before pids were part of the name.
    const ended = join(folder, "program-4194399999-0123456789abcdef0123.json");
    const unnamed = join(folder, "program-0123456789abcdef0123.json");
    const running = join(folder, `program-${process.ppid}-0123456789abcdef0123.json`);
    for (const file of [ended, unnamed, running]) writeFileSync(file, "[]");

    const { reservedInputs, PROGRAM_INPUT } = await import("../../provider/dynamic/program");
    const first = reservedInputs("zohoDesk:Profile", "tier-1", { name: "Tier 1", description: undefined });
    const second = reservedInputs("zohoDesk:Profile", "tier-2", { name: "Tier 2" });
    const [file, same] = await Promise.all([first[PROGRAM_INPUT], second[PROGRAM_INPUT]]);

    expect(same).toBe(file);
    expect(JSON.parse(readFileSync(String(file), "utf8"))).toEqual([
      { type: "zohoDesk:Profile", owner: "listing/dev/tier-1", inputs: { name: "Tier 1" } },
      { type: "zohoDesk:Profile", owner: "listing/dev/tier-2", inputs: { name: "Tier 2" } },
    ]);
    expect([existsSync(ended), existsSync(unnamed), existsSync(running)]).toEqual([false, false, true]);
    rmSync(running);
  });
});

import { describe, expect, it } from "vitest";
import { PHASES } from "../bench/ideal";
import { runBench } from "../bench/run";

// The benchmark at N=10 only, so `npm run bench` cannot rot. Timings are reported, never asserted.
describe("npm run bench", () => {
  it("runs at N=10: every phase in the table, with request counts as numbers", async () => {
    const { rows, states, paced, markdown } = await runBench([10], () => {});
    expect(rows.map((r) => r.phase)).toEqual([...PHASES]);
    for (const row of rows) {
      const q = row.ours.requests!;
      for (const count of [q.reads, q.writes, q.tokens, q.tooMany, row.ideal.reads, row.ideal.writes, row.ideal.tokens]) expect(Number.isInteger(count)).toBe(true);
      expect(markdown).toContain(`| 10 | ${row.phase} |`);
    }
    expect(states).toHaveLength(1);
    expect(paced).toHaveLength(1);
    expect(Number.isInteger(paced[0].requests.reads + paced[0].requests.writes)).toBe(true);
    for (const section of ["## Phases", "## State", "## Rate-limited create", "## Targets"]) expect(markdown).toContain(section);
  }, 20 * 60_000);
});

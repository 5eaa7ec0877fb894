import { describe, expect, it } from "vitest";
import { PHASES } from "../bench/ideal";
import { replayBound, runBench } from "../bench/run";

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

describe("the rate-limited bound", () => {
  it("replays the unlimited requests under the window: 4 requests at 2 a minute: the third waits for the first to leave the window", () => {
    // Unlimited: requests at 0, 1, 2, 3 s, the command ends at 4 s.
    expect(replayBound({ arrivals: [0, 1000, 2000, 3000], endMs: 4000 }, 2)).toBe(60 + 1 + 1);
  });

  it("counts the engine's start before the first request, and keeps the slower unlimited gaps late in the run", () => {
    // The first request only after 5 s; the last gap 10 s, longer than the window leaves.
    expect(replayBound({ arrivals: [5000, 6000, 7000, 17000], endMs: 18000 }, 2)).toBe(65 + 10 + 1);
  });
});

// The benchmark's tables (markdown), the targets met or missed, and bench/RESULTS.md with date, commit and machine.
import { execFileSync } from "child_process";
import { writeFileSync } from "fs";
import { cpus, loadavg, totalmem } from "os";
import { join } from "path";
import { pulumiBinDir } from "../harness/pulumi-cli";
import type { Ideal, Phase } from "./ideal";
import type { Measured, Requests } from "./measure";

export interface Row { n: number; phase: Phase; ours: Measured; trivial: Measured; ideal: Ideal }
export interface StateRow {
  n: number;
  ours: { statePerResource: number; providerPerResource: number };
  trivial: { statePerResource: number; providerPerResource: number };
  /** Per kind: count, mean state record bytes (of which `__provider`, both copies). */
  byKind: string;
}
export interface RateLimitedRow {
  profiles: number; limit: number; ideal: number; requests: Requests; seconds: number; unlimitedSeconds: number; bound: number; peakMb: number;
}

const TARGET = { stateBytes: 2.5 * 1024, ratio: 1.1, paced: 1.15 };

const s = (seconds: number) => seconds.toFixed(1);
const vs = (actual: number, ideal: number) => `${actual} (${ideal})${actual > ideal ? " ▲" : ""}`;

export function phaseTable(rows: Row[]): string {
  const lines = [
    "| N | phase | ours s | trivial s | ratio | reads (ideal) | writes (ideal) | token exchanges (ideal) | 429s | by vendor | peak MB ours / trivial |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|",
  ];
  for (const r of rows) {
    const q = r.ours.requests!;
    lines.push(`| ${r.n} | ${r.phase} | ${s(r.ours.seconds)} | ${s(r.trivial.seconds)} | ${(r.ours.seconds / r.trivial.seconds).toFixed(2)}× | ` +
      `${vs(q.reads, r.ideal.reads)} | ${vs(q.writes, r.ideal.writes)} | ${vs(q.tokens, r.ideal.tokens)} | ${q.tooMany} | ${q.byVendor || "none"} | ` +
      `${r.ours.peakMb} / ${r.trivial.peakMb} |`);
  }
  return lines.join("\n");
}

export function stateTable(states: StateRow[]): string {
  const lines = [
    "| N | checkpoint B/resource ours | trivial | `__provider` B/resource ours | trivial | by kind: count, record B (`__provider` B) |",
    "|---:|---:|---:|---:|---:|---|",
  ];
  for (const t of states) {
    lines.push(`| ${t.n} | ${Math.round(t.ours.statePerResource)} | ${Math.round(t.trivial.statePerResource)} | ` +
      `${Math.round(t.ours.providerPerResource)} | ${Math.round(t.trivial.providerPerResource)} | ${t.byKind} |`);
  }
  return lines.join("\n");
}

export function pacedTable(paced: RateLimitedRow[]): string {
  const lines = [
    "| Desk profiles | limit / min | requests (ideal) | 429s | unlimited s | bound s | wall s | wall / bound | peak MB |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const p of paced) {
    const requests = p.requests.reads + p.requests.writes;
    lines.push(`| ${p.profiles} | ${p.limit} | ${vs(requests, p.ideal)} | ${p.requests.tooMany} | ${s(p.unlimitedSeconds)} | ${s(p.bound)} | ${s(p.seconds)} | ` +
      `${(p.seconds / p.bound).toFixed(2)}× | ${p.peakMb} |`);
  }
  return lines.join("\n");
}

/** Each target of issue 7, met or missed, from the figures (never asserted). */
export function targets(rows: Row[], states: StateRow[], paced: RateLimitedRow[]): string {
  const mark = (ok: boolean) => (ok ? "met" : "**missed**");
  const largest = Math.max(...rows.map((r) => r.n));
  const atLargest = rows.filter((r) => r.n === largest);
  const ours = atLargest.reduce((a, r) => a + r.ours.seconds, 0);
  const trivial = atLargest.reduce((a, r) => a + r.trivial.seconds, 0);
  const worstState = states.find((t) => t.n === largest)?.ours.statePerResource ?? NaN;
  const above = rows.filter((r) => r.ours.requests!.reads > r.ideal.reads || r.ours.requests!.writes > r.ideal.writes || r.ours.requests!.tokens > r.ideal.tokens);
  const tooMany = rows.reduce((a, r) => a + r.ours.requests!.tooMany, 0);
  const worstPaced = Math.max(...paced.map((p) => p.seconds / p.bound));
  return [
    `- State ≤ 2.5 KB per resource at N=${largest}: ${mark(worstState <= TARGET.stateBytes)} (${Math.round(worstState)} B of checkpoint per resource).`,
    `- Wall time ≤ 1.10× the trivial provider at N=${largest} (all phases): ${mark(ours <= TARGET.ratio * trivial)} (${(ours / trivial).toFixed(2)}×: ${s(ours)} s vs ${s(trivial)} s).`,
    `- Requests equal to the ideal: ${mark(above.length === 0)}${above.length ? ` (above it, ▲: ${above.map((r) => `N=${r.n} ${r.phase}`).join("; ")})` : ""}.`,
    `- Zero 429s in the unlimited phases: ${mark(tooMany === 0)} (${tooMany}).`,
    `- Rate-limited create ≤ 1.15× the bound: ${mark(worstPaced <= TARGET.paced)} (worst ${worstPaced.toFixed(2)}×; 429s: ${paced.map((p) => p.requests.tooMany).join(", ")}).`,
  ].join("\n");
}

function sh(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

export function machine(): string {
  const pulumi = sh(join(pulumiBinDir(), "pulumi"), ["version"]);
  return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${sh("git", ["rev-parse", "--short", "HEAD"])}` +
    `${sh("git", ["status", "--porcelain", "--", "provider", "bench"]) ? " (with uncommitted changes)" : ""}; ` +
    `${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ` +
    `node ${process.version}, pulumi ${pulumi}; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} at the end (shared machine)`;
}

export async function renderReport(rows: Row[], states: StateRow[], paced: RateLimitedRow[], unbenched: string[]): Promise<string> {
  return [
    "# Benchmark results",
    "",
    `Run: ${machine()}.`,
    "",
    "Reproduce: `npm run bench` (`BENCH_SIZES=10,100 npm run bench` to choose sizes). Each phase runs our program, then",
    "its trivial twin (an echo-only dynamic provider whose every resource has the same state bytes), through the same",
    "CLI and file backend. Requests are the sandbox's record for our run; ideal in parentheses, ▲ above it.",
    ...(unbenched.length ? ["", `Not benchmarked (no generator entry): ${unbenched.join(", ")}.`] : []),
    "",
    "## Phases",
    "",
    phaseTable(rows),
    "",
    "## State",
    "",
    stateTable(states),
    "",
    "## Rate-limited create",
    "",
    "Desk only, limit L a minute chosen so the ideal request count R needs two windows, the provider told L",
    "(`ZOHO_DESK_REQUESTS_PER_MINUTE`, as a user sets their org's limit; untold, it learns L from the first 429).",
    "Bound: the least time the limit allows this engine: the same create run unlimited first (U s), its requests",
    "replayed under the rolling window (each waits for the one L before it to leave the window and keeps at least its",
    "unlimited gap to the one before it; the command ends as long after the last request as unlimited).",
    "",
    pacedTable(paced),
    "",
    "## Targets (reported, not asserted)",
    "",
    targets(rows, states, paced),
    "",
  ].join("\n");
}

export function writeResults(path: string, markdown: string): void {
  writeFileSync(path, markdown);
}

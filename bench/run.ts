// npm run bench: our provider through the real engine against the sandbox, side by side with a trivial dynamic
// provider of equal state, phase by phase, for programs of 10, 100 and 500 resources (BENCH_SIZES=10,100 to choose).
// Prints the table and writes bench/RESULTS.md. Timings are reported, never asserted.
import { rmSync } from "fs";
import { join } from "path";
import { PulumiProject } from "../harness/project";
import { repoRoot } from "../harness/repo-root";
import { startSandbox } from "../sandbox";
import { mix, programFor, specs, unbenchedKinds, type Spec } from "./generate";
import { idealFor, idealRateLimited, PHASES, type Phase } from "./ideal";
import { measure, type Measured } from "./measure";
import { renderReport, writeResults, type RateLimitedRow, type Row, type StateRow } from "./report";
import { trivialProgram, twinsFor, type OurRecord } from "./trivial";
import { UNLIMITED, unlimitedSandbox } from "./unlimited-sandbox";

/** Where each phase leaves the switches: off at creation, on everywhere, then back off on resource 0 only. */
const SWITCH: Record<Phase, (i: number) => boolean> = {
  create: () => false,
  "no-change up": () => false,
  "refresh preview": () => false,
  "switch on every resource": () => true,
  "switch on one resource": (i) => i !== 0,
  destroy: (i) => i !== 0,
};

function must(ok: boolean, what: string, output: string): void {
  if (!ok) throw new Error(`bench: ${what} failed:\n${output.slice(-4000)}`);
}

async function runPhase(phase: Phase, project: PulumiProject): Promise<void> {
  if (phase === "refresh preview") {
    const result = await project.preview("--refresh", "--expect-no-changes");
    must(result.code === 0, `${phase} of ${project.options.name} (changes where none were expected?)`, result.output);
  } else if (phase === "destroy") await project.destroy();
  else await project.up();
}

type Log = (line: string) => void;

async function benchSize(n: number, log: Log): Promise<{ rows: Row[]; state: StateRow }> {
  const sandbox = await unlimitedSandbox(n);
  const plan = mix(n, sandbox);
  const listFor = (phase: Phase): Spec[] => specs(plan, SWITCH[phase]);
  const created = listFor("create");
  const ours = await PulumiProject.create({ name: `bench-ours-${n}`, program: programFor(created), env: { ...sandbox.env } });
  let trivial: PulumiProject | undefined;
  let records: OurRecord[] = [];
  const rows: Row[] = [];
  let state: StateRow | undefined;
  const measureTrivial = (phase: Phase) => {
    log(`N=${n} ${phase}: trivial...`);
    return measure(() => runPhase(phase, trivial!));
  };
  let before: Spec[] = [];
  try {
    for (const phase of PHASES) {
      const list = listFor(phase);
      if (phase !== "create" && phase !== "destroy") {
        ours.writeProgram(programFor(list));
        trivial!.writeProgram(trivialProgram(twinsFor(records, SWITCH[phase])));
      }
      if (phase === "destroy") state = await stateRow(n, ours, trivial!);
      // Interleaved phase by phase, so machine noise hits both; ours first at create (the twin copies its state),
      // then alternating which goes first.
      const oursFirst = PHASES.indexOf(phase) % 2 === 0;
      let theirs: Measured | undefined;
      if (!oursFirst) theirs = await measureTrivial(phase);
      log(`N=${n} ${phase}: ours...`);
      const mine = await measure(() => runPhase(phase, ours), sandbox);
      if (phase === "create") {
        records = await ourRecords(ours);
        trivial = await PulumiProject.create({ name: `bench-trivial-${n}`, program: trivialProgram(twinsFor(records, SWITCH.create)) });
      }
      theirs ??= await measureTrivial(phase);
      rows.push({ n, phase, ours: mine, trivial: theirs, ideal: idealFor(phase, list, before) });
      before = list;
      log(`N=${n} ${phase}: ${mine.seconds.toFixed(1)} s vs ${theirs.seconds.toFixed(1)} s, ${mine.requests?.byVendor}`);
    }
  } finally {
    await sandbox.close();
    for (const p of [ours, trivial]) if (p) rmSync(join(p.stateDir, ".."), { recursive: true, force: true });
  }
  return { rows, state: state! };
}

/** Our resources' state records, in program order. */
async function ourRecords(project: PulumiProject): Promise<OurRecord[]> {
  const state = await project.exportState();
  return state.deployment.resources
    .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"))
    .map((record) => ({ name: record.urn.split("::").pop()!, record }));
}

/** Whole checkpoint bytes per resource and `__provider` bytes per resource (both copies), ours and the twin's; ours by kind. */
async function stateRow(n: number, ours: PulumiProject, trivial: PulumiProject): Promise<StateRow> {
  const providerBytes = (r: { inputs?: any; outputs?: any }) => Buffer.byteLength(String(r.inputs?.__provider ?? "")) + Buffer.byteLength(String(r.outputs?.__provider ?? ""));
  const measureState = async (project: PulumiProject) => {
    const state = await project.exportState();
    const dynamic = state.deployment.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"));
    const provider = dynamic.reduce((sum, r) => sum + providerBytes(r), 0);
    return { state, dynamic, statePerResource: Buffer.byteLength(JSON.stringify(state)) / dynamic.length, providerPerResource: provider / dynamic.length };
  };
  const mine = await measureState(ours);
  const kinds = new Map<string, Array<{ record: number; provider: number }>>();
  for (const r of mine.dynamic) {
    const kind = r.type.replace("pulumi-nodejs:dynamic/", "");
    kinds.set(kind, [...(kinds.get(kind) ?? []), { record: Buffer.byteLength(JSON.stringify(r)), provider: providerBytes(r) }]);
  }
  const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
  const byKind = [...kinds].map(([kind, xs]) => `${xs.length} ${kind}: ${mean(xs.map((x) => x.record))} B (${mean(xs.map((x) => x.provider))})`).join("; ");
  const { statePerResource, providerPerResource } = await measureState(trivial);
  return { n, ours: { statePerResource: mine.statePerResource, providerPerResource: mine.providerPerResource }, trivial: { statePerResource, providerPerResource }, byKind };
}

/** When the requests a vendor's window counts arrived, in ms from the command's start, and when the command ended. */
export interface Timeline { arrivals: number[]; endMs: number }

/**
 * The least time the limit allows this engine: the unlimited run's own requests replayed under a rolling window of
 * L. Each request keeps at least its unlimited gap to the one before it and waits for the request L before it to
 * leave the window; the command ends as long after its last request as the unlimited one did. (Spreading the
 * unlimited time evenly instead ignores the engine's start before the first request and its slowing as the state
 * grows: on a quiet machine it put a 500-profile create at 74.9 s where the replay gives 82.8 s.)
 */
export function replayBound(unlimited: Timeline, limit: number, windowMs = 60_000): number {
  const { arrivals } = unlimited;
  const paced: number[] = [];
  arrivals.forEach((arrival, i) => {
    const unhurried = i === 0 ? arrival : paced[i - 1] + (arrival - arrivals[i - 1]);
    paced.push(i >= limit ? Math.max(unhurried, paced[i - limit] + windowMs) : unhurried);
  });
  const last = arrivals.length - 1;
  return (paced[last] + (unlimited.endMs - arrivals[last])) / 1000;
}

/**
 * N Zoho Desk profiles created against a Desk that admits L requests a minute (ZOHO_DESK_REQUESTS_PER_MINUTE=L), L
 * chosen so the ideal request count R needs two windows; measured against replayBound of the same create run
 * unlimited first, on a fresh sandbox.
 */
async function rateLimited(n: number, log: Log): Promise<RateLimitedRow> {
  const profiles = n;
  const ideal = idealRateLimited(profiles);
  const limit = Math.max(6, Math.ceil(ideal / 2));
  const list: Spec[] = Array.from({ length: profiles }, (_, i) => ({
    token: "zohoDesk:Profile", name: `rl-${i}`,
    args: { name: `Bench Paced ${i}`, transferToProfile: "Agent", permissions: { tickets: { delete: false, export: false } } },
  }));
  // The provider is told the limit, as a user sets their org's (Zoho documents none per minute): the pace it keeps.
  const create = async (rateLimitPerMinute: number): Promise<Measured & { timeline: Timeline }> => {
    const sandbox = await startSandbox({ vendors: ["zohoDesk"], zohoDesk: { rateLimitPerMinute, concurrency: UNLIMITED } });
    const told = rateLimitPerMinute === UNLIMITED ? {} : { ZOHO_DESK_REQUESTS_PER_MINUTE: String(rateLimitPerMinute) };
    const project = await PulumiProject.create({ name: `bench-paced-${n}`, program: programFor(list), env: { ...sandbox.env, ...told } });
    try {
      const m = await measure(() => project.up(), sandbox);
      const counted = sandbox.zohoDesk.requests().filter((r) => r.status !== 429);
      const arrivals = counted.map((r) => r.arrivedAt - m.startedAt).sort((a, b) => a - b);
      return { ...m, timeline: { arrivals, endMs: m.seconds * 1000 } };
    } finally {
      await sandbox.close();
      rmSync(join(project.stateDir, ".."), { recursive: true, force: true });
    }
  };
  log(`N=${n} rate-limited create: ${profiles} profiles unlimited, then at ${limit}/min...`);
  const unlimited = await create(UNLIMITED);
  const m = await create(limit);
  const bound = replayBound(unlimited.timeline, limit);
  return { profiles, limit, ideal, requests: m.requests!, seconds: m.seconds, unlimitedSeconds: unlimited.seconds, bound, peakMb: m.peakMb };
}

export interface BenchResult { rows: Row[]; states: StateRow[]; paced: RateLimitedRow[]; markdown: string }

export async function runBench(sizes: number[], log: Log = (line) => console.error(line)): Promise<BenchResult> {
  const missing = unbenchedKinds();
  if (missing.length) log(`bench: no generator entry for ${missing.join(", ")} (add one to bench/generate.ts)`);
  const rows: Row[] = [];
  const states: StateRow[] = [];
  const paced: RateLimitedRow[] = [];
  for (const n of sizes) {
    const result = await benchSize(n, log);
    rows.push(...result.rows);
    states.push(result.state);
    paced.push(await rateLimited(n, log));
  }
  const markdown = await renderReport(rows, states, paced, missing);
  return { rows, states, paced, markdown };
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? "10,100,500").split(",").map(Number).filter((n) => n > 0);
  const { markdown } = await runBench(sizes);
  console.log(markdown);
  writeResults(join(repoRoot, "bench", "RESULTS.md"), markdown);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

// npm run bench:large-stacks: what a user can do about a large stack, measured. One program of N resources (every
// kind, BENCH_LARGE_N, default 300) changed on every resource: with the engine's default --parallel, with more and
// with less, and as two stacks of N/2 applied side by side. Prints a table and writes bench/LARGE-STACKS.md.
import { writeFileSync } from "fs";
import { cpus, loadavg } from "os";
import { join } from "path";
import { PulumiProject } from "../harness/project";
import { repoRoot } from "../harness/repo-root";
import { mix, programFor, specs, type Spec } from "./generate";
import { unlimitedSandbox } from "./unlimited-sandbox";

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await work();
  return (Date.now() - started) / 1000;
}

interface Row { how: string; seconds: number }

/** Flips every resource's switch, up with these flags, then flips it back (not timed), so each row starts alike. */
async function flipAll(projects: Array<{ project: PulumiProject; list: (on: boolean) => Spec[] }>, flags: string[]): Promise<number> {
  for (const { project, list } of projects) project.writeProgram(programFor(list(true)));
  const took = await seconds(() => Promise.all(projects.map(({ project }) => project.up(...flags))));
  for (const { project, list } of projects) project.writeProgram(programFor(list(false)));
  await Promise.all(projects.map(({ project }) => project.up()));
  return took;
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_LARGE_N ?? 300);
  const half = Math.ceil(n / 2);
  const rows: Row[] = [];
  const row = (how: string, took: number) => {
    rows.push({ how, seconds: took });
    console.error(`${how}: ${took.toFixed(1)} s`);
  };
  // A fresh sandbox for each layout: users that destroy only deactivates (IMIchat) would be taken otherwise.
  let sandbox = await unlimitedSandbox(n);
  try {
    const all = ((plan) => (on: boolean) => specs(plan, () => on))(mix(n, sandbox));
    const whole = await PulumiProject.create({ name: `large-${n}`, program: programFor(all(false)), env: { ...sandbox.env } });
    row(`create, one stack of ${n}`, await seconds(() => whole.up()));
    for (const parallel of [8, 32, 2]) {
      const flags = parallel === 8 ? [] : ["--parallel", String(parallel)];
      row(`one switch on every resource, one stack, --parallel ${parallel}${parallel === 8 ? " (the default)" : ""}`, await flipAll([{ project: whole, list: all }], flags));
    }
    await whole.destroy();
    await sandbox.close();

    sandbox = await unlimitedSandbox(n);
    const split = ((plan) => (on: boolean) => specs(plan, () => on))(mix(n, sandbox));
    const parts = await Promise.all([0, 1].map(async (part) => {
      const list = (on: boolean) => split(on).slice(part * half, (part + 1) * half);
      const project = await PulumiProject.create({ name: `large-${n}-part${part}`, program: programFor(list(false)), env: { ...sandbox.env } });
      return { project, list };
    }));
    row(`create, two stacks of ${half} side by side`, await seconds(() => Promise.all(parts.map(({ project }) => project.up()))));
    row(`one switch on every resource, two stacks of ${half} side by side`, await flipAll(parts, []));
    await Promise.all(parts.map(({ project }) => project.destroy()));
  } finally {
    await sandbox.close();
  }
  const markdown = [
    "# Large stacks",
    "",
    `Run: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC; ${cpus().length} CPUs; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} at the end.`,
    `Reproduce: \`npm run bench:large-stacks\` (BENCH_LARGE_N=${n}). ${n} resources of every kind against the sandbox, limits raised.`,
    "",
    "| how | wall s |",
    "|---|---:|",
    ...rows.map((r) => `| ${r.how} | ${r.seconds.toFixed(1)} |`),
    "",
  ].join("\n");
  console.log(markdown);
  writeFileSync(join(repoRoot, "bench", "LARGE-STACKS.md"), markdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

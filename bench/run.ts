// npm run bench: cost of the provider through the real engine against the sandbox, as a table.
// Measures wall time and API calls per operation for stacks of 1, 10 and 30 profiles, and state size.
import { PulumiProject } from "../harness/project";
import { startSandbox } from "../sandbox";

const SIZES = (process.env.BENCH_SIZES ?? "1,10,30").split(",").map(Number);

const programFor = (count: number, deleteTickets: boolean) => `import { zohoDesk } from "pulumi-helpdesk";
for (let i = 0; i < ${count}; i++) {
  new zohoDesk.Profile("team-" + i, {
    name: "Bench Team " + i,
    transferToProfile: "Agent",
    permissions: { tickets: { delete: ${deleteTickets}, export: false }, reports: { view: true, export: false } },
  });
}
`;

interface Row { profiles: number; step: string; seconds: string; reads: number; writes: number; note: string }

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const count of SIZES) {
    const sandbox = await startSandbox({ zohoDesk: { rateLimitPerMinute: 100_000 } });
    const project = await PulumiProject.create({ name: `bench-${count}`, program: programFor(count, false), env: { ...sandbox.env } });
    const measure = async (step: string, run: () => Promise<unknown>, note = "") => {
      sandbox.zohoDesk.clearRequests();
      const started = process.hrtime.bigint();
      await run();
      const seconds = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
      const requests = sandbox.zohoDesk.requests();
      const writes = sandbox.zohoDesk.writes().length;
      rows.push({ profiles: count, step, seconds, reads: requests.length - writes, writes, note });
    };
    await measure("up (create)", () => project.up());
    await measure("up (no change)", () => project.up());
    await measure("preview --refresh", () => project.preview("--refresh", "--expect-no-changes"));
    project.writeProgram(programFor(count, true));
    await measure("up (flip one leaf each)", () => project.up());
    const state = await project.exportState();
    const profiles = state.deployment.resources.filter((r) => r.type.endsWith("zohoDesk:Profile"));
    const providerBytes = Buffer.byteLength(profiles[0].outputs.__provider);
    const stateBytes = Buffer.byteLength(JSON.stringify(state));
    await measure("destroy", () => project.destroy(), `state ${(stateBytes / 1024).toFixed(0)} KiB, __provider ${providerBytes} B/resource`);
    await sandbox.close();
  }
  console.log("| profiles | step | seconds | API reads | API writes | note |");
  console.log("|---:|---|---:|---:|---:|---|");
  for (const r of rows) console.log(`| ${r.profiles} | ${r.step} | ${r.seconds} | ${r.reads} | ${r.writes} | ${r.note} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

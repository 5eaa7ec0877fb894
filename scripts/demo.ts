// npm run demo: the whole story on a local Zoho Desk sandbox, one step at a time.
import { rmSync } from "fs";
import { join } from "path";
import { PulumiProject, RunResult } from "../harness/project";
import { pulumiBinDir } from "../harness/pulumi-cli";
import { startSandbox } from "../sandbox";

import { repoRoot } from "../harness/repo-root";
const STACK = "demo";
let step = 0;

function announce(title: string, explanation: string): void {
  console.log(`\n\x1b[1m== Step ${++step}: ${title}\x1b[0m\n${explanation}\n`);
}

/** Prints the CLI's output, indented; `from` skips to the first line matching it (the part worth reading). */
function show(result: RunResult, from?: RegExp): void {
  const lines = result.output.trim().split("\n");
  const start = from ? Math.max(0, lines.findIndex((line) => from.test(line))) : 0;
  console.log(`${start > 0 ? "   | ...\n" : ""}${lines.slice(start).join("\n").replace(/^/gm, "   | ")}`);
}

function must(result: RunResult, expectedCode = 0, from?: RegExp): RunResult {
  show(result, from);
  if (result.code !== expectedCode) throw new Error(`expected exit code ${expectedCode}, got ${result.code}`);
  return result;
}

async function main(): Promise<void> {
  announce("get the Pulumi CLI", "Uses a pulumi on PATH, else the build cached in ~/.cache/pulumi-helpdesk (built once from the Go module proxy).");
  console.log(`   pulumi, pulumi-language-nodejs and the dynamic-provider launcher are in ${pulumiBinDir()}`);

  announce("start the Zoho Desk sandbox", "A local stand-in for desk.zoho.com and accounts.zoho.com on 127.0.0.1, seeded with a realistic org.");
  const sandbox = await startSandbox();
  const desk = sandbox.zohoDesk;
  console.log(`   Zoho Desk API: ${desk.apiBaseUrl}   OAuth: ${desk.accountsUrl}   orgId: ${desk.orgId}`);
  console.log(`   profiles: ${desk.admin.listProfiles().map((p: { name: string }) => p.name).join(", ")}`);

  const project = await PulumiProject.create({ name: "helpdesk-access", dir: repoRoot, stack: STACK, env: { ...sandbox.env } });
  try {
    announce("pulumi up", "Creates 'Tier 1 Agents' and 'Read-only Auditors' (clone + one PATCH each) and adopts the hand-made 'Agent Advisors'.");
    must(await project.pulumi(["up", "--yes"]));
    console.log(`\n   The sandbox received: ${desk.writes().map((w: { method: string; path: string }) => `${w.method} ${w.path}`).join(", ")}`);

    announce("a second pulumi up changes nothing", "Everything is as declared, so no write reaches Zoho Desk.");
    desk.clearRequests();
    must(await project.pulumi(["up", "--yes"]));
    console.log(`\n   Writes sent: ${desk.writes().length}`);

    const tier1 = desk.admin.findProfileByName("Tier 1 Agents")!;
    announce("someone clicks in the admin UI", "An admin lets Tier 1 Agents delete tickets, directly in Zoho Desk (Setup > Profiles).");
    desk.admin.setPermission(tier1.id, "tickets.delete", true);
    console.log(`   Tier 1 Agents: tickets.delete is now ${desk.admin.getProfile(tier1.id)!.permissions.tickets.delete}`);

    announce("a drift check catches it", "pulumi preview --refresh --expect-no-changes, as a scheduled CI job would run it: it fails and names the leaf.");
    const drift = must(await project.pulumi(["preview", "--refresh", "--diff", "--expect-no-changes"]), 7, /\(update\)/);
    const fix = drift.output.slice(drift.output.indexOf("(update)")).match(/~ (\w+)\s*: (\S+) => (\S+)/);
    console.log(`\n   Exit code 7. Drift found: permissions.tickets.${fix?.[1]} is ${fix?.[2]} in Zoho Desk; the program says ${fix?.[3]}.`);

    announce("repair", "pulumi up --refresh puts the declared value back with one PATCH carrying only that leaf.");
    desk.clearRequests();
    must(await project.pulumi(["up", "--yes", "--refresh", "--skip-preview"]));
    for (const write of desk.writes()) console.log(`\n   The sandbox received: ${write.method} ${write.path} ${JSON.stringify(write.body)}`);

    announce("verify", "The same drift check now passes.");
    must(await project.pulumi(["preview", "--refresh", "--expect-no-changes"]));

    announce("clean up", "pulumi destroy deletes the profiles this stack created or adopted; their agents move to 'Agent'.");
    must(await project.pulumi(["destroy", "--yes", "--skip-preview"]));
    console.log("\nDone: the sandbox recorded every call; state lived in a temporary folder.");
  } finally {
    await project.pulumi(["stack", "rm", "--yes", "--force", STACK]);
    rmSync(join(repoRoot, `Pulumi.${STACK}.yaml`), { force: true });
    await sandbox.close();
  }
}

main().catch((error) => {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});

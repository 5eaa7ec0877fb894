#!/usr/bin/env node
import { startSandbox } from "./index";

/** node dist/sandbox/cli.js [--port N] [--accounts-port N] [--rate-limit N] [--concurrency N] [--token-ttl S] [--retry-after S] */
function parseArgs(argv: string[]): Record<string, number> {
  const known = ["port", "accounts-port", "rate-limit", "concurrency", "token-ttl", "retry-after", "latency", "token-refresh-limit"];
  const out: Record<string, number> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const name = flag.replace(/^--/, "");
    if (!flag.startsWith("--") || !known.includes(name)) throw new Error(`unknown argument: ${argv[i]}`);
    const raw = inline ?? argv[++i];
    const n = Number(raw);
    if (raw === undefined || !Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a non-negative integer`);
    out[name] = n;
  }
  return out;
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const sandbox = await startSandbox({
    zohoDesk: {
      port: a["port"],
      accountsPort: a["accounts-port"],
      rateLimitPerMinute: a["rate-limit"],
      concurrency: a["concurrency"],
      tokenTtlSeconds: a["token-ttl"],
      retryAfterSeconds: a["retry-after"],
      latencyMs: a["latency"],
      tokenRefreshesPer10Minutes: a["token-refresh-limit"],
    },
  });
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  // Handlers first: a parent may signal as soon as it reads the JSON line.
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const { apiBaseUrl, accountsUrl, orgId } = sandbox.zohoDesk;
  process.stdout.write(JSON.stringify({ zohoDesk: { apiBaseUrl, accountsUrl, orgId }, env: sandbox.env }) + "\n");
}

main().catch((err: unknown) => {
  process.stderr.write(`sandbox: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

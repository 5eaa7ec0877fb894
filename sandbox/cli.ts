#!/usr/bin/env node
import { fork } from "child_process";
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve as resolvePath } from "path";
import { startSandbox } from "./index";

/**
 * node dist/sandbox/cli.js [--port N] [--accounts-port N] [--rate-limit N] [--concurrency N] [--token-ttl S] [--retry-after S]
 *                          [--latency MS] [--token-refresh-limit N]
 *                          [--chatwoot-port N] [--chatwoot-platform-port N] [--chatwoot-rate-limit PER_MIN]
 *                          [--teamwork-desk-port N] [--teamwork-desk-rate-limit PER_MIN] [--imichat-port N] [--imichat-daily-limit PER_DAY]
 *   Foreground: prints one JSON line ({zohoDesk: {...}, ..., chatwoot: {...}, omnivibe: {...}, env: {...}}), runs until
 *   SIGINT/SIGTERM. The --chatwoot-* flags configure the Chatwoot piece (its rack-attack limit: 0 = off); the
 *   --teamwork-desk-* and --imichat-* flags the Teamwork Desk (120/min by default) and IMIchat (10,000/day) pieces.
 * ... --print-env [--pid-file PATH]
 *   Starts the same sandbox in the background, writes its pid to PATH, prints `export NAME='value'` lines and returns:
 *   eval "$(npx pulumi-helpdesk-sandbox --print-env)"
 * ... --stop [--pid-file PATH]
 *   Stops the background sandbox recorded in PATH.
 * PATH defaults to $TMPDIR/pulumi-helpdesk-sandbox-<uid>.pid; the background sandbox's output goes beside it (.log).
 */
interface Args {
  numbers: Record<string, number>;
  printEnv: boolean;
  stop: boolean;
  pidFile: string;
}

function parseArgs(argv: string[]): Args {
  const known = ["port", "accounts-port", "rate-limit", "concurrency", "token-ttl", "retry-after", "latency", "token-refresh-limit",
    "chatwoot-port", "chatwoot-platform-port", "chatwoot-rate-limit", "teamwork-desk-port", "teamwork-desk-rate-limit", "imichat-port",
    "imichat-daily-limit"];
  const out: Args = { numbers: {}, printEnv: false, stop: false, pidFile: defaultPidFile() };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const name = flag.replace(/^--/, "");
    if (flag === "--print-env" || flag === "--stop") {
      if (inline !== undefined) throw new Error(`${flag} takes no value`);
      out[flag === "--stop" ? "stop" : "printEnv"] = true;
      continue;
    }
    if (flag === "--pid-file") {
      const raw = inline ?? argv[++i];
      if (!raw) throw new Error("--pid-file needs a path");
      out.pidFile = resolvePath(raw);
      continue;
    }
    if (!flag.startsWith("--") || !known.includes(name)) throw new Error(`unknown argument: ${argv[i]}`);
    const raw = inline ?? argv[++i];
    const n = Number(raw);
    if (raw === undefined || !Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a non-negative integer`);
    out.numbers[name] = n;
  }
  if (out.printEnv && out.stop) throw new Error("--print-env and --stop exclude each other");
  return out;
}

function defaultPidFile(): string {
  return join(tmpdir(), `pulumi-helpdesk-sandbox-${process.getuid?.() ?? "user"}.pid`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.stop) return stopBackground(args.pidFile);
  if (args.printEnv) return startBackground(args.pidFile);
  const a = args.numbers;
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
    chatwoot: { port: a["chatwoot-port"], platformPort: a["chatwoot-platform-port"], rateLimitPerMinute: a["chatwoot-rate-limit"] },
    teamworkDesk: { port: a["teamwork-desk-port"], rateLimitPerMinute: a["teamwork-desk-rate-limit"] },
    imichat: { port: a["imichat-port"], dailyRateLimit: a["imichat-daily-limit"] },
  });
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  // Handlers first: a parent may signal as soon as it reads the JSON line.
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  // One line for every vendor: {zohoDesk, zohoCrm: {com, eu}, zohoAccounts, chatwoot, omnivibe, teamworkDesk, imichat, env}.
  const line = sandbox.summary();
  process.stdout.write(JSON.stringify(line) + "\n");
  // Started by --print-env: hand the line to the parent, which then lets go of this process.
  process.send?.(line);
}

/** Runs this CLI in the foreground mode as a detached process and prints its env as shell exports. */
async function startBackground(pidFile: string): Promise<void> {
  const running = livePid(pidFile);
  if (running !== undefined) {
    throw new Error(`a sandbox is already running (pid ${running}); stop it with: ${stopCommand(pidFile)}`);
  }
  const logFile = logFileFor(pidFile);
  const log = openSync(logFile, "w");
  const childArgs = process.argv.slice(2).filter((arg, i, all) => arg !== "--print-env" && !arg.startsWith("--pid-file") && all[i - 1] !== "--pid-file");
  // No pipe to our stdout: `$(...)` returns as soon as this process exits, not when the sandbox does.
  const child = fork(__filename, childArgs, { detached: true, stdio: ["ignore", log, log, "ipc"] });
  closeSync(log);
  const line = await new Promise<{ env: Record<string, string> }>((resolve, reject) => {
    const timer = setTimeout(() => (child.kill(), reject(new Error(`the sandbox did not start within 30 s; see ${logFile}`))), 30_000);
    child.once("message", (message) => (clearTimeout(timer), resolve(message as { env: Record<string, string> })));
    child.once("error", reject);
    child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`the sandbox exited with ${code}: ${readFileSync(logFile, "utf8").trim()}`))));
  });
  writeFileSync(pidFile, `${child.pid}\n`);
  child.removeAllListeners("exit");
  child.disconnect();
  child.unref();
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  const exports = Object.entries(line.env).map(([name, value]) => `export ${name}=${quote(value)}\n`);
  process.stdout.write(`# pulumi-helpdesk sandbox: pid ${child.pid}, log ${logFile}; stop it with: ${stopCommand(pidFile)}\n${exports.join("")}`);
}

async function stopBackground(pidFile: string): Promise<void> {
  const pid = livePid(pidFile);
  if (pid === undefined) {
    rmSync(pidFile, { force: true });
    process.stderr.write(`sandbox: none running (${pidFile})\n`);
    return;
  }
  process.kill(pid, "SIGTERM");
  for (let waited = 0; livePid(pidFile) !== undefined; waited += 50) {
    if (waited >= 5000) throw new Error(`pid ${pid} did not stop within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  rmSync(pidFile, { force: true });
  rmSync(logFileFor(pidFile), { force: true });
}

function logFileFor(pidFile: string): string {
  return pidFile.replace(/\.pid$/, "") + ".log";
}

function stopCommand(pidFile: string): string {
  return `npx pulumi-helpdesk-sandbox --stop${pidFile === defaultPidFile() ? "" : ` --pid-file '${pidFile}'`}`;
}

/** The pid recorded in the file, if that process is alive and (where /proc tells) still this CLI. */
function livePid(pidFile: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, "utf8").trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  try {
    // An exited child whose new parent does not reap it, or a recycled pid, is not our sandbox.
    if (/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"))) return undefined;
    if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(__filename)) return undefined;
  } catch {
    // No /proc (macOS): trust the signal check.
  }
  return pid;
}

main().catch((err: unknown) => {
  process.stderr.write(`sandbox: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

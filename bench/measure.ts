// What one phase costs: wall time, the sandbox's recorded requests by kind, the provider processes' peak memory.
import { execFile } from "child_process";
import type { VendorPiece } from "../sandbox";

/** What the counts need of a sandbox: its pieces (any subset of vendors). */
type Sandbox = { pieces: VendorPiece[] };

export interface Requests {
  reads: number;
  writes: number;
  /** OAuth token exchanges (the Zoho accounts piece). */
  tokens: number;
  tooMany: number;
  /** "desk 3r/2w" per vendor piece that saw anything. */
  byVendor: string;
}

export interface Measured { seconds: number; requests?: Requests; peakMb: number; /** Epoch ms. */ startedAt: number }

const SHORT: Record<string, string> = { zohoDesk: "desk", zohoCrm: "crm", chatwoot: "cw", omnivibe: "ov", teamworkDesk: "tw", imichat: "imi" };

export function countRequests(sandbox: Sandbox): Requests {
  const out: Requests = { reads: 0, writes: 0, tokens: 0, tooMany: 0, byVendor: "" };
  const parts: string[] = [];
  for (const piece of sandbox.pieces) {
    const requests = piece.requests();
    const tooMany = requests.filter((r) => r.status === 429).length;
    out.tooMany += tooMany;
    if (piece.name === "zohoAccounts") {
      out.tokens += requests.length - tooMany;
      continue;
    }
    // The piece says what writes (IMIchat's search is a POST that reads); IMIchat's /authorize is a token exchange.
    const tokens = requests.filter((r) => r.status !== 429 && /\/authorize$/.test(r.path)).length;
    const writes = piece.writes().filter((r) => r.status !== 429).length;
    const reads = requests.length - tooMany - writes - tokens;
    out.tokens += tokens;
    out.reads += reads;
    out.writes += writes;
    if (requests.length > 0) parts.push(`${SHORT[piece.name] ?? piece.name} ${reads}r/${writes}w${tooMany ? `/${tooMany}×429` : ""}`);
  }
  out.byVendor = parts.join(", ");
  if (process.env.BENCH_TRACE) console.error(trace(sandbox));
  return out;
}

/** BENCH_TRACE=1: each phase's requests grouped by method and path, ids as :id, to see what exceeds the ideal. */
function trace(sandbox: Sandbox): string {
  const counts = new Map<string, number>();
  for (const piece of sandbox.pieces) {
    for (const r of piece.requests()) {
      const key = `  ${piece.name} ${r.method} ${r.path.replace(/\/\d+(?=\/|\.json|$)/g, "/:id").replace(/bench[.\w]*@example\.com/gi, ":email")} ${r.status}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].map(([key, count]) => `${key} ×${count}`).join("\n");
}

/** Resident memory (MB) of this process's dynamic-provider descendants, summed; polled until stopped. */
class MemorySampler {
  private peakKb = 0;
  private timer?: NodeJS.Timeout;
  private busy = false;

  start(): void {
    this.timer = setInterval(() => this.sample(), 200);
  }

  async stop(): Promise<number> {
    clearInterval(this.timer);
    return Math.round(this.peakKb / 102.4) / 10;
  }

  private sample(): void {
    if (this.busy) return;
    this.busy = true;
    execFile("ps", ["-eo", "pid=,ppid=,rss=,args="], { maxBuffer: 16 << 20 }, (error, stdout) => {
      this.busy = false;
      if (error) return;
      const rows = stdout.split("\n").map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/)).filter((m) => m !== null);
      const children = new Map<number, number[]>();
      for (const m of rows) children.set(+m[2], [...(children.get(+m[2]) ?? []), +m[1]]);
      const mine = new Set<number>();
      const stack = [process.pid];
      while (stack.length) for (const child of children.get(stack.pop()!) ?? []) if (!mine.has(child)) (mine.add(child), stack.push(child));
      const kb = rows
        .filter((m) => mine.has(+m[1]) && /dynamic-provider|pulumi-resource-pulumi-nodejs/.test(m[4]))
        .reduce((sum, m) => sum + Number(m[3]), 0);
      this.peakKb = Math.max(this.peakKb, kb);
    });
  }
}

/** Runs one phase: requests are counted from a cleared record, memory sampled every 200 ms. */
export async function measure(run: () => Promise<unknown>, sandbox?: Sandbox): Promise<Measured> {
  for (const piece of sandbox?.pieces ?? []) piece.clearRequests();
  const sampler = new MemorySampler();
  sampler.start();
  const startedAt = Date.now();
  const started = process.hrtime.bigint();
  try {
    await run();
  } catch (error) {
    await sampler.stop();
    throw error;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, startedAt, peakMb: await sampler.stop(), requests: sandbox ? countRequests(sandbox) : undefined };
}

import * as http from "node:http";
import type { Socket } from "node:net";
import type { FaultInjector, FaultSpec } from "./faults";
import type { RateLimiter } from "./rate-limit";
import type { Recorder, RecordedRequest } from "./recorder";
import type { Router } from "./router";
import { DROP_CONNECTION, type Guard, type Outcome, type SandboxRequest, type SandboxResponse } from "./types";

/** Generic vendor-sandbox HTTP server: admin routes, then faults -> limits -> guards -> router. */
export interface HttpServerOptions {
  host?: string;
  /** 0 (default) = pick a free port. */
  port?: number;
  maxBodyBytes?: number;
  /** The emulated API: recorded, fault-injectable, rate limited, guarded. */
  router: Router;
  /** Test/admin routes: never recorded, limited, faulted or guarded. */
  adminRouter?: Router;
  recorder?: Recorder;
  faults?: FaultInjector;
  /** Vendor-shaped answer for an injected fault without an explicit body. */
  faultResponse?: (fault: FaultSpec) => SandboxResponse;
  limiter?: RateLimiter;
  limitResponse?: (reason: "rate" | "concurrency") => SandboxResponse;
  guards?: Guard[];
  /** Artificial handling time in ms (keeps requests in flight, for concurrency tests). */
  latencyMs?: () => number;
  notFound: (req: SandboxRequest) => SandboxResponse;
  methodNotAllowed: (req: SandboxRequest, allowed: string[]) => SandboxResponse;
  payloadTooLarge?: (req: SandboxRequest) => SandboxResponse;
  internalError?: (err: unknown) => SandboxResponse;
}

export interface RunningServer {
  /** Origin, e.g. "http://127.0.0.1:41234". */
  origin: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    void handle(options, req, res);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    origin: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function handle(o: HttpServerOptions, raw: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const { req, tooLarge } = await readRequest(raw, o.maxBodyBytes ?? DEFAULT_MAX_BODY);
  const admin = o.adminRouter?.match(req.method, req.path);
  if (admin?.kind === "found") {
    return write(res, await run(o, () => admin.handler({ ...req, params: admin.params })));
  }
  const entry: RecordedRequest | undefined = o.recorder?.start(req);
  const outcome = await pipeline(o, req, tooLarge);
  if (entry) entry.status = outcome === DROP_CONNECTION ? 0 : outcome.status;
  write(res, outcome);
}

async function pipeline(o: HttpServerOptions, req: SandboxRequest, tooLarge: boolean): Promise<Outcome> {
  const fault = o.faults?.take(req);
  if (fault?.loseAnswer) {
    await answer(o, req, tooLarge);
    return DROP_CONNECTION;
  }
  if (fault) {
    if (fault.dropConnection) return DROP_CONNECTION;
    if (fault.body !== undefined) return { status: fault.status ?? 500, body: fault.body };
    return o.faultResponse ? o.faultResponse(fault) : { status: fault.status ?? 500 };
  }
  return answer(o, req, tooLarge);
}

async function answer(o: HttpServerOptions, req: SandboxRequest, tooLarge: boolean): Promise<SandboxResponse> {
  const admission = o.limiter?.admit();
  if (admission && !admission.ok) return o.limitResponse ? o.limitResponse(admission.reason) : { status: 429 };
  try {
    const latency = o.latencyMs?.() ?? 0;
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    if (tooLarge) return o.payloadTooLarge ? o.payloadTooLarge(req) : { status: 413 };
    for (const guard of o.guards ?? []) {
      const early = guard(req);
      if (early) return early;
    }
    const match = o.router.match(req.method, req.path);
    if (match.kind === "not-found") return o.notFound(req);
    if (match.kind === "method-not-allowed") return o.methodNotAllowed(req, match.allowed);
    return await run(o, () => match.handler({ ...req, params: match.params }));
  } finally {
    if (admission?.ok) admission.release();
  }
}

async function run(o: HttpServerOptions, fn: () => SandboxResponse | Promise<SandboxResponse>): Promise<SandboxResponse> {
  try {
    return await fn();
  } catch (err) {
    return o.internalError ? o.internalError(err) : { status: 500, body: { message: String(err) } };
  }
}

async function readRequest(raw: http.IncomingMessage, max: number): Promise<{ req: SandboxRequest; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of raw) {
    size += (chunk as Buffer).length;
    if (size <= max) chunks.push(chunk as Buffer);
  }
  const rawBody = size <= max ? Buffer.concat(chunks).toString("utf8") : "";
  const url = new URL(raw.url ?? "/", "http://sandbox.invalid");
  const query: Record<string, string> = {};
  const queryKeys: string[] = [];
  url.searchParams.forEach((value, key) => {
    query[key] = value;
    queryKeys.push(key);
  });
  const isJson = /json/i.test(String(raw.headers["content-type"] ?? ""));
  let body: unknown = undefined;
  let bodyParseError = false;
  if (rawBody.length > 0) {
    body = rawBody;
    if (isJson) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        bodyParseError = true;
      }
    }
  }
  const req: SandboxRequest = {
    method: (raw.method ?? "GET").toUpperCase(),
    path: url.pathname,
    query,
    queryKeys,
    headers: raw.headers,
    rawBody,
    body,
    bodyParseError,
    params: {},
  };
  return { req, tooLarge: size > max };
}

function write(res: http.ServerResponse, outcome: Outcome): void {
  if (outcome === DROP_CONNECTION) {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = { ...(outcome.headers ?? {}) };
  if (outcome.body === undefined) {
    res.writeHead(outcome.status, headers);
    res.end();
    return;
  }
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === "content-type");
  const text = typeof outcome.body === "string" && hasType ? outcome.body : JSON.stringify(outcome.body);
  if (!hasType) headers["Content-Type"] = "application/json;charset=UTF-8";
  res.writeHead(outcome.status, headers);
  res.end(text);
}

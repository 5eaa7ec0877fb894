import { createServer, IncomingMessage, Server, ServerResponse } from "http";
import { AddressInfo } from "net";
import { afterEach, describe, expect, it } from "vitest";
import { VendorApiError, VendorUnreachableError } from "../../provider/core/errors";
import { Transport } from "../../provider/core/http/transport";

type Handler = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;

/** A real local HTTP server answering with the scripted handler; counts attempts. */
async function serve(handler: Handler): Promise<{ url: string; attempts: () => number; server: Server }> {
  let attempts = 0;
  const server = createServer((req, res) => handler(req, res, ++attempts));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, attempts: () => attempts, server };
}

function transport(url: string, extra: Partial<ConstructorParameters<typeof Transport>[0]> = {}) {
  return new Transport({
    vendor: "Test Vendor",
    baseUrl: url,
    headers: async () => ({ Authorization: "Bearer secret-token" }),
    describeError: (_s, body) => ({ code: (body as { code?: string })?.code }),
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    userAgent: "test",
    ...extra,
  });
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

describe("Transport", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it("waits as long as Retry-After says before trying again", async () => {
    const s = await serve((_req, res, n) => (n === 1 ? json(res, 429, { code: "SLOW_DOWN" }, { "Retry-After": "1" }) : json(res, 200, { ok: true })));
    server = s.server;
    const started = Date.now();
    const { body } = await transport(s.url).request<{ ok: boolean }>({ method: "GET", path: "/x" });
    expect(body).toEqual({ ok: true });
    expect(s.attempts()).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("retries 5xx on idempotent methods, then gives up with the vendor's code", async () => {
    const s = await serve((_req, res) => json(res, 503, { code: "MAINTENANCE" }));
    server = s.server;
    const error = await transport(s.url, { retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 } }).request({ method: "PATCH", path: "/p/1", body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(VendorApiError);
    expect(error.message).toBe("Test Vendor rejected PATCH /p/1 with 503 MAINTENANCE");
    expect(s.attempts()).toBe(3);
  });

  it("never repeats a POST the vendor may have carried out (5xx), but does after a 429", async () => {
    const failing = await serve((_req, res) => json(res, 500, {}));
    server = failing.server;
    await expect(transport(failing.url).request({ method: "POST", path: "/clone", body: {} })).rejects.toThrow(/500/);
    expect(failing.attempts()).toBe(1);
    failing.server.close();

    const throttled = await serve((_req, res, n) => (n === 1 ? json(res, 429, {}) : json(res, 201, { id: "1" })));
    server = throttled.server;
    expect((await transport(throttled.url).request({ method: "POST", path: "/clone", body: {} })).status).toBe(201);
    expect(throttled.attempts()).toBe(2);
  });

  it("does not retry a request the vendor calls invalid (422)", async () => {
    const s = await serve((_req, res) => json(res, 422, { code: "UNPROCESSABLE_ENTITY" }));
    server = s.server;
    await expect(transport(s.url).request({ method: "GET", path: "/x" })).rejects.toThrow(/422 UNPROCESSABLE_ENTITY/);
    expect(s.attempts()).toBe(1);
  });

  it("renews credentials once on a 401 and sends the request again", async () => {
    let token = "old";
    const s = await serve((req, res) => (req.headers.authorization === "Bearer new" ? json(res, 200, {}) : json(res, 401, { code: "INVALID_OAUTH" })));
    server = s.server;
    const t = transport(s.url, { headers: async () => ({ Authorization: `Bearer ${token}` }), renewCredentials: async () => ((token = "new"), true) });
    expect((await t.request({ method: "GET", path: "/x" })).status).toBe(200);
    expect(s.attempts()).toBe(2);
  });

  it("retries a dropped connection on GET, and reports an unreachable vendor without headers or tokens", async () => {
    const s = await serve((req) => req.socket.destroy());
    server = s.server;
    const error = await transport(s.url, { retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } }).request({ method: "GET", path: "/x" }).catch((e) => e);
    expect(error).toBeInstanceOf(VendorUnreachableError);
    expect(s.attempts()).toBe(2);
    expect(error.message).not.toContain("secret-token");
  });

  it("keeps at most maxConcurrent requests in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    const s = await serve((_req, res) => {
      peak = Math.max(peak, ++inFlight);
      setTimeout(() => (inFlight--, json(res, 200, {})), 20);
    });
    server = s.server;
    const t = transport(s.url, { maxConcurrent: 2 });
    await Promise.all(Array.from({ length: 6 }, () => t.request({ method: "GET", path: "/x" })));
    expect(peak).toBe(2);
  });
});

describe("Transport credentials", () => {
  it("fails at once, without retrying, when the credentials themselves are refused", async () => {
    let asked = 0;
    const t = new Transport({
      vendor: "Test Vendor",
      baseUrl: "http://127.0.0.1:9",
      headers: async () => {
        asked++;
        throw new Error("refresh token refused: invalid_code");
      },
      describeError: () => ({}),
      userAgent: "test",
    });
    await expect(t.request({ method: "GET", path: "/x" })).rejects.toThrow("refresh token refused: invalid_code");
    expect(asked).toBe(1);
  });
});

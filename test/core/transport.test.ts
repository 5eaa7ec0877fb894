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
    retry: { baseDelayMs: 5, maxDelayMs: 20, rateLimitWindowMs: 20 },
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
    expect(error.cause).toMatchObject({ code: "ECONNRESET" });
  });

  it("tells the credentials renewal which ones were refused", async () => {
    const refused: Array<Record<string, string>> = [];
    const s = await serve((req, res) => (req.headers.authorization === "Bearer new" ? json(res, 200, {}) : json(res, 401, {})));
    server = s.server;
    let token = "old";
    const t = transport(s.url, { headers: async () => ({ Authorization: `Bearer ${token}` }), renewCredentials: async (r) => (refused.push(r), (token = "new"), true) });
    await t.request({ method: "GET", path: "/x" });
    expect(refused).toEqual([{ Authorization: "Bearer old" }]);
  });

  it("sends a form body as application/x-www-form-urlencoded", async () => {
    let seen = { type: "", body: "" };
    const s = await serve((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => ((seen = { type: String(req.headers["content-type"]), body }), json(res, 200, {})));
    });
    server = s.server;
    await transport(s.url).request({ method: "POST", path: "/token", form: { grant_type: "refresh_token", code: "a&b=c" } });
    expect(seen).toEqual({ type: "application/x-www-form-urlencoded", body: "grant_type=refresh_token&code=a%26b%3Dc" });
  });

  it("fails at once, without a request, when a header value cannot be sent", async () => {
    const s = await serve((_req, res) => json(res, 200, {}));
    server = s.server;
    const t = transport(s.url, { headers: async () => ({ orgId: "123\n" }) });
    await expect(t.request({ method: "GET", path: "/x" })).rejects.toThrow(TypeError);
    expect(s.attempts()).toBe(0);
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

describe("Transport under a vendor rate limit", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it("after a 429 without a hint, holds every request of the client for the rate window", async () => {
    const sent: number[] = [];
    const s = await serve((_req, res, n) => (sent.push(Date.now()), n === 1 ? json(res, 429, {}) : json(res, 200, {})));
    server = s.server;
    const t = transport(s.url, { retry: { rateLimitWindowMs: 400 } });
    const started = Date.now();
    const first = t.request({ method: "GET", path: "/a" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Sent after the 429 arrived: it waits for the window too instead of spending a request the vendor refuses.
    await Promise.all([first, t.request({ method: "GET", path: "/b" })]);
    expect(s.attempts()).toBe(3);
    expect(sent[1] - started).toBeGreaterThanOrEqual(390);
    expect(sent[2] - started).toBeGreaterThanOrEqual(390);
  });

  it("does not count 429s against the retry budget: a long throttled run still finishes", async () => {
    const s = await serve((_req, res, n) => (n <= 6 ? json(res, 429, {}) : json(res, 200, { ok: true })));
    server = s.server;
    const t = transport(s.url, { retry: { retries: 1, rateLimitWindowMs: 10 } });
    expect((await t.request<{ ok: boolean }>({ method: "POST", path: "/clone", body: {} })).body).toEqual({ ok: true });
    expect(s.attempts()).toBe(7);
  });

  it("gives up with the vendor's 429 once a request has waited maxRateLimitWaitMs", async () => {
    const s = await serve((_req, res) => json(res, 429, { code: "TOO_MANY_REQUESTS" }));
    server = s.server;
    const t = transport(s.url, { retry: { rateLimitWindowMs: 100, maxRateLimitWaitMs: 250 } });
    const started = Date.now();
    await expect(t.request({ method: "GET", path: "/x" })).rejects.toThrow("Test Vendor rejected GET /x with 429 TOO_MANY_REQUESTS");
    expect(s.attempts()).toBe(3);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

/** A server that admits `limit` requests per rolling `windowMs` and answers the rest 429 without a hint. */
async function rollingWindowServer(limit: number, windowMs: number, headers = false) {
  const admitted: number[] = [];
  const refusedAt: number[] = [];
  const s = await serve((_req, res) => {
    const now = Date.now();
    while (admitted.length > 0 && admitted[0] <= now - windowMs) admitted.shift();
    const window: Record<string, string> = headers ? { "X-Rate-Limit-Limit": String(limit), "X-Rate-Limit-Remaining": String(Math.max(0, limit - admitted.length - 1)), "X-Rate-Limit-Reset": String(Math.ceil(((admitted[0] ?? now) + windowMs) / 1000)) } : {};
    if (admitted.length >= limit) return (refusedAt.push(now), json(res, 429, {}, headers ? { ...window, "X-Rate-Limit-Remaining": "0" } : {}));
    admitted.push(now);
    json(res, 200, {}, window);
  });
  return { ...s, refused: () => refusedAt.length, refusedAt };
}

describe("Transport paced to the vendor's rate", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  const burst = (t: Transport, count: number) => Promise.all(Array.from({ length: count }, (_, i) => t.request({ method: "GET", path: `/r${i}` })));

  // Timings are the benchmark's (bench/); these stories check who waits, and how many requests the vendor refuses.
  it("a documented rate is never exceeded: no 429, the run paced to the limit", async () => {
    const s = await rollingWindowServer(4, 500);
    server = s.server;
    const started = Date.now();
    await burst(transport(s.url, { pace: { requests: 4, windowMs: 500 } }), 10);
    expect(s.refused()).toBe(0);
    // Ten requests at four a window: the ninth and tenth wait two windows.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("a request counts from its answer: sends held up by a slow token exchange still meet no 429", async () => {
    const s = await rollingWindowServer(4, 500);
    server = s.server;
    let exchanged = false;
    // The first requests wait 200 ms for credentials after taking their place in the window, as behind a token exchange.
    const headers = async () => {
      if (!exchanged) await new Promise((resolve) => setTimeout(resolve, 200));
      exchanged = true;
      return { Authorization: "Bearer secret-token" };
    };
    await burst(transport(s.url, { pace: { requests: 4, windowMs: 500 }, headers }), 10);
    expect(s.refused()).toBe(0);
    expect(s.attempts()).toBe(10);
  });

  it("an undocumented rate is learnt from the first 429s: then the run keeps to it", async () => {
    const s = await rollingWindowServer(3, 1000);
    server = s.server;
    const started = Date.now();
    await burst(transport(s.url, { retry: { rateLimitWindowMs: 1000 } }), 9);
    // Refused only while the first window was full (what was sent before the first 429 came back), never after.
    expect(s.refused()).toBeGreaterThan(0);
    expect(s.refusedAt.every((at) => at - started < 1000)).toBe(true);
    expect(s.attempts()).toBe(9 + s.refused());
  });

  it("rate headers are obeyed: when the vendor says none remain, requests wait for its reset", async () => {
    const s = await rollingWindowServer(3, 1000, true);
    server = s.server;
    await burst(transport(s.url, { maxConcurrent: 1 }), 5);
    expect(s.refused()).toBe(0);
    expect(s.attempts()).toBe(5);
  });
});

describe("Transport and a vendor that sends its window on every answer", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it("a 5xx is retried at once even when the answer carries a rate window's far reset (IMIchat's daily one)", async () => {
    const tomorrow = String(Math.floor(Date.now() / 1000) + 86_400);
    const s = await serve((_req, res, n) => json(res, n === 1 ? 503 : 200, {}, { "Rate-Limit-Remaining": "9000", "Rate-Limit-Reset": tomorrow }));
    server = s.server;
    await transport(s.url).request({ method: "GET", path: "/users" });
    expect(s.attempts()).toBe(2);
  });
});

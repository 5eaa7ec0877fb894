import fetch, { Headers, Response } from "node-fetch";
import { VendorApiError, VendorUnreachableError } from "../errors";
import { Pacer, RatePace, rateHeaders, SentRequest } from "./pacer";
import { backoffDelayMs, defaultRetryOptions, idempotentMethods, RetryOptions } from "./retry-options";
import { retryAfterFromHeaders } from "./retry-after";
import { sleep, Throttle } from "./throttle";

export interface TransportOptions {
  /** Shown in errors: "Zoho Desk rejected PATCH /profiles/1 ...". */
  vendor: string;
  baseUrl: string;
  /** Auth and tenant headers, asked for on every attempt so a refreshed token is picked up. */
  headers: () => Promise<Record<string, string>>;
  /**
   * Called once on a 401 with the credential headers that were refused (so a renewal another request already
   * made is reused, not repeated); resolve true when credentials were renewed and the request should be sent again.
   */
  renewCredentials?: (refused: Record<string, string>) => Promise<boolean>;
  /** Pulls the vendor's error code and message out of an error body. */
  describeError: (status: number, body: unknown) => { code?: string; detail?: string };
  /** A vendor's retry hint carried in the body (Zoho CRM: details.retry_after), in milliseconds. */
  retryHintFromBody?: (body: unknown) => number | undefined;
  /** Overrides of defaultRetryOptions, e.g. the vendor's rateLimitWindowMs. */
  retry?: Partial<RetryOptions>;
  maxConcurrent?: number;
  /** The vendor's documented request rate, if it has one: requests are spaced to stay under it. */
  pace?: RatePace;
  userAgent: string;
  timeoutMs?: number;
}

export interface ApiRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Below baseUrl, starting with "/". */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as application/x-www-form-urlencoded instead of a JSON body (OAuth token endpoints). */
  form?: Record<string, string>;
  /** Mark a POST that is safe to repeat (an action whose second run is a no-op). */
  idempotent?: boolean;
}

export interface ApiResponse<T> {
  status: number;
  /** Undefined for 204 and empty bodies. */
  body: T | undefined;
  /** By lower-case name: a few vendors answer in headers (IMIchat's access token). */
  headers: Record<string, string>;
}

type Outcome =
  | { kind: "answer"; response: Response; body: unknown; credentials: Record<string, string> }
  | { kind: "network"; error: unknown };

/** A small fetch wrapper: JSON in and out, vendor errors as VendorApiError, retries and throttling built in. */
export class Transport {
  private readonly retry: RetryOptions;
  private readonly throttle: Throttle;
  private readonly pacer: Pacer;

  constructor(private readonly options: TransportOptions) {
    this.retry = { ...defaultRetryOptions, ...options.retry };
    this.throttle = new Throttle(options.maxConcurrent ?? 4);
    this.pacer = new Pacer(options.pace, this.retry.rateLimitWindowMs);
  }

  async request<T>(req: ApiRequest): Promise<ApiResponse<T>> {
    const repeatable = req.idempotent ?? idempotentMethods.has(req.method);
    let renewed = false;
    let failures = 0;
    let rateLimitedSince: number | undefined;
    for (let attempt = 1; ; attempt++) {
      let sent: SentRequest | undefined;
      const outcome = await this.throttle.run(async () => {
        sent = await this.pacer.slot();
        const answer = await this.attempt(req);
        this.pacer.answered(sent);
        // Before the next request takes this one's place: it must see what the vendor said of its window.
        if (answer.kind === "answer") {
          const window = rateHeaders(answer.response.headers);
          if (window) this.pacer.observe(window);
          if (answer.response.status !== 429) sent!.admitted = true;
        }
        return answer;
      });
      if (outcome.kind === "network") {
        failures++;
        if (!repeatable || failures > this.retry.retries) {
          throw new VendorUnreachableError(this.options.vendor, req.method, req.path, attempt, outcome.error);
        }
        await sleep(backoffDelayMs(failures, this.retry));
        continue;
      }
      const { response, body } = outcome;
      if (response.ok) return { status: response.status, body: body as T | undefined, headers: Object.fromEntries(response.headers.entries()) };

      if (response.status === 401 && !renewed && this.options.renewCredentials) {
        renewed = true;
        if (await this.options.renewCredentials(outcome.credentials)) continue;
      }
      const hint = retryAfterFromHeaders(response.headers, response.status) ?? this.options.retryHintFromBody?.(body);
      const mayRepeat = repeatable || this.retry.safeToRepeatStatusCodes.includes(response.status);
      const tooLong = hint !== undefined && hint > this.retry.maxRetryAfterMs;
      const retryable = this.retry.statusCodes.includes(response.status) && mayRepeat && !tooLong;
      if (retryable && response.status === 429) {
        rateLimitedSince ??= Date.now();
        // Without a hint, the requests the vendor admitted in its window tell the pace; the pacer keeps it from now on.
        const paced = hint === undefined && this.pacer.refused(sent!);
        const wait = paced ? 0 : (hint ?? this.retry.rateLimitWindowMs);
        if (Date.now() - rateLimitedSince + wait <= this.retry.maxRateLimitWaitMs) {
          // One 429 usually means the whole account is throttled: hold every request of this client, not this one.
          this.throttle.pauseFor(wait);
          continue;
        }
      } else if (retryable && failures < this.retry.retries) {
        failures++;
        await sleep(hint ?? backoffDelayMs(failures, this.retry));
        continue;
      }
      throw new VendorApiError({
        vendor: this.options.vendor,
        method: req.method,
        path: req.path,
        status: response.status,
        ...this.options.describeError(response.status, body),
        body,
      });
    }
  }

  private async attempt(req: ApiRequest): Promise<Outcome> {
    // Outside the try: a refused credential, or a request nothing could send (a malformed URL or header value),
    // is not a network failure and must not be retried as one.
    const credentials = await this.options.headers();
    const url = this.url(req);
    const headers = new Headers({ ...credentials, Accept: "application/json", "User-Agent": this.options.userAgent });
    let body: string | undefined;
    if (req.form) {
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(req.form).toString();
    } else if (req.body !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(req.body);
    }
    try {
      const response = await fetch(url, { method: req.method, headers, body, timeout: this.options.timeoutMs ?? 30_000 });
      return { kind: "answer", response, body: await readJson(response), credentials };
    } catch (error) {
      return { kind: "network", error };
    }
  }

  private url(req: ApiRequest): string {
    const url = new URL(this.options.baseUrl.replace(/\/+$/, "") + req.path);
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 500);
  }
}

import { sleep } from "./throttle";

/** The vendor stamps a request when it arrives, later than we sent it; a little slack keeps us out of its window. */
const CLOCK_MARGIN_MS = 50;

/** One request as the pacer counts it (an object, so two sent in the same millisecond stay apart). */
export interface SentRequest {
  at: number;
  /** Answered with anything but a 429. */
  admitted?: boolean;
}

/** A vendor's documented request rate: at most `requests` in any rolling `windowMs`. */
export interface RatePace {
  requests: number;
  windowMs: number;
}

/** What a response says of the vendor's window (Teamwork's X-Rate-Limit-*, IMIchat's Rate-Limit-*). */
export interface RateHeaders {
  remaining: number;
  /** Epoch ms at which the window refills. */
  resetAt: number;
}

/**
 * Sends at the vendor's pace so that a long run meets no 429 at all: a rolling window over what this client sent,
 * sized by the vendor's documented rate, corrected by the rate headers where the vendor sends them, and learnt from
 * the first hint-less 429 where it documents none (the requests the vendor admitted in the trailing window are
 * what it allows). Requests other processes send on the same account are invisible to it until the vendor says so.
 */
export class Pacer {
  /** The requests sent in the current window, oldest first; a refused one is taken out. */
  private readonly sent: SentRequest[] = [];
  private readonly documented?: number;
  /** The most requests the vendor was seen to admit in one window before it refused one. */
  private learned?: number;
  private readonly windowMs: number;
  private budget?: RateHeaders;

  constructor(pace: RatePace | undefined, defaultWindowMs: number) {
    this.documented = pace?.requests;
    this.windowMs = pace?.windowMs ?? defaultWindowMs;
  }

  /** Waits until one more request fits the window and counts it as sent. */
  async slot(): Promise<SentRequest> {
    for (let wait = this.waitMs(Date.now()); wait > 0; wait = this.waitMs(Date.now())) await sleep(wait);
    const request = { at: Date.now() };
    this.sent.push(request);
    if (this.budget) this.budget.remaining--;
    return request;
  }

  /**
   * The vendor stamped the request somewhere between our sending it and its answer (later still when the sending
   * waited for credentials): from the answer on it counts as sent then, so the window never frees early. Moved to
   * the end, the list stays in time order (what is still in flight was stamped before now).
   */
  answered(request: SentRequest, now = Date.now()): void {
    const index = this.sent.indexOf(request);
    if (index < 0) return;
    this.sent.splice(index, 1);
    request.at = now;
    this.sent.push(request);
  }

  /** Requests per window we keep to: the documented rate, lowered to what the vendor was seen to allow. */
  private get capacity(): number | undefined {
    if (this.learned === undefined) return this.documented;
    return Math.min(this.documented ?? this.learned, this.learned);
  }

  /** The vendor's own count, from the headers of an answer. */
  observe(headers: RateHeaders): void {
    this.budget = headers;
  }

  /**
   * A 429 without a hint for `request`: it was not admitted, and the requests of ours already admitted in the
   * window are what the vendor allows, at least (answers arrive in any order, so this is a lower bound; the largest
   * seen is kept). Returns false when none of ours is in the window (someone else used it up): the caller then
   * waits a whole window, as nothing here says when it frees.
   */
  refused(request: SentRequest, now = Date.now()): boolean {
    const live = this.inWindow(now);
    const index = live.indexOf(request);
    if (index >= 0) live.splice(index, 1);
    const admitted = live.filter((sent) => sent.admitted).length;
    if (admitted === 0) return false;
    this.learned = Math.max(this.learned ?? 0, admitted);
    return true;
  }

  private waitMs(now: number): number {
    if (this.budget && this.budget.remaining <= 0 && this.budget.resetAt > now) return this.budget.resetAt - now;
    if (this.capacity === undefined) return 0;
    const live = this.inWindow(now);
    if (live.length < this.capacity) return 0;
    return live[live.length - this.capacity].at + this.windowMs - now + CLOCK_MARGIN_MS;
  }

  private inWindow(now: number): SentRequest[] {
    while (this.sent.length > 0 && this.sent[0].at <= now - this.windowMs) this.sent.shift();
    return this.sent;
  }
}

/** Rate headers in the forms our vendors send; undefined when an answer carries none. */
export function rateHeaders(headers: { get(name: string): string | null }, now = Date.now()): RateHeaders | undefined {
  const remaining = headers.get("x-rate-limit-remaining") ?? headers.get("rate-limit-remaining") ?? headers.get("x-ratelimit-remaining");
  const reset = headers.get("x-rate-limit-reset") ?? headers.get("rate-limit-reset") ?? headers.get("x-ratelimit-reset");
  if (remaining === null || reset === null || !Number.isFinite(Number(remaining)) || !Number.isFinite(Number(reset))) return undefined;
  const value = Number(reset);
  // Epoch seconds (Teamwork, IMIchat) are far larger than "seconds from now".
  return { remaining: Number(remaining), resetAt: value > 1e9 ? value * 1000 : now + value * 1000 };
}

import type { IncomingHttpHeaders } from "node:http";
import type { Clock } from "../core/clock";

/**
 * Desk's documented limit (apidocs.teamwork.com/guides/desk/rate-limiting): 120 requests a minute, every response
 * carrying X-Rate-Limit-Limit, X-Rate-Limit-Remaining and X-Rate-Limit-Reset ("in UTC epoch seconds"), and 429 "until
 * the current time window has ended". Choices (README): the window is per credential (the guide says "so that one
 * user cannot hog the API"), it opens with the first request and lasts 60 s, only admitted requests use it up, and
 * Reset is the epoch second at which the window closes.
 */
export const DESK_DEFAULT_LIMIT = 120;
const WINDOW_MS = 60_000;

export interface RateState { limit: number; remaining: number; resetEpochSeconds: number; admitted: boolean }

interface Window { start: number; used: number }

export class DeskRateLimiter {
  private readonly windows = new Map<string, Window>();
  /** The state each request was given, found again when its answer is written (handlers get a copy of the request, not its headers). */
  private readonly states = new WeakMap<IncomingHttpHeaders, RateState>();

  constructor(private limit: number, private readonly clock: Clock) {}

  setLimit(limit: number): void {
    this.limit = limit;
  }

  /** Count one request of this credential; 0 = no limit (the headers are still sent, with the default ceiling). */
  admit(credential: string, headers: IncomingHttpHeaders): RateState {
    const now = this.clock.now();
    let w = this.windows.get(credential);
    if (!w || now >= w.start + WINDOW_MS) {
      w = { start: now, used: 0 };
      this.windows.set(credential, w);
    }
    const unlimited = this.limit <= 0;
    const admitted = unlimited || w.used < this.limit;
    if (admitted) w.used++;
    const ceiling = unlimited ? DESK_DEFAULT_LIMIT : this.limit;
    const state: RateState = {
      limit: ceiling, remaining: Math.max(0, ceiling - w.used), resetEpochSeconds: Math.ceil((w.start + WINDOW_MS) / 1000), admitted,
    };
    this.states.set(headers, state);
    return state;
  }

  stateOf(headers: IncomingHttpHeaders): RateState | undefined {
    return this.states.get(headers);
  }

  reset(): void {
    this.windows.clear();
  }
}

export function rateHeaders(s: RateState): Record<string, string> {
  return { "X-Rate-Limit-Limit": String(s.limit), "X-Rate-Limit-Remaining": String(s.remaining), "X-Rate-Limit-Reset": String(s.resetEpochSeconds) };
}

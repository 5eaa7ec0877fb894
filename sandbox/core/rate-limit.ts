import type { Clock } from "./clock";

export interface RateLimitOptions {
  /** Accepted requests allowed per rolling window; undefined or 0 = unlimited. */
  maxRequests?: number;
  /** Length of the rolling window in ms (default 60 000). */
  windowMs?: number;
  /** Requests allowed in flight at once; undefined or 0 = unlimited. */
  maxConcurrent?: number;
  clock: Clock;
}

export type Admission = { ok: true; release: () => void } | { ok: false; reason: "rate" | "concurrency" };

/**
 * Rolling-window request counter plus an in-flight counter.
 * Source silent: whether rejected requests count; we count only admitted ones.
 */
export class RateLimiter {
  private readonly accepted: number[] = [];
  private inFlight = 0;

  constructor(private readonly options: RateLimitOptions) {}

  admit(): Admission {
    const { maxRequests, maxConcurrent, clock } = this.options;
    const windowMs = this.options.windowMs ?? 60_000;
    const now = clock.now();
    while (this.accepted.length > 0 && this.accepted[0] <= now - windowMs) this.accepted.shift();
    if (maxConcurrent && this.inFlight >= maxConcurrent) return { ok: false, reason: "concurrency" };
    if (maxRequests && this.accepted.length >= maxRequests) return { ok: false, reason: "rate" };
    this.accepted.push(now);
    this.inFlight++;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (!released) {
          released = true;
          this.inFlight--;
        }
      },
    };
  }

  /** Time until the rolling window admits one more request (0 when it would now). */
  retryAfterMs(): number {
    const { maxRequests, clock } = this.options;
    const windowMs = this.options.windowMs ?? 60_000;
    const now = clock.now();
    const live = this.accepted.filter((t) => t > now - windowMs);
    if (!maxRequests || live.length < maxRequests) return 0;
    return Math.max(0, live[live.length - maxRequests] + windowMs - now);
  }

  /** Forget the window (for tests and admin resets). */
  reset(): void {
    this.accepted.length = 0;
  }
}

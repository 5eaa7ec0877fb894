import type { Clock } from "../core/clock";
import { RateLimiter, type Admission } from "../core/rate-limit";

/** rack-attack's `req/ip` throttle: RACK_ATTACK_LIMIT (default 3000) requests per 1-minute period, per client IP. */
export const RACK_ATTACK_DEFAULT_LIMIT = 3000;
const PERIOD_MS = 60_000;

/**
 * Rack::Attack throttles count in fixed periods aligned on the epoch (cache key `time / period`), not a rolling
 * window: every request counts, throttled ones included, and the count starts again at the next minute. All sandbox
 * clients are 127.0.0.1, so one counter serves the install (application and platform hosts alike, one Rails app).
 */
export class RackAttackThrottle extends RateLimiter {
  private period = -1;
  private count = 0;

  constructor(private readonly limit: number, private readonly clockOf: Clock) {
    super({ clock: clockOf });
  }

  override admit(): Admission {
    if (!this.limit) return { ok: true, release: () => undefined };
    const period = Math.floor(this.clockOf.now() / PERIOD_MS);
    if (period !== this.period) {
      this.period = period;
      this.count = 0;
    }
    this.count++;
    return this.count > this.limit ? { ok: false, reason: "rate" } : { ok: true, release: () => undefined };
  }

  override retryAfterMs(): number {
    return this.count > this.limit ? (this.period + 1) * PERIOD_MS - this.clockOf.now() : 0;
  }

  override reset(): void {
    this.count = 0;
  }
}

import { randomUUID } from "node:crypto";
import type { Clock } from "../core/clock";

/**
 * The tenant's daily quota (docs.imi.chat/reference/rate-limits-1): 10,000 requests a day by default, reset at the
 * start of the day (00:00:00; the sandbox takes UTC), and every response carries `trxid`, `Rate-Limit-Limit`,
 * `Rate-Limit-Remaining` and `Rate-Limit-Reset` ("Timestamp when the rate limit will be reset": epoch seconds here).
 * Choices (README): every request counts, /authorize and rejected ones included (one tenant, so one counter); once
 * the quota is spent the answer is HTTP 429 (the over-limit answer is not documented) and does not count further.
 */
export const IMICHAT_DEFAULT_DAILY_LIMIT = 10_000;
const DAY_MS = 86_400_000;

export class DailyQuota {
  private day = -1;
  private used = 0;

  constructor(private limit: number, private readonly clock: Clock) {}

  setLimit(limit: number): void {
    this.limit = limit;
    this.used = 0;
  }

  /** Count one request; false when the day's quota is already spent (0 = unlimited). */
  admit(): boolean {
    this.roll();
    if (this.limit > 0 && this.used >= this.limit) return false;
    this.used++;
    return true;
  }

  headers(): Record<string, string> {
    this.roll();
    const limit = this.limit > 0 ? this.limit : IMICHAT_DEFAULT_DAILY_LIMIT;
    return {
      trxid: randomUUID(),
      "Rate-Limit-Limit": String(limit),
      "Rate-Limit-Remaining": String(Math.max(0, limit - this.used)),
      "Rate-Limit-Reset": String(((this.day + 1) * DAY_MS) / 1000),
    };
  }

  private roll(): void {
    const day = Math.floor(this.clock.now() / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.used = 0;
    }
  }
}

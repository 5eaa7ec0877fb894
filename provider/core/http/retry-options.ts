/**
 * Every retry default in one place. A request is retried when the vendor says "not now" (429, 503 with a hint),
 * when it failed on the vendor's side (5xx), or when the connection dropped; never on other 4xx answers, which
 * mean the request itself is wrong and would fail again.
 */
export interface RetryOptions {
  /** Attempts after the first one. */
  retries: number;
  /** Statuses worth another attempt. */
  statusCodes: readonly number[];
  /**
   * Statuses that say the vendor did nothing, so even a non-idempotent POST (a clone) may be sent again.
   * Any other failure of a non-idempotent request is returned at once: the caller knows how to check
   * whether the first attempt took effect (see the Zoho Desk profile create).
   */
  safeToRepeatStatusCodes: readonly number[];
  /** First backoff delay; it doubles per attempt, with jitter, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A vendor hint (Retry-After and friends) longer than this fails fast rather than hanging an update. */
  maxRetryAfterMs: number;
}

export const defaultRetryOptions: RetryOptions = {
  retries: 4,
  statusCodes: [408, 429, 500, 502, 503, 504],
  safeToRepeatStatusCodes: [429],
  baseDelayMs: 300,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 120_000,
};

/** Methods whose repetition cannot do harm: a second PATCH with the same absolute values changes nothing. */
export const idempotentMethods: ReadonlySet<string> = new Set(["GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function backoffDelayMs(attempt: number, options: RetryOptions): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + Math.random() * (exponential / 2));
}

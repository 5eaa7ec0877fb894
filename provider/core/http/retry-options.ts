/**
 * Every retry default in one place. A request is retried when the vendor says "not now" (429, 503 with a hint),
 * when it failed on the vendor's side (5xx), or when the connection dropped; never on other 4xx answers, which
 * mean the request itself is wrong and would fail again.
 */
export interface RetryOptions {
  /** Attempts after the first one, for failures (5xx, 408, dropped connections). 429s have their own budget below. */
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
  /**
   * How long the vendor counts requests against its rate limit. A 429 without a hint pauses every request of the
   * client this long: a shorter pause only spends more requests the vendor refuses, since a rolling window frees
   * its first slot a whole window after it filled. Set per vendor from its documents (Zoho: one minute).
   */
  rateLimitWindowMs: number;
  /**
   * How long one request may keep being told "too many requests" (429) before it fails. Rate limiting means
   * "wait", not "broken": these waits do not use up `retries`, so a long run (hundreds of profiles, an up and a
   * destroy in the same minute) slows down to the vendor's pace and finishes.
   */
  maxRateLimitWaitMs: number;
}

export const defaultRetryOptions: RetryOptions = {
  retries: 4,
  statusCodes: [408, 429, 500, 502, 503, 504],
  safeToRepeatStatusCodes: [429],
  baseDelayMs: 300,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 120_000,
  // Per-minute windows are what our vendors publish (Zoho's sandbox, Teamwork 120/min, Chatwoot per minute).
  rateLimitWindowMs: 60_000,
  // Ten windows of a minute: enough for a run to share the window with others, short enough to end a dead one.
  maxRateLimitWaitMs: 600_000,
};

/** Methods whose repetition cannot do harm: a second PATCH with the same absolute values changes nothing. */
export const idempotentMethods: ReadonlySet<string> = new Set(["GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function backoffDelayMs(attempt: number, options: RetryOptions): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + Math.random() * (exponential / 2));
}

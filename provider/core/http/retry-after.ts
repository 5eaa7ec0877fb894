/**
 * Header-level "try again later" hints, in the forms our vendors use. Returns milliseconds, or undefined. A rate
 * window's reset time is a hint only on a 429: IMIchat sends its daily reset on every answer, and a 5xx must not
 * wait for tomorrow.
 */
export function retryAfterFromHeaders(headers: { get(name: string): string | null }, status: number, now = Date.now()): number | undefined {
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (status !== 429) return undefined;
  // Teamwork sends X-Rate-Limit-Reset, IMIchat Rate-Limit-Reset: the UTC epoch second the window reopens.
  const reset = headers.get("x-rate-limit-reset") ?? headers.get("rate-limit-reset") ?? headers.get("x-ratelimit-reset");
  if (reset) {
    const value = Number(reset);
    if (Number.isFinite(value)) {
      // Small values are "seconds from now"; epoch seconds are far larger.
      return Math.max(0, value > 1e9 ? value * 1000 - now : value * 1000);
    }
  }
  return undefined;
}

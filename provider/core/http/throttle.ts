/**
 * Keeps us under a vendor's concurrency limit and, after a 429, holds every request of this client until the
 * vendor's window reopens (a single 429 usually means the whole account is throttled, not one request).
 */
export class Throttle {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private pausedUntil = 0;

  constructor(private readonly maxConcurrent: number) {}

  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      // A loop, not one sleep: a request answered 429 while this one slept may have moved the end of the pause.
      for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) await sleep(wait);
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.maxConcurrent) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => { this.active++; resolve(); }));
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

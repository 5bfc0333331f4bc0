// Client-side token bucket that keeps the connector under the instance's hourly REST budget. It waits
// rather than fails: a request over budget is simply sent later. A 429 from ServiceNow pauses every
// caller until its Retry-After has passed, so no request goes out before ServiceNow asked for it.

export interface RateLimiter {
  /** Resolves when this caller may send one request. */
  take(): Promise<void>;
  /** Hold every request until `untilMs` (epoch ms), e.g. after a 429 with Retry-After. */
  pauseUntil(untilMs: number): void;
}

export interface RateLimiterOptions {
  perHour: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const HOUR_MS = 3_600_000;

/**
 * Burst capacity is one minute's share; the refill rate is what is left of the hour's budget after the
 * burst, so that burst + refill over any hour stays within `perHour` (for budgets of 60/h and more).
 */
export function bucketShape(perHour: number): { capacity: number; refillPerMs: number } {
  const capacity = Math.max(1, Math.floor(perHour / 60));
  const refillPerHour = Math.max(1, perHour - capacity);
  return { capacity, refillPerMs: refillPerHour / HOUR_MS };
}

export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  const { capacity, refillPerMs } = bucketShape(opts.perHour);
  // `tokens` may go negative: each waiting caller reserves its token at once and sleeps until the
  // bucket has refilled up to it, which keeps callers in arrival order without a queue.
  let tokens = capacity;
  let last = opts.now();
  let pausedUntil = 0;

  return {
    async take(): Promise<void> {
      const now = opts.now();
      tokens = Math.min(capacity, tokens + (now - last) * refillPerMs);
      last = now;
      tokens -= 1;
      if (tokens < 0) await opts.sleep(Math.ceil(-tokens / refillPerMs));
      // A 429 may arrive (and extend the pause) while we sleep, so check again after every wake-up.
      for (let wait = pausedUntil - opts.now(); wait > 0; wait = pausedUntil - opts.now()) {
        await opts.sleep(wait);
      }
    },
    pauseUntil(untilMs: number): void {
      pausedUntil = Math.max(pausedUntil, untilMs);
    },
  };
}

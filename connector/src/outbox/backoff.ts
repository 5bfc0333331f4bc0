// The one place that decides when a failed delivery is tried again, or given up as a dead letter.
import type { DeliveryResult } from './operations.js';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface NextStep {
  dead: boolean;
  nextAttemptAt: Date;
}

/**
 * `attempts` counts the attempt that just failed. 429 waits exactly what Retry-After asks (never less);
 * 5xx and network errors back off exponentially with full jitter; anything not retryable is dead at once.
 */
export function nextStep(
  result: Extract<DeliveryResult, { ok: false }>,
  attempts: number,
  policy: RetryPolicy,
  now: Date,
  random: () => number = Math.random,
): NextStep {
  if (!result.retryable || attempts >= policy.maxAttempts) return { dead: true, nextAttemptAt: now };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  const wait = Math.max(jittered, result.retryAfterMs ?? 0);
  return { dead: false, nextAttemptAt: new Date(now.getTime() + wait) };
}

/**
 * A write that may still land (until `doubtUntil`) must not be followed by another attempt before
 * then: the next attempt would not see what the first did, and could do it twice or out of order.
 */
export function fencedStep(step: NextStep, doubtUntil: Date | null): NextStep {
  if (step.dead || doubtUntil === null || doubtUntil <= step.nextAttemptAt) return step;
  return { dead: false, nextAttemptAt: doubtUntil };
}

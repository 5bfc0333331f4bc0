// The fallback: the last verdict the connector pushed into x_closeloop_verdict, accepted only
// while it is younger than the configured maximum age.
import type { ClosureVerdict, PushedLookup } from './types.ts';
import { parseClosureVerdict } from './response.ts';
import { describeAge, parseTimestamp } from './timestamps.ts';

/** A connector clock slightly ahead of the instance is normal; far ahead is a broken clock. */
export const ALLOWED_CLOCK_SKEW_MS = 5 * 60_000;

export type PushedResult =
  { ok: true; verdict: ClosureVerdict; ageMs: number } | { ok: false; problem: string };

export function interpretPushedVerdict(
  lookup: PushedLookup,
  nowMs: number,
  maxAgeMinutes: number,
): PushedResult {
  if (maxAgeMinutes <= 0) return { ok: false, problem: 'pushed-verdict fallback is disabled' };
  if (lookup.kind === 'none') return { ok: false, problem: 'no pushed verdict for this incident' };
  if (lookup.kind === 'error')
    return { ok: false, problem: `pushed verdict lookup failed: ${lookup.problem}` };

  const row = lookup.row;
  let checks: unknown = [];
  if (row.checks.trim() !== '') {
    try {
      checks = JSON.parse(row.checks);
    } catch {
      return { ok: false, problem: 'malformed pushed verdict: checks is not JSON' };
    }
  }
  const parsed = parseClosureVerdict(
    { verdict: row.verdict.trim(), checks, evaluated_at: row.evaluatedAt.trim() },
    'pushed verdict',
  );
  if (!parsed.ok) return parsed;

  const evaluatedMs = parseTimestamp(parsed.verdict.evaluatedAt);
  if (evaluatedMs === null) return { ok: false, problem: 'malformed pushed verdict: evaluated_at' };
  const ageMs = nowMs - evaluatedMs;
  if (ageMs < -ALLOWED_CLOCK_SKEW_MS) {
    return { ok: false, problem: `pushed verdict is dated ${describeAge(-ageMs)} in the future` };
  }
  const maxAgeMs = maxAgeMinutes * 60_000;
  if (ageMs > maxAgeMs) {
    return {
      ok: false,
      problem: `pushed verdict is stale (${describeAge(ageMs)} old, maximum ${describeAge(maxAgeMs)})`,
    };
  }
  return { ok: true, verdict: parsed.verdict, ageMs: Math.max(0, ageMs) };
}

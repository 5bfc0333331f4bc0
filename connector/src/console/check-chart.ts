// "Why blocked": one chart's data per close check — the samples the verdict judged, each flagged when it
// is out of range by the same rule the guard applies, the expected range as a band, the window, and the
// time it will pass if values stay in range.
import { badness } from '../guard/conditions.js';
import type { RenderedCheck } from '../model/close-check.js';
import type { CheckResult } from '../model/verdict.js';
import type { Condition } from '../model/close-check.js';

export interface ChartPoint {
  /** Epoch ms. */
  t: number;
  v: number | null;
  /** True when this sample violates the condition. */
  out: boolean;
  /** For `v: null`: the invalid reading the source sent ("NaN", "+Inf", a sentinel). */
  invalid?: string;
}

export interface CheckChart {
  name: string;
  label: string;
  status: CheckResult['status'];
  reason: string | null;
  message: string;
  observed: string;
  expected: string;
  window: string;
  provider: string;
  query: string;
  unit: string | null;
  condition: Condition;
  /** The band to shade: null ends are open (≤ max, ≥ min); null when the condition is no range. */
  band: { min: number | null; max: number | null } | null;
  windowStart: string;
  windowEnd: string;
  /** ISO time the check passes if values stay in range; null when passing or when it cannot be said. */
  satisfiedAt: string | null;
  points: ChartPoint[];
  outOfRange: number;
  worst: { value: number; at: string } | null;
}

export function conditionBand(c: Condition): CheckChart['band'] {
  if ('range' in c) return { min: c.range[0], max: c.range[1] };
  if ('max' in c) return { min: null, max: c.max };
  if ('min' in c) return { min: c.min, max: null };
  if ('equals' in c) return { min: c.equals, max: c.equals };
  return null;
}

export function checkChart(check: RenderedCheck, result: CheckResult, nowMs: number): CheckChart {
  let prev: number | undefined;
  const points = (result.points ?? []).map((p) => {
    if (p.v === null) return { t: p.t, v: null, out: false, ...(p.invalid ? { invalid: p.invalid } : {}) };
    const out = badness(check.expect, p.v, prev) > 0;
    prev = p.v;
    return { t: p.t, v: p.v, out };
  });
  return {
    name: check.name,
    label: check.label?.trim() || check.name,
    status: result.status,
    reason: result.reason ?? null,
    message: result.message,
    observed: result.observed,
    expected: result.expected,
    window: result.window,
    provider: check.provider,
    query: check.query,
    unit: check.unit ?? null,
    condition: check.expect,
    band: conditionBand(check.expect),
    windowStart: new Date(nowMs - check.stabilize).toISOString(),
    windowEnd: new Date(nowMs).toISOString(),
    satisfiedAt: result.status === 'pass' ? null : (result.satisfiedAt ?? null),
    points,
    outOfRange: points.filter((p) => p.out).length,
    worst: result.worst ? { value: result.worst.value, at: result.worst.at } : null,
  };
}

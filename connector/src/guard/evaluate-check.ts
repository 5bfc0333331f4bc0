// Judging one close check over its stabilisation window, as a pure function of the check, what the
// provider answered and the time. pass = enough fresh samples, all in range, across the whole window;
// any sample out of range = fail; anything that keeps us from knowing = unknown (never pass). An
// explicit invalid reading (NaN, ±Inf, a vendor sentinel, null) in force during the window is such a
// thing: the sensor or exporter failed, so it is never bridged. Only a scrape that is absent (no sample
// at all) for less than max_age is bridged by the reading before it.
import { formatDuration } from '../util/duration.js';
import { TelemetryError, type Sample, type Series } from '../telemetry/types.js';
import {
  badness,
  describeCondition,
  describeViolation,
  isBitCondition,
  margin,
  requirement,
  type ValueFormat,
} from './conditions.js';
import { formatAge, formatBitmask, formatClock, formatValue, seriesName } from './messages.js';
import type { RenderedCheck } from '../model/close-check.js';
import type { CheckResult, UnknownReason, Verdict } from '../model/verdict.js';
import type { EvaluateCheckOptions } from './types.js';

/** Samples stamped this far ahead of `now` (device clocks) still count, as if taken now. */
const FUTURE_SKEW_MS = 60_000;

type Valid = { t: number; v: number };

interface SeriesJudgement {
  labels: Record<string, string>;
  points: Sample[];
  valid: Valid[];
  /** Valid samples inside the window (the reading in force at its start not counted). */
  inWindow: number;
  status: Verdict;
  reason?: UnknownReason;
  worst?: Valid & { prev: number | undefined; badness: number };
  violations: number;
  latest?: Valid;
  latestOk: boolean;
  /** Epoch ms from which the series passes if values stay in range. */
  satisfiedAt?: number;
  /** For gap / not_covered messages. */
  gap?: { from: number; to: number };
  coveredMs?: number;
  /** Invalid readings in force during the window, and the newest of them. */
  invalid?: { count: number; last: Sample };
}

/**
 * How far back a check reads: its stabilisation window plus max_age before it, where the reading that
 * was in force when the window opened is found. (`stabilize: 0` = "in range now": the newest fresh sample.)
 */
export function lookbackMs(check: RenderedCheck): number {
  return check.stabilize + check.max_age;
}

// Semantics: at every moment of the window (now − stabilize, now] the reading in force — the newest
// valid sample, at most max_age old — must be in range. So the window needs a reading at or before its
// start, no hole longer than max_age, a fresh newest sample, and min_samples samples inside it.
function judgeSeries(check: RenderedCheck, s: Series, nowMs: number): SeriesJudgement {
  const instant = check.stabilize === 0;
  const start = nowMs - check.stabilize;
  const sorted = s.samples
    .filter((p) => p.t > start - check.max_age && p.t <= nowMs + FUTURE_SKEW_MS)
    .sort((a, b) => a.t - b.t);
  // The reading in force when the window opened: the newest valid one at or before its start.
  let anchor = -1;
  sorted.forEach((p, i) => {
    if (p.t <= start && p.v !== null) anchor = i;
  });
  const points = anchor >= 0 ? sorted.slice(anchor) : sorted.filter((p) => p.t > start);
  const valid: Valid[] = points.filter((p): p is Valid => p.v !== null);
  const inWindow = valid.filter((p) => p.t > start).length;
  const latest = valid[valid.length - 1];
  // Points start at the reading in force when the window opened: every invalid one among them was in
  // force at some moment of the window.
  const bad = points.filter((p) => p.v === null);
  const lastBad = bad[bad.length - 1];

  let worst: SeriesJudgement['worst'];
  let lastViolation = -1;
  let violations = 0;
  let latestOk = false;
  valid.forEach((p, i) => {
    if (instant && i < valid.length - 1) return;
    const prev = valid[i - 1]?.v;
    const b = badness(check.expect, p.v, prev);
    if (i === valid.length - 1) latestOk = b <= 0;
    if (b <= 0) return;
    violations++;
    lastViolation = i;
    if (!worst || b >= worst.badness) worst = { ...p, prev, badness: b };
  });
  const base = {
    labels: s.labels,
    points,
    valid,
    inWindow,
    violations,
    latestOk,
    ...(latest ? { latest } : {}),
  };

  if (worst) {
    // Back in range since the sample after the last bad one: the window must start after that.
    const recovered = latestOk ? valid[lastViolation + 1] : undefined;
    return {
      ...base,
      status: 'fail',
      worst,
      ...(recovered ? { satisfiedAt: recovered.t + check.stabilize } : {}),
    };
  }
  if (lastBad) {
    // OK once the window starts at the first valid reading after the last invalid one.
    const next = valid.find((p) => p.t > lastBad.t);
    return {
      ...base,
      status: 'unknown',
      reason: 'invalid',
      invalid: { count: bad.length, last: lastBad },
      ...(next ? { satisfiedAt: next.t + check.stabilize } : {}),
    };
  }
  if (!latest) return { ...base, status: 'unknown', reason: 'no_data' };
  if (nowMs - latest.t > check.max_age) return { ...base, status: 'unknown', reason: 'stale' };
  if (instant) return { ...base, status: 'pass' };

  // The trailing run of readings without a hole longer than max_age must reach the window's start.
  let runStart = valid.length - 1;
  while (runStart > 0 && valid[runStart]!.t - valid[runStart - 1]!.t <= check.max_age) runStart--;
  const first = valid[runStart]!;
  if (first.t > start) {
    return {
      ...base,
      status: 'unknown',
      reason: runStart > 0 ? 'gap' : 'not_covered',
      satisfiedAt: first.t + check.stabilize,
      coveredMs: nowMs - first.t,
      ...(runStart > 0 ? { gap: { from: valid[runStart - 1]!.t, to: first.t } } : {}),
    };
  }
  if (inWindow < check.min_samples) return { ...base, status: 'unknown', reason: 'too_few' };
  return { ...base, status: 'pass' };
}

function valueFormat(check: RenderedCheck): ValueFormat {
  if (isBitCondition(check.expect)) return { value: formatBitmask, bare: formatBitmask };
  return { value: (v) => formatValue(v, check.unit), bare: (v) => formatValue(v, undefined) };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function errorReason(err: Error): UnknownReason {
  if (err instanceof TelemetryError) {
    if (err.kind === 'timeout' || err.kind === 'aborted') return 'timeout';
    if (err.kind === 'not_configured') return 'no_provider';
  }
  return 'provider_error';
}

function unknownMessage(
  check: RenderedCheck,
  j: SeriesJudgement,
  who: string,
  fmt: ValueFormat,
  nowMs: number,
  tz: string | undefined,
): string {
  const window = formatDuration(check.stabilize);
  const need = requirement(check.expect, fmt);
  const clock = (ms: number) => formatClock(ms, tz);
  const now = j.latest ? fmt.value(j.latest.v) : '';
  switch (j.reason) {
    case 'invalid': {
      const { count, last } = j.invalid!;
      const what = last.invalid ?? 'no value';
      const at = formatClock(last.t, tz, true);
      const of = count > 1 ? ` (the last of ${count})` : '';
      const ok =
        j.satisfiedAt !== undefined
          ? `; OK at ${clock(j.satisfiedAt)} if readings stay valid and in range`
          : '';
      if (check.stabilize === 0)
        return `${who}: newest reading is invalid (${what}) at ${at}: the sensor or exporter failed`;
      return `${who}: invalid reading (${what}) at ${at}${of} inside the ${window} window: the sensor or exporter failed${ok}`;
    }
    case 'stale':
      return `${who}: newest sample is ${formatAge(nowMs - (j.latest?.t ?? nowMs))} old (${clock(j.latest?.t ?? nowMs)}), needs one within ${formatAge(check.max_age)}`;
    case 'gap':
      return `${who} ${now} ${need}, but no data ${clock(j.gap?.from ?? nowMs)}–${clock(j.gap?.to ?? nowMs)}; OK at ${clock(j.satisfiedAt ?? nowMs)} if it stays`;
    case 'not_covered':
      return `${who} ${now} ${need} for only ${formatAge(j.coveredMs ?? 0)} of ${window} (OK at ${clock(j.satisfiedAt ?? nowMs)} if it stays)`;
    case 'too_few':
      return `${who}: only ${j.inWindow} sample${j.inWindow === 1 ? '' : 's'} in ${window}, needs ${check.min_samples}`;
    default:
      return `${who}: no data from ${check.provider} in the last ${window}`;
  }
}

/** Judge one rendered check over what its provider answered (series, or the error it failed with). */
export function evaluateCheck(
  check: RenderedCheck,
  answer: Series[] | Error,
  nowMs: number,
  opts: EvaluateCheckOptions = {},
): CheckResult {
  const label = check.label?.trim() || check.name;
  const fmt = valueFormat(check);
  const tz = opts.timeZone;
  const common = {
    name: check.name,
    expected: describeCondition(check.expect, fmt),
    window: formatDuration(check.stabilize),
    provider: check.provider,
    query: check.query,
  };

  if (check.refused !== undefined) {
    return {
      ...common,
      status: 'unknown',
      reason: 'unsafe_query',
      observed: 'not checked',
      observedValue: null,
      samples: 0,
      series: 0,
      message: `${label}: not checked: ${check.refused}`,
    };
  }
  if (answer instanceof Error) {
    const reason = errorReason(answer);
    return {
      ...common,
      status: 'unknown',
      reason,
      observed: 'no data',
      observedValue: null,
      samples: 0,
      series: 0,
      message: `${label}: ${answer.message}`,
    };
  }
  if (answer.length === 0) {
    return {
      ...common,
      status: 'unknown',
      reason: 'no_data',
      observed: 'no data',
      observedValue: null,
      samples: 0,
      series: 0,
      message: `${label}: no data from ${check.provider} in the last ${common.window}`,
    };
  }

  const judged = answer.map((s) => judgeSeries(check, s, nowMs));
  const samples = judged.reduce((n, j) => n + j.inWindow, 0);
  const fails = judged.filter((j) => j.status === 'fail');
  const unknowns = judged.filter((j) => j.status === 'unknown');
  const status: Verdict = fails.length ? 'fail' : unknowns.length ? 'unknown' : 'pass';
  const focus = fails.length
    ? fails.reduce((a, b) => ((b.worst?.badness ?? 0) > (a.worst?.badness ?? 0) ? b : a))
    : unknowns.length
      ? // An invalid reading says most about the failure: tell it first.
        (unknowns.find((j) => j.reason === 'invalid') ?? unknowns[0]!)
      : judged.reduce((a, b) =>
          margin(check.expect, b.latest!.v) < margin(check.expect, a.latest!.v) ? b : a,
        );
  const multi = judged.length > 1;
  const tag = multi
    ? seriesName(
        focus.labels,
        judged.filter((j) => j !== focus).map((j) => j.labels),
      )
    : '';
  const who = multi ? `${label} (${tag})` : label;
  const need = requirement(check.expect, fmt);

  // Not passing yet: when it will, if every series stays in range (only when each one can say).
  const pending = judged.filter((j) => j.status !== 'pass');
  const satisfiedAt =
    status !== 'pass' && pending.every((j) => j.satisfiedAt !== undefined)
      ? Math.max(...pending.map((j) => j.satisfiedAt!))
      : undefined;

  let message: string;
  if (status === 'fail') {
    const w = focus.worst!;
    const now =
      focus.latestOk && focus.latest && focus.latest.t !== w.t ? ` (now ${fmt.value(focus.latest.v)})` : '';
    const more = fails.length > 1 ? `; ${fails.length} of ${judged.length} series out of range` : '';
    message = `${label} ${describeViolation(check.expect, w.v, w.prev, fmt)} at ${formatClock(w.t, tz)}${multi ? ` (${tag})` : ''}, needs ${common.window} ${need}${now}${more}`;
  } else if (status === 'unknown') {
    const more = multi && unknowns.length > 1 ? ` (${unknowns.length} of ${judged.length} series)` : '';
    message = unknownMessage(check, focus, who, fmt, nowMs, tz) + more;
  } else {
    const span = check.stabilize > 0 ? `for ${common.window}` : 'now';
    message = multi
      ? `${label}: all ${judged.length} series ${need} ${span} (nearest the limit: ${fmt.value(focus.latest!.v)}, ${tag})`
      : `${label} ${fmt.value(focus.latest!.v)} ${need} ${span}${check.stabilize > 0 ? ` (${samples} samples)` : ''}`;
  }

  // The newest point may be an invalid reading: that, not an older value, is what is observed now.
  const newest = focus.points[focus.points.length - 1];
  const newestInvalid = newest !== undefined && newest.v === null;
  return {
    ...common,
    status,
    observed: newestInvalid
      ? `invalid (${newest.invalid ?? 'no value'})`
      : focus.latest
        ? fmt.value(focus.latest.v)
        : 'no data',
    observedValue: newestInvalid ? null : focus.latest ? focus.latest.v : null,
    samples,
    series: judged.length,
    message,
    points: focus.points,
    ...(status === 'unknown' && focus.reason ? { reason: focus.reason } : {}),
    ...(focus.worst
      ? {
          worst: { value: focus.worst.v, at: iso(focus.worst.t), ...(multi ? { labels: focus.labels } : {}) },
        }
      : {}),
    ...(satisfiedAt !== undefined ? { satisfiedAt: iso(satisfiedAt) } : {}),
    ...(status === 'unknown' && focus.invalid
      ? {
          invalid: {
            value: focus.invalid.last.invalid ?? 'no value',
            at: iso(focus.invalid.last.t),
            count: focus.invalid.count,
            ...(multi ? { labels: focus.labels } : {}),
          },
        }
      : {}),
  };
}

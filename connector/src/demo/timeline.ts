// A scripted telemetry timeline: each series is a list of segments (from a time on, the value
// follows a shape), and its samples are a pure function of the segments and the sample time, taken
// on a fixed scrape grid. The demo scenario appends segments when things happen ("the CRAH is
// repaired now"), so the same actions at the same moments always give the same readings.

export type Shape =
  /** A constant reading (a stuck sensor, a bitmask, a healthy steady state). */
  | { kind: 'steady'; value: number }
  /** Exponential approach from `from` to `to` with time constant `tauMs` (a temperature settling). */
  | { kind: 'settle'; from: number; to: number; tauMs: number };

export interface Segment {
  fromMs: number;
  shape: Shape;
}

export interface ScriptedSeries {
  /** Prometheus labels, `__name__` included. */
  labels: Record<string, string>;
  /** Oldest first; a segment applies from its fromMs until the next one starts. */
  segments: Segment[];
  /** Peak deterministic noise added to every sample (0 = exact values). */
  jitter: number;
  /** Decimals the readings are rounded to (a BMS reports 0.1 °C). */
  decimals: number;
}

export interface Timeline {
  series: ScriptedSeries[];
  /** Samples exist at whole multiples of this interval (the scrape interval). */
  scrapeMs: number;
}

export interface TimedValue {
  t: number;
  v: number;
}

export function seriesKey(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(',');
}

/** FNV-1a over the series key and the sample time → a repeatable number in [-1, 1]. */
function noise(key: string, t: number): number {
  let h = 0x811c9dc5;
  const text = `${key}@${t}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h / 0xffffffff) * 2 - 1;
}

function shapeValue(shape: Shape, elapsedMs: number): number {
  switch (shape.kind) {
    case 'steady':
      return shape.value;
    case 'settle':
      return shape.to + (shape.from - shape.to) * Math.exp(-Math.max(0, elapsedMs) / shape.tauMs);
  }
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/** The exact (noise-free, unrounded) value of the shape in force at `t`, or null before the first segment. */
export function trendAt(series: ScriptedSeries, t: number): number | null {
  let current: Segment | undefined;
  for (const s of series.segments) {
    if (s.fromMs <= t) current = s;
    else break;
  }
  return current ? shapeValue(current.shape, t - current.fromMs) : null;
}

/** The sample a scrape at `t` would read (noise and rounding applied), or null before the first segment. */
export function valueAt(series: ScriptedSeries, t: number): number | null {
  const trend = trendAt(series, t);
  if (trend === null) return null;
  const jittered = series.jitter > 0 ? trend + noise(seriesKey(series.labels), t) * series.jitter : trend;
  return round(jittered, series.decimals);
}

/** Samples on the scrape grid with fromMs < t <= toMs (never after `nowMs`: no readings from the future). */
export function samplesBetween(
  series: ScriptedSeries,
  fromMs: number,
  toMs: number,
  scrapeMs: number,
  nowMs: number,
): TimedValue[] {
  const end = Math.min(toMs, nowMs);
  const out: TimedValue[] = [];
  for (let t = Math.floor(fromMs / scrapeMs) * scrapeMs + scrapeMs; t <= end; t += scrapeMs) {
    const v = valueAt(series, t);
    if (v !== null) out.push({ t, v });
  }
  return out;
}

/** The newest sample at or before `t` and at most `lookbackMs` old (Prometheus's instant semantics). */
export function latestSample(
  series: ScriptedSeries,
  t: number,
  scrapeMs: number,
  lookbackMs: number,
  nowMs: number,
): TimedValue | null {
  const samples = samplesBetween(series, t - lookbackMs, t, scrapeMs, nowMs);
  return samples[samples.length - 1] ?? null;
}

/**
 * From `atMs` on, the series matching `labels` (every given label equal) follow `shape`; `shape` may
 * be a function of the value in force at that moment (to settle from wherever the reading is).
 * Segments after `atMs` are replaced. Returns how many series were changed.
 */
export function schedule(
  timeline: Timeline,
  labels: Record<string, string>,
  atMs: number,
  shape: Shape | ((current: number) => Shape),
): number {
  const hits = timeline.series.filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  for (const s of hits) {
    const resolved = typeof shape === 'function' ? shape(trendAt(s, atMs) ?? 0) : shape;
    s.segments = [...s.segments.filter((seg) => seg.fromMs < atMs), { fromMs: atMs, shape: resolved }];
  }
  return hits.length;
}

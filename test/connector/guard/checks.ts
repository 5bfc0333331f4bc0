// Shared builders for guard tests: checks parsed through the real mapping schema (so defaults apply)
// and evenly spaced series ending at a fixed "now".
import { CloseCheckSchema } from '../../../connector/src/mapping/schema.js';
import type { Sample, Series } from '../../../connector/src/telemetry/types.js';
import type { RenderedCheck } from '../../../connector/src/model/close-check.js';

/** 2025-01-15 10:50:00 UTC. */
export const NOW = Date.UTC(2025, 0, 15, 10, 50, 0);
export const MIN = 60_000;

export function check(over: Record<string, unknown> = {}): RenderedCheck {
  const c = CloseCheckSchema.parse({
    name: 'supply-air',
    provider: 'prom',
    query: 'supply_air{unit="CRAH-2"}',
    label: 'CRAH-2 supply air',
    unit: '°C',
    expect: { range: [18, 27] },
    stabilize: '10m',
    max_age: '2m',
    min_samples: 3,
    ...over,
  });
  return { ...c, label: c.label ?? c.name };
}

/** Samples every `stepMs` from `fromMs` to `toMs` inclusive, value from `v(t)`. */
export function samples(
  fromMs: number,
  toMs: number,
  stepMs: number,
  v: (t: number) => number | null,
): Sample[] {
  const out: Sample[] = [];
  for (let t = fromMs; t <= toMs; t += stepMs) out.push({ t, v: v(t) });
  return out;
}

export function series(s: Sample[], labels: Record<string, string> = { unit: 'CRAH-2' }): Series {
  return { labels, samples: s };
}

/** A full 10-minute window of 15 s samples up to NOW (41 samples, the first exactly at the window's edge). */
export function steady(v: number | ((t: number) => number | null), labels?: Record<string, string>): Series {
  return series(samples(NOW - 10 * MIN, NOW, 15_000, typeof v === 'number' ? () => v : v), labels);
}

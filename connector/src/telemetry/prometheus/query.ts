// Pure helpers for building Prometheus requests and reading their answers.
import type { Sample, Series } from '../types.js';
import { sampleOf } from '../values.js';
import type { WireData } from './wire.js';

// `metric`, `metric{a="b"}` or `{__name__="m"}`: label values may hold any quoted text.
const SELECTOR = /^\s*(?:[A-Za-z_:][A-Za-z0-9_:]*\s*)?(?:\{(?:[^{}"]|"(?:[^"\\]|\\.)*")*\})?\s*$/;

/**
 * True when `query` is a plain instant-vector selector. Those are read as raw samples (`sel[range]`),
 * which keeps each scrape's real timestamp: query_range would repeat the last value for up to the
 * lookback delta (5 min) and make stale data look fresh.
 */
export function isPlainSelector(query: string): boolean {
  const q = query.trim();
  return q !== '' && q !== '{}' && SELECTOR.test(q);
}

/** Milliseconds as Prometheus API seconds ("1712345678.123"). */
export function toPromTime(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function toSample([t, v]: [number, string]): Sample {
  return sampleOf(Math.round(t * 1000), v);
}

/** Prometheus result data → our Series (labels kept as they are, samples oldest first). */
export function toSeries(data: WireData): Series[] {
  switch (data.resultType) {
    case 'matrix':
      return data.result.map((r) => ({ labels: r.metric, samples: r.values.map(toSample) }));
    case 'vector':
      return data.result.map((r) => ({ labels: r.metric, samples: r.value ? [toSample(r.value)] : [] }));
    case 'scalar':
      return [{ labels: {}, samples: [toSample(data.result)] }];
    case 'string':
      return [{ labels: {}, samples: [sampleOf(Math.round(data.result[0] * 1000), data.result[1])] }];
  }
}

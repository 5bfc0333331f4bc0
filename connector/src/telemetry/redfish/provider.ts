// Redfish provider. A BMC/CDU only knows current values, so `sample()` reads one and keeps it in a
// bounded per-query history; `queryRange()` answers from that history (empty until sampled).
import { createCoalescer } from '../coalesce.js';
import { appendSample, samplesBetween, type History } from '../history.js';
import { TelemetryError, type TelemetryProvider } from '../types.js';
import { createRedfishClient, type RedfishProviderConfig } from './client.js';
import { extractReading, parseRedfishQuery, type RedfishQuery } from './query.js';

export type { RedfishProviderConfig } from './client.js';

export function createRedfishProvider(
  name: string,
  cfg: RedfishProviderConfig,
  deps: { now?: () => number } = {},
): TelemetryProvider {
  const now = deps.now ?? Date.now;
  const client = createRedfishClient(name, cfg);
  const history: History = new Map();
  // Checks reading several properties of one resource (supply temperature and flow of a connector)
  // share one GET while it is in flight; it is bounded by the provider timeout, not by one caller.
  const reads = createCoalescer<unknown>(0);

  function parse(query: string): RedfishQuery {
    const q = parseRedfishQuery(query);
    if ('error' in q) throw new TelemetryError(name, 'bad_query', `${name}: ${q.error}`);
    return q;
  }
  const key = (q: RedfishQuery) => `${q.uri}#${q.path.join('.')}`;

  return {
    name,
    kind: 'redfish',
    async queryRange(query, w) {
      const q = parse(query);
      const samples = history.get(key(q));
      if (!samples?.length) return [];
      return [
        {
          labels: { uri: q.uri, property: q.path.join('.') || 'Reading' },
          samples: samplesBetween(samples, w.startMs, w.endMs),
        },
      ];
    },
    async sample(query, signal) {
      const q = parse(query);
      const doc = await reads.get(
        q.uri,
        () => client.get(q.uri, AbortSignal.timeout(cfg.timeout + 1000)),
        signal,
      );
      const reading = extractReading(doc, q);
      if (!reading.ok) throw new TelemetryError(name, 'bad_query', `${name}: ${reading.message}`);
      const t = now();
      appendSample(
        history,
        key(q),
        reading.value === null ? { t, v: null, invalid: reading.invalid } : { t, v: reading.value },
        cfg.history,
      );
    },
    async close() {
      await client.close();
    },
  };
}

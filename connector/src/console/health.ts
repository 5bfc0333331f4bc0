// Health figures for the console, read from the connector's own Prometheus registry: alarms in per
// source (with a per-minute rate between polls), outbox depth, ServiceNow latency and error rates, and
// whether each telemetry provider answered last time.
import { z } from 'zod';
import type { Registry } from 'prom-client';

const MetricJson = z.array(
  z.object({
    name: z.string(),
    type: z.string(),
    values: z.array(
      z.object({
        value: z.number(),
        labels: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
        metricName: z.string().optional(),
      }),
    ),
  }),
);
type MetricValues = z.infer<typeof MetricJson>[number]['values'];

export interface HealthFigures {
  at: string;
  ingest: {
    source: string;
    received: number;
    rejected: number;
    dropped: number;
    /** Alarms received per minute since the previous comparable reading; null on the first. */
    perMinute: number | null;
  }[];
  outbox: Record<string, number>;
  servicenow: {
    requests: number;
    errors: number;
    /** Share of responses that were errors (4xx, 5xx, no response), over all time. */
    errorRate: number | null;
    /** The same over the recent interval (null until two readings exist). */
    recentErrorRate: number | null;
    byStatus: { status: string; count: number }[];
    operations: { operation: string; count: number; meanMs: number | null; p95Ms: number | null }[];
  };
  providers: { name: string; kind: string | null; up: boolean | null }[];
}

function sumBy(values: MetricValues, label: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) {
    const k = String(v.labels[label] ?? '');
    out.set(k, (out.get(k) ?? 0) + v.value);
  }
  return out;
}

/** Quantile from cumulative histogram buckets, interpolated within the bucket (as histogram_quantile). */
export function bucketQuantile(q: number, buckets: { le: number; count: number }[]): number | null {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted[sorted.length - 1]?.count ?? 0;
  if (total === 0) return null;
  const rank = q * total;
  let prevLe = 0;
  let prevCount = 0;
  for (const b of sorted) {
    if (b.count >= rank) {
      if (!Number.isFinite(b.le)) return prevLe;
      const inBucket = b.count - prevCount;
      return inBucket > 0 ? prevLe + ((b.le - prevLe) * (rank - prevCount)) / inBucket : b.le;
    }
    prevLe = b.le;
    prevCount = b.count;
  }
  return prevLe;
}

function latency(values: MetricValues): HealthFigures['servicenow']['operations'] {
  const ops = new Map<string, { count: number; sum: number; buckets: Map<number, number> }>();
  const get = (op: string) => {
    let o = ops.get(op);
    if (!o) ops.set(op, (o = { count: 0, sum: 0, buckets: new Map() }));
    return o;
  };
  for (const v of values) {
    const o = get(String(v.labels['operation'] ?? ''));
    if (v.metricName?.endsWith('_count')) o.count += v.value;
    else if (v.metricName?.endsWith('_sum')) o.sum += v.value;
    else if (v.metricName?.endsWith('_bucket')) {
      const le = v.labels['le'] === '+Inf' ? Infinity : Number(v.labels['le']);
      o.buckets.set(le, (o.buckets.get(le) ?? 0) + v.value);
    }
  }
  return [...ops.entries()]
    .filter(([, o]) => o.count > 0)
    .map(([operation, o]) => {
      const p95 = bucketQuantile(
        0.95,
        [...o.buckets.entries()].map(([le, count]) => ({ le, count })),
      );
      return {
        operation,
        count: o.count,
        meanMs: Math.round((o.sum / o.count) * 1000),
        p95Ms: p95 === null ? null : Math.round(p95 * 1000),
      };
    })
    .sort((a, b) => a.operation.localeCompare(b.operation));
}

const isError = (status: string) => status === '0' || Number(status) >= 400;

/** Remembers earlier totals so that rates can be given between two polls (at least 5 s apart). */
export function createRateWindow(maxAgeMs = 600_000) {
  const readings: { at: number; totals: Record<string, number> }[] = [];
  return (nowMs: number, totals: Record<string, number>): Record<string, number | null> => {
    while (readings.length && nowMs - readings[0]!.at > maxAgeMs) readings.shift();
    // Compare with the newest reading at least a minute old, else the oldest at least 5 s old.
    const base =
      [...readings].reverse().find((r) => nowMs - r.at >= 60_000) ??
      readings.find((r) => nowMs - r.at >= 5_000);
    const last = readings[readings.length - 1];
    if (!last || nowMs - last.at >= 5_000) readings.push({ at: nowMs, totals });
    const out: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(totals)) {
      const before = base?.totals[k];
      out[k] = base && before !== undefined ? Math.max(0, (v - before) / ((nowMs - base.at) / 60_000)) : null;
    }
    return out;
  };
}

export async function healthFigures(o: {
  registry: Registry;
  providers: { name: string; kind: string }[];
  sources: string[];
  nowMs: number;
  rates: ReturnType<typeof createRateWindow>;
}): Promise<HealthFigures> {
  const metrics = MetricJson.parse(await o.registry.getMetricsAsJSON());
  const values = (name: string): MetricValues => metrics.find((m) => m.name === name)?.values ?? [];

  const received = sumBy(values('closeloop_alarms_received_total'), 'source');
  const rejected = sumBy(values('closeloop_alarms_rejected_total'), 'source');
  const dropped = sumBy(values('closeloop_alarms_dropped_total'), 'source');
  const statuses = sumBy(values('closeloop_servicenow_responses_total'), 'status');
  const requests = [...statuses.values()].reduce((a, b) => a + b, 0);
  const errors = [...statuses.entries()].filter(([s]) => isError(s)).reduce((a, [, n]) => a + n, 0);

  const sources = [
    ...new Set([...o.sources, ...received.keys(), ...rejected.keys(), ...dropped.keys()]),
  ].sort();
  const totals: Record<string, number> = { 'sn:requests': requests, 'sn:errors': errors };
  for (const s of sources) totals[`in:${s}`] = received.get(s) ?? 0;
  const rates = o.rates(o.nowMs, totals);
  const dReq = rates['sn:requests'];
  const dErr = rates['sn:errors'];

  const up = new Map<string, number>();
  for (const v of values('closeloop_telemetry_provider_up')) up.set(String(v.labels['provider']), v.value);
  const providerNames = [...new Set([...o.providers.map((p) => p.name), ...up.keys()])].sort();

  return {
    at: new Date(o.nowMs).toISOString(),
    ingest: sources.map((source) => ({
      source,
      received: received.get(source) ?? 0,
      rejected: rejected.get(source) ?? 0,
      dropped: dropped.get(source) ?? 0,
      perMinute: rates[`in:${source}`] ?? null,
    })),
    outbox: Object.fromEntries(
      [...sumBy(values('closeloop_deliveries'), 'state').entries()].sort(([a], [b]) => a.localeCompare(b)),
    ),
    servicenow: {
      requests,
      errors,
      errorRate: requests ? errors / requests : null,
      recentErrorRate: dReq && dErr !== null && dErr !== undefined ? dErr / dReq : null,
      byStatus: [...statuses.entries()]
        .map(([status, count]) => ({ status, count }))
        .sort((a, b) => a.status.localeCompare(b.status)),
      operations: latency(values('closeloop_servicenow_request_duration_seconds')),
    },
    providers: providerNames.map((name) => {
      const u = up.get(name);
      return {
        name,
        kind: o.providers.find((p) => p.name === name)?.kind ?? null,
        up: u === undefined ? null : u === 1,
      };
    }),
  };
}

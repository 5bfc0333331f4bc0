// Health figures for the console, read from the connector's own Prometheus registry (alarms in per
// source, with a per-minute rate between polls; outbox depth; ServiceNow requests since start) and from
// what it saw lately (observability/recent-outcomes.ts: ServiceNow's answers and exact latencies over the
// last minutes, each telemetry provider's last answer).
import { z } from 'zod';
import type { Registry } from 'prom-client';
import { exactQuantile, type RecentSnapshot } from '../observability/recent-outcomes.js';

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
    /** Since start. */
    requests: number;
    errors: number;
    /** Share of responses that were errors (4xx, 5xx, no response), since start. */
    errorRate: number | null;
    byStatus: { status: string; count: number }[];
    operations: { operation: string; count: number; meanMs: number }[];
    /** The last minutes, exact. */
    recent: {
      windowMs: number;
      requests: number;
      errors: number;
      errorRate: number | null;
      byStatus: { status: string; count: number }[];
      operations: { operation: string; count: number; p50Ms: number; p95Ms: number; maxMs: number }[];
    };
  };
  providers: {
    name: string;
    kind: string | null;
    /** Whether its last query was answered; null when not queried since start. */
    up: boolean | null;
    /** When it last answered or failed, and since when it has been so. */
    at: string | null;
    since: string | null;
  }[];
}

function sumBy(values: MetricValues, label: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) {
    const k = String(v.labels[label] ?? '');
    out.set(k, (out.get(k) ?? 0) + v.value);
  }
  return out;
}

/** Since start, from the histogram's exact sum and count: requests and mean latency per operation. */
function latency(values: MetricValues): HealthFigures['servicenow']['operations'] {
  const ops = new Map<string, { count: number; sum: number }>();
  for (const v of values) {
    const op = String(v.labels['operation'] ?? '');
    const o = ops.get(op) ?? { count: 0, sum: 0 };
    if (v.metricName?.endsWith('_count')) o.count += v.value;
    else if (v.metricName?.endsWith('_sum')) o.sum += v.value;
    ops.set(op, o);
  }
  return [...ops.entries()]
    .filter(([, o]) => o.count > 0)
    .map(([operation, o]) => ({ operation, count: o.count, meanMs: round((o.sum / o.count) * 1000) }))
    .sort((a, b) => a.operation.localeCompare(b.operation));
}

const round = (ms: number) => (ms >= 10 ? Math.round(ms) : Math.round(ms * 10) / 10);

/**
 * The recent window, exact: every response this process saw in it (up to the recorder's capacity),
 * percentiles by nearest rank over the answered ones. Exact rather than estimated from histogram
 * buckets, and recent rather than since start, because a Health page is read to see how the instance
 * answers now.
 */
export function recentServiceNow(r: RecentSnapshot, windowMs: number): HealthFigures['servicenow']['recent'] {
  const byStatus = new Map<string, number>();
  for (const s of r.responses) byStatus.set(String(s.status), (byStatus.get(String(s.status)) ?? 0) + 1);
  const errors = r.responses.filter((s) => isError(String(s.status))).length;
  const ops = new Map<string, number[]>();
  for (const s of r.responses) {
    if (s.status === 0) continue; // no answer: its duration is the timeout, not the instance's
    const list = ops.get(s.operation) ?? [];
    list.push(s.ms);
    ops.set(s.operation, list);
  }
  return {
    windowMs,
    requests: r.responses.length,
    errors,
    errorRate: r.responses.length ? errors / r.responses.length : null,
    byStatus: [...byStatus.entries()]
      .map(([status, count]) => ({ status, count }))
      .sort((a, b) => a.status.localeCompare(b.status)),
    operations: [...ops.entries()]
      .map(([operation, ms]) => ({
        operation,
        count: ms.length,
        p50Ms: round(exactQuantile(ms, 0.5)!),
        p95Ms: round(exactQuantile(ms, 0.95)!),
        maxMs: round(Math.max(...ms)),
      }))
      .sort((a, b) => a.operation.localeCompare(b.operation)),
  };
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
  recent: RecentSnapshot;
  windowMs: number;
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
  const totals: Record<string, number> = {};
  for (const s of sources) totals[`in:${s}`] = received.get(s) ?? 0;
  const rates = o.rates(o.nowMs, totals);

  const providerNames = [
    ...new Set([...o.providers.map((p) => p.name), ...o.recent.providers.map((p) => p.name)]),
  ].sort();

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
      byStatus: [...statuses.entries()]
        .map(([status, count]) => ({ status, count }))
        .sort((a, b) => a.status.localeCompare(b.status)),
      operations: latency(values('closeloop_servicenow_request_duration_seconds')),
      recent: recentServiceNow(o.recent, o.windowMs),
    },
    providers: providerNames.map((name) => {
      const r = o.recent.providers.find((p) => p.name === name);
      return {
        name,
        kind: o.providers.find((p) => p.name === name)?.kind ?? null,
        up: r ? r.up : null,
        at: r ? new Date(r.at).toISOString() : null,
        since: r ? new Date(r.since).toISOString() : null,
      };
    }),
  };
}

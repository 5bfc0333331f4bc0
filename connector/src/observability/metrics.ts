// Prometheus metrics of the connector. One registry per service instance so tests can run several.
// Beside the registry, `recent` keeps what was seen lately of ServiceNow and the providers, exactly (for
// health decisions and the console's recent latencies); observeServiceNow/observeProvider feed both.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DeliveryCounts } from '../model/delivery.js';

/** Where the outbox gauge reads its counts (the store). */
export interface DeliveryCountSource {
  deliveryCounts(): Promise<DeliveryCounts>;
}
import { HEALTH_REASONS, type HealthReport } from './health-decision.js';
import { createRecentOutcomes, type RecentOutcomes } from './recent-outcomes.js';

export interface Metrics {
  registry: Registry;
  alarmsReceived: Counter<'source'>;
  alarmsRejected: Counter<'source' | 'reason'>;
  alarmsDropped: Counter<'source' | 'reason'>;
  alarmsStale: Counter<'source'>;
  incidentsCreated: Counter;
  incidentsUpdated: Counter<'op'>;
  deliveries: Gauge<'state'>;
  snLatency: Histogram<'operation' | 'status'>;
  snResponses: Counter<'status'>;
  providerUp: Gauge<'provider'>;
  authFailures: Counter<'credential'>;
  snmpRefused: Counter<'source' | 'reason'>;
  ready: Gauge;
  degraded: Gauge;
  dependencyUp: Gauge<'kind' | 'dependency'>;
  dependencyProblem: Gauge<'kind' | 'dependency' | 'reason'>;
  recent: RecentOutcomes;
}

/**
 * ServiceNow request latency buckets, from 1 ms: requests to a near instance (or a MID Server on the same
 * network) take a few ms, and a first bucket of 50 ms made every percentile of them read ~48 ms.
 */
export const SN_LATENCY_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

/** The `source` label of a name taken from a request: only configured sources get their own series. */
export const UNKNOWN_SOURCE_LABEL = '_unknown';

export function createMetrics(store: DeliveryCountSource, opts: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaults !== false) collectDefaultMetrics({ register: registry, prefix: 'closeloop_' });
  return {
    registry,
    alarmsReceived: new Counter({
      name: 'closeloop_alarms_received_total',
      help: 'Alarms accepted, by source.',
      labelNames: ['source'],
      registers: [registry],
    }),
    alarmsRejected: new Counter({
      name: 'closeloop_alarms_rejected_total',
      help: 'Requests or alarms refused, by source and reason.',
      labelNames: ['source', 'reason'],
      registers: [registry],
    }),
    alarmsDropped: new Counter({
      name: 'closeloop_alarms_dropped_total',
      help: 'Alarms recorded but matched by no rule, by source and reason.',
      labelNames: ['source', 'reason'],
      registers: [registry],
    }),
    alarmsStale: new Counter({
      name: 'closeloop_alarm_updates_stale_total',
      help: 'Alarm updates ignored because they are older, by the source clock, than one already applied (delayed, reordered or replayed), by source.',
      labelNames: ['source'],
      registers: [registry],
    }),
    incidentsCreated: new Counter({
      name: 'closeloop_incidents_created_total',
      help: 'Incidents created in ServiceNow.',
      registers: [registry],
    }),
    incidentsUpdated: new Counter({
      name: 'closeloop_incidents_updated_total',
      help: 'Incident updates delivered to ServiceNow, by operation.',
      labelNames: ['op'],
      registers: [registry],
    }),
    deliveries: new Gauge({
      name: 'closeloop_deliveries',
      help: 'Outbox entries by state.',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        const c = await store.deliveryCounts().catch(() => null);
        if (!c) return;
        for (const [state, n] of Object.entries(c)) this.set({ state }, n);
      },
    }),
    snLatency: new Histogram({
      name: 'closeloop_servicenow_request_duration_seconds',
      help: 'ServiceNow request latency.',
      labelNames: ['operation', 'status'],
      buckets: SN_LATENCY_BUCKETS,
      registers: [registry],
    }),
    snResponses: new Counter({
      name: 'closeloop_servicenow_responses_total',
      help: 'ServiceNow responses by HTTP status (0 = no response).',
      labelNames: ['status'],
      registers: [registry],
    }),
    providerUp: new Gauge({
      name: 'closeloop_telemetry_provider_up',
      help: '1 when the last query to a telemetry provider succeeded.',
      labelNames: ['provider'],
      registers: [registry],
    }),
    authFailures: new Counter({
      name: 'closeloop_auth_failures_total',
      help: 'Requests refused for a missing or wrong credential, by credential (api_key, console_login, console_key, source:<name>).',
      labelNames: ['credential'],
      registers: [registry],
    }),
    snmpRefused: new Counter({
      name: 'closeloop_snmp_refused_total',
      help: 'SNMP datagrams refused before decoding (bad community or user, failed authentication, replay, malformed), by source and reason.',
      labelNames: ['source', 'reason'],
      registers: [registry],
    }),
    ready: new Gauge({
      name: 'closeloop_ready',
      help: '1 when the connector accepts alarms (the store answers, intake reports no problem), as /readyz.',
      registers: [registry],
    }),
    degraded: new Gauge({
      name: 'closeloop_degraded',
      help: '1 when a dependency after intake is failing (ServiceNow, a telemetry provider, new dead letters); see closeloop_dependency_problem.',
      registers: [registry],
    }),
    dependencyUp: new Gauge({
      name: 'closeloop_dependency_up',
      help: '1 when the dependency works, 0 when it is degraded or missing, by kind (source, store, servicenow, provider, outbox) and name.',
      labelNames: ['kind', 'dependency'],
      registers: [registry],
    }),
    dependencyProblem: new Gauge({
      name: 'closeloop_dependency_problem',
      help: `1 for the reason a dependency is not working (${HEALTH_REASONS.join(', ')}); the words are in /readyz and the console.`,
      labelNames: ['kind', 'dependency', 'reason'],
      registers: [registry],
    }),
    recent: createRecentOutcomes(),
  };
}

/** One ServiceNow response (status 0 = no answer), in the registry and in `recent`. */
export function observeServiceNow(
  m: Metrics,
  r: { operation: string; status: number; ms: number },
  atMs = Date.now(),
): void {
  m.snLatency.observe({ operation: r.operation, status: String(r.status) }, r.ms / 1000);
  m.snResponses.inc({ status: String(r.status) });
  m.recent.response({ at: atMs, operation: r.operation, status: r.status, ms: r.ms });
}

/** Whether a telemetry provider answered a query, in the registry and in `recent`. */
export function observeProvider(m: Metrics, provider: string, up: boolean, atMs = Date.now()): void {
  m.providerUp.set({ provider }, up ? 1 : 0);
  m.recent.provider(provider, up, atMs);
}

/**
 * What close-check results say of their providers: answered, or not (error, timeout). Checks that sent
 * no query (no such provider, a query refused as unsafe) say nothing.
 */
export function observeCheckProviders(
  m: Metrics,
  results: readonly { provider?: string; reason?: string }[],
  atMs = Date.now(),
): void {
  for (const r of results) {
    if (!r.provider || r.reason === 'no_provider' || r.reason === 'unsafe_query') continue;
    observeProvider(m, r.provider, r.reason !== 'provider_error' && r.reason !== 'timeout', atMs);
  }
}

/** The health gauges as a report says (set when /metrics is read; old labels are dropped). */
export function setHealthGauges(m: Metrics, report: HealthReport): void {
  m.ready.set(report.ready ? 1 : 0);
  m.degraded.set(report.degraded.length ? 1 : 0);
  m.dependencyUp.reset();
  m.dependencyProblem.reset();
  for (const d of report.dependencies) {
    const labels = { kind: d.kind, dependency: d.name };
    m.dependencyUp.set(labels, d.health === 'ok' || d.health === 'disabled' ? 1 : 0);
    if (d.reason) m.dependencyProblem.set({ ...labels, reason: d.reason }, 1);
  }
}

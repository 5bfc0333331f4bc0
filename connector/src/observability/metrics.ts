// Prometheus metrics of the connector. One registry per service instance so tests can run several.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DeliveryCounts } from '../model/delivery.js';

/** Where the outbox gauge reads its counts (the store). */
export interface DeliveryCountSource {
  deliveryCounts(): Promise<DeliveryCounts>;
}

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
}

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
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
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
  };
}

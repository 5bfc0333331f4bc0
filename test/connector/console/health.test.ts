import { expect } from 'chai';
import {
  SN_LATENCY_BUCKETS,
  createMetrics,
  observeProvider,
  observeServiceNow,
} from '../../../connector/src/observability/metrics.js';
import type { Store } from '../../../connector/src/store/store.js';
import { createRateWindow, healthFigures } from '../../../connector/src/console/health.js';
import { createRecentOutcomes } from '../../../connector/src/observability/recent-outcomes.js';

const store = {
  deliveryCounts: async () => ({ pending: 2, inflight: 1, dead: 3, done: 7, cancelled: 0 }),
} as unknown as Store;

const T = 1_000_000_000;

describe('console health figures', () => {
  it('reads ingest, outbox, ServiceNow and providers from the metrics and what was seen lately', async () => {
    const m = createMetrics(store, { defaults: false });
    m.alarmsReceived.inc({ source: 'bms' }, 4);
    m.alarmsRejected.inc({ source: 'bms', reason: '400' });
    m.alarmsDropped.inc({ source: 'alertmanager', reason: 'unmatched' }, 2);
    for (const [status, ms] of [
      [201, 40],
      [201, 60],
      [201, 200],
      [201, 300],
      [503, 20],
      [503, 25],
    ] as const)
      observeServiceNow(m, { operation: 'create incident', status, ms }, T - 60_000);
    observeServiceNow(m, { operation: 'create incident', status: 0, ms: 5000 }, T - 30_000);
    observeProvider(m, 'redfish-cdu', false, T - 20_000);
    const rates = createRateWindow();
    const h = await healthFigures({
      registry: m.registry,
      providers: [
        { name: 'prometheus', kind: 'prometheus' },
        { name: 'redfish-cdu', kind: 'redfish' },
      ],
      sources: ['bms', 'snmp'],
      nowMs: T,
      rates,
      recent: m.recent.snapshot(T, 300_000),
      windowMs: 300_000,
    });
    expect(h.ingest).to.deep.equal([
      { source: 'alertmanager', received: 0, rejected: 0, dropped: 2, perMinute: null },
      { source: 'bms', received: 4, rejected: 1, dropped: 0, perMinute: null },
      { source: 'snmp', received: 0, rejected: 0, dropped: 0, perMinute: null },
    ]);
    expect(h.outbox).to.deep.equal({ cancelled: 0, dead: 3, done: 7, inflight: 1, pending: 2 });
    expect(h.servicenow).to.deep.include({ requests: 7, errors: 3 });
    expect(h.servicenow.errorRate).to.be.closeTo(3 / 7, 1e-9);
    expect(h.servicenow.operations).to.deep.equal([
      {
        operation: 'create incident',
        count: 7,
        meanMs: Math.round((40 + 60 + 200 + 300 + 20 + 25 + 5000) / 7),
      },
    ]);
    // The recent window: every response; latencies of the answered ones only (no answer = the timeout).
    expect(h.servicenow.recent).to.deep.include({ windowMs: 300_000, requests: 7, errors: 3 });
    expect(h.servicenow.recent.byStatus).to.deep.equal([
      { status: '0', count: 1 },
      { status: '201', count: 4 },
      { status: '503', count: 2 },
    ]);
    expect(h.servicenow.recent.operations).to.deep.equal([
      { operation: 'create incident', count: 6, p50Ms: 40, p95Ms: 300, maxMs: 300 },
    ]);
    expect(h.providers).to.deep.equal([
      { name: 'prometheus', kind: 'prometheus', up: null, at: null, since: null },
      {
        name: 'redfish-cdu',
        kind: 'redfish',
        up: false,
        at: new Date(T - 20_000).toISOString(),
        since: new Date(T - 20_000).toISOString(),
      },
    ]);

    // A minute later: rates per minute since the first reading.
    m.alarmsReceived.inc({ source: 'bms' }, 6);
    const later = await healthFigures({
      registry: m.registry,
      providers: [],
      sources: ['bms'],
      nowMs: T + 60_000,
      rates,
      recent: m.recent.snapshot(T + 60_000, 300_000),
      windowMs: 300_000,
    });
    expect(later.ingest.find((s) => s.source === 'bms')!.perMinute).to.equal(6);
  });

  it('latency percentiles are exact: requests of 2–6 ms read a p95 of 6 ms, not a bucket edge', async () => {
    const m = createMetrics(store, { defaults: false });
    for (let i = 0; i < 100; i++)
      observeServiceNow(m, { operation: 'create incident', status: 201, ms: 2 + (i % 5) + 0.3 }, T - 1000);
    const h = await healthFigures({
      registry: m.registry,
      providers: [],
      sources: [],
      nowMs: T,
      rates: createRateWindow(),
      recent: m.recent.snapshot(T, 300_000),
      windowMs: 300_000,
    });
    expect(h.servicenow.recent.operations[0]).to.deep.equal({
      operation: 'create incident',
      count: 100,
      p50Ms: 4.3,
      p95Ms: 6.3,
      maxMs: 6.3,
    });
    expect(h.servicenow.operations[0]!.meanMs).to.equal(4.3);
  });

  it('the Prometheus histogram has buckets from 1 ms, so histogram_quantile of fast requests stays within them', async () => {
    expect(SN_LATENCY_BUCKETS[0]).to.equal(0.001);
    const m = createMetrics(store, { defaults: false });
    for (let i = 0; i < 100; i++)
      observeServiceNow(m, { operation: 'create incident', status: 201, ms: 2 + (i % 5) });
    const text = await m.registry.metrics();
    // Every one of them is at most 10 ms; none at most 1 ms.
    expect(text).to.include(
      'closeloop_servicenow_request_duration_seconds_bucket{le="0.01",operation="create incident",status="201"} 100',
    );
    expect(text).to.include(
      'closeloop_servicenow_request_duration_seconds_bucket{le="0.001",operation="create incident",status="201"} 0',
    );
  });

  it('the recent window forgets what is older than asked for, and keeps the newest of each status', () => {
    const r = createRecentOutcomes({ capacity: 3 });
    for (let i = 0; i < 5; i++)
      r.response({ at: T + i * 1000, operation: 'x', status: i < 2 ? 503 : 201, ms: 1 });
    const s = r.snapshot(T + 4000, 2500);
    expect(s.responses.map((x) => x.at - T)).to.deep.equal([2000, 3000, 4000]);
    expect(s.lastByStatus.map((x) => [x.status, x.at - T])).to.deep.equal([
      [201, 4000],
      [503, 1000],
    ]);
    r.provider('p', false, T);
    r.provider('p', false, T + 5000);
    r.provider('q', true, T);
    expect(r.snapshot(T + 5000, 1000).providers).to.deep.equal([
      { name: 'p', up: false, at: T + 5000, since: T },
      { name: 'q', up: true, at: T, since: T },
    ]);
  });

  it('gives rates only between readings at least 5 s apart', () => {
    const r = createRateWindow();
    expect(r(0, { x: 0 })).to.deep.equal({ x: null });
    expect(r(2_000, { x: 5 })).to.deep.equal({ x: null });
    expect(r(30_000, { x: 10 })).to.deep.equal({ x: 20 });
    expect(r(90_000, { x: 40 })).to.deep.equal({ x: 30 });
  });
});

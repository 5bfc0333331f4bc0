import { expect } from 'chai';
import { createMetrics } from '../../../connector/src/observability/metrics.js';
import type { Store } from '../../../connector/src/store/store.js';
import { bucketQuantile, createRateWindow, healthFigures } from '../../../connector/src/console/health.js';

const store = {
  deliveryCounts: async () => ({ pending: 2, inflight: 1, dead: 3, done: 7, cancelled: 0 }),
} as unknown as Store;

describe('console health figures', () => {
  it('reads ingest, outbox, ServiceNow and providers from the metrics registry', async () => {
    const m = createMetrics(store, { defaults: false });
    m.alarmsReceived.inc({ source: 'bms' }, 4);
    m.alarmsRejected.inc({ source: 'bms', reason: '400' });
    m.alarmsDropped.inc({ source: 'alertmanager', reason: 'unmatched' }, 2);
    m.snResponses.inc({ status: '201' }, 6);
    m.snResponses.inc({ status: '503' }, 2);
    for (const s of [0.04, 0.06, 0.2, 0.3])
      m.snLatency.observe({ operation: 'create incident', status: '201' }, s);
    m.providerUp.set({ provider: 'redfish-cdu' }, 0);
    const rates = createRateWindow();
    const h = await healthFigures({
      registry: m.registry,
      providers: [
        { name: 'prometheus', kind: 'prometheus' },
        { name: 'redfish-cdu', kind: 'redfish' },
      ],
      sources: ['bms', 'snmp'],
      nowMs: 1_000_000,
      rates,
    });
    expect(h.ingest).to.deep.equal([
      { source: 'alertmanager', received: 0, rejected: 0, dropped: 2, perMinute: null },
      { source: 'bms', received: 4, rejected: 1, dropped: 0, perMinute: null },
      { source: 'snmp', received: 0, rejected: 0, dropped: 0, perMinute: null },
    ]);
    expect(h.outbox).to.deep.equal({ cancelled: 0, dead: 3, done: 7, inflight: 1, pending: 2 });
    expect(h.servicenow).to.deep.include({ requests: 8, errors: 2, errorRate: 0.25, recentErrorRate: null });
    expect(h.servicenow.operations).to.have.length(1);
    expect(h.servicenow.operations[0]).to.include({ operation: 'create incident', count: 4, meanMs: 150 });
    expect(h.servicenow.operations[0]!.p95Ms).to.be.within(250, 500);
    expect(h.providers).to.deep.equal([
      { name: 'prometheus', kind: 'prometheus', up: null },
      { name: 'redfish-cdu', kind: 'redfish', up: false },
    ]);

    // A minute later: rates per minute since the first reading.
    m.alarmsReceived.inc({ source: 'bms' }, 6);
    m.snResponses.inc({ status: '201' }, 3);
    m.snResponses.inc({ status: '0' }, 1);
    const later = await healthFigures({
      registry: m.registry,
      providers: [],
      sources: ['bms'],
      nowMs: 1_060_000,
      rates,
    });
    expect(later.ingest.find((s) => s.source === 'bms')!.perMinute).to.equal(6);
    expect(later.servicenow.recentErrorRate).to.equal(0.25);
  });

  it('estimates quantiles from cumulative buckets as histogram_quantile does', () => {
    const b = [
      { le: 0.1, count: 50 },
      { le: 0.5, count: 90 },
      { le: 1, count: 100 },
      { le: Infinity, count: 100 },
    ];
    expect(bucketQuantile(0.5, b)).to.be.closeTo(0.1, 1e-9);
    expect(bucketQuantile(0.7, b)).to.be.closeTo(0.3, 1e-9);
    expect(bucketQuantile(0.95, b)).to.be.closeTo(0.75, 1e-9);
    expect(bucketQuantile(0.5, [{ le: Infinity, count: 0 }])).to.equal(null);
    expect(
      bucketQuantile(0.99, [
        { le: 1, count: 1 },
        { le: Infinity, count: 10 },
      ]),
    ).to.equal(1);
  });

  it('gives rates only between readings at least 5 s apart', () => {
    const r = createRateWindow();
    expect(r(0, { x: 0 })).to.deep.equal({ x: null });
    expect(r(2_000, { x: 5 })).to.deep.equal({ x: null });
    expect(r(30_000, { x: 10 })).to.deep.equal({ x: 20 });
    expect(r(90_000, { x: 40 })).to.deep.equal({ x: 30 });
  });
});

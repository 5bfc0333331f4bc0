// /readyz says whether alarms can be stored, as the writes themselves find it: the readiness ping is
// a tiny write that can succeed while every ingest fails (a full disk rewrites a page in place but
// cannot grow the file).
import { expect } from 'chai';
import type { Store } from '../../../connector/src/store/store.js';
import { startTestConnector, type TestConnector } from '../../support/connector.js';
import { tinyEngine } from '../../support/tiny-engine.js';

describe('GET /readyz reflects whether alarms can be stored', () => {
  let c: TestConnector;
  let failing = false;
  before(async () => {
    c = await startTestConnector({
      engine: tinyEngine({
        bms: {
          kind: 'webhook',
          auth: { type: 'none' },
          fields: { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' },
          state_values: {},
          severity_values: {},
        },
      }),
      // ping keeps working; ingest and rejected-payload writes fail while `failing`.
      wrapStore: (s: Store): Store => ({
        ...s,
        ingestTx: (items, o, work) =>
          failing ? Promise.reject(new Error('disk I/O error')) : s.ingestTx(items, o, work),
        recordRejected: (r) => (failing ? Promise.reject(new Error('disk I/O error')) : s.recordRejected(r)),
      }),
    });
  });
  after(() => c.stop());

  const alarm = (id: string) =>
    fetch(`${c.url}/v1/alarms/bms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id,
        state: 'active',
        severity: 'major',
        type: 'supply_air_temp_high',
        raisedAt: '2026-11-25T10:00:00Z',
        asset: { site: 'DC1' },
        text: 'x',
        labels: {},
      }),
    });
  const readyz = async () => {
    const r = await fetch(`${c.url}/readyz`);
    return { status: r.status, body: (await r.json()) as { status: string; reasons?: string[] } };
  };

  it('is ready while writes work, not ready once an ingest failed, ready again after one succeeds', async () => {
    expect((await alarm('r1')).status).to.equal(202);
    expect((await readyz()).status).to.equal(200);

    failing = true;
    const refused = await alarm('r2');
    expect(refused.status).to.equal(503);
    const notReady = await readyz();
    expect(notReady.status).to.equal(503);
    expect(notReady.body.reasons?.join('\n')).to.match(
      /^alarms could not be stored: the last write failed at \S+ \(disk I\/O error\)$/,
    );

    failing = false;
    expect((await alarm('r3')).status).to.equal(202);
    expect((await readyz()).status).to.equal(200);
  });

  it('a refused payload that cannot be kept is a 503 (nothing lost), and makes the connector not ready', async () => {
    failing = true;
    try {
      const r = await fetch(`${c.url}/v1/alarms/bms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"id": oops',
      });
      expect(r.status).to.equal(503);
      expect(((await r.json()) as { error: string }).error).to.match(/could not be kept; retry later$/);
      expect((await readyz()).status).to.equal(503);
    } finally {
      failing = false;
    }
  });
});

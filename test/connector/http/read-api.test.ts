import { expect } from 'chai';
import axios from 'axios';
import { startTestConnector, type TestConnector } from '../../support/connector.js';
import { tinyEngine } from '../../support/tiny-engine.js';

describe('read API, deliveries, health', () => {
  let c: TestConnector;
  let fail = true;
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
      deliver: async () =>
        fail
          ? { ok: false, retryable: false, status: 400, error: 'Invalid field: u_zone' }
          : { ok: true, link: { sysId: 'abc', number: 'INC0010001' } },
    });
    await axios.post(`${c.url}/v1/alarms/bms`, {
      id: 'r1',
      state: 'active',
      severity: 'major',
      type: 't',
      raisedAt: '2026-11-25T10:00:00Z',
      asset: { site: 'DC1' },
      text: 'x',
      labels: {},
    });
    await c.worker.idle();
  });
  after(() => c.stop());
  const key = { headers: { 'x-api-key': 'test-api-key' }, validateStatus: () => true };

  it('requires the API key', async () => {
    expect((await axios.get(`${c.url}/v1/events`, { validateStatus: () => true })).status).to.equal(401);
    expect(
      (
        await axios.get(`${c.url}/v1/events`, {
          headers: { 'x-api-key': 'wrong' },
          validateStatus: () => true,
        })
      ).status,
    ).to.equal(401);
  });

  it('lists events and shows one by key, encoded or as path segments', async () => {
    const list = await axios.get(`${c.url}/v1/events?state=open`, key);
    expect(list.data.events.map((e: { key: string }) => e.key)).to.deep.equal(['DC1/cooling/ZONE-A1']);
    const one = await axios.get(`${c.url}/v1/events/${encodeURIComponent('DC1/cooling/ZONE-A1')}`, key);
    expect(one.status).to.equal(200);
    expect(one.data.alarms[0].id).to.equal('r1');
    expect((await axios.get(`${c.url}/v1/events/DC1/cooling/ZONE-A1`, key)).data.key).to.equal(
      'DC1/cooling/ZONE-A1',
    );
    expect((await axios.get(`${c.url}/v1/events/none`, key)).status).to.equal(404);
    expect((await axios.get(`${c.url}/v1/events?state=bogus`, key)).status).to.equal(400);
  });

  it('shows a dead letter with ServiceNow’s error and delivers it after a retry', async () => {
    const dead = await axios.get(`${c.url}/v1/deliveries?state=dead`, key);
    expect(dead.data.deliveries).to.have.length(1);
    expect(dead.data.deliveries[0]).to.include({
      op: 'create',
      last_error: 'Invalid field: u_zone',
      last_status: 400,
    });
    fail = false;
    const retry = await axios.post(`${c.url}/v1/deliveries/${dead.data.deliveries[0].id}/retry`, null, key);
    expect(retry.status).to.equal(200);
    await c.worker.idle();
    expect((await axios.get(`${c.url}/v1/deliveries?state=dead`, key)).data.deliveries).to.have.length(0);
    const ev = await axios.get(`${c.url}/v1/events/${encodeURIComponent('DC1/cooling/ZONE-A1')}`, key);
    expect(ev.data.incident).to.deep.equal({ sys_id: 'abc', number: 'INC0010001' });
    expect((await axios.post(`${c.url}/v1/deliveries/999/retry`, null, key)).status).to.equal(404);
  });

  it('is live and ready, and exposes metrics', async () => {
    expect((await axios.get(`${c.url}/healthz`)).data.status).to.equal('ok');
    // Accepting alarms (200) but degraded: no ServiceNow instance is configured in this test.
    const ready = await axios.get(`${c.url}/readyz`);
    expect(ready.status).to.equal(200);
    expect(ready.data).to.include({ status: 'degraded', store: 'sqlite' });
    expect(ready.data.reasons[0]).to.match(/^ServiceNow is not configured/);
    const m = await axios.get(`${c.url}/metrics`);
    expect(m.data).to.match(/closeloop_alarms_received_total\{source="bms"\} 1/);
    expect(m.data).to.match(/closeloop_deliveries\{state="done"\} 1/);
    expect(m.data).to.match(/closeloop_incidents_created_total 1/);
  });
});

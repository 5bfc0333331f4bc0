import { expect } from 'chai';
import axios from 'axios';
import { startTestConnector, type TestConnector } from '../../support/connector.js';
import { tinyEngine } from '../../support/tiny-engine.js';

describe('maintenance windows over the API', () => {
  let c: TestConnector;
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
    });
  });
  after(() => c.stop());
  const key = { headers: { 'x-api-key': 'test-api-key' }, validateStatus: () => true };
  const post = (id: string, site: string) =>
    axios.post(`${c.url}/v1/alarms/bms`, {
      id,
      state: 'active',
      severity: 'major',
      type: 't',
      raisedAt: '2026-11-25T10:00:00Z',
      asset: { site },
      text: 'x',
      labels: {},
    });

  it('validates silences and says what is wrong', async () => {
    const r = await axios.post(
      `${c.url}/v1/silences`,
      { starts_at: '2026-11-25T10:00:00Z', ends_at: '2026-11-25T09:00:00Z', match: {}, comment: 'x' },
      key,
    );
    expect(r.status).to.equal(400);
    expect(r.data.error).to.match(/match: match at least one of site/);
    expect(r.data.error).to.match(/ends_at: ends_at must be after starts_at/);
  });

  it('records alarms a silence covers without opening anything, and lists and deletes silences', async () => {
    const now = Date.now();
    const created = await axios.post(
      `${c.url}/v1/silences`,
      {
        id: 'chiller-2-work',
        starts_at: new Date(now - 1000).toISOString(),
        ends_at: new Date(now + 3_600_000).toISOString(),
        match: { site: 'DC2' },
        comment: 'Chiller 2 maintenance',
        created_by: 'ops',
      },
      key,
    );
    expect(created.status).to.equal(201);
    const r = await post('s1', 'DC2');
    expect(r.data.accepted[0].outcome).to.equal('silenced');
    const other = await post('s2', 'DC1');
    expect(other.data.accepted[0].outcome).to.equal('created');
    const list = await axios.get(`${c.url}/v1/silences`, key);
    expect(list.data.silences).to.have.length(1);
    expect(list.data.silences[0]).to.include({
      id: 'chiller-2-work',
      active: true,
      comment: 'Chiller 2 maintenance',
    });
    expect((await axios.delete(`${c.url}/v1/silences/chiller-2-work`, key)).status).to.equal(204);
    expect((await axios.delete(`${c.url}/v1/silences/chiller-2-work`, key)).status).to.equal(404);
  });
});

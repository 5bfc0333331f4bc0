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

  it('refuses to create a silence whose id exists (409) and changes one only by an explicit PUT', async () => {
    const now = Date.now();
    const window = (comment: string, hours: number) => ({
      starts_at: new Date(now - 1000).toISOString(),
      ends_at: new Date(now + hours * 3_600_000).toISOString(),
      match: { site: 'DC3' },
      comment,
    });
    const first = await axios.post(`${c.url}/v1/silences`, { id: 'ups-3-work', ...window('UPS 3', 1) }, key);
    expect(first.status).to.equal(201);
    const again = await axios.post(
      `${c.url}/v1/silences`,
      { id: 'ups-3-work', ...window('someone else', 9) },
      key,
    );
    expect(again.status).to.equal(409);
    expect(again.data.error).to.equal(
      'a silence with id "ups-3-work" already exists; PUT /v1/silences/ups-3-work changes it',
    );
    const stored = (await axios.get(`${c.url}/v1/silences`, key)).data.silences as {
      id: string;
      comment: string;
    }[];
    expect(stored.find((s) => s.id === 'ups-3-work')!.comment).to.equal('UPS 3');

    const put = await axios.put(`${c.url}/v1/silences/ups-3-work`, window('UPS 3, extended', 4), key);
    expect(put.status).to.equal(200);
    expect(put.data).to.include({
      id: 'ups-3-work',
      comment: 'UPS 3, extended',
      created_at: first.data.created_at,
    });
    const mismatch = await axios.put(
      `${c.url}/v1/silences/ups-3-work`,
      { id: 'other', ...window('x', 1) },
      key,
    );
    expect(mismatch.status).to.equal(400);
    const noKey = await axios.put(`${c.url}/v1/silences/ups-3-work`, window('x', 1), {
      validateStatus: () => true,
    });
    expect(noKey.status).to.equal(401);
    expect((await axios.delete(`${c.url}/v1/silences/ups-3-work`, key)).status).to.equal(204);
  });
});

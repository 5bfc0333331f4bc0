import { expect } from 'chai';
import { startHarness, type Harness } from './helpers.js';

describe('stand-in hourly rate limit and Event Management endpoint', () => {
  let h: Harness;
  let clock = Date.parse('2025-06-01T10:59:00Z');
  before(async () => {
    h = await startHarness({ rateLimit: { perHour: 3, ruleSysId: 'a'.repeat(32) }, now: () => clock });
  });
  after(async () => {
    await h.standin.close();
  });

  it('counts requests per user per clock hour; over the limit → 429 until the next hour', async () => {
    for (let i = 0; i < 3; i += 1) expect((await h.http.get('/api/now/table/incident')).status).to.equal(200);
    const limited = await h.http.get('/api/now/table/incident');
    expect(limited.status).to.equal(429);
    expect(limited.headers).to.include({
      'retry-after': '60',
      'x-ratelimit-limit': '3',
      'x-ratelimit-reset': String(Date.parse('2025-06-01T11:00:00Z') / 1000),
      'x-ratelimit-rule': 'a'.repeat(32),
    });
    expect(limited.data.status).to.equal('failure');
    clock += 60_000;
    expect((await h.http.get('/api/now/table/incident')).status).to.equal(200);
  });

  it('POST /api/global/em/jsonv2 stores the events in em_event', async () => {
    clock += 3_600_000;
    const res = await h.http.post('/api/global/em/jsonv2', {
      records: [
        {
          source: 'Closeloop',
          node: 'CRAH-1',
          type: 'Supply air temperature',
          message_key: 'DC1/cooling/ZONE-A1',
          severity: '1',
          description: 'Supply air 29.5 °C',
          additional_info: { rack: 'R01' },
        },
      ],
    });
    expect(res.status).to.equal(200);
    expect(res.data).to.deep.equal({ result: { 'Default Bulk Endpoint': '1 events were inserted' } });
    const [event] = h.standin.tables.list('em_event', 'message_key=DC1/cooling/ZONE-A1');
    expect(event).to.include({
      node: 'CRAH-1',
      severity: '1',
      additional_info: '{"rack":"R01"}',
      state: 'Ready',
    });
    expect((await h.http.post('/api/global/em/jsonv2', { records: [] })).status).to.equal(400);
  });
});

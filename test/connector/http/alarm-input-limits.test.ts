// Hostile and careless bodies on POST /v1/alarms/:source, through the whole runtime with the shipped
// mappings: every one is a precise 4xx with the body kept byte for byte, never a 5xx, never a crash,
// never a frozen event loop.
import { expect } from 'chai';
import {
  SHIPPED_API_KEY,
  bmsAlarm,
  startShippedRuntime,
  type ShippedRuntime,
} from '../../support/shipped-runtime.js';

describe('POST /v1/alarms: input limits (shipped mappings, whole runtime)', function () {
  this.timeout(60_000);
  let s: ShippedRuntime;
  let url: string;
  let rt: ShippedRuntime['rt'];
  before(async () => {
    s = await startShippedRuntime();
    ({ rt, url } = s);
  });
  after(() => s?.close());
  const post = (body: string | Buffer) => s.postBms(body);
  const keptBody = async (id: unknown) => {
    const rows = await rt.store.listRejected(20);
    const row = rows.find((r) => r.id === id);
    expect(row, `rejected row ${String(id)}`).to.not.equal(undefined);
    return row!;
  };

  it('JSON nested 100,000 deep is a 400 naming the limit (not 503 "retry later"), kept', async () => {
    const body = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = await post(body);
    expect(r.status).to.equal(400);
    expect(r.data['error']).to.equal('JSON nested deeper than 64 levels at byte 64 (limits.nesting_depth)');
    expect((await keptBody(r.data['rejected_id'])).body.toString()).to.equal(body);
  });

  it('a mapped field nested 5,000 deep is a 400 (not 500)', async () => {
    const r = await post(
      JSON.stringify(bmsAlarm('deep-1')).replace('"deep-1"', '['.repeat(5000) + ']'.repeat(5000)),
    );
    expect(r.status).to.equal(400);
    expect(r.data['error']).to.match(/^JSON nested deeper than 64 levels at byte \d+/);
  });

  it('a mapped field nested within the limit but not text is that alarm refused, 422', async () => {
    const r = await post(JSON.stringify(bmsAlarm([[[[['x']]]]])));
    expect(r.status).to.equal(422);
    expect(JSON.stringify(r.data['rejected'])).to.match(
      /alarmId \(id\): \[\[\[\[\[\\"x\\"\]\]\]\]\] is not text/,
    );
  });

  it('invalid UTF-8 in an id is refused, naming the byte, and kept as the original bytes', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"alarmId":"CRAH-'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(JSON.stringify(bmsAlarm('x')).replace('{"alarmId":"x"', '"')),
    ]);
    const r = await post(bytes);
    expect(r.status).to.equal(400);
    expect(r.data['error']).to.equal('invalid UTF-8 at byte 17 (0xff): JSON text must be UTF-8');
    expect([...(await keptBody(r.data['rejected_id'])).body]).to.deep.equal([...bytes]);
    const listed = await fetch(`${url}/v1/rejected?limit=1`, { headers: { 'x-api-key': SHIPPED_API_KEY } });
    const view = ((await listed.json()) as { rejected: { body: string; body_encoding: string }[] })
      .rejected[0]!;
    expect(view.body_encoding).to.equal('base64');
    expect(Buffer.from(view.body, 'base64').equals(bytes)).to.equal(true);
  });

  it('a 20-digit numeric id keeps every digit', async () => {
    const r = await post(JSON.stringify(bmsAlarm('X')).replace('"X"', '12345678901234567891'));
    expect(r.status).to.equal(202);
    expect((r.data['accepted'] as { id: string }[])[0]!.id).to.equal('12345678901234567891');
  });

  it('a reading of 1e400 says it is out of range (not "null is not a number")', async () => {
    const r = await post(JSON.stringify(bmsAlarm('range-1')).replace('29.5', '1e400'));
    expect(r.status).to.equal(422);
    expect(JSON.stringify(r.data['rejected'])).to.include(
      'reading.value (value): 1e400 is out of range for a number (beyond ±1.8e308)',
    );
  });

  it('batch indexes are positions in the posted batch', async () => {
    const r = await post(
      JSON.stringify([bmsAlarm('idx-1'), bmsAlarm('idx-2', { priority: 'URGENT' }), bmsAlarm('idx-3')]),
    );
    expect(r.status).to.equal(202);
    expect((r.data['accepted'] as { index: number; id: string }[]).map((a) => [a.index, a.id])).to.deep.equal(
      [
        [0, 'idx-1'],
        [2, 'idx-3'],
      ],
    );
    expect((r.data['rejected'] as { index: number }[]).map((x) => x.index)).to.deep.equal([1]);
  });

  it('150,000 items are refused at once with 413 naming the limit, kept as one row', async () => {
    const body = JSON.stringify(Array.from({ length: 150_000 }, () => ({})));
    const before = (await rt.store.listRejected(100_000)).length;
    const t0 = Date.now();
    const r = await post(body);
    expect(Date.now() - t0).to.be.below(2000);
    expect(r.status).to.equal(413);
    expect(r.data['error']).to.equal(
      'the batch holds 150000 alarms, more than the limit of 5000 per request or message (limits.alarms_per_batch)',
    );
    expect((await rt.store.listRejected(100_000)).length).to.equal(before + 1);
  });

  it('a batch of 5,000 refused items is kept as one row, in one write', async () => {
    const before = (await rt.store.listRejected(100_000)).length;
    const r = await post(JSON.stringify(Array.from({ length: 5000 }, () => ({}))));
    expect(r.status).to.equal(422);
    expect(r.data['rejected']).to.have.length(5000);
    const rows = await rt.store.listRejected(100_000);
    expect(rows.length).to.equal(before + 1);
    expect(rows[0]!.reason).to.match(/^alarm 0: .*\n[\s\S]*… and \d+ more$/);
  });

  it('a preview of a payload nested 5,000 deep is a 400 (it was a 500)', async () => {
    const payload = JSON.stringify(bmsAlarm('p1')).replace('"p1"', '['.repeat(5000) + ']'.repeat(5000));
    const r = await fetch(`${url}/v1/mappings/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': SHIPPED_API_KEY },
      body: `{"source":"bms","payload":${payload}}`,
    });
    expect(r.status).to.equal(400);
    expect(((await r.json()) as { error: string }).error).to.match(/^JSON nested deeper than 64 levels/);
    const ok = await fetch(`${url}/v1/mappings/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': SHIPPED_API_KEY },
      body: JSON.stringify({ source: 'bms', payload: bmsAlarm('p2') }),
    });
    expect(ok.status).to.equal(200);
  });
});

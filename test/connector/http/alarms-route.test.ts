import { expect } from 'chai';
import axios, { type AxiosResponse } from 'axios';
import crypto from 'node:crypto';
import { startTestConnector, type TestConnector } from '../../support/connector.js';
import { tinyEngine } from '../../support/tiny-engine.js';

const good = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  state: 'active',
  severity: 'major',
  type: 'supply_air_temp_high',
  raisedAt: '2026-11-25T10:00:00Z',
  asset: { site: 'DC1', equipmentId: 'CRAH-2' },
  text: 'Supply air high',
  labels: {},
  ...over,
});

describe('POST /v1/alarms/:source', () => {
  let c: TestConnector;
  before(async () => {
    c = await startTestConnector({
      engine: tinyEngine({
        bms: {
          kind: 'webhook',
          auth: { type: 'bearer', token_env: 'BMS_TOKEN' },
          fields: { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' },
          state_values: {},
          severity_values: {},
        },
        dcim: {
          kind: 'webhook',
          auth: {
            type: 'hmac',
            secret_env: 'DCIM_SECRET',
            header: 'X-Signature',
            scheme: 'timestamped',
            timestamp_header: 'X-Closeloop-Timestamp',
            max_skew: 300_000,
          },
          fields: { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' },
          state_values: {},
          severity_values: {},
        },
      }),
      env: { BMS_TOKEN: 'bms-token-123', DCIM_SECRET: 'dcim-secret-xyz' },
    });
  });
  after(() => c.stop());

  const post = (path: string, body: string, headers: Record<string, string>): Promise<AxiosResponse> =>
    axios.post(`${c.url}${path}`, body, {
      headers,
      validateStatus: () => true,
      transformRequest: (d: unknown) => d,
    });
  const bms = (body: unknown, headers: Record<string, string> = {}) =>
    post('/v1/alarms/bms', typeof body === 'string' ? body : JSON.stringify(body), {
      'content-type': 'application/json',
      authorization: 'Bearer bms-token-123',
      ...headers,
    });

  it('accepts one alarm with 202 and its id and event key', async () => {
    const r = await bms(good('a1'));
    expect(r.status).to.equal(202);
    expect(r.data.accepted).to.deep.equal([
      { index: 0, id: 'a1', outcome: 'created', event_key: 'DC1/cooling/ZONE-A1' },
    ]);
    expect(r.data.rejected).to.deep.equal([]);
  });

  it('accepts the good alarms of a batch and reports and keeps the bad one', async () => {
    const r = await bms({ alarms: [good('b1'), good('b2', { severity: 'urgent' }), good('b3')] });
    expect(r.status).to.equal(202);
    // Indexes are positions in the posted batch, for accepted and rejected alike.
    expect(r.data.accepted.map((a: { id: string; index: number }) => [a.index, a.id])).to.deep.equal([
      [0, 'b1'],
      [2, 'b3'],
    ]);
    expect(r.data.rejected).to.have.length(1);
    expect(r.data.rejected[0].index).to.equal(1);
    expect(r.data.rejected[0].message).to.match(/severity/);
    // One rejected row for the request: the body as posted, the reason naming the refused alarm.
    const kept = await c.store.listRejected(5);
    expect(r.data.rejected_id).to.equal(kept[0]!.id);
    expect(kept[0]!.reason).to.match(/^alarm 1: severity/);
    expect(JSON.parse(kept[0]!.body.toString()).alarms[1]).to.deep.include({ id: 'b2', severity: 'urgent' });
  });

  it('answers 422 when nothing in the request can be accepted', async () => {
    const r = await bms({ alarms: [{ id: 'x' }] });
    expect(r.status).to.equal(422);
    expect(r.data.error).to.match(/no alarm/);
  });

  it('refuses a missing or wrong bearer token with 401', async () => {
    expect((await bms(good('c1'), { authorization: '' })).status).to.equal(401);
    const wrong = await bms(good('c1'), { authorization: 'Bearer nope' });
    expect(wrong.status).to.equal(401);
    expect(wrong.data.error).to.equal('invalid bearer token');
  });

  it('checks HMAC-SHA256 signatures of the timestamp and the raw body', async () => {
    const body = JSON.stringify(good('h1'));
    const ts = String(Math.floor(Date.now() / 1000));
    const sig =
      'sha256=' + crypto.createHmac('sha256', 'dcim-secret-xyz').update(`${ts}.${body}`).digest('hex');
    const ok = await post('/v1/alarms/dcim', body, {
      'content-type': 'application/json',
      'x-signature': sig,
      'x-closeloop-timestamp': ts,
    });
    expect(ok.status).to.equal(202);
    const tampered = await post('/v1/alarms/dcim', body.replace('h1', 'h2'), {
      'content-type': 'application/json',
      'x-signature': sig,
      'x-closeloop-timestamp': ts,
    });
    expect(tampered.status).to.equal(401);
    const missing = await post('/v1/alarms/dcim', body, { 'content-type': 'application/json' });
    expect(missing.status).to.equal(401);
    expect(missing.data.error).to.match(/X-Signature/);
  });

  it('rejects malformed JSON with 400 and keeps the raw body', async () => {
    const r = await bms('{"id": "m1", oops');
    expect(r.status).to.equal(400);
    expect(r.data.error).to.match(/^malformed JSON/);
    const kept = await c.store.listRejected(1);
    expect(kept[0]!.body.toString()).to.equal('{"id": "m1", oops');
    expect(r.data.rejected_id).to.equal(kept[0]!.id);
  });

  it('rejects a wrong content type with 415 and keeps the body', async () => {
    const r = await bms('id=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.status).to.equal(415);
    expect((await c.store.listRejected(1))[0]!.body.toString()).to.equal('id=1');
  });

  it('rejects an oversized body with 413', async () => {
    const r = await bms({ alarms: [good('big', { text: 'x'.repeat(70_000) })] });
    expect(r.status).to.equal(413);
    expect(r.data.error).to.match(/exceeds the limit/);
    expect((await c.store.listRejected(1))[0]!.reason).to.match(/exceeds the limit/);
  });

  it('answers 404 for an unknown source without naming the configured ones', async () => {
    const r = await post('/v1/alarms/nope', '{}', { 'content-type': 'application/json' });
    expect(r.status).to.equal(404);
    expect(r.data.error).to.equal('unknown source "nope"');
  });

  it('records unmatched alarms without opening anything', async () => {
    const r = await bms(good('u1', { type: 'unmapped' }));
    expect(r.status).to.equal(202);
    expect(r.data.accepted[0].outcome).to.equal('unmatched');
  });
});

// HMAC-signed alarm posts: the signature covers `<timestamp>.<raw body>`, the timestamp must be within
// max_skew, and a signature is accepted once, so a captured clear cannot be replayed after a new raise.
// The body-only form is an explicit opt-in. The vendor documentation's worked example and shell one-liner
// (docs/mappings.md) are checked against the connector with the real openssl.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { startTestConnector, type TestConnector } from '../../support/connector.js';
import { tinyEngine } from '../../support/tiny-engine.js';
import { SourceSchema } from '../../../connector/src/mapping/schema.js';

const run = promisify(execFile);
const SECRET = 'dcim-secret-xyz';
const fields = { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' };

const alarm = (state: 'active' | 'cleared', raisedAt: string) =>
  JSON.stringify({
    id: 'CRAH-2-SAT',
    state,
    severity: 'major',
    type: 'supply_air_temp_high',
    raisedAt,
    asset: { site: 'DC1', equipmentId: 'CRAH-2' },
    text: 'Supply air high',
    labels: {},
  });

function signed(body: string, ts = String(Math.floor(Date.now() / 1000)), secret = SECRET) {
  const sig = 'sha256=' + crypto.createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
  return { 'content-type': 'application/json', 'x-closeloop-timestamp': ts, 'x-closeloop-signature': sig };
}

describe('HMAC-signed alarm posts (timestamp window, once only)', function () {
  this.timeout(20_000);
  let c: TestConnector;
  before(async () => {
    c = await startTestConnector({
      engine: tinyEngine({
        dcim: SourceSchema.parse({
          kind: 'webhook',
          auth: { type: 'hmac', secret_env: 'DCIM_SECRET' },
          fields,
        }),
        tight: SourceSchema.parse({
          kind: 'webhook',
          auth: { type: 'hmac', secret_env: 'DCIM_SECRET', max_skew: '30s', header: 'X-Vendor-Signature' },
          fields,
        }),
        legacy: SourceSchema.parse({
          kind: 'webhook',
          auth: { type: 'hmac', secret_env: 'DCIM_SECRET', scheme: 'body_only' },
          fields,
        }),
      }),
      env: { DCIM_SECRET: SECRET },
    });
  });
  after(() => c.stop());

  const post = (source: string, body: string, headers: Record<string, string>) =>
    fetch(`${c.url}/v1/alarms/${source}`, { method: 'POST', headers, body });

  it('a captured signed clear cannot be replayed after a new raise', async () => {
    const raise = alarm('active', '2026-11-25T10:00:00Z');
    expect((await post('dcim', raise, signed(raise))).status).to.equal(202);
    const clear = alarm('cleared', '2026-11-25T10:00:00Z');
    const captured = signed(clear);
    expect((await post('dcim', clear, captured)).status).to.equal(202);
    const raiseAgain = alarm('active', '2026-11-25T10:05:00Z');
    // A fresh request, though the body is the same as the first raise: a new timestamp, a new signature.
    expect((await post('dcim', raiseAgain, signed(raiseAgain))).status).to.equal(202);
    const event = (await c.store.listEvents({ limit: 10 }))[0]!;
    const replay = await post('dcim', clear, captured);
    expect(replay.status).to.equal(409);
    expect(((await replay.json()) as { error: string }).error).to.match(/already received/);
    const detail = await c.store.getEvent(event.key);
    expect(detail!.alarms.find((a) => a.alarmId === 'CRAH-2-SAT')!.state).to.equal('active');
  });

  it('refuses timestamps outside max_skew either way, saying by how much', async () => {
    const body = alarm('active', '2026-11-25T11:00:00Z');
    const old = String(Math.floor(Date.now() / 1000) - 301);
    const r = await post('dcim', body, signed(body, old));
    expect(r.status).to.equal(401);
    expect(((await r.json()) as { error: string }).error).to.match(
      /is 30\d s old; signatures are accepted within 300 s/,
    );
    const future = String(Math.floor(Date.now() / 1000) + 400);
    expect((await post('dcim', body, signed(body, future))).status).to.equal(401);
    // The window is the source's own: 30 s here, on its own header.
    const h = signed(body, String(Math.floor(Date.now() / 1000) - 60));
    const tight = await post('tight', body, {
      'content-type': 'application/json',
      'x-closeloop-timestamp': h['x-closeloop-timestamp'],
      'x-vendor-signature': h['x-closeloop-signature'],
    });
    expect(tight.status).to.equal(401);
    expect(((await tight.json()) as { error: string }).error).to.match(/within 30 s/);
  });

  it('refuses a body-only signature on a timestamped source, and a signature of another timestamp', async () => {
    const body = alarm('active', '2026-11-25T12:00:00Z');
    const bodyOnly = 'sha256=' + crypto.createHmac('sha256', SECRET).update(body).digest('hex');
    const ts = String(Math.floor(Date.now() / 1000));
    const r = await post('dcim', body, {
      'content-type': 'application/json',
      'x-closeloop-timestamp': ts,
      'x-closeloop-signature': bodyOnly,
    });
    expect(r.status).to.equal(401);
    const other = signed(body, String(Number(ts) - 5));
    const moved = await post('dcim', body, { ...other, 'x-closeloop-timestamp': ts });
    expect(moved.status).to.equal(401);
    expect(((await moved.json()) as { error: string }).error).to.equal('invalid signature');
  });

  it('accepts the body-only form only where a source opted in to it', async () => {
    const body = alarm('active', '2026-11-25T13:00:00Z');
    const sig = 'sha256=' + crypto.createHmac('sha256', SECRET).update(body).digest('hex');
    const headers = { 'content-type': 'application/json', 'x-closeloop-signature': sig };
    expect((await post('legacy', body, headers)).status).to.equal(202);
    expect((await post('dcim', body, headers)).status).to.equal(401);
  });

  it('the documented example and shell one-liner (openssl) produce signatures the connector accepts', async () => {
    const doc = fs.readFileSync(new URL('../../../docs/mappings.md', import.meta.url), 'utf8');
    const example = /secret `([^`]+)`, at `t` = `(\d+)`, body\n`([^`]+)`/.exec(doc);
    const sigLine = /X-Closeloop-Signature: (sha256=[0-9a-f]{64})/.exec(doc);
    expect(example, 'worked example in docs/mappings.md').to.not.equal(null);
    const [, secret, ts, body] = example!;
    const expected = 'sha256=' + crypto.createHmac('sha256', secret!).update(`${ts}.${body}`).digest('hex');
    expect(sigLine![1]).to.equal(expected);

    // The one-liner as documented, its curl pointed at this connector.
    const script = /```sh\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('The same from a shell')))![1]!;
    const local = script
      .replace('http://closeloop.example:8080/v1/alarms/dcim', `${c.url}/v1/alarms/dcim`)
      .replace(/^body='.*'$/m, `body='${alarm('active', '2026-11-25T14:00:00Z')}'`);
    const { stdout } = await run('sh', ['-c', local], {
      env: { ...process.env, CLOSELOOP_DCIM_SECRET: SECRET },
    });
    const answer = JSON.parse(stdout) as { accepted: unknown[] };
    expect(answer.accepted).to.have.length(1);
  });
});

// Before a request is authenticated nothing of it is buffered or stored: credentials are checked from
// the headers before the body is read, unauthenticated bodies never become rejected rows, signed bodies
// read before verification are bounded, and unknown source names share one metrics series.
import { expect } from 'chai';
import net from 'node:net';
import crypto from 'node:crypto';
import { startTestConnector, type TestConnector } from '../../support/connector.js';
import { tinyEngine } from '../../support/tiny-engine.js';
import { SourceSchema } from '../../../connector/src/mapping/schema.js';
import { closureRoutes } from '../../../connector/src/http/closure-route.js';
import { consoleRouters } from '../../../connector/src/console/index.js';

const fields = { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' };
const SECRET = 'dcim-secret-xyz';

/** Sends the head of a request (and `body`, if any) on a raw socket; resolves with the first response. */
function rawRequest(
  url: string,
  head: string,
  body = '',
  timeoutMs = 3000,
): Promise<{ status: number; text: string } | 'no answer'> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let data = '';
    const done = (v: { status: number; text: string } | 'no answer') => {
      clearTimeout(timer);
      socket.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done('no answer'), timeoutMs);
    socket.on('data', (d) => {
      data += d.toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const len = /content-length: (\d+)/i.exec(data.slice(0, end));
      if (len && data.length < end + 4 + Number(len[1])) return;
      done({ status: Number(data.slice(9, 12)), text: data.slice(end + 4) });
    });
    socket.on('error', () => done('no answer'));
    socket.write(head + body);
  });
}

const head = (path: string, headers: Record<string, string>, length: number) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n` +
  Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('') +
  '\r\n';

const now = () => String(Math.floor(Date.now() / 1000));
const sign = (ts: string, body: string) =>
  'sha256=' + crypto.createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex');

describe('before authentication nothing is buffered or stored', function () {
  this.timeout(30_000);
  let c: TestConnector;
  before(async () => {
    c = await startTestConnector({
      engine: tinyEngine({
        bms: SourceSchema.parse({
          kind: 'webhook',
          auth: { type: 'bearer', token_env: 'BMS_TOKEN' },
          fields,
        }),
        dcim: SourceSchema.parse({
          kind: 'webhook',
          auth: { type: 'hmac', secret_env: 'DCIM_SECRET' },
          fields,
        }),
      }),
      env: { BMS_TOKEN: 'bms-token-123', DCIM_SECRET: SECRET },
      // 64 KiB bodies; at most 256 KiB of signed bodies read before verification.
      config: { security: { unverified_body_bytes: '256kb', unverified_body_timeout: 2 } },
      routers: (ctx) => [
        { routes: closureRoutes(ctx, { providers: new Map(), budgetMs: 1000, publicUrl: undefined }) },
        consoleRouters(ctx),
      ],
    });
  });
  after(() => c.stop());

  it('refuses a wrong bearer token from the headers, without waiting for (or reading) the body', async () => {
    const r = await rawRequest(c.url, head('/v1/alarms/bms', { Authorization: 'Bearer nope' }, 60_000));
    expect(r).to.not.equal('no answer');
    expect(r).to.include({ status: 401 });
  });

  it('refuses a signed post without a fresh timestamp before reading its body', async () => {
    const sig = `sha256=${'a'.repeat(64)}`;
    const missing = await rawRequest(
      c.url,
      head('/v1/alarms/dcim', { 'X-Closeloop-Signature': sig }, 60_000),
    );
    expect(missing).to.include({ status: 401 });
    expect((missing as { text: string }).text).to.match(/missing X-Closeloop-Timestamp/);
    const stale = await rawRequest(
      c.url,
      head(
        '/v1/alarms/dcim',
        { 'X-Closeloop-Signature': sig, 'X-Closeloop-Timestamp': '1700000000' },
        60_000,
      ),
    );
    expect(stale).to.include({ status: 401 });
    expect((stale as { text: string }).text).to.match(/s old; signatures are accepted within 300 s/);
    const malformed = await rawRequest(
      c.url,
      head(
        '/v1/alarms/dcim',
        { 'X-Closeloop-Signature': 'deadbeef', 'X-Closeloop-Timestamp': now() },
        60_000,
      ),
    );
    expect(malformed).to.include({ status: 401 });
  });

  it('never keeps an unauthenticated body, however large: no rejected row, not even its path', async () => {
    const before = (await c.store.listRejected(1000)).length;
    const big = JSON.stringify({ text: 'x'.repeat(200_000) });
    const wrongToken = await fetch(`${c.url}/v1/alarms/bms`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope', 'content-type': 'application/json' },
      body: big,
    });
    expect(wrongToken.status).to.equal(401);
    const noToken = await fetch(`${c.url}/v1/alarms/bms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(noToken.status).to.equal(401);
    const ts = now();
    const badSig = await fetch(`${c.url}/v1/alarms/dcim`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-closeloop-timestamp': ts,
        'x-closeloop-signature': sign(ts, 'something else'),
      },
      body: big,
    });
    expect(badSig.status).to.equal(413);
    const unknown = await fetch(`${c.url}/v1/alarms/nope`, { method: 'POST', body: big });
    expect(unknown.status).to.equal(404);
    expect((await c.store.listRejected(1000)).length).to.equal(before);
  });

  it('keeps an authenticated oversized post as a refusal of its source, saying the real limit', async () => {
    const r = await fetch(`${c.url}/v1/alarms/bms`, {
      method: 'POST',
      headers: { authorization: 'Bearer bms-token-123', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(70_000) }),
    });
    expect(r.status).to.equal(413);
    expect(((await r.json()) as { error: string }).error).to.equal(
      'request body exceeds the limit of 64 KiB (65,536 bytes)',
    );
    const kept = (await c.store.listRejected(1))[0]!;
    expect(kept.source).to.equal('bms');
    expect(kept.reason).to.match(/exceeds the limit of 64 KiB \(65,536 bytes\)/);
  });

  it('says the real limit on other routes and keeps none of those as rejected alarms', async () => {
    const before = (await c.store.listRejected(1000)).length;
    const login = await fetch(`${c.url}/console/login`, {
      method: 'POST',
      body: new URLSearchParams({ key: 'k'.repeat(10_000) }),
    });
    expect(login.status).to.equal(413);
    expect(await login.text()).to.include('4 KiB (4,096 bytes)');
    const check = await fetch(`${c.url}/v1/closure-checks`, {
      method: 'POST',
      headers: { 'x-api-key': 'test-api-key', 'content-type': 'application/json' },
      body: JSON.stringify({ incident: { sys_id: 'x'.repeat(20_000) } }),
    });
    expect(check.status).to.equal(413);
    expect(((await check.json()) as { error: string }).error).to.equal(
      'request body exceeds the limit of 16 KiB (16,384 bytes)',
    );
    expect((await c.store.listRejected(1000)).length).to.equal(before);
  });

  it('bounds the signed bodies it holds before verification: beyond the budget, 503 without reading', async () => {
    const sockets: net.Socket[] = [];
    const open = () =>
      new Promise<void>((resolve) => {
        const s = net.connect(Number(new URL(c.url).port), '127.0.0.1', () => resolve());
        // A well-formed, fresh signature (anyone can write one) and a body that never finishes.
        s.write(
          head(
            '/v1/alarms/dcim',
            { 'X-Closeloop-Signature': sign(now(), 'x'), 'X-Closeloop-Timestamp': now() },
            60_000,
          ),
        );
        s.write('{"id":');
        s.on('error', () => undefined);
        s.resume();
        sockets.push(s);
      });
    try {
      // One client may hold a quarter of the budget (64 KiB bodies, 256 KiB budget: one body).
      for (let i = 0; i < 3; i++) await open();
      await new Promise((r) => setTimeout(r, 200));
      const r = await rawRequest(
        c.url,
        head(
          '/v1/alarms/dcim',
          { 'X-Closeloop-Signature': sign(now(), 'x'), 'X-Closeloop-Timestamp': now() },
          60_000,
        ),
      );
      expect(r).to.include({ status: 503 });
      // Unfinished bodies are cut off after unverified_body_timeout (2 s here).
      const closed = await Promise.all(
        sockets.map(
          (s) =>
            new Promise<boolean>((resolve) =>
              s.destroyed ? resolve(true) : s.once('close', () => resolve(true)),
            ),
        ),
      );
      expect(closed.every(Boolean)).to.equal(true);
    } finally {
      for (const s of sockets) s.destroy();
    }
    // The budget is free again: a good signed post goes through.
    const body = JSON.stringify({
      id: 'after',
      state: 'active',
      severity: 'major',
      type: 't',
      raisedAt: '2026-11-25T10:00:00Z',
      asset: { site: 'DC1' },
      text: 'x',
      labels: {},
    });
    const ts = now();
    const ok = await fetch(`${c.url}/v1/alarms/dcim`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-closeloop-timestamp': ts,
        'x-closeloop-signature': sign(ts, body),
      },
      body,
    });
    expect(ok.status).to.equal(202);
  });

  it('counts posts to unknown sources under one metrics label, and the 404 names no configured source', async () => {
    const count = async () =>
      Number(
        /closeloop_alarms_rejected_total\{source="_unknown",reason="404"\} (\d+)/.exec(
          await (await fetch(`${c.url}/metrics`)).text(),
        )?.[1] ?? 0,
      );
    const before = await count();
    for (let i = 0; i < 50; i++) {
      const r = await fetch(`${c.url}/v1/alarms/probe-${i}`, { method: 'POST', body: '{}' });
      expect(r.status).to.equal(404);
      expect(((await r.json()) as { error: string }).error).to.equal(`unknown source "probe-${i}"`);
    }
    const metrics = await (await fetch(`${c.url}/metrics`)).text();
    expect(metrics).to.not.include('probe-');
    expect((await count()) - before).to.equal(50);
  });
});

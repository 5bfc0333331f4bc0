// Failed credentials are throttled per client across every endpoint (X-API-Key on /v1 and the console
// API, the console login, alarm source tokens) and per credential across clients; no success resets the
// count, a correct credential is never locked out, and logout ends the session on the server.
import { expect } from 'chai';
import http from 'node:http';
import { startTestConnector, type TestConnector } from '../../support/connector.js';
import { tinyEngine } from '../../support/tiny-engine.js';
import { consoleRouters } from '../../../connector/src/console/index.js';
import type { SourceConfig } from '../../../connector/src/mapping/schema.js';

const ADMIN = 'test-api-key';
const READ_ONLY = 'console-read-only-key';

const bms: SourceConfig = {
  kind: 'webhook',
  auth: { type: 'bearer', token_env: 'BMS_TOKEN' },
  fields: { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' },
  state_values: {},
  severity_values: {},
};

async function start(config: Record<string, unknown> = {}): Promise<TestConnector> {
  return startTestConnector({
    engine: tinyEngine({ bms }),
    env: { BMS_TOKEN: 'bms-token-123' },
    config,
    routers: (ctx) => consoleRouters(ctx, { readOnlyKey: READ_ONLY }),
  });
}

function login(c: TestConnector, key: string): Promise<Response> {
  return fetch(`${c.url}/console/login`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ key, next: '/console/events' }),
  });
}

const apiKey = (c: TestConnector, path: string, key: string) =>
  fetch(`${c.url}${path}`, { headers: { 'x-api-key': key } }).then((r) => r.status);

/** GET with the request leaving from `localAddress` (any 127.0.0.0/8 address works on loopback). */
function getFrom(c: TestConnector, localAddress: string, path: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const req = http.get(`${c.url}${path}`, { localAddress, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

describe('credential throttle (every endpoint, per client and per credential)', function () {
  this.timeout(30_000);
  let c: TestConnector | null = null;
  afterEach(async () => {
    await c?.stop();
    c = null;
  });

  it('a successful read-only login does not reset the count of guesses at the admin key', async () => {
    c = await start();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await login(c, `admin-guess-${i}`)).status);
      expect((await login(c, READ_ONLY)).status).to.equal(303);
    }
    expect(statuses.slice(0, 10)).to.deep.equal(Array(10).fill(401));
    expect(statuses.slice(10)).to.deep.equal([429, 429]);
  });

  it('throttles X-API-Key guesses on /v1 and /console/api, counted together with login failures', async () => {
    c = await start();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await apiKey(c, '/v1/events', `guess-${i}`));
    for (let i = 0; i < 4; i++) statuses.push(await apiKey(c, '/console/api/events', `guess-${i}`));
    for (let i = 0; i < 2; i++) statuses.push((await login(c, `guess-${i}`)).status);
    expect(statuses).to.deep.equal(Array(10).fill(401));
    const after = await fetch(`${c.url}/v1/deliveries`, { headers: { 'x-api-key': 'one-more' } });
    expect(after.status).to.equal(429);
    expect(Number(after.headers.get('retry-after'))).to.be.within(1, 300);
    expect(await apiKey(c, '/console/api/health', 'and-another')).to.equal(429);
    const metrics = await (await fetch(`${c.url}/metrics`)).text();
    expect(metrics).to.match(/closeloop_auth_failures_total\{credential="api_key"\} 5/);
    expect(metrics).to.match(/closeloop_auth_failures_total\{credential="console_key"\} 5/);
    expect(metrics).to.match(/closeloop_auth_failures_total\{credential="console_login"\} 2/);
  });

  it('throttles guessed source tokens too', async () => {
    c = await start();
    const post = (token: string) =>
      fetch(`${c!.url}/v1/alarms/bms`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      }).then((r) => r.status);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push(await post(`guess-${i}`));
    expect(statuses).to.deep.equal([...Array(10).fill(401), 429]);
  });

  it('never locks out a correct credential from a throttled address', async () => {
    c = await start();
    for (let i = 0; i < 15; i++) await apiKey(c, '/v1/events', `guess-${i}`);
    expect(await apiKey(c, '/v1/events', 'still-wrong')).to.equal(429);
    expect(await apiKey(c, '/v1/events', ADMIN)).to.equal(200);
    expect(await apiKey(c, '/console/api/events', ADMIN)).to.equal(200);
    expect((await login(c, ADMIN)).status).to.equal(303);
    const alarm = await fetch(`${c.url}/v1/alarms/bms`, {
      method: 'POST',
      headers: { authorization: 'Bearer bms-token-123', 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'a1',
        state: 'active',
        severity: 'major',
        type: 't',
        raisedAt: '2026-11-25T10:00:00Z',
        asset: { site: 'DC1' },
        text: 'x',
        labels: {},
      }),
    });
    expect(alarm.status).to.equal(202);
  });

  it('counts guesses at one credential from many addresses (distributed guessing)', async () => {
    c = await start({ security: { failed_credentials: 100, failed_credentials_all_clients: 5 } });
    const statuses: number[] = [];
    for (let i = 2; i <= 8; i++)
      statuses.push(await getFrom(c, `127.0.0.${i}`, '/v1/events', { 'x-api-key': `guess-${i}` }));
    expect(statuses).to.deep.equal([401, 401, 401, 401, 401, 429, 429]);
    // The right key still works, from any address.
    expect(await getFrom(c, '127.0.0.9', '/v1/events', { 'x-api-key': ADMIN })).to.equal(200);
  });

  it('logout ends the session on the server: a copy of the cookie no longer works', async () => {
    c = await start();
    const res = await login(c, ADMIN);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await fetch(`${c.url}/console/api/events`, { headers: { cookie } })).status).to.equal(200);
    const out = await fetch(`${c.url}/console/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie },
    });
    expect(out.status).to.equal(303);
    expect((await fetch(`${c.url}/console/api/events`, { headers: { cookie } })).status).to.equal(401);
    const page = await fetch(`${c.url}/console/events`, { redirect: 'manual', headers: { cookie } });
    expect(page.status).to.equal(302);
    // Other sessions live on.
    const other = (await login(c, READ_ONLY)).headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${c.url}/console/api/events`, { headers: { cookie: other } })).status).to.equal(200);
  });
});

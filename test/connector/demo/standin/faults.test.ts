import { expect } from 'chai';
import axios from 'axios';
import { startHarness, type Harness } from './helpers.js';

describe('stand-in fault injection', () => {
  let h: Harness;
  const admin = () =>
    axios.create({ baseURL: `${h.standin.url}/__standin`, validateStatus: () => true, proxy: false });

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.standin.close();
  });
  beforeEach(() => {
    h.standin.faults.clear();
    h.standin.faults.resetRequests();
  });

  it('adds fixed latency to matching requests only', async () => {
    h.standin.faults.setLatency(300, { path: '/api/now/table/incident' });
    let started = Date.now();
    expect((await h.http.get('/api/now/table/incident')).status).to.equal(200);
    expect(Date.now() - started).to.be.at.least(290);
    started = Date.now();
    await h.http.get('/api/now/table/cmdb_ci', { params: { sysparm_limit: 1 } });
    expect(Date.now() - started).to.be.below(250);
  });

  it('answers the next N requests with 429, Retry-After and X-RateLimit-* headers, then recovers', async () => {
    h.standin.faults.rateLimit(2, { retryAfterSeconds: 7, limit: 100 });
    for (let i = 0; i < 2; i += 1) {
      const res = await h.http.get('/api/now/table/incident');
      expect(res.status).to.equal(429);
      expect(res.headers['retry-after']).to.equal('7');
      expect(res.headers['x-ratelimit-limit']).to.equal('100');
      expect(Number(res.headers['x-ratelimit-reset'])).to.be.within(
        Date.now() / 1000,
        Date.now() / 1000 + 10,
      );
      expect(res.headers['x-ratelimit-rule']).to.match(/^[0-9a-f]{32}$/);
      expect(res.data.status).to.equal('failure');
    }
    expect((await h.http.get('/api/now/table/incident')).status).to.equal(200);
  });

  it('answers a burst of 5xx: 500 as a JSON envelope, 502–504 as the load balancer HTML page', async () => {
    h.standin.faults.serverErrors(1, { status: 500 });
    h.standin.faults.serverErrors(2, { status: 503 });
    const first = await h.http.get('/api/now/table/incident');
    expect(first.status).to.equal(500);
    expect(first.data.status).to.equal('failure');
    const second = await h.http.get('/api/now/table/incident');
    expect(second.status).to.equal(503);
    expect(String(second.headers['content-type'])).to.contain('text/html');
    expect((await h.http.get('/api/now/table/incident')).status).to.equal(503);
    expect((await h.http.get('/api/now/table/incident')).status).to.equal(200);
  });

  it('drops connections without an answer', async () => {
    h.standin.faults.dropConnections(1, { method: 'POST', path: '/api/now/table/*' });
    const error = await h.http.post('/api/now/table/incident', { short_description: 'lost' }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(axios.isAxiosError(error)).to.equal(true);
    expect(axios.isAxiosError(error) ? error.code : '').to.be.oneOf([
      'ECONNRESET',
      'ERR_BAD_RESPONSE',
      'EPIPE',
    ]);
    expect(h.standin.tables.list('incident', 'short_description=lost')).to.have.length(0);
    expect((await h.http.post('/api/now/table/incident', { short_description: 'kept' })).status).to.equal(
      201,
    );
  });

  it('scopes faults by method and path pattern', async () => {
    h.standin.faults.serverErrors(5, { method: 'PATCH', path: '/api/now/table/incident/*' });
    const created = await h.http.post('/api/now/table/incident', { short_description: 'scoped' });
    expect(created.status).to.equal(201);
    expect((await h.http.get(`/api/now/table/incident/${created.data.result.sys_id}`)).status).to.equal(200);
    expect(
      (await h.http.patch(`/api/now/table/incident/${created.data.result.sys_id}`, { impact: 1 })).status,
    ).to.equal(503);
    expect(h.standin.faults.active()[0]?.remaining).to.equal(4);
  });

  it('counts and logs requests per method and path', async () => {
    await h.http.get('/api/now/table/incident');
    await h.http.get('/api/now/table/incident', { params: { sysparm_limit: 1 } });
    await h.http.post('/api/now/table/incident', { short_description: 'counted' });
    expect(h.standin.faults.counters()).to.deep.include({
      'GET /api/now/table/incident': 2,
      'POST /api/now/table/incident': 1,
    });
    expect(h.standin.faults.requestCount({ method: 'GET', path: '/api/now/table/*' })).to.equal(2);
    const log = h.standin.faults.requests();
    expect(log.map((e) => e.status)).to.deep.equal([200, 200, 201]);
    expect(log[1]?.query).to.equal('sysparm_limit=1');
  });

  it('the /__standin/ endpoint arms faults, lists them and exposes the request log for other processes', async () => {
    const armed = await admin().post('/faults', {
      kind: 'rate_limit',
      count: 1,
      retry_after: 3,
      path: '/api/now/table/incident',
    });
    expect(armed.status).to.equal(201);
    expect((await admin().get('/faults')).data.faults).to.have.length(1);
    const limited = await h.http.get('/api/now/table/incident');
    expect(limited.status).to.equal(429);
    expect(limited.headers['retry-after']).to.equal('3');

    expect((await admin().post('/faults', { kind: 'explode', count: 1 })).status).to.equal(400);
    await admin().post('/faults', { kind: 'server_error', count: 3 });
    expect((await admin().delete('/faults')).status).to.equal(204);
    expect((await h.http.get('/api/now/table/incident')).status).to.equal(200);

    const requests = await admin().get('/requests', {
      params: { method: 'GET', path: '/api/now/table/incident' },
    });
    expect(requests.data.count).to.equal(2);
    expect(requests.data.requests[0]).to.include({ status: 429, fault: 'rate_limit' });
    expect((await admin().get('/counters')).data).to.deep.equal({ 'GET /api/now/table/incident': 2 });
    expect((await admin().delete('/requests')).status).to.equal(204);
    expect(h.standin.faults.requests()).to.have.length(0);
  });

  it('sets plugin properties through the admin endpoint', async () => {
    const set = await admin().put('/properties/x_closeloop.connector.url', {
      value: 'http://127.0.0.1:9999',
    });
    expect(set.status).to.equal(200);
    expect(h.standin.properties.get('x_closeloop.connector.url')).to.equal('http://127.0.0.1:9999');
    await admin().put('/properties', {
      'x_closeloop.guard.fail_mode': 'allow',
      'x_closeloop.connector.timeout_seconds': 3,
    });
    const read = await h.http.get('/api/now/table/sys_properties', {
      params: { sysparm_query: 'nameSTARTSWITHx_closeloop.guard.fail_mode', sysparm_fields: 'name,value' },
    });
    expect(read.data.result).to.deep.equal([{ name: 'x_closeloop.guard.fail_mode', value: 'allow' }]);
    expect((await admin().get('/properties/x_closeloop.connector.timeout_seconds')).data.value).to.equal('3');
    expect((await admin().get('/properties/nope')).status).to.equal(404);
  });
});

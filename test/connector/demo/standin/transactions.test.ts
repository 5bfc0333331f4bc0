// What the stand-in does with a request whose client goes away, and with one that runs too long: a
// body that arrived whole is worked on (the record lands with nobody waiting), one that never arrived
// whole leaves nothing, and the transaction quota cancels a request so that it can no longer land.
import { expect } from 'chai';
import net from 'node:net';
import { startHarness, type Harness } from './helpers.js';

const AUTH = `Basic ${Buffer.from('admin:admin').toString('base64')}`;

/** Sends `body` (or its first `sendBytes` bytes) as a POST on a raw socket, then closes the socket. */
async function postAndHangUp(
  url: string,
  path: string,
  body: string,
  sendBytes = Buffer.byteLength(body),
): Promise<void> {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const head =
    `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: ${AUTH}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
  await new Promise<void>((resolve) => socket.write(head + body.slice(0, sendBytes), () => resolve()));
  socket.destroy();
}

async function waitFor<T>(what: string, probe: () => T | null, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== null) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('stand-in: requests whose client went away, and the transaction quota', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.standin.close();
  });

  it('a create whose body arrived whole lands with its values after the client hung up', async () => {
    h = await startHarness();
    h.standin.faults.setLatency(200, { path: '/api/now/table/incident' });
    const body = JSON.stringify({ short_description: 'landed late', correlation_id: 'K/late' });
    await postAndHangUp(h.standin.url, '/api/now/table/incident', body);
    const rows = await waitFor('the late insert', () => {
      const r = h.standin.tables.list('incident', 'correlation_id=K/late');
      return r.length > 0 ? r : null;
    });
    expect(rows.map((r) => r.short_description)).to.deep.equal(['landed late']);
    // Nothing blank was inserted instead, or as well.
    expect(h.standin.tables.list('incident', 'correlation_idISEMPTY')).to.have.length(0);
  });

  it('a create whose body never arrived whole inserts nothing', async () => {
    h = await startHarness();
    const before = h.standin.tables.list('incident').length;
    const body = JSON.stringify({ short_description: 'cut off', correlation_id: 'K/cut' });
    await postAndHangUp(h.standin.url, '/api/now/table/incident', body, 10);
    await waitFor('the request to be logged', () =>
      h.standin.faults.requests().some((r) => r.method === 'POST') ? true : null,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(h.standin.tables.list('incident')).to.have.length(before);
    expect(h.standin.faults.requests().map((r) => [r.method, r.status])).to.deep.equal([['POST', 0]]);
  });

  it('cancels a write still running at the quota: 200 with the cancellation envelope, nothing stored', async () => {
    h = await startHarness({ transactionQuotaMs: 300 });
    h.standin.businessRules.add({
      name: 'slow insert',
      table: 'incident',
      when: 'before',
      operations: ['insert'],
      run: () => new Promise((resolve) => setTimeout(resolve, 600)),
    });
    const res = await h.http.post('/api/now/table/incident', { short_description: 'too slow' });
    expect(res.status).to.equal(200);
    expect(res.data).to.deep.equal({
      error: {
        message: 'Transaction cancelled: maximum execution time exceeded',
        detail:
          'Transaction cancelled: maximum execution time exceeded Check logs for error trace or enable glide.rest.debug property to verify REST request processing',
      },
      status: 'failure',
    });
    await new Promise((r) => setTimeout(r, 500)); // the rule finishes; its insert must not be stored
    expect(h.standin.tables.list('incident', 'short_description=too slow')).to.have.length(0);
  });

  it('stores a write that finishes within the quota, and counts latency as part of it', async () => {
    h = await startHarness({ transactionQuotaMs: 400 });
    expect((await h.http.post('/api/now/table/incident', { short_description: 'fast' })).status).to.equal(
      201,
    );
    h.standin.faults.setLatency(600, { method: 'POST', path: '/api/now/table/incident' });
    const slow = await h.http.post('/api/now/table/incident', { short_description: 'held up' });
    expect(slow.status).to.equal(200);
    expect(slow.data.error.message).to.equal('Transaction cancelled: maximum execution time exceeded');
    await new Promise((r) => setTimeout(r, 400));
    expect(h.standin.tables.list('incident', 'short_description=held up')).to.have.length(0);
    expect(h.standin.tables.list('incident', 'short_description=fast')).to.have.length(1);
  });

  it('cancels a request whose client has gone as well: after the quota it can no longer land', async () => {
    h = await startHarness({ transactionQuotaMs: 300 });
    h.standin.businessRules.add({
      name: 'slow insert',
      table: 'incident',
      when: 'before',
      operations: ['insert'],
      run: () => new Promise((resolve) => setTimeout(resolve, 600)),
    });
    const body = JSON.stringify({ short_description: 'orphan', correlation_id: 'K/orphan' });
    await postAndHangUp(h.standin.url, '/api/now/table/incident', body);
    await new Promise((r) => setTimeout(r, 900));
    expect(h.standin.tables.list('incident', 'correlation_id=K/orphan')).to.have.length(0);
  });

  it('runs inserts side by side, and still refuses a second row for a unique value written meanwhile', async () => {
    h = await startHarness();
    h.standin.businessRules.add({
      name: 'slow insert',
      table: 'x_closeloop_verdict',
      when: 'before',
      operations: ['insert'],
      run: () => new Promise((resolve) => setTimeout(resolve, 400)),
    });
    const insert = (correlation_id: string) =>
      h.http.post('/api/now/table/x_closeloop_verdict', {
        correlation_id,
        verdict: 'pass',
        evaluated_at: '2025-03-14T09:26:53Z',
      });
    const started = Date.now();
    const [a, b] = await Promise.all([insert('K/one'), insert('K/two')]);
    expect([a.status, b.status]).to.deep.equal([201, 201]);
    expect(Date.now() - started, 'the two inserts overlapped').to.be.below(750);

    const [c, d] = await Promise.all([insert('K/same'), insert('k/SAME')]);
    expect([c.status, d.status].sort()).to.deep.equal([201, 403]);
    expect((c.status === 403 ? c : d).data.error.detail).to.match(/Unique Key violation/);
    expect(h.standin.tables.list('x_closeloop_verdict', 'correlation_id=K/same')).to.have.length(1);
  });
});

// While a big body is ingested, the connector keeps answering: /healthz and a store read
// (GET /v1/events) are polled back to back during the post, and the longest gap between two answers
// is what a load balancer or a closure check would have waited.
import { expect } from 'chai';
import { SHIPPED_API_KEY, startShippedRuntime, type ShippedRuntime } from '../../support/shipped-runtime.js';

/** Polls `path` back to back until `work` settles; returns the longest wait for an answer in ms. */
async function longestWaitDuring(url: string, path: string, work: Promise<unknown>): Promise<number> {
  let done = false;
  void work.finally(() => (done = true));
  let last = performance.now();
  let longest = 0;
  let answers = 0;
  while (!done) {
    const r = await fetch(`${url}${path}`, { headers: { 'x-api-key': SHIPPED_API_KEY } });
    await r.arrayBuffer();
    expect(r.status, path).to.equal(200);
    const t = performance.now();
    longest = Math.max(longest, t - last);
    last = t;
    answers++;
  }
  expect(answers, `answers from ${path} during the post`).to.be.greaterThan(0);
  return longest;
}

// Small alarms, so the largest allowed batch fits the default 1 MB body limit.
const tiny = (i: number) => ({
  alarmId: `resp-${i}`,
  state: 'ACTIVE',
  priority: 'HIGH',
  alarmType: 'supply_air_temp_high',
  site: 'DC1',
  device: { id: 'CRAH-1' },
});

describe('ingest keeps the connector responsive', function () {
  this.timeout(180_000);
  let s: ShippedRuntime;
  before(async () => {
    s = await startShippedRuntime();
  });
  after(() => s?.close());

  it('a 150,000-item post does not freeze /healthz (it took ~2 minutes before the limits)', async () => {
    const body = JSON.stringify(Array.from({ length: 150_000 }, () => ({})));
    const t0 = performance.now();
    const post = s.postBms(body);
    const longest = await longestWaitDuring(s.url, '/healthz', post);
    const r = await post;
    console.log(
      `      150k items: answered ${r.status} in ${Math.round(performance.now() - t0)} ms; longest /healthz wait ${Math.round(longest)} ms`,
    );
    expect(r.status).to.equal(413);
    expect(longest).to.be.below(1000);
  });

  it('the largest allowed batch (5,000 valid alarms) is ingested in chunks: /healthz and reads keep answering', async () => {
    const body = JSON.stringify(Array.from({ length: 5000 }, (_, i) => tiny(i)));
    const t0 = performance.now();
    const post = s.postBms(body);
    const [health, events] = await Promise.all([
      longestWaitDuring(s.url, '/healthz', post),
      longestWaitDuring(s.url, '/v1/events?limit=1', post),
    ]);
    const r = await post;
    const took = performance.now() - t0;
    console.log(
      `      5,000 alarms: answered ${r.status} in ${Math.round(took)} ms; longest wait /healthz ${Math.round(health)} ms, /v1/events ${Math.round(events)} ms`,
    );
    expect(r.status).to.equal(202);
    expect((r.data['accepted'] as unknown[]).length).to.equal(5000);
    // Before, the whole ingest held the event loop: the longest wait was the ingest itself. Now the
    // loop is held at most for one body's decoding and one chunk's transaction.
    expect(health).to.be.below(took / 2);
    expect(events).to.be.below(took / 2);
  });
});

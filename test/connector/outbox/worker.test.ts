import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createSqliteStore } from '../../../connector/src/store/sqlite/store.js';
import { startOutboxWorker } from '../../../connector/src/outbox/worker.js';
import type { DeliveryResult } from '../../../connector/src/outbox/operations.js';
import type { OutboxEntry, Store } from '../../../connector/src/store/store.js';
import { alarm, plan, QUIET } from '../../support/alarms.js';
import { ingest } from '../../../connector/src/lifecycle/apply.js';

describe('outbox worker', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-worker-'));
    store = createSqliteStore(path.join(dir, 'db.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function run(deliver: (e: OutboxEntry) => Promise<DeliveryResult>, concurrency = 4) {
    return startOutboxWorker({
      store,
      deliver,
      policy: { maxAttempts: 5, baseDelayMs: 20, maxDelayMs: 100 },
      concurrency,
      pollIntervalMs: 10,
      workerId: 'test',
      logger: pino({ level: 'silent' }),
    });
  }

  it('delivers each key in order even when earlier operations fail transiently', async () => {
    const now = new Date();
    await ingest(store, [{ alarm: alarm(), plan: plan() }], now, 'Closeloop', QUIET);
    await ingest(store, [{ alarm: alarm({ id: 'A2' }), plan: plan() }], now, 'Closeloop', QUIET);
    await ingest(
      store,
      [{ alarm: alarm({ id: 'A2', state: 'cleared' }), plan: plan() }],
      now,
      'Closeloop',
      QUIET,
    );
    const seen: string[] = [];
    let failures = 3;
    const w = run(async (e) => {
      if (e.op.op === 'create' && failures-- > 0)
        return { ok: false, retryable: true, status: 503, error: 'Service Unavailable' };
      seen.push(e.op.op);
      if (e.op.op !== 'create' && !e.link) return { ok: false, retryable: true, error: 'no link yet' };
      return { ok: true, ...(e.op.op === 'create' ? { link: { sysId: 's1', number: 'INC0010001' } } : {}) };
    });
    await w.idle();
    await w.stop();
    expect(seen).to.deep.equal(['create', 'note', 'note']);
    const d = await store.getEvent('DC1/cooling/ZONE-A1');
    expect(d!.deliveries.map((x) => [x.state, x.attempts])).to.deep.equal([
      ['done', 4],
      ['done', 1],
      ['done', 1],
    ]);
    expect(d!.event.incidentNumber).to.equal('INC0010001');
  });

  it('honours Retry-After: no attempt before it', async () => {
    await ingest(store, [{ alarm: alarm(), plan: plan() }], new Date(), 'Closeloop', QUIET);
    const times: number[] = [];
    const w = run(async () => {
      times.push(Date.now());
      return times.length === 1
        ? { ok: false, retryable: true, status: 429, retryAfterMs: 400, error: 'Too Many Requests' }
        : { ok: true, link: { sysId: 's', number: 'INC1' } };
    });
    await new Promise((r) => setTimeout(r, 600));
    await w.stop();
    expect(times).to.have.length(2);
    expect(times[1]! - times[0]!).to.be.at.least(400);
  });

  it('dead-letters a non-retryable failure and delivers it after a retry', async () => {
    await ingest(store, [{ alarm: alarm(), plan: plan() }], new Date(), 'Closeloop', QUIET);
    let fixed = false;
    const w = run(async () =>
      fixed
        ? { ok: true, link: { sysId: 's', number: 'INC2' } }
        : { ok: false, retryable: false, status: 400, error: 'Invalid field u_x' },
    );
    await w.idle();
    const dead = await store.listDeliveries('dead', 10);
    expect(dead).to.have.length(1);
    expect(dead[0]!.lastError).to.equal('Invalid field u_x');
    fixed = true;
    await store.retryDelivery(dead[0]!.id, new Date());
    w.kick();
    await w.idle();
    await w.stop();
    expect((await store.deliveryCounts()).done).to.equal(1);
  });

  it('delivers different keys concurrently up to the bound', async () => {
    const now = new Date();
    for (let i = 0; i < 6; i++)
      await ingest(
        store,
        [{ alarm: alarm({ id: `X${i}` }), plan: plan({ correlationKey: `K${i}` }) }],
        now,
        'C',
        QUIET,
      );
    let active = 0;
    let peak = 0;
    const w = run(async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 50));
      active--;
      return { ok: true, link: { sysId: 's', number: 'INC' } };
    }, 3);
    await w.idle();
    await w.stop();
    expect(peak).to.equal(3);
  });
});

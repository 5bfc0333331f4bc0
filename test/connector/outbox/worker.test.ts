import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createSqliteStore } from '../../../connector/src/store/sqlite/store.js';
import { startOutboxWorker } from '../../../connector/src/outbox/worker.js';
import type { DeliveryAttempt, DeliveryResult } from '../../../connector/src/outbox/operations.js';
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

  function run(
    deliver: (e: OutboxEntry, a: DeliveryAttempt) => Promise<DeliveryResult>,
    concurrency = 4,
    over: { store?: Store; writeLifetimeMs?: number } = {},
  ) {
    return startOutboxWorker({
      store: over.store ?? store,
      deliver,
      policy: { maxAttempts: 5, baseDelayMs: 20, maxDelayMs: 100 },
      concurrency,
      pollIntervalMs: 10,
      writeLifetimeMs: over.writeLifetimeMs ?? 1000,
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

  describe('writes in doubt', () => {
    /** Waits until every delivery is done (idle() returns while a retry is only scheduled). */
    const allDone = async () => {
      for (let i = 0; i < 500; i++) {
        const c = await store.deliveryCounts();
        if (c.done > 0 && c.pending === 0 && c.inflight === 0) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('deliveries not done within 5 s');
    };
    it('a write that got no answer holds its key back until it can no longer land; the retry is told', async () => {
      await ingest(store, [{ alarm: alarm(), plan: plan() }], new Date(), 'Closeloop', QUIET);
      const calls: { at: number; doubt: DeliveryAttempt['doubt'] }[] = [];
      let sentAt = 0;
      const w = run(
        async (_e, a) => {
          calls.push({ at: Date.now(), doubt: a.doubt });
          if (calls.length > 1) return { ok: true, link: { sysId: 's', number: 'INC1' } };
          await a.beforeWrite();
          sentAt = Date.now();
          return { ok: false, retryable: true, doubt: 'pending', error: 'timed out (ECONNABORTED)' };
        },
        4,
        { writeLifetimeMs: 400 },
      );
      await allDone();
      await w.stop();
      expect(calls).to.have.length(2);
      expect(calls[0]!.doubt).to.equal(null);
      expect(calls[1]!.at - sentAt, 'not before the write could no longer land').to.be.at.least(390);
      expect(calls[1]!.doubt?.sentAt.getTime()).to.be.within(sentAt - 50, sentAt);
      expect((await store.listDeliveries('done', 10))[0]!.doubt).to.equal(null);
    });

    it('an answered failure is retried on the backoff, and the retry looks first', async () => {
      await ingest(store, [{ alarm: alarm(), plan: plan() }], new Date(), 'Closeloop', QUIET);
      const calls: { at: number; doubt: DeliveryAttempt['doubt'] }[] = [];
      const w = run(
        async (_e, a) => {
          calls.push({ at: Date.now(), doubt: a.doubt });
          if (calls.length > 1) return { ok: true };
          await a.beforeWrite();
          return {
            ok: false,
            retryable: true,
            status: 500,
            doubt: 'visible',
            error: 'Internal Server Error',
          };
        },
        4,
        { writeLifetimeMs: 60_000 },
      );
      await allDone();
      await w.stop();
      expect(calls).to.have.length(2);
      expect(calls[1]!.at - calls[0]!.at, 'the backoff, not the write lifetime').to.be.below(5_000);
      expect(calls[1]!.doubt).to.not.equal(null);
    });

    it('a failure in doubt of a read only (nothing written in the attempt) fences nothing', async () => {
      await ingest(store, [{ alarm: alarm(), plan: plan() }], new Date(), 'Closeloop', QUIET);
      const calls: DeliveryAttempt['doubt'][] = [];
      const w = run(
        async (_e, a) => {
          calls.push(a.doubt);
          return calls.length > 1
            ? { ok: true }
            : { ok: false, retryable: true, doubt: 'pending', error: 'timed out' };
        },
        4,
        { writeLifetimeMs: 60_000 },
      );
      await allDone();
      await w.stop();
      expect(calls).to.deep.equal([null, null]);
    });

    it('a worker whose claim was taken over sends nothing and records nothing', async () => {
      await ingest(store, [{ alarm: alarm(), plan: plan() }], new Date(), 'Closeloop', QUIET);
      const lost: Store = { ...store, markSent: async () => false, settleDelivery: async () => false };
      let sent = 0;
      let refusal = '';
      const w = run(
        async (_e, a) => {
          try {
            await a.beforeWrite();
            sent++;
          } catch (err) {
            refusal = err instanceof Error ? err.message : String(err);
          }
          return { ok: false, retryable: true, error: refusal };
        },
        4,
        { store: lost },
      );
      await new Promise((r) => setTimeout(r, 100));
      await w.stop();
      expect(sent).to.equal(0);
      expect(refusal).to.match(/claim on delivery \d+ was taken over/);
      expect((await store.listDeliveries('inflight', 10)).map((d) => d.attempts)).to.deep.equal([0]);
    });

    it('an outcome the store cannot take right now is recorded when it answers again, not delivered twice', async () => {
      await ingest(store, [{ alarm: alarm(), plan: plan() }], new Date(), 'Closeloop', QUIET);
      let refusals = 3;
      const flaky: Store = {
        ...store,
        settleDelivery: async (...args) => {
          if (refusals-- > 0) throw new Error('SQLITE_FULL: database or disk is full');
          return store.settleDelivery(...args);
        },
      };
      let deliveries = 0;
      const w = run(
        async (_e, a) => {
          deliveries++;
          await a.beforeWrite();
          return { ok: true, link: { sysId: 's', number: 'INC1' } };
        },
        4,
        { store: flaky, writeLifetimeMs: 60_000 },
      );
      await allDone();
      await w.stop();
      expect(deliveries).to.equal(1);
      expect(refusals).to.equal(-1);
    });
  });
});

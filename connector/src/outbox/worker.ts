// Delivers the outbox: claims due entries (one per event key at a time, so each incident's operations
// arrive in order), delivers different keys concurrently up to a bound, and records the outcome.
import type { Logger } from 'pino';
import type { OutboxEntry, Store } from '../store/store.js';
import { fencedStep, nextStep, type RetryPolicy } from './backoff.js';
import type { DeliveryAttempt, DeliveryResult } from './operations.js';

export interface OutboxWorkerOptions {
  store: Store;
  deliver: (entry: OutboxEntry, attempt: DeliveryAttempt) => Promise<DeliveryResult>;
  /**
   * How long a write sent to ServiceNow may still take effect after it was sent
   * (servicenow.request_lifetime): an attempt that got no answer fences its key for that long.
   */
  writeLifetimeMs: number;
  policy: RetryPolicy;
  concurrency: number;
  pollIntervalMs: number;
  /** How long a claim is held before another worker may take it (crash of this one). */
  leaseMs?: number;
  workerId: string;
  logger: Logger;
  onSettled?: (entry: OutboxEntry, result: DeliveryResult, dead: boolean) => void;
  now?: () => Date;
}

export interface OutboxWorker {
  /** Look for work now instead of at the next poll. */
  kick(): void;
  stop(): Promise<void>;
  /** Resolves when nothing is due or in flight (for tests and the demo). */
  idle(): Promise<void>;
}

export function startOutboxWorker(o: OutboxWorkerOptions): OutboxWorker {
  const now = o.now ?? (() => new Date());
  const leaseMs = o.leaseMs ?? 120_000;
  const inflight = new Set<Promise<void>>();
  let stopped = false;
  const onStop = new Set<() => void>();
  /** Waits `ms`, or less when the worker stops. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        onStop.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      onStop.add(done);
    });
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;

  async function deliverOne(entry: OutboxEntry): Promise<void> {
    const previous = entry.doubt
      ? { sentAt: new Date(entry.doubt.sentAt), until: new Date(entry.doubt.until) }
      : null;
    let sent: { sentAt: Date; until: Date } | null = null;
    const attempt: DeliveryAttempt = {
      doubt: previous ? { sentAt: previous.sentAt } : null,
      beforeWrite: async () => {
        const sentAt = now();
        const until = new Date(sentAt.getTime() + o.writeLifetimeMs);
        if (!(await o.store.markSent(entry, sentAt, until)))
          throw new Error(`the claim on delivery ${entry.id} was taken over by another worker`);
        sent = { sentAt, until };
      },
    };
    let result: DeliveryResult;
    try {
      result = await o.deliver(entry, attempt);
    } catch (err) {
      // A delivery function should not throw; if it does, treat it as transient rather than lose the entry.
      // What it may have sent is unknown, so it counts as in doubt.
      result = {
        ok: false,
        retryable: true,
        doubt: 'pending',
        error: err instanceof Error ? err.message : String(err),
      };
    }
    const at = now();
    const doubt = doubtAfter(result, sent, previous, at);
    const step = result.ok
      ? { dead: false, nextAttemptAt: at }
      : fencedStep(nextStep(result, entry.attempts + 1, o.policy, at), doubt?.until ?? null);
    // The outcome is known here and nowhere else: keep trying to record it while the store is away
    // (given up, the entry would be delivered again, and after a write it would wait out its doubt).
    let settled: boolean | null = null;
    for (let wait = 100; settled === null; wait = Math.min(wait * 2, 5000)) {
      try {
        settled = await o.store.settleDelivery(entry, result, { ...step, doubt }, at);
      } catch (err) {
        if (stopped) {
          o.logger.error(
            { err, delivery: entry.id },
            'could not record delivery outcome before stopping; it will be delivered again after its lease',
          );
          return;
        }
        if (wait === 100)
          o.logger.error(
            { err, delivery: entry.id },
            'could not record delivery outcome; trying again until the store answers',
          );
        await pause(wait);
      }
    }
    if (!settled) {
      o.logger.info(
        { delivery: entry.id, key: entry.eventKey },
        'delivery outcome not recorded: its claim was taken over by another worker',
      );
      return;
    }
    if (!result.ok) {
      const log = step.dead ? o.logger.warn.bind(o.logger) : o.logger.info.bind(o.logger);
      log(
        {
          delivery: entry.id,
          key: entry.eventKey,
          op: entry.op.op,
          status: result.status,
          error: result.error,
          attempts: entry.attempts + 1,
        },
        step.dead ? 'delivery dead-lettered' : 'delivery failed; will retry',
      );
    }
    o.onSettled?.(entry, result, step.dead);
  }

  async function tick(): Promise<number> {
    const room = o.concurrency - inflight.size;
    if (room <= 0) return 0;
    const claimed = await o.store.claimDeliveries(room, now(), o.workerId, leaseMs);
    for (const entry of claimed) {
      const p: Promise<void> = deliverOne(entry).finally(() => {
        inflight.delete(p);
        wake?.();
      });
      inflight.add(p);
    }
    return claimed.length;
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      let claimed = 0;
      try {
        claimed = await tick();
      } catch (err) {
        o.logger.error({ err }, 'outbox claim failed; store unavailable?');
      }
      if (stopped) break;
      if (claimed > 0 && inflight.size < o.concurrency) continue;
      await new Promise<void>((resolve) => {
        wake = () => {
          wake = null;
          if (timer) clearTimeout(timer);
          resolve();
        };
        timer = setTimeout(() => wake?.(), o.pollIntervalMs);
      });
    }
    await Promise.allSettled([...inflight]);
  }

  const loopDone = loop();

  return {
    kick: () => wake?.(),
    stop: async () => {
      stopped = true;
      wake?.();
      for (const f of [...onStop]) f();
      await loopDone;
    },
    idle: async () => {
      for (;;) {
        if (inflight.size > 0) {
          await Promise.allSettled([...inflight]);
          continue;
        }
        const c = await o.store.deliveryCounts();
        const t = now().getTime();
        const due = (await o.store.listDeliveries('pending', 1000)).filter(
          (e) => Date.parse(e.nextAttemptAt) <= t && (e.doubt === null || Date.parse(e.doubt.until) <= t),
        );
        if (c.inflight === 0 && due.length === 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

type Doubt = { sentAt: Date; until: Date };

/**
 * What is in doubt once an attempt is over. Success settles everything. A write of this attempt that got
 * no answer may land until its own deadline; one that got an answer cannot land later, but what it did
 * must be looked at before writing again. Otherwise the earlier doubt (if any) still stands.
 */
export function doubtAfter(
  result: DeliveryResult,
  sent: Doubt | null,
  previous: Doubt | null,
  at: Date,
): Doubt | null {
  if (result.ok) return null;
  if (sent && result.doubt === 'pending') return sent;
  if (sent && result.doubt === 'visible') return { sentAt: sent.sentAt, until: at };
  return previous;
}

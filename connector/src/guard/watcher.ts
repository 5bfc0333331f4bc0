// Re-evaluates open events with close checks on a jittered interval and, when a verdict changes,
// writes it to ServiceNow through the outbox (verdict record + work note). With auto-resolve, an event
// whose alarms are all clear resolves only on a `pass`.
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import { recordVerdict } from '../lifecycle/verdict-write.js';
import type { RenderedCheck } from '../model/close-check.js';
import type { Operation } from '../model/operation.js';
import type { Verdict } from '../model/verdict.js';
import type { TelemetryProvider } from '../telemetry/types.js';
import { evaluateEvent, type EventVerdict } from './event-verdict.js';
import { verdictNote } from './verdict-notes.js';
import { formatDuration } from '../util/duration.js';

export interface WatcherOptions {
  store: Store;
  providers: Map<string, TelemetryProvider>;
  intervalMs: number;
  budgetMs: number;
  concurrency: number;
  logger: Logger;
  kick: () => void;
  onProvider?: (name: string, up: boolean) => void;
  now?: () => Date;
  random?: () => number;
}

export interface Watcher {
  /** Evaluate every open event once (the periodic loop calls this; tests and the demo call it directly). */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** What to write when the verdict of an event changes; empty when nothing changed. */
export function verdictOps(
  prev: Verdict | null,
  v: EventVerdict,
  ctx: { allClear: boolean; autoResolve: boolean; stabilizeText: string },
): Operation[] {
  if (prev === v.verdict) return [];
  // A new incident is expected to fail its checks: saying so in ServiceNow adds nothing. Verdicts are
  // written from the first pass on, and every change after that.
  if (prev === null && v.verdict !== 'pass') return [];
  const note = verdictNote(prev, v, ctx.stabilizeText);
  // The chart points stay here; the ServiceNow verdict record has room for the messages only.
  const checks = v.checks.map(({ points: _points, ...rest }) => rest);
  const ops: Operation[] = [{ op: 'verdict', verdict: v.verdict, checks, evaluatedAt: v.evaluatedAt, note }];
  if (v.verdict === 'pass' && ctx.allClear && ctx.autoResolve) {
    ops.push({
      op: 'resolve',
      note: 'All alarms cleared and telemetry stable in range; resolved automatically by Closeloop.',
    });
  }
  return ops;
}

async function mapBounded<T>(items: T[], limit: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

export function startWatcher(o: WatcherOptions): Watcher {
  const now = o.now ?? (() => new Date());
  const random = o.random ?? Math.random;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function sampleProviders(checks: RenderedCheck[]): Promise<void> {
    // Providers without history (Redfish) are sampled here so a window can be judged later.
    await Promise.all(
      checks.map(async (c) => {
        const p = o.providers.get(c.provider);
        if (!p?.sample || c.refused !== undefined) return;
        const ac = new AbortController();
        const t = setTimeout(() => ac.abort(), o.budgetMs);
        try {
          await p.sample(c.query, ac.signal);
          o.onProvider?.(c.provider, true);
        } catch {
          o.onProvider?.(c.provider, false);
        } finally {
          clearTimeout(t);
        }
      }),
    );
  }

  async function runOnce(): Promise<number> {
    const open = (await o.store.listEvents({ state: 'open', limit: 1000 })).filter(
      (e) => e.closeChecks.length > 0,
    );
    let changed = 0;
    await mapBounded(open, o.concurrency, async (e) => {
      try {
        const detail = await o.store.getEvent(e.key);
        if (!detail) return;
        await sampleProviders(detail.event.closeChecks);
        const v = await evaluateEvent(detail, o.providers, { budgetMs: o.budgetMs, nowMs: now().getTime() });
        // Every evaluation says whether its provider answered: that is the reachability admins see.
        for (const c of v.checks) {
          if (c.provider) o.onProvider?.(c.provider, c.reason !== 'provider_error' && c.reason !== 'timeout');
        }
        const longest = Math.max(...detail.event.closeChecks.map((c) => c.stabilize));
        const ops = verdictOps(detail.event.verdict, v, {
          allClear: detail.alarms.every((a) => a.state === 'cleared'),
          autoResolve: detail.event.behaviour.autoResolve,
          stabilizeText: formatDuration(longest),
        });
        if (detail.event.verdict === v.verdict) return;
        // Written only if the event is still as this evaluation read it; else the next pass decides.
        const r = await recordVerdict(
          o.store,
          e.key,
          { verdict: v.verdict, checks: v.checks, evaluatedAt: v.evaluatedAt },
          ops,
          now(),
          { lastAlarmAt: detail.event.lastAlarmAt, verdictAt: detail.event.verdictAt },
        );
        if (!r.written) {
          o.logger.info(
            { key: e.key, verdict: v.verdict, reason: r.reason },
            'verdict not recorded: event changed',
          );
          return;
        }
        changed++;
        o.kick();
        o.logger.info({ key: e.key, from: detail.event.verdict, to: v.verdict }, 'verdict changed');
      } catch (err) {
        o.logger.error({ err, key: e.key }, 'could not evaluate event');
      }
    });
    return changed;
  }

  function schedule(): void {
    if (stopped) return;
    const delay = o.intervalMs * (0.8 + random() * 0.4);
    timer = setTimeout(() => {
      running = runOnce()
        .catch((err: unknown) => {
          o.logger.error({ err }, 'watcher pass failed');
          return 0;
        })
        .finally(() => {
          running = null;
          schedule();
        });
    }, delay);
    timer.unref();
  }
  schedule();

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

// The lifecycle's clock: every interval, the background passes run one after another (raise held
// events, release storms, write due notes). A pass never overlaps the next tick's: a slow database
// delays the passes instead of piling them up. The composition root starts and stops it.
import type { Logger } from 'pino';
import { flushDueNotes } from './flush-notes.js';
import type { LifecycleStore } from './ports.js';
import { raiseDueEvents } from './raise-held.js';
import { releaseStorms } from './release-storms.js';

export interface LifecycleSchedulerOptions {
  store: LifecycleStore;
  intervalMs: number;
  /** Storm control: new incidents per minute, in all, that released events may use (noise.storm_global). */
  stormLimitPerMinute: number;
  now: () => Date;
  /** Called after a pass that enqueued something (wakes the outbox). */
  onEnqueued: () => void;
  logger: Logger;
}

export interface LifecycleScheduler {
  /** Stops the clock; resolves once a pass in progress has finished. */
  stop(): Promise<void>;
}

export function startLifecycleScheduler(o: LifecycleSchedulerOptions): LifecycleScheduler {
  const passes: Array<{ run: (now: Date) => Promise<number>; failure: string }> = [
    { run: (now) => raiseDueEvents(o.store, now), failure: 'could not raise held events' },
    {
      run: (now) => releaseStorms(o.store, now, o.stormLimitPerMinute),
      failure: 'could not release parked events',
    },
    { run: (now) => flushDueNotes(o.store, now), failure: 'could not write buffered notes' },
  ];
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  async function tick(): Promise<void> {
    for (const pass of passes) {
      if (stopped) return;
      try {
        if ((await pass.run(o.now())) > 0) o.onEnqueued();
      } catch (err) {
        o.logger.error({ err }, pass.failure);
      }
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = null;
        schedule();
      });
    }, o.intervalMs);
    timer.unref();
  }
  schedule();

  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

// The one path every alarm takes after decoding, whichever transport brought it: plan with the
// mappings, persist (alarm, event, outbox) atomically, count, and wake the outbox. A big batch is
// planned and stored in chunks, giving the event loop back between them, so health checks and
// closure checks keep answering while it is ingested.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Alarm } from '../model/alarm.js';
import type { Store } from '../store/store.js';
import type { IngestItem, IngestResult } from '../model/ingest.js';
import { ingest } from '../lifecycle/apply.js';
import type { Metrics } from '../observability/metrics.js';
import type { Engine } from './engine-types.js';
import type { NoisePolicy } from '../lifecycle/types.js';
import { matchSilence, type Silence } from '../correlation/silences.js';
import type { Limits } from './limits.js';
import type { RefusalLog } from './rejections.js';
import type { WriteHealth } from './write-health.js';

export interface IngestDeps {
  store: Store;
  engine: () => Engine;
  metrics: Metrics;
  logger: Logger;
  correlationDisplay: string;
  kick: () => void;
  now?: () => Date;
  policy: NoisePolicy;
  /** Active maintenance windows (API-created and from mappings), cached by the caller. */
  silences?: () => Promise<Silence[]>;
  limits: Limits;
  /** Outcome of every store write, for readiness. */
  health: WriteHealth;
  logRefusal: RefusalLog;
}

export interface AcceptedAlarm extends IngestResult {
  /** Position of the alarm in the posted batch. */
  index: number;
  id: string;
}
export interface RefusedAlarm {
  index: number | null;
  message: string;
  raw: unknown;
}

export interface IngestOutcome {
  accepted: AcceptedAlarm[];
  refused: RefusedAlarm[];
  /**
   * Set when the store failed: `accepted` were stored before it did (each chunk is atomic),
   * `notStored` lists the positions of the alarms that were not.
   */
  storeError?: unknown;
  notStored: number[];
}

/** Alarms planned and stored per transaction; between chunks the event loop runs other work. */
export const INGEST_CHUNK = 100;

/** Plans and persists decoded alarms; `positions[i]` is alarm i's place in the posted batch. */
export async function ingestAlarms(
  deps: IngestDeps,
  sourceName: string,
  alarms: Alarm[],
  positions: number[],
): Promise<IngestOutcome> {
  const engine = deps.engine();
  const now = (deps.now ?? (() => new Date()))();
  let silences: Silence[];
  try {
    silences = [...engine.maintenance, ...(deps.silences ? await deps.silences() : [])];
  } catch (err) {
    // Silences are read from the store: when it does not answer, nothing can be stored either.
    deps.health.record(err);
    return { accepted: [], refused: [], storeError: err, notStored: [...positions] };
  }
  const accepted: AcceptedAlarm[] = [];
  const refused: RefusedAlarm[] = [];
  for (let start = 0; start < alarms.length; start += INGEST_CHUNK) {
    if (start > 0) await yieldToEventLoop();
    const items: IngestItem[] = [];
    const itemPositions: number[] = [];
    for (let i = start; i < Math.min(start + INGEST_CHUNK, alarms.length); i++) {
      const alarm = alarms[i]!;
      const position = positions[i] ?? i;
      const planned = planOne(engine, alarm);
      if (planned.kind === 'error') {
        refused.push({ index: position, message: planned.message, raw: alarm.raw });
        continue;
      }
      if (planned.kind === 'unmatched') {
        deps.metrics.alarmsDropped.inc({ source: sourceName, reason: 'unmatched' });
        deps.logger.info(
          { source: sourceName, alarm: alarm.id, reason: planned.reason },
          'alarm matched no rule; recorded, nothing opened',
        );
      }
      const plan = planned.kind === 'planned' ? planned.plan : null;
      for (const c of plan?.closeChecks ?? []) {
        // The incident still opens; this check will never run and keeps the verdict `unknown`.
        if (c.refused !== undefined)
          deps.logger.warn(
            { source: sourceName, alarm: alarm.id, rule: plan?.rule, check: c.name, reason: c.refused },
            'close check refused: an alarm value cannot be placed safely in its query',
          );
      }
      const silence = plan && silences.length ? matchSilence(silences, alarm, plan.rule, now) : null;
      items.push({ alarm, plan, silence });
      itemPositions.push(position);
    }
    if (!items.length) continue;
    let results: IngestResult[];
    try {
      results = await ingest(deps.store, items, now, deps.correlationDisplay, deps.policy);
      deps.health.record(null);
    } catch (err) {
      deps.health.record(err);
      const notStored = [...itemPositions, ...positions.slice(start + INGEST_CHUNK)];
      return { accepted, refused, storeError: err, notStored };
    }
    deps.metrics.alarmsReceived.inc({ source: sourceName }, results.length);
    deps.kick();
    results.forEach((r, k) => {
      accepted.push({ ...r, index: itemPositions[k]!, id: items[k]!.alarm.id });
      if (r.outcome !== 'stale') return;
      const a = items[k]!.alarm;
      deps.metrics.alarmsStale.inc({ source: sourceName });
      deps.logger.info(
        { source: sourceName, alarm: a.id, state: a.state, raised_at: a.raisedAt, newer_at: r.newerAt },
        'stale alarm update ignored: older, by the source clock, than the update already applied',
      );
    });
  }
  return { accepted, refused, notStored: [] };
}

/** A rule that throws on some alarm (a bug, or input no rule foresaw) refuses that alarm only. */
function planOne(engine: Engine, alarm: Alarm): ReturnType<Engine['plan']> {
  try {
    return engine.plan(alarm);
  } catch (err) {
    return {
      kind: 'error',
      message: `could not be mapped: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

// The one path every alarm takes after decoding, whichever transport brought it: plan with the
// mappings, persist (alarm, event, outbox) atomically, count, and wake the outbox.
import type { Logger } from 'pino';
import type { Alarm } from '../model/alarm.js';
import type { Store } from '../store/store.js';
import type { IngestItem, IngestResult } from '../model/ingest.js';
import { ingest } from '../lifecycle/apply.js';
import type { Metrics } from '../observability/metrics.js';
import type { Engine } from './engine-types.js';
import type { NoisePolicy } from '../lifecycle/types.js';
import { matchSilence, type Silence } from '../correlation/silences.js';

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
}

export interface AcceptedAlarm extends IngestResult {
  index: number;
  id: string;
}
export interface RefusedAlarm {
  index: number | null;
  message: string;
  raw: unknown;
}

/** Persist decoded alarms. Throws only when the store fails (nothing is then acknowledged). */
export async function ingestAlarms(
  deps: IngestDeps,
  sourceName: string,
  alarms: Alarm[],
  indexes: number[],
): Promise<{ accepted: AcceptedAlarm[]; refused: RefusedAlarm[] }> {
  const engine = deps.engine();
  const now = (deps.now ?? (() => new Date()))();
  const silences = [...engine.maintenance, ...(deps.silences ? await deps.silences() : [])];
  const items: IngestItem[] = [];
  const itemIndex: number[] = [];
  const refused: RefusedAlarm[] = [];
  alarms.forEach((alarm, i) => {
    const p = engine.plan(alarm);
    if (p.kind === 'error') {
      refused.push({ index: indexes[i] ?? i, message: p.message, raw: alarm.raw });
      return;
    }
    if (p.kind === 'unmatched') {
      deps.metrics.alarmsDropped.inc({ source: sourceName, reason: 'unmatched' });
      deps.logger.info(
        { source: sourceName, alarm: alarm.id, reason: p.reason },
        'alarm matched no rule; recorded, nothing opened',
      );
    }
    const plan = p.kind === 'planned' ? p.plan : null;
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
    itemIndex.push(indexes[i] ?? i);
  });
  const results = items.length
    ? await ingest(deps.store, items, now, deps.correlationDisplay, deps.policy)
    : [];
  if (results.length) {
    deps.metrics.alarmsReceived.inc({ source: sourceName }, results.length);
    deps.kick();
  }
  results.forEach((r, i) => {
    if (r.outcome !== 'stale') return;
    const a = items[i]!.alarm;
    deps.metrics.alarmsStale.inc({ source: sourceName });
    deps.logger.info(
      { source: sourceName, alarm: a.id, state: a.state, raised_at: a.raisedAt, newer_at: r.newerAt },
      'stale alarm update ignored: older, by the source clock, than the update already applied',
    );
  });
  return {
    accepted: results.map((r, i) => ({ ...r, index: itemIndex[i]!, id: items[i]!.alarm.id })),
    refused,
  };
}

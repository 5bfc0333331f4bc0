// The ingest loop shared by every store: read what is known, decide, write — inside the store's
// transaction. Stores supply the reads and writes; the order of steps lives here once.
import type { Operation } from '../outbox/operations.js';
import { decide, DEFAULT_POLICY, mergeChecks } from './decide.js';
import { sameDimension } from '../correlation/scopes.js';
import { economise } from './note-economy.js';
import { park, stormCorrelationKey, stormEvent } from './storm.js';
import type { AlarmRecord, Decision, EventRecord, NoisePolicy } from './types.js';
import type { IngestItem, IngestResult } from '../store/store.js';

type Maybe<T> = Promise<T> | T;

export interface IngestTx {
  getAlarm(identity: string): Maybe<AlarmRecord | null>;
  getEvent(key: string): Maybe<EventRecord | null>;
  latestEventFor(correlationKey: string): Maybe<EventRecord | null>;
  countActive(eventKey: string, exceptIdentity: string): Maybe<number>;
  /** A live (open/pending) cause event whose scope is one of `scopes`. */
  liveCauseFor(scopes: string[]): Maybe<EventRecord | null>;
  /** Live effect events lying in `scope`. */
  liveEffectsIn(scope: string): Maybe<EventRecord[]>;
  /** Events opened (or parked) since `sinceIso`, by alarms of `source` (null: all sources). */
  recentCreates(sinceIso: string, source: string | null): Maybe<number>;
  /** Re-attach every alarm of one event to another. */
  moveAlarms(fromKey: string, toKey: string): Maybe<void>;
  /** Cancel the undelivered operations of a key; says whether its create had already gone out. */
  cancelUndelivered(eventKey: string, reason: string, now: Date): Maybe<{ createDelivered: boolean }>;
  putAlarm(a: AlarmRecord, d: Decision): Maybe<void>;
  putEvent(e: EventRecord, isNew: boolean): Maybe<void>;
  enqueue(eventKey: string, ops: Operation[], now: Date): Maybe<void>;
}

/** Effects that opened before their cause are folded into the cause's event. */
async function adoptEffects(tx: IngestTx, cause: EventRecord, now: Date): Promise<void> {
  if (cause.noise.role !== 'cause' || !cause.noise.scope) return;
  const scope = cause.noise.scope;
  const effects = (await tx.liveEffectsIn(scope)).filter(
    (e) => e.key !== cause.key && sameDimension(e.noise.scope ?? 'cooling_zone:', scope),
  );
  if (effects.length > 0) {
    // The adopted effects' close checks now guard the cause's incident as well.
    const closeChecks = effects.reduce((acc, e) => mergeChecks(acc, e.closeChecks), cause.closeChecks);
    await tx.putEvent({ ...cause, closeChecks }, false);
  }
  for (const effect of effects) {
    await tx.moveAlarms(effect.key, cause.key);
    const { createDelivered } = await tx.cancelUndelivered(
      effect.key,
      `superseded: adopted by cause event ${cause.key}`,
      now,
    );
    await tx.putEvent(
      {
        ...effect,
        state: 'merged',
        updatedAt: now.toISOString(),
        pendingCreate: null,
        noise: { ...effect.noise, mergedInto: cause.key },
      },
      false,
    );
    if (createDelivered) {
      await tx.enqueue(
        effect.key,
        [
          {
            op: 'note',
            text: `Closeloop: these alarms are effects of "${cause.title}" (event ${cause.key}), which now tracks them.`,
          },
          { op: 'resolve', note: `Resolved as an effect of ${cause.key}; follow that incident.` },
        ],
        now,
      );
    }
  }
}

async function overStormLimit(
  tx: IngestTx,
  source: string,
  now: Date,
  policy: NoisePolicy,
): Promise<boolean> {
  if (!policy.stormPerSource && !policy.stormGlobal) return false;
  const since = new Date(now.getTime() - 60_000).toISOString();
  if (policy.stormPerSource && (await tx.recentCreates(since, source)) >= policy.stormPerSource) return true;
  return !!policy.stormGlobal && (await tx.recentCreates(since, null)) >= policy.stormGlobal;
}

export async function applyIngest(
  tx: IngestTx,
  items: IngestItem[],
  now: Date,
  correlationDisplay: string,
  policy: NoisePolicy = DEFAULT_POLICY,
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const { alarm, plan, silence } of items) {
    const identity = `${alarm.source}:${alarm.id}`;
    const prev = await tx.getAlarm(identity);
    const prevEvent = prev?.eventKey ? await tx.getEvent(prev.eventKey) : null;
    let keyEvent = plan ? await tx.latestEventFor(plan.correlationKey) : null;
    // Inhibition: an effect inside the scope of a live cause joins the cause's event.
    if (
      plan?.role === 'effect' &&
      plan.scopes?.length &&
      !(keyEvent && (keyEvent.state === 'open' || keyEvent.state === 'pending'))
    ) {
      const dimension = plan.scope ?? 'cooling_zone:';
      keyEvent =
        (await tx.liveCauseFor(plan.scopes.filter((sc) => sameDimension(sc, dimension)))) ?? keyEvent;
    }
    const otherActive = prevEvent ? await tx.countActive(prevEvent.key, identity) : 0;
    let d = decide({
      alarm,
      prev,
      plan,
      prevEvent,
      keyEvent,
      otherActive,
      now,
      correlationDisplay,
      policy,
      silence: silence ?? null,
    });
    if (d.outcome === 'created' && d.event && (await overStormLimit(tx, alarm.source, now, policy))) {
      // Storm control: park this event and count it on the site's storm incident instead.
      const stormKey = stormCorrelationKey(d.event.site);
      const storm = stormEvent(
        await tx.latestEventFor(stormKey),
        d.event.site,
        d.event.title,
        now,
        correlationDisplay,
      );
      const e = economise(storm.event, storm.ops, now, policy.noteIntervalMs);
      await tx.putEvent(e.event, storm.isNew);
      if (e.ops.length) await tx.enqueue(e.event.key, e.ops, now);
      d = park(d, e.event.key);
    }
    let ops = d.ops;
    let event = d.event;
    if (event) {
      const e = economise(event, ops, now, policy.noteIntervalMs);
      event = e.event;
      ops = e.ops;
    }
    await tx.putAlarm(d.alarm, d);
    if (event) await tx.putEvent(event, d.eventIsNew);
    if (event && ops.length) await tx.enqueue(event.key, ops, now);
    const before = d.eventIsNew ? null : prevEvent?.key === event?.key ? prevEvent : keyEvent;
    if (event && event.noise.role === 'cause' && before?.noise.role !== 'cause')
      await adoptEffects(tx, event, now);
    results.push({
      identity,
      outcome: d.outcome,
      eventKey: d.alarm.eventKey,
      ...(d.stale ? { newerAt: d.stale.newerAt } : {}),
    });
  }
  return results;
}

// Ingest, the same for every store: in one transaction, for each alarm in order, read what is known,
// decide, apply noise control (storms, the note budget), write, and let a cause adopt its effects.
// Stores supply the transaction and its reads and writes (ports.ts); the order of steps lives here.
import { sameDimension } from '../correlation/scopes.js';
import type { EventRecord } from '../model/event.js';
import type { IngestItem, IngestResult } from '../model/ingest.js';
import { decide, mergeChecks, needsActiveCount, joinable } from './decide.js';
import { economise } from './note-economy.js';
import type { IngestTx, LifecycleStore } from './ports.js';
import { creationCount, park, stormControlled, stormCorrelationKey, stormEvent } from './storm.js';
import type { Decision, NoisePolicy } from './types.js';

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
    await tx.putEvent({ ...cause, closeChecks });
  }
  for (const effect of effects) {
    await tx.moveAlarms(effect.key, cause.key);
    const { createDelivered } = await tx.cancelUndelivered(
      effect.key,
      `superseded: adopted by cause event ${cause.key}`,
      now,
    );
    await tx.putEvent({
      ...effect,
      state: 'merged',
      updatedAt: now.toISOString(),
      pendingCreate: null,
      noise: { ...effect.noise, mergedInto: cause.key },
    });
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
  if (!stormControlled(policy)) return false;
  const count = creationCount(now);
  if (policy.stormPerSource && (await tx.countOutcomes(count, source)) >= policy.stormPerSource) return true;
  return !!policy.stormGlobal && (await tx.countOutcomes(count, null)) >= policy.stormGlobal;
}

/** Logs what an alarm update did; a repeat did nothing and is not logged. */
async function logDecision(tx: IngestTx, d: Decision): Promise<void> {
  if (d.outcome === 'repeat') return;
  // A stale update is logged as it came; the record keeps the newer state.
  const logged = d.stale?.update ?? d.alarm.alarm;
  await tx.appendLog({
    identity: d.alarm.identity,
    eventKey: d.alarm.eventKey,
    outcome: d.outcome,
    state: logged.state,
    severity: logged.severity,
    receivedAt: d.alarm.lastReceivedAt,
    alarm: logged,
  });
}

/** The ingest loop inside one transaction: each alarm sees the writes of the ones before it. */
export async function applyIngest(
  tx: IngestTx,
  items: IngestItem[],
  now: Date,
  correlationDisplay: string,
  policy: NoisePolicy,
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const { alarm, plan, silence } of items) {
    const identity = `${alarm.source}:${alarm.id}`;
    const prev = await tx.getAlarm(identity);
    const prevEvent = prev?.eventKey ? await tx.getEvent(prev.eventKey) : null;
    const keyEvent = plan ? await tx.latestEventFor(plan.correlationKey) : null;
    const keyEventActive = needsActiveCount(keyEvent, plan, now)
      ? await tx.countActive(keyEvent.key, identity)
      : undefined;
    // Inhibition: an effect inside the scope of a live cause joins the cause's event.
    let causeEvent: EventRecord | null = null;
    let causeEventActive: number | undefined;
    if (plan?.role === 'effect' && plan.scopes?.length && !joinable(keyEvent, plan, now, keyEventActive)) {
      const dimension = plan.scope ?? 'cooling_zone:';
      causeEvent = await tx.liveCauseFor(plan.scopes.filter((sc) => sameDimension(sc, dimension)));
      if (needsActiveCount(causeEvent, plan, now))
        causeEventActive = await tx.countActive(causeEvent.key, identity);
    }
    const otherActive = prevEvent ? await tx.countActive(prevEvent.key, identity) : 0;
    let d = decide({
      alarm,
      prev,
      plan,
      prevEvent,
      keyEvent,
      causeEvent,
      otherActive,
      keyEventActive,
      causeEventActive,
      now,
      correlationDisplay,
      policy,
      silence: silence ?? null,
    });
    if (d.outcome === 'created' && d.event && (await overStormLimit(tx, alarm.source, now, policy))) {
      // Storm control: park this event and count it on the site's storm incident instead.
      const storm = stormEvent(
        await tx.latestEventFor(stormCorrelationKey(d.event.site)),
        d.event.site,
        d.event.title,
        now,
        correlationDisplay,
      );
      const e = economise(storm.event, storm.ops, now, policy.noteIntervalMs);
      await tx.putEvent(e.event);
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
    await tx.putAlarm(d.alarm);
    await logDecision(tx, d);
    if (event) await tx.putEvent(event);
    if (event && ops.length) await tx.enqueue(event.key, ops, now);
    const before = d.eventIsNew
      ? null
      : ([prevEvent, keyEvent, causeEvent].find((x) => x && x.key === event?.key) ?? null);
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

/** Ingest a batch into `store`, all or nothing, in one transaction. */
export function ingest(
  store: LifecycleStore,
  items: IngestItem[],
  now: Date,
  correlationDisplay: string,
  policy: NoisePolicy,
): Promise<IngestResult[]> {
  const precount = stormControlled(policy) ? creationCount(now) : null;
  return store.ingestTx(items, { now, precount }, (tx) =>
    applyIngest(tx, items, now, correlationDisplay, policy),
  );
}

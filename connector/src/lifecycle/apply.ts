// The ingest loop shared by every store: read what is known, decide, write — inside the store's
// transaction. Stores supply the reads and writes; the order of steps lives here once.
import type { Operation } from '../outbox/operations.js';
import { decide } from './decide.js';
import type { AlarmRecord, Decision, EventRecord } from './types.js';
import type { IngestItem, IngestResult } from '../store/store.js';

export interface IngestTx {
  getAlarm(identity: string): Promise<AlarmRecord | null> | AlarmRecord | null;
  getEvent(key: string): Promise<EventRecord | null> | EventRecord | null;
  latestEventFor(correlationKey: string): Promise<EventRecord | null> | EventRecord | null;
  countActive(eventKey: string, exceptIdentity: string): Promise<number> | number;
  putAlarm(a: AlarmRecord, d: Decision): Promise<void> | void;
  putEvent(e: EventRecord, isNew: boolean): Promise<void> | void;
  enqueue(eventKey: string, ops: Operation[], now: Date): Promise<void> | void;
}

export async function applyIngest(
  tx: IngestTx,
  items: IngestItem[],
  now: Date,
  correlationDisplay: string,
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const { alarm, plan } of items) {
    const identity = `${alarm.source}:${alarm.id}`;
    const prev = await tx.getAlarm(identity);
    const prevEvent = prev?.eventKey ? await tx.getEvent(prev.eventKey) : null;
    const keyEvent = plan ? await tx.latestEventFor(plan.correlationKey) : null;
    const otherActive = prevEvent ? await tx.countActive(prevEvent.key, identity) : 0;
    const d = decide({ alarm, prev, plan, prevEvent, keyEvent, otherActive, now, correlationDisplay });
    await tx.putAlarm(d.alarm, d);
    if (d.event) await tx.putEvent(d.event, d.eventIsNew);
    if (d.event && d.ops.length) await tx.enqueue(d.event.key, d.ops, now);
    results.push({ identity, outcome: d.outcome, eventKey: d.alarm.eventKey });
  }
  return results;
}

// The lifecycle's own vocabulary: the noise policy it is configured with and the decision `decide`
// returns. The records it reasons about (events, alarms, plans, operations) are in model/.
import type { Alarm } from '../model/alarm.js';
import type { AlarmRecord } from '../model/alarm-record.js';
import type { EventRecord } from '../model/event.js';
import type { Outcome } from '../model/ingest.js';
import type { Operation } from '../model/operation.js';

/** Knobs of noise control that come from configuration rather than the rule. */
export interface NoisePolicy {
  /** At most one work note per incident per this interval; 0 = every note at once. */
  noteIntervalMs: number;
  /** Storm control: new incidents per minute, per source and in all, before new events are parked. */
  stormPerSource?: number;
  stormGlobal?: number;
  /** An alarm changing state more than `flapChanges` times within `flapWindowMs` is flapping. */
  flapChanges: number;
  flapWindowMs: number;
}

/** The writes one alarm causes: applied in one transaction. */
export interface Decision {
  outcome: Outcome;
  alarm: AlarmRecord;
  /** New or changed event (full record), or null when the alarm touches no event. */
  event: EventRecord | null;
  eventIsNew: boolean;
  /** Operations for `event.key`, in delivery order. */
  ops: Operation[];
  /**
   * For a stale update: what to write to the alarm log instead of `alarm.alarm` (the update as it
   * came; the alarm record keeps the newer state), and the source time of that newer update.
   */
  stale?: { update: Alarm; newerAt: string };
}

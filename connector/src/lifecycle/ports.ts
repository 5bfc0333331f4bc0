// What the lifecycle needs from a store: transactions, and inside them the reads and writes its
// decisions are made of. The SQLite and PostgreSQL stores implement these with their SQL only; the
// order of steps and every decision live in lifecycle/ (apply.ts and the passes), written once.
import type { Alarm, AlarmState, Severity } from '../model/alarm.js';
import type { AlarmRecord } from '../model/alarm-record.js';
import type { EventKind, EventRecord } from '../model/event.js';
import type { IngestItem, Outcome } from '../model/ingest.js';
import type { Operation } from '../model/operation.js';

type Maybe<T> = Promise<T> | T;

/** What the alarm log records: one row per alarm update that did something, and per storm release. */
export type LogOutcome = Outcome | 'released';

export interface AlarmLogEntry {
  identity: string;
  eventKey: string | null;
  outcome: LogOutcome;
  state: AlarmState;
  severity: Severity;
  receivedAt: string;
  /** The update as it came; null for a row no alarm update made (a storm release). */
  alarm: Alarm | null;
}

/** A count over the alarm log: rows with one of `outcomes`, received at or after `sinceIso`. */
export interface OutcomeCount {
  sinceIso: string;
  outcomes: readonly LogOutcome[];
}

/** Reads and writes every lifecycle transaction has. */
export interface LifecycleTx {
  /** Active alarms attached to an event, not counting `exceptIdentity`. */
  countActive(eventKey: string, exceptIdentity: string | null): Maybe<number>;
  /** Log rows matching `count`, of alarms of `source` (null: of all sources). */
  countOutcomes(count: OutcomeCount, source: string | null): Maybe<number>;
  appendLog(entry: AlarmLogEntry): Maybe<void>;
  /** Insert or replace the event. */
  putEvent(e: EventRecord): Maybe<void>;
  /** Add operations for an event's incident, delivered in this order after those already queued. */
  enqueue(eventKey: string, ops: Operation[], now: Date): Maybe<void>;
}

/** The transaction of one ingest call (a batch of alarms, decided in order). */
export interface IngestTx extends LifecycleTx {
  getAlarm(identity: string): Maybe<AlarmRecord | null>;
  getEvent(key: string): Maybe<EventRecord | null>;
  /** The newest event (highest generation) of a correlation key. */
  latestEventFor(correlationKey: string): Maybe<EventRecord | null>;
  /** A live (open/pending) cause event whose scope is one of `scopes`, oldest first. */
  liveCauseFor(scopes: string[]): Maybe<EventRecord | null>;
  /** Live effect events lying in `scope`. */
  liveEffectsIn(scope: string): Maybe<EventRecord[]>;
  /** Re-attach every alarm of one event to another. */
  moveAlarms(fromKey: string, toKey: string): Maybe<void>;
  /** Cancel the undelivered operations of a key; says whether its create had already gone out. */
  cancelUndelivered(eventKey: string, reason: string, now: Date): Maybe<{ createDelivered: boolean }>;
  putAlarm(a: AlarmRecord): Maybe<void>;
}

/**
 * The transaction of a background pass. The `due…`, `open…` and `parked…` reads lock what they
 * return and skip what another transaction holds (another replica's pass, an ingest): that one
 * handles it, or the next pass does, so no event is raised or released twice.
 */
export interface PassTx extends LifecycleTx {
  /** Pending events whose raise time (hold-down, maintenance window) is at or before `now`. */
  dueHeldEvents(now: Date): Maybe<EventRecord[]>;
  /** Events whose buffered notes are due at or before `now`. */
  dueNoteEvents(now: Date): Maybe<EventRecord[]>;
  /** Open events of one kind. */
  openEventsOfKind(kind: EventKind): Maybe<EventRecord[]>;
  /** Pending events parked by storm control under the event `stormKey`. */
  parkedUnder(stormKey: string): Maybe<EventRecord[]>;
  /** The event, locked until the transaction ends (waiting for another holder). */
  lockEvent(key: string): Maybe<EventRecord | null>;
}

export interface IngestTxOptions {
  now: Date;
  /** A count `IngestTx.countOutcomes` will be asked for (storm control), which a store may pre-count. */
  precount: OutcomeCount | null;
}

/** A store as the lifecycle sees it. */
export interface LifecycleStore {
  /**
   * Runs `work` in one transaction that holds what `items` touch, and commits it; when `work` throws
   * (or the commit fails) nothing it wrote is kept and the call rejects. A store may commit several
   * concurrent calls together; each still gets its own result or error.
   */
  ingestTx<T>(items: IngestItem[], o: IngestTxOptions, work: (tx: IngestTx) => Promise<T>): Promise<T>;
  /** Runs `work` in one transaction and commits it; when `work` throws nothing it wrote is kept. */
  passTx<T>(work: (tx: PassTx) => Promise<T>): Promise<T>;
}

// The persistence boundary. SQLite (default) and PostgreSQL implement it; everything above talks only
// to this interface. Writes that belong together (alarm + event + outbox) happen in one `ingest` call.
import type { VerdictBasis } from '../lifecycle/verdict-write.js';
import type { Alarm } from '../model/alarm.js';
import type { Silence } from '../correlation/silences.js';
import type { DeliveryResult, IncidentLink, Operation } from '../outbox/operations.js';
import type {
  AlarmRecord,
  Decision,
  EventRecord,
  EventState,
  IngestPlan,
  NoisePolicy,
} from '../lifecycle/types.js';

export interface IngestItem {
  alarm: Alarm;
  /** Null when no rule matched. */
  plan: IngestPlan | null;
  /** A maintenance window covering the alarm (new events wait for its end). */
  silence?: { id: string; untilMs: number } | null;
}

export interface IngestResult {
  identity: string;
  outcome: Decision['outcome'];
  eventKey: string | null;
  /** For outcome `stale`: the source time of the newer update already applied. */
  newerAt?: string;
}

export interface RejectedPayload {
  source: string;
  reason: string;
  contentType: string | null;
  /** The raw body as received (or the part of a batch that was refused). */
  body: string;
  receivedAt: string;
}
export interface RejectedRecord extends RejectedPayload {
  id: number;
}

export type DeliveryState = 'pending' | 'inflight' | 'done' | 'dead' | 'cancelled';
export interface OutboxEntry {
  id: number;
  eventKey: string;
  op: Operation;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  lastStatus: number | null;
  createdAt: string;
  updatedAt: string;
  /** The event's incident link at claim time (null before the create is delivered). */
  link: IncidentLink | null;
}

export interface EventFilter {
  state?: EventState | 'active';
  site?: string;
  source?: string;
  limit?: number;
}

export interface EventDetail {
  event: EventRecord;
  alarms: AlarmRecord[];
  deliveries: OutboxEntry[];
}

/** One row of the alarm log: an alarm update as it came (every update but exact repeats is logged). */
export interface AlarmLogEntry {
  identity: string;
  /** The event the update belonged to when it came. */
  eventKey: string | null;
  outcome: string;
  receivedAt: string;
  /** The alarm as that update carried it (a stale update as it came, not the newer state kept). */
  alarm: Alarm;
}

export interface DeliveryCounts {
  pending: number;
  inflight: number;
  dead: number;
  done: number;
  cancelled: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Cheap check that the store answers and accepts writes. */
  ping(): Promise<void>;
  ingest(
    items: IngestItem[],
    now: Date,
    correlationDisplay: string,
    policy?: NoisePolicy,
  ): Promise<IngestResult[]>;
  /** Storm control: release parked events once the storm has passed; returns how many were released. */
  releaseStorms(now: Date, limitPerMinute: number): Promise<number>;
  /** Write buffered work notes whose time has come (note economy); returns how many notes. */
  flushDueNotes(now: Date): Promise<number>;
  recordRejected(r: RejectedPayload): Promise<number>;
  listRejected(limit: number): Promise<RejectedRecord[]>;

  listEvents(filter: EventFilter): Promise<EventRecord[]>;
  getEvent(key: string): Promise<EventDetail | null>;
  /**
   * The alarm updates of an event, oldest first: those logged under its key and under the keys of
   * events it adopted (merged into it). At most the `limit` newest; `truncated` when there were more.
   */
  alarmHistory(key: string, limit: number): Promise<{ entries: AlarmLogEntry[]; truncated: boolean }>;
  findEventByIncident(ref: { sysId?: string; correlationId?: string }): Promise<EventRecord | null>;
  /** Raise held (hold-down) events whose time has come; returns how many were raised. */
  raiseDueEvents(now: Date): Promise<number>;
  /**
   * Record a verdict; `ops` (note/verdict/resolve) are enqueued with it, `resolve` closes the event.
   * Written only while the event is as the evaluation read it (`basis`: still open, no alarm changed,
   * no other verdict recorded since); otherwise nothing is written and the reason is returned.
   */
  recordVerdict(
    key: string,
    verdict: { verdict: 'pass' | 'fail' | 'unknown'; checks: unknown[]; evaluatedAt: string },
    ops: Operation[],
    now: Date,
    basis: VerdictBasis,
  ): Promise<{ written: true } | { written: false; reason: string }>;

  /** Claim due deliveries: the oldest undelivered entry of each key only, so a key is delivered in order. */
  claimDeliveries(limit: number, now: Date, worker: string, leaseMs: number): Promise<OutboxEntry[]>;
  settleDelivery(
    id: number,
    result: DeliveryResult,
    next: { dead: boolean; nextAttemptAt: Date },
    now: Date,
  ): Promise<void>;
  listDeliveries(state: DeliveryState | 'all', limit: number): Promise<OutboxEntry[]>;
  retryDelivery(id: number, now: Date): Promise<boolean>;
  deliveryCounts(): Promise<DeliveryCounts>;
  /** Dead letters whose last attempt was at or after `since` (those retried since are pending again). */
  countDeadLetters(since: Date): Promise<number>;
  /** Adds or replaces the silence of that id. */
  addSilence(s: Silence): Promise<void>;
  /** Adds the silence unless one of that id exists (then nothing changes and it returns false). */
  createSilence(s: Silence): Promise<boolean>;
  listSilences(): Promise<Silence[]>;
  deleteSilence(id: string): Promise<boolean>;
  /** Ends a console session before its expiry (logout); forgotten once `expiresAt` has passed. */
  revokeSession(sid: string, expiresAt: Date, now: Date): Promise<void>;
  isSessionRevoked(sid: string): Promise<boolean>;
  close(): Promise<void>;
}

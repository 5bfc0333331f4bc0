// The persistence boundary. SQLite (default) and PostgreSQL implement it; everything above talks only
// to this interface. Writes that belong together (alarm + event + outbox) happen in one `ingest` call.
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
}

export interface RejectedPayload {
  source: string;
  reason: string;
  contentType: string | null;
  /** The body or message exactly as received, byte for byte (empty when it was not kept). */
  body: Uint8Array;
  receivedAt: string;
}
export interface RejectedRecord extends Omit<RejectedPayload, 'body'> {
  id: number;
  body: Buffer;
}

/** How many rejected payloads are kept: the oldest go first once either bound is passed. */
export interface RejectedRetention {
  maxRows: number;
  maxBytes: number;
}
export const DEFAULT_REJECTED_RETENTION: RejectedRetention = {
  maxRows: 10_000,
  maxBytes: 256 * 1024 * 1024,
};

/**
 * Deletes the rejected rows beyond the retention bounds, newest kept (the newest row always stays,
 * whatever its size). Two parameters: max rows, max bytes. Same SQL for SQLite and PostgreSQL.
 */
export const TRIM_REJECTED_SQL = (rows: string, bytes: string) =>
  `DELETE FROM rejected WHERE id IN (
     SELECT id FROM (
       SELECT id, ROW_NUMBER() OVER (ORDER BY id DESC) AS n,
              SUM(length(body)) OVER (ORDER BY id DESC) AS total
         FROM rejected) kept
      WHERE n > 1 AND (n > ${rows} OR total > ${bytes}))`;

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
  /** Keeps a refused payload (and trims the oldest beyond the retention); returns its id. */
  recordRejected(r: RejectedPayload): Promise<number>;
  listRejected(limit: number): Promise<RejectedRecord[]>;

  listEvents(filter: EventFilter): Promise<EventRecord[]>;
  getEvent(key: string): Promise<EventDetail | null>;
  findEventByIncident(ref: { sysId?: string; correlationId?: string }): Promise<EventRecord | null>;
  /** Raise held (hold-down) events whose time has come; returns how many were raised. */
  raiseDueEvents(now: Date): Promise<number>;
  /** Record a verdict; `ops` (note/verdict/resolve) are enqueued with it, `resolve` closes the event. */
  recordVerdict(
    key: string,
    verdict: { verdict: 'pass' | 'fail' | 'unknown'; checks: unknown[]; evaluatedAt: string },
    ops: Operation[],
    now: Date,
  ): Promise<void>;

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
  addSilence(s: Silence): Promise<void>;
  listSilences(): Promise<Silence[]>;
  deleteSilence(id: string): Promise<boolean>;
  close(): Promise<void>;
}

// The persistence boundary. SQLite (default) and PostgreSQL implement it; everything above talks only
// to this interface. It is a repository: reads, the outbox's claims, and the transactions the
// lifecycle runs its decisions in (lifecycle/ports.ts). Every state change of an event is decided by
// the lifecycle; a store only says how it is read and written.
import type { LifecycleStore } from '../lifecycle/ports.js';
import type { Silence } from '../correlation/silences.js';
import type { Alarm } from '../model/alarm.js';
import type { AlarmRecord } from '../model/alarm-record.js';
import type { DeliveryCounts, DeliveryResult } from '../model/delivery.js';
import type { EventRecord, EventState } from '../model/event.js';
import type { IncidentLink, Operation } from '../model/operation.js';

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
  /** Increases with every claim: a worker acts on an entry only while this is still its claim. */
  claim: number;
  /**
   * A write of an earlier attempt whose outcome is unknown (no answer came): sent at `sentAt`, it may
   * still take effect at ServiceNow until `until`. Null when no earlier write is in doubt.
   */
  doubt: Doubt | null;
}

/** A write sent to ServiceNow whose outcome is unknown. */
export interface Doubt {
  sentAt: string;
  until: string;
}

/** Which claim of which entry a worker holds. */
export type ClaimRef = Pick<OutboxEntry, 'id' | 'claim'>;

/** How a settled attempt leaves its entry. */
export interface SettleStep {
  dead: boolean;
  nextAttemptAt: Date;
  /** A write of this entry whose outcome is unknown; absent or null when none is. */
  doubt?: { sentAt: Date; until: Date } | null;
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

export type { DeliveryCounts };

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

export interface Store extends LifecycleStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Cheap check that the store answers and accepts writes. */
  ping(): Promise<void>;
  /** Keeps a refused payload (and trims the oldest beyond the retention); returns its id. */
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
  /**
   * Claim due deliveries: the oldest undelivered entry of each key only, so a key is delivered in order.
   * An entry whose earlier write may still land at ServiceNow (`doubt.until` not yet passed) is not due,
   * whoever held it before: its key waits until that write can no longer take effect.
   */
  claimDeliveries(limit: number, now: Date, worker: string, leaseMs: number): Promise<OutboxEntry[]>;
  /**
   * Record, just before a write is sent, that it may take effect until `until`. False when the claim
   * is no longer this worker's (taken over after its lease or its liveness): then nothing may be sent.
   */
  markSent(claim: ClaimRef, sentAt: Date, until: Date): Promise<boolean>;
  /** Record an attempt's outcome; false (nothing changed) when the claim was taken over meanwhile. */
  settleDelivery(claim: ClaimRef, result: DeliveryResult, next: SettleStep, now: Date): Promise<boolean>;
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

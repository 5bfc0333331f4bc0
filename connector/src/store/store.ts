// The persistence boundary. SQLite (default) and PostgreSQL implement it; everything above talks only
// to this interface. It is a repository: reads, the outbox's claims, and the transactions the
// lifecycle runs its decisions in (lifecycle/ports.ts). Every state change of an event is decided by
// the lifecycle; a store only says how it is read and written.
import type { LifecycleStore } from '../lifecycle/ports.js';
import type { Silence } from '../correlation/silences.js';
import type { AlarmRecord } from '../model/alarm-record.js';
import type { DeliveryCounts, DeliveryResult } from '../model/delivery.js';
import type { EventRecord, EventState } from '../model/event.js';
import type { IncidentLink, Operation } from '../model/operation.js';

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

export type { DeliveryCounts };

export interface Store extends LifecycleStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Cheap check that the store answers and accepts writes. */
  ping(): Promise<void>;
  recordRejected(r: RejectedPayload): Promise<number>;
  listRejected(limit: number): Promise<RejectedRecord[]>;

  listEvents(filter: EventFilter): Promise<EventRecord[]>;
  getEvent(key: string): Promise<EventDetail | null>;
  findEventByIncident(ref: { sysId?: string; correlationId?: string }): Promise<EventRecord | null>;
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

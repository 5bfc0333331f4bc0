// Records the lifecycle reasons about. The store persists them; `decide` turns (record state, new alarm)
// into the writes to make, so the same decision serves SQLite and PostgreSQL.
import type { Alarm, AlarmState, Severity } from '../model/alarm.js';
import type { Operation, Reference } from '../outbox/operations.js';

export interface RuleBehaviour {
  autoResolve: boolean;
  reopenWindowMs: number;
  holdDownMs: number;
}

/** What the mapping said about one alarm: everything the lifecycle needs, already rendered. */
export interface IngestPlan {
  rule: string;
  correlationKey: string;
  fields: Record<string, string | number>;
  references: Record<string, Reference>;
  impact: number;
  urgency: number;
  /** Close checks with templates filled (RenderedCheck, kept as JSON). */
  closeChecks: unknown[];
  behaviour: RuleBehaviour;
  /** Cause/effect role for topology correlation; standalone by default. */
  role?: Role;
  /** For a cause: the topology scope it covers, e.g. `cooling_zone:DC1/ZONE-A1`. */
  scope?: string;
  /** Every topology scope the alarm lies in (rack, row, room, cooling zone, power path, site). */
  scopes?: string[];
}

export type Role = 'cause' | 'effect' | 'standalone';

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

export interface FlapSummary {
  label: string;
  changes: number;
  since: string;
  state: AlarmState;
}

/** Noise-control state of an event, kept together. */
export interface EventNoise {
  role: Role;
  scope: string | null;
  scopes: string[];
  /** Note lines waiting for the next allowed work note. */
  noteBuffer: string[];
  lastNoteAt: string | null;
  /** When the buffered lines may be written. */
  noteDueAt: string | null;
  silencedBy: string | null;
  flapping: Record<string, FlapSummary>;
  mergedInto: string | null;
  /** Held back by storm control; released when the storm passes. */
  parked: boolean;
  /** For a storm event: how many events it held back, and how many were released. */
  stormParked: number;
  stormReleased: number;
}

export function emptyNoise(role: Role = 'standalone'): EventNoise {
  return {
    role,
    scope: null,
    scopes: [],
    noteBuffer: [],
    lastNoteAt: null,
    noteDueAt: null,
    silencedBy: null,
    flapping: {},
    mergedInto: null,
    parked: false,
    stormParked: 0,
    stormReleased: 0,
  };
}

export interface AlarmRecord {
  identity: string;
  source: string;
  alarmId: string;
  state: AlarmState;
  severity: Severity;
  type: string;
  eventKey: string | null;
  rule: string | null;
  firstSeenAt: string;
  lastChangeAt: string;
  lastReceivedAt: string;
  /** How many state changes were seen in all. */
  changeCount: number;
  /** Times of recent state changes (within the flap window). */
  recentChanges: string[];
  flapping: boolean;
  alarm: Alarm;
}

export type EventState = 'pending' | 'open' | 'resolved' | 'discarded' | 'merged';

export interface EventRecord {
  key: string;
  correlationKey: string;
  generation: number;
  rule: string;
  state: EventState;
  severity: Severity;
  site: string | null;
  title: string;
  createdAt: string;
  updatedAt: string;
  lastAlarmAt: string;
  /** Hold-down: when a pending event is raised if an alarm is still active. */
  raiseAt: string | null;
  resolvedAt: string | null;
  incidentSysId: string | null;
  incidentNumber: string | null;
  closeChecks: unknown[];
  behaviour: RuleBehaviour;
  /** The create operation kept for a held (pending) event, enqueued when it is raised. */
  pendingCreate: Operation | null;
  verdict: 'pass' | 'fail' | 'unknown' | null;
  verdictAt: string | null;
  verdictChecks: unknown[] | null;
  noise: EventNoise;
}

export type Outcome =
  | 'created'
  | 'held'
  | 'attached'
  | 'repeat'
  | 'severity_raised'
  | 'cleared'
  | 'resolved'
  | 'awaiting_verdict'
  | 'reopened'
  | 'reactivated'
  | 'discarded'
  | 'unmatched'
  | 'silenced'
  | 'parked'
  | 'clear_unknown'
  /** Older, by the source's own clock, than the update already applied: ignored (recorded, counted). */
  | 'stale';

/** The writes one alarm causes: applied by the store in one transaction. */
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

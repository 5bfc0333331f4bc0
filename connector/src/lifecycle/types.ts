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
  /** Cause/effect role for topology correlation (issue 7); standalone by default. */
  role?: 'cause' | 'effect' | 'standalone';
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
  /** How many state changes were seen (flap detection reads this and `changes`). */
  changeCount: number;
  alarm: Alarm;
}

export type EventState = 'pending' | 'open' | 'resolved' | 'discarded';

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
  | 'clear_unknown';

/** The writes one alarm causes: applied by the store in one transaction. */
export interface Decision {
  outcome: Outcome;
  alarm: AlarmRecord;
  /** New or changed event (full record), or null when the alarm touches no event. */
  event: EventRecord | null;
  eventIsNew: boolean;
  /** Operations for `event.key`, in delivery order. */
  ops: Operation[];
}

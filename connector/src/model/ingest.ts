// What ingest is given and answers: each alarm with what the mapping planned for it, and what
// became of it.
import type { Alarm } from './alarm.js';
import type { RenderedCheck } from './close-check.js';
import type { Role } from './event.js';
import type { Reference } from './operation.js';
import type { RuleBehaviour } from './rule-behaviour.js';

/** What the mapping said about one alarm: everything the lifecycle needs, already rendered. */
export interface IngestPlan {
  rule: string;
  correlationKey: string;
  /**
   * The rule's `correlation.window`: the alarm joins a live event of its key while one of that event's
   * alarms is active or its last alarm changed less than this long ago; else it opens a new incident.
   */
  correlationWindowMs: number;
  fields: Record<string, string | number>;
  references: Record<string, Reference>;
  impact: number;
  urgency: number;
  closeChecks: RenderedCheck[];
  behaviour: RuleBehaviour;
  /** Cause/effect role for topology correlation; standalone by default. */
  role?: Role;
  /** For a cause: the topology scope it covers, e.g. `cooling_zone:DC1/ZONE-A1`. */
  scope?: string;
  /** Every topology scope the alarm lies in (rack, row, room, cooling zone, power path, site). */
  scopes?: string[];
}

export interface IngestItem {
  alarm: Alarm;
  /** Null when no rule matched. */
  plan: IngestPlan | null;
  /** A maintenance window covering the alarm (new events wait for its end). */
  silence?: { id: string; untilMs: number } | null;
}

/** What one alarm did, as the alarm log records it. */
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

export interface IngestResult {
  identity: string;
  outcome: Outcome;
  eventKey: string | null;
  /** For outcome `stale`: the source time of the newer update already applied. */
  newerAt?: string;
}

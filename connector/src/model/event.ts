// An event: related alarms treated as one, with one incident in ServiceNow. The lifecycle decides
// every change to it; the store keeps it.
import { z } from 'zod';
import type { AlarmState, Severity } from './alarm.js';
import type { RenderedCheck } from './close-check.js';
import type { Operation } from './operation.js';
import type { RuleBehaviour } from './rule-behaviour.js';
import type { CheckResult, Verdict } from './verdict.js';

/**
 * pending: held (hold-down, maintenance window, storm), nothing in ServiceNow yet; open; resolved;
 * discarded: cleared while held, never opened; merged: adopted by its cause's event.
 */
export const EventStateSchema = z.enum(['pending', 'open', 'resolved', 'discarded', 'merged']);
export type EventState = z.infer<typeof EventStateSchema>;

/**
 * What an event stands for: `alarms` — opened by alarms matching a rule (every event but one kind);
 * `storm` — the "alarm storm at SITE" incident storm control opens for the events it holds back.
 */
export const EventKindSchema = z.enum(['alarms', 'storm']);
export type EventKind = z.infer<typeof EventKindSchema>;

/** Cause/effect role for topology correlation. */
export const RoleSchema = z.enum(['cause', 'effect', 'standalone']);
export type Role = z.infer<typeof RoleSchema>;

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

export interface EventRecord {
  key: string;
  correlationKey: string;
  generation: number;
  kind: EventKind;
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
  /** Every attached alarm's close checks (an adopted effect's too). */
  closeChecks: RenderedCheck[];
  behaviour: RuleBehaviour;
  /** The create operation kept for a held (pending) event, enqueued when it is raised. */
  pendingCreate: Operation | null;
  verdict: Verdict | null;
  verdictAt: string | null;
  verdictChecks: CheckResult[] | null;
  noise: EventNoise;
}

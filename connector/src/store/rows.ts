// Row ⇄ record conversion shared by the SQL stores. Rows come back from a database we do not fully
// control (an operator may edit it, an old version may have written it), so they are parsed with zod,
// JSON columns included, into the model's typed values.
import { z } from 'zod';
import { SilenceMatchSchema, type Silence } from '../correlation/silences.js';
import { AlarmSchema, AlarmStateSchema, SeveritySchema } from '../model/alarm.js';
import type { AlarmRecord } from '../model/alarm-record.js';
import { RenderedCheckSchema } from '../model/close-check.js';
import { EventKindSchema, EventStateSchema, RoleSchema, type EventRecord } from '../model/event.js';
import { OperationSchema } from '../model/operation.js';
import { RuleBehaviourSchema } from '../model/rule-behaviour.js';
import { CheckResultSchema, VerdictSchema } from '../model/verdict.js';
import type { AlarmLogEntry, OutboxEntry, RejectedRecord } from './store.js';

const num = z.coerce.number();
const nullableString = z.string().nullable();

export const AlarmRowSchema = z.object({
  identity: z.string(),
  source: z.string(),
  alarm_id: z.string(),
  state: AlarmStateSchema,
  severity: SeveritySchema,
  type: z.string(),
  event_key: nullableString,
  rule: nullableString,
  first_seen_at: z.string(),
  last_change_at: z.string(),
  last_received_at: z.string(),
  change_count: num,
  alarm_json: z.string(),
  extra_json: z.string().default('{}'),
});

const AlarmExtraSchema = z.object({
  recentChanges: z.array(z.string()).default([]),
  flapping: z.boolean().default(false),
});

export function alarmFromRow(row: unknown): AlarmRecord {
  const r = AlarmRowSchema.parse(row);
  return {
    identity: r.identity,
    source: r.source,
    alarmId: r.alarm_id,
    state: r.state,
    severity: r.severity,
    type: r.type,
    eventKey: r.event_key,
    rule: r.rule,
    firstSeenAt: r.first_seen_at,
    lastChangeAt: r.last_change_at,
    lastReceivedAt: r.last_received_at,
    changeCount: r.change_count,
    ...AlarmExtraSchema.parse(JSON.parse(r.extra_json)),
    alarm: AlarmSchema.parse(JSON.parse(r.alarm_json)),
  };
}

export function alarmToRow(a: AlarmRecord): Record<string, string | number | null> {
  return {
    identity: a.identity,
    source: a.source,
    alarm_id: a.alarmId,
    state: a.state,
    severity: a.severity,
    type: a.type,
    event_key: a.eventKey,
    rule: a.rule,
    first_seen_at: a.firstSeenAt,
    last_change_at: a.lastChangeAt,
    last_received_at: a.lastReceivedAt,
    change_count: a.changeCount,
    alarm_json: JSON.stringify(a.alarm),
    extra_json: JSON.stringify({ recentChanges: a.recentChanges, flapping: a.flapping }),
  };
}

const AlarmLogRowSchema = z.object({
  identity: z.string(),
  event_key: nullableString,
  outcome: z.string(),
  received_at: z.string(),
  alarm_json: z.string(),
});

/** Alarm log rows the console may read; null for one that is not an alarm update (storm marks, …). */
export function alarmLogFromRow(row: unknown): AlarmLogEntry | null {
  const r = AlarmLogRowSchema.parse(row);
  let json: unknown;
  try {
    json = JSON.parse(r.alarm_json);
  } catch {
    return null;
  }
  const alarm = AlarmSchema.safeParse(json);
  if (!alarm.success) return null;
  return {
    identity: r.identity,
    eventKey: r.event_key,
    outcome: r.outcome,
    receivedAt: r.received_at,
    alarm: alarm.data,
  };
}

export const EventRowSchema = z.object({
  key: z.string(),
  correlation_key: z.string(),
  generation: num,
  kind: EventKindSchema.default('alarms'),
  rule: z.string(),
  state: EventStateSchema,
  severity: SeveritySchema,
  site: nullableString,
  title: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  last_alarm_at: z.string(),
  raise_at: nullableString,
  resolved_at: nullableString,
  incident_sys_id: nullableString,
  incident_number: nullableString,
  close_checks_json: z.string(),
  behaviour_json: z.string(),
  pending_create_json: nullableString,
  verdict: VerdictSchema.nullable(),
  verdict_at: nullableString,
  verdict_checks_json: nullableString,
  role: RoleSchema.default('standalone'),
  scope: nullableString.default(null),
  note_due_at: nullableString.default(null),
  noise_json: z.string().default('{}'),
});

const NoiseSchema = z.object({
  role: RoleSchema.default('standalone'),
  scope: z.string().nullable().default(null),
  scopes: z.array(z.string()).default([]),
  noteBuffer: z.array(z.string()).default([]),
  lastNoteAt: z.string().nullable().default(null),
  noteDueAt: z.string().nullable().default(null),
  silencedBy: z.string().nullable().default(null),
  flapping: z
    .record(
      z.string(),
      z.object({ label: z.string(), changes: z.number(), since: z.string(), state: AlarmStateSchema }),
    )
    .default({}),
  mergedInto: z.string().nullable().default(null),
  parked: z.boolean().default(false),
  stormParked: z.number().default(0),
  stormReleased: z.number().default(0),
});

export function eventFromRow(row: unknown): EventRecord {
  const r = EventRowSchema.parse(row);
  return {
    key: r.key,
    correlationKey: r.correlation_key,
    generation: r.generation,
    kind: r.kind,
    rule: r.rule,
    state: r.state,
    severity: r.severity,
    site: r.site,
    title: r.title,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastAlarmAt: r.last_alarm_at,
    raiseAt: r.raise_at,
    resolvedAt: r.resolved_at,
    incidentSysId: r.incident_sys_id,
    incidentNumber: r.incident_number,
    closeChecks: z.array(RenderedCheckSchema).parse(JSON.parse(r.close_checks_json)),
    behaviour: RuleBehaviourSchema.parse(JSON.parse(r.behaviour_json)),
    pendingCreate: r.pending_create_json ? OperationSchema.parse(JSON.parse(r.pending_create_json)) : null,
    verdict: r.verdict,
    verdictAt: r.verdict_at,
    verdictChecks: r.verdict_checks_json
      ? z.array(CheckResultSchema).parse(JSON.parse(r.verdict_checks_json))
      : null,
    noise: NoiseSchema.parse(JSON.parse(r.noise_json)),
  };
}

export function eventToRow(e: EventRecord): Record<string, string | number | null> {
  return {
    key: e.key,
    correlation_key: e.correlationKey,
    generation: e.generation,
    kind: e.kind,
    rule: e.rule,
    state: e.state,
    severity: e.severity,
    site: e.site,
    title: e.title,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
    last_alarm_at: e.lastAlarmAt,
    raise_at: e.raiseAt,
    resolved_at: e.resolvedAt,
    incident_sys_id: e.incidentSysId,
    incident_number: e.incidentNumber,
    close_checks_json: JSON.stringify(e.closeChecks),
    behaviour_json: JSON.stringify(e.behaviour),
    pending_create_json: e.pendingCreate ? JSON.stringify(e.pendingCreate) : null,
    verdict: e.verdict,
    verdict_at: e.verdictAt,
    verdict_checks_json: e.verdictChecks ? JSON.stringify(e.verdictChecks) : null,
    role: e.noise.role,
    scope: e.noise.scope,
    note_due_at: e.noise.noteDueAt,
    noise_json: JSON.stringify(e.noise),
  };
}

export const EVENT_COLUMNS = Object.keys(EventRowSchema.shape);
export const ALARM_COLUMNS = Object.keys(AlarmRowSchema.shape);

const OutboxRowSchema = z.object({
  id: num,
  event_key: z.string(),
  op_json: z.string(),
  state: z.enum(['pending', 'inflight', 'done', 'dead', 'cancelled']),
  attempts: num,
  next_attempt_at: z.string(),
  last_error: nullableString,
  last_status: num.nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  incident_sys_id: nullableString.optional(),
  incident_number: nullableString.optional(),
  claim_seq: num.default(0),
  sent_at: nullableString.default(null),
  doubt_until: nullableString.default(null),
});

export function outboxFromRow(row: unknown): OutboxEntry {
  const r = OutboxRowSchema.parse(row);
  return {
    id: r.id,
    eventKey: r.event_key,
    op: OperationSchema.parse(JSON.parse(r.op_json)),
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    lastStatus: r.last_status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    link:
      r.incident_sys_id && r.incident_number ? { sysId: r.incident_sys_id, number: r.incident_number } : null,
    claim: r.claim_seq,
    doubt: r.sent_at && r.doubt_until ? { sentAt: r.sent_at, until: r.doubt_until } : null,
  };
}

const RejectedRowSchema = z.object({
  id: num,
  source: z.string(),
  reason: z.string(),
  content_type: nullableString,
  // BLOB/bytea since the migration that keeps original bytes; older rows may be text.
  body: z.union([z.instanceof(Buffer), z.instanceof(Uint8Array), z.string()]),
  received_at: z.string(),
});
export function rejectedFromRow(row: unknown): RejectedRecord {
  const r = RejectedRowSchema.parse(row);
  return {
    id: r.id,
    source: r.source,
    reason: r.reason,
    contentType: r.content_type,
    body: typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : Buffer.from(r.body),
    receivedAt: r.received_at,
  };
}

const SilenceRowSchema = z.object({
  id: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  matchers_json: z.string(),
  comment: z.string(),
  created_by: z.string(),
  created_at: z.string(),
});
export function silenceFromRow(row: unknown): Silence {
  const r = SilenceRowSchema.parse(row);
  return {
    id: r.id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    match: SilenceMatchSchema.parse(JSON.parse(r.matchers_json)),
    comment: r.comment,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

// The JSON shapes of the public API (snake_case, stable), built from store records.
import { isUtf8 } from 'node:buffer';
import type { AlarmRecord } from '../model/alarm-record.js';
import type { EventRecord } from '../model/event.js';
import type { OutboxEntry, RejectedRecord } from '../store/store.js';

export function eventView(e: EventRecord) {
  return {
    key: e.key,
    correlation_key: e.correlationKey,
    rule: e.rule,
    state: e.state,
    severity: e.severity,
    site: e.site,
    title: e.title,
    incident: e.incidentSysId ? { sys_id: e.incidentSysId, number: e.incidentNumber } : null,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
    last_alarm_at: e.lastAlarmAt,
    raise_at: e.raiseAt,
    resolved_at: e.resolvedAt,
    close_checks: e.closeChecks,
    verdict: e.verdict ? { verdict: e.verdict, evaluated_at: e.verdictAt, checks: e.verdictChecks } : null,
  };
}

export function alarmView(a: AlarmRecord) {
  return {
    identity: a.identity,
    source: a.source,
    id: a.alarmId,
    state: a.state,
    severity: a.severity,
    type: a.type,
    rule: a.rule,
    first_seen_at: a.firstSeenAt,
    last_change_at: a.lastChangeAt,
    last_received_at: a.lastReceivedAt,
    changes: a.changeCount,
    asset: a.alarm.asset,
    value: a.alarm.value ?? null,
    unit: a.alarm.unit ?? null,
    limit: a.alarm.limit ?? null,
    text: a.alarm.text,
    labels: a.alarm.labels,
  };
}

export function deliveryView(d: OutboxEntry) {
  return {
    id: d.id,
    event_key: d.eventKey,
    op: d.op.op,
    state: d.state,
    attempts: d.attempts,
    next_attempt_at: d.nextAttemptAt,
    last_error: d.lastError,
    last_status: d.lastStatus,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    incident: d.link ? { sys_id: d.link.sysId, number: d.link.number } : null,
    payload: d.op,
  };
}

/** The kept bytes as text when they are UTF-8, else as base64 (`body_encoding` says which). */
export function rejectedView(r: RejectedRecord) {
  const utf8 = isUtf8(r.body);
  return {
    id: r.id,
    source: r.source,
    reason: r.reason,
    content_type: r.contentType,
    body: utf8 ? r.body.toString('utf8') : r.body.toString('base64'),
    body_encoding: utf8 ? ('utf8' as const) : ('base64' as const),
    body_bytes: r.body.length,
    received_at: r.receivedAt,
  };
}

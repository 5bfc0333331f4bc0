// The lifecycle as one pure function: given what the store knows and a new alarm, say what changes and
// which ServiceNow operations to enqueue. No I/O here, so every branch is tested with plain data.
import { severityRank, type Alarm } from '../model/alarm.js';
import type { Operation } from '../outbox/operations.js';
import { describeAlarm } from './notes.js';
import type { AlarmRecord, Decision, EventRecord, IngestPlan } from './types.js';

export interface DecideInput {
  alarm: Alarm;
  prev: AlarmRecord | null;
  /** Null when no rule matched (the alarm is recorded, nothing opens). */
  plan: IngestPlan | null;
  /** The event the previous state of this alarm belongs to (if any). */
  prevEvent: EventRecord | null;
  /** The newest event for `plan.correlationKey` (if any). */
  keyEvent: EventRecord | null;
  /** Active alarms attached to `prevEvent`, not counting this one. */
  otherActive: number;
  now: Date;
  correlationDisplay: string;
}

const MAX_KEY = 100;

/** The event key for the n-th incident of one correlation key; stays ≤ 100 chars. */
export function eventKeyFor(correlationKey: string, generation: number): string {
  if (generation <= 1) return correlationKey.slice(0, MAX_KEY);
  const suffix = `#${generation}`;
  return correlationKey.slice(0, MAX_KEY - suffix.length) + suffix;
}

function alarmRecord(input: DecideInput, eventKey: string | null): AlarmRecord {
  const { alarm, prev, now } = input;
  const at = now.toISOString();
  const changed = !prev || prev.state !== alarm.state || prev.severity !== alarm.severity;
  return {
    identity: `${alarm.source}:${alarm.id}`,
    source: alarm.source,
    alarmId: alarm.id,
    state: alarm.state,
    severity: alarm.severity,
    type: alarm.type,
    eventKey,
    rule: input.plan?.rule ?? prev?.rule ?? null,
    firstSeenAt: prev?.firstSeenAt ?? at,
    lastChangeAt: changed ? at : (prev?.lastChangeAt ?? at),
    lastReceivedAt: at,
    changeCount: (prev?.changeCount ?? 0) + (prev && prev.state !== alarm.state ? 1 : 0),
    alarm,
  };
}

function touch(event: EventRecord, now: Date, patch: Partial<EventRecord>): EventRecord {
  const at = now.toISOString();
  return { ...event, ...patch, updatedAt: at };
}

function createOp(input: DecideInput, plan: IngestPlan, key: string): Operation {
  return {
    op: 'create',
    fields: {
      ...plan.fields,
      impact: plan.impact,
      urgency: plan.urgency,
      correlation_id: key,
      correlation_display: input.correlationDisplay,
    },
    references: plan.references,
  };
}

function newEvent(input: DecideInput, plan: IngestPlan, generation: number): Decision {
  const { alarm, now } = input;
  const at = now.toISOString();
  const key = eventKeyFor(plan.correlationKey, generation);
  const held = plan.behaviour.holdDownMs > 0;
  const create = createOp(input, plan, key);
  const event: EventRecord = {
    key,
    correlationKey: plan.correlationKey,
    generation,
    rule: plan.rule,
    state: held ? 'pending' : 'open',
    severity: alarm.severity,
    site: alarm.asset.site ?? null,
    title: String(plan.fields['short_description'] ?? alarm.text),
    createdAt: at,
    updatedAt: at,
    lastAlarmAt: at,
    raiseAt: held ? new Date(now.getTime() + plan.behaviour.holdDownMs).toISOString() : null,
    resolvedAt: null,
    incidentSysId: null,
    incidentNumber: null,
    closeChecks: plan.closeChecks,
    behaviour: plan.behaviour,
    pendingCreate: held ? create : null,
    verdict: null,
    verdictAt: null,
    verdictChecks: null,
  };
  return {
    outcome: held ? 'held' : 'created',
    alarm: alarmRecord(input, key),
    event,
    eventIsNew: true,
    ops: held ? [] : [create],
  };
}

function severityOps(event: EventRecord, input: DecideInput, plan: IngestPlan): Operation[] {
  const { alarm } = input;
  if (severityRank(alarm.severity) >= severityRank(event.severity)) return [];
  return [
    {
      op: 'update',
      fields: { impact: plan.impact, urgency: plan.urgency },
      note: `Severity raised to ${alarm.severity} by ${describeAlarm(alarm)}.`,
    },
  ];
}

function decideClear(input: DecideInput): Decision {
  const { prev, prevEvent, now, alarm } = input;
  if (!prev || !prevEvent) {
    return {
      outcome: 'clear_unknown',
      alarm: alarmRecord(input, prev?.eventKey ?? null),
      event: null,
      eventIsNew: false,
      ops: [],
    };
  }
  const record = alarmRecord(input, prevEvent.key);
  const allClear = input.otherActive === 0;
  const at = now.toISOString();
  if (prevEvent.state === 'pending') {
    // Hold-down: the condition went away before the event was raised, so nothing ever opens.
    const event = allClear
      ? touch(prevEvent, now, { state: 'discarded', pendingCreate: null, lastAlarmAt: at })
      : touch(prevEvent, now, { lastAlarmAt: at });
    return { outcome: allClear ? 'discarded' : 'cleared', alarm: record, event, eventIsNew: false, ops: [] };
  }
  if (prevEvent.state !== 'open') {
    return {
      outcome: 'cleared',
      alarm: record,
      event: touch(prevEvent, now, { lastAlarmAt: at }),
      eventIsNew: false,
      ops: [],
    };
  }
  const ops: Operation[] = [{ op: 'note', text: `Cleared: ${describeAlarm(alarm)}.` }];
  if (allClear && prevEvent.behaviour.autoResolve) {
    if (prevEvent.closeChecks.length === 0) {
      ops.push({ op: 'resolve', note: 'All alarms cleared; resolved automatically by Closeloop.' });
      const event = touch(prevEvent, now, { state: 'resolved', resolvedAt: at, lastAlarmAt: at });
      return { outcome: 'resolved', alarm: record, event, eventIsNew: false, ops };
    }
    // With close checks the watcher resolves once the verdict is pass; an alarm clear is not enough.
    return {
      outcome: 'awaiting_verdict',
      alarm: record,
      event: touch(prevEvent, now, { lastAlarmAt: at }),
      eventIsNew: false,
      ops,
    };
  }
  return {
    outcome: 'cleared',
    alarm: record,
    event: touch(prevEvent, now, { lastAlarmAt: at }),
    eventIsNew: false,
    ops,
  };
}

function isLive(e: EventRecord | null): e is EventRecord {
  return !!e && (e.state === 'open' || e.state === 'pending');
}

function decideActive(input: DecideInput, plan: IngestPlan): Decision {
  const { prev, prevEvent, keyEvent, now, alarm } = input;
  const at = now.toISOString();
  // An alarm already attached to a live event stays with it, even if its rendered key changed.
  const current = isLive(prevEvent) ? prevEvent : isLive(keyEvent) ? keyEvent : null;
  if (current) {
    const sameEvent = prev?.eventKey === current.key;
    const sev = severityOps(current, input, plan);
    const severity = sev.length ? alarm.severity : current.severity;
    const event = touch(current, now, { lastAlarmAt: at, severity });
    const record = alarmRecord(input, current.key);
    if (current.state === 'pending')
      return { outcome: 'attached', alarm: record, event, eventIsNew: false, ops: [] };
    if (sameEvent && prev?.state === 'active') {
      return {
        outcome: sev.length ? 'severity_raised' : 'repeat',
        alarm: record,
        event,
        eventIsNew: false,
        ops: sev,
      };
    }
    const text = sameEvent ? `Active again: ${describeAlarm(alarm)}.` : `Joined: ${describeAlarm(alarm)}.`;
    return {
      outcome: sameEvent ? 'reactivated' : sev.length ? 'severity_raised' : 'attached',
      alarm: record,
      event,
      eventIsNew: false,
      ops: [{ op: 'note', text }, ...sev],
    };
  }
  if (keyEvent && keyEvent.state === 'resolved' && keyEvent.resolvedAt) {
    const age = now.getTime() - Date.parse(keyEvent.resolvedAt);
    if (age <= keyEvent.behaviour.reopenWindowMs && keyEvent.incidentSysId !== null) {
      const event = touch(keyEvent, now, {
        state: 'open',
        resolvedAt: null,
        lastAlarmAt: at,
        verdict: null,
        verdictAt: null,
        verdictChecks: null,
      });
      return {
        outcome: 'reopened',
        alarm: alarmRecord(input, keyEvent.key),
        event,
        eventIsNew: false,
        ops: [{ op: 'reopen', note: `Reopened by Closeloop: ${describeAlarm(alarm)} is active again.` }],
      };
    }
  }
  return newEvent(input, plan, keyEvent ? keyEvent.generation + 1 : 1);
}

export function decide(input: DecideInput): Decision {
  const { alarm, prev, plan } = input;
  const unchanged = prev && prev.state === alarm.state && prev.severity === alarm.severity;
  if (unchanged && (alarm.state === 'cleared' || isLive(input.prevEvent))) {
    // A repeat of what we already know: refresh, never call ServiceNow.
    return {
      outcome: 'repeat',
      alarm: alarmRecord(input, prev.eventKey),
      event: null,
      eventIsNew: false,
      ops: [],
    };
  }
  if (alarm.state === 'cleared') return decideClear(input);
  if (!plan)
    return { outcome: 'unmatched', alarm: alarmRecord(input, null), event: null, eventIsNew: false, ops: [] };
  return decideActive(input, plan);
}

// The lifecycle as one pure function: given what the store knows and a new alarm, say what changes and
// which ServiceNow operations to enqueue. No I/O here, so every branch is tested with plain data.
import { severityRank, type Alarm } from '../model/alarm.js';
import type { AlarmRecord } from '../model/alarm-record.js';
import type { RenderedCheck } from '../model/close-check.js';
import { emptyNoise, type EventRecord } from '../model/event.js';
import type { IngestPlan } from '../model/ingest.js';
import type { Operation } from '../model/operation.js';
import { describeAlarm } from './notes.js';
import type { Decision, NoisePolicy } from './types.js';

export interface DecideInput {
  alarm: Alarm;
  prev: AlarmRecord | null;
  /** Null when no rule matched (the alarm is recorded, nothing opens). */
  plan: IngestPlan | null;
  /** The event the previous state of this alarm belongs to (if any). */
  prevEvent: EventRecord | null;
  /** The newest event for `plan.correlationKey`. */
  keyEvent: EventRecord | null;
  /** For an effect: a live cause event whose scope covers it (inhibition), when `keyEvent` cannot be joined. */
  causeEvent?: EventRecord | null;
  /** Active alarms attached to `prevEvent`, not counting this one. */
  otherActive: number;
  /**
   * Active alarms attached to `keyEvent` / `causeEvent`, not counting this one: needed only where
   * `needsActiveCount` says so (the event's last alarm is older than the correlation window).
   */
  keyEventActive?: number;
  causeEventActive?: number;
  now: Date;
  correlationDisplay: string;
  policy: NoisePolicy;
  /** A maintenance window covering this alarm: new events wait until it ends. */
  silence: { id: string; untilMs: number } | null;
}

const MAX_KEY = 100;

/** The event key for the n-th incident of one correlation key; stays ≤ 100 chars. */
export function eventKeyFor(correlationKey: string, generation: number): string {
  if (generation <= 1) return correlationKey.slice(0, MAX_KEY);
  const suffix = `#${generation}`;
  return correlationKey.slice(0, MAX_KEY - suffix.length) + suffix;
}

function alarmRecord(input: DecideInput, eventKey: string | null): AlarmRecord {
  const { alarm, prev, now, policy } = input;
  const at = now.toISOString();
  const changed = !prev || prev.state !== alarm.state || prev.severity !== alarm.severity;
  const stateChanged = !!prev && prev.state !== alarm.state;
  const horizon = now.getTime() - policy.flapWindowMs;
  const recentChanges = [...(prev?.recentChanges ?? []), ...(stateChanged ? [at] : [])].filter(
    (t) => Date.parse(t) >= horizon,
  );
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
    changeCount: (prev?.changeCount ?? 0) + (stateChanged ? 1 : 0),
    recentChanges,
    flapping: recentChanges.length > policy.flapChanges,
    alarm,
  };
}

function touch(event: EventRecord, now: Date, patch: Partial<EventRecord>): EventRecord {
  return { ...event, ...patch, updatedAt: now.toISOString() };
}

/** A flapping alarm's notes collapse into one line per alarm in the next periodic summary. */
function recordFlap(event: EventRecord, rec: AlarmRecord): EventRecord {
  const label = `${rec.alarm.asset.equipmentName ?? rec.alarm.asset.equipmentId ?? rec.alarm.asset.rack ?? rec.source} ${rec.type}`;
  const prior = event.noise.flapping[rec.identity];
  const flapping = {
    ...event.noise.flapping,
    [rec.identity]: {
      label,
      changes: (prior?.changes ?? 0) + 1,
      since: prior?.since ?? rec.recentChanges[0] ?? rec.lastChangeAt,
      state: rec.state,
    },
  };
  return { ...event, noise: { ...event.noise, flapping } };
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
  const { alarm, now, silence } = input;
  const at = now.toISOString();
  const key = eventKeyFor(plan.correlationKey, generation);
  const holdUntil = plan.behaviour.holdDownMs > 0 ? now.getTime() + plan.behaviour.holdDownMs : 0;
  const raiseMs = Math.max(holdUntil, silence?.untilMs ?? 0);
  const held = raiseMs > 0;
  const create = createOp(input, plan, key);
  const event: EventRecord = {
    key,
    correlationKey: plan.correlationKey,
    generation,
    kind: 'alarms',
    rule: plan.rule,
    state: held ? 'pending' : 'open',
    severity: alarm.severity,
    site: alarm.asset.site ?? null,
    title: String(plan.fields['short_description'] ?? alarm.text),
    createdAt: at,
    updatedAt: at,
    lastAlarmAt: at,
    raiseAt: held ? new Date(raiseMs).toISOString() : null,
    resolvedAt: null,
    incidentSysId: null,
    incidentNumber: null,
    closeChecks: plan.closeChecks,
    behaviour: plan.behaviour,
    pendingCreate: held ? create : null,
    verdict: null,
    verdictAt: null,
    verdictChecks: null,
    noise: {
      ...emptyNoise(plan.role ?? 'standalone'),
      scope: plan.scope ?? null,
      scopes: plan.scopes ?? [],
      silencedBy: silence ? silence.id : null,
    },
  };
  return {
    outcome: silence ? 'silenced' : held ? 'held' : 'created',
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

/**
 * A cause-side alarm (CRAH, CDU, UPS) joining an event opened by effects (GPU, rack inlet) takes the
 * event over: the incident is re-described and reassigned to the facility owner, effects stay listed.
 */
function adoptByCause(
  event: EventRecord,
  input: DecideInput,
  plan: IngestPlan,
): { event: EventRecord; ops: Operation[] } {
  if (plan.role !== 'cause' || event.noise.role === 'cause') return { event, ops: [] };
  const closeChecks = mergeChecks(plan.closeChecks, event.closeChecks);
  const adopted: EventRecord = {
    ...event,
    rule: plan.rule,
    title: String(plan.fields['short_description'] ?? event.title),
    closeChecks,
    behaviour: plan.behaviour,
    noise: { ...event.noise, role: 'cause', scope: plan.scope ?? event.noise.scope },
  };
  if (event.state === 'pending') {
    // Not raised yet: the incident will simply be created as the cause's.
    const create = createOp(input, plan, event.key);
    return { event: { ...adopted, title: adopted.title, pendingCreate: create }, ops: [] };
  }
  const { impact: _i, urgency: _u, ...fields } = plan.fields;
  return {
    event: adopted,
    ops: [
      {
        op: 'update',
        fields,
        references: plan.references,
        note: `Cause identified: ${describeAlarm(input.alarm)}. This incident is now owned by rule "${plan.rule}"; the earlier alarms are its effects.`,
      },
    ],
  };
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
    // Hold-down / maintenance: the condition went away before the event was raised, so nothing opens.
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
  let event = touch(prevEvent, now, { lastAlarmAt: at });
  const ops: Operation[] = [];
  if (record.flapping) event = recordFlap(event, record);
  else ops.push({ op: 'note', text: `Cleared: ${describeAlarm(alarm)}.` });
  const flapping = record.flapping || Object.keys(event.noise.flapping).length > 0;
  if (allClear && prevEvent.behaviour.autoResolve && !flapping) {
    if (prevEvent.closeChecks.length === 0) {
      ops.push({ op: 'resolve', note: 'All alarms cleared; resolved automatically by Closeloop.' });
      return {
        outcome: 'resolved',
        alarm: record,
        event: { ...event, state: 'resolved', resolvedAt: at },
        eventIsNew: false,
        ops,
      };
    }
    // With close checks the watcher resolves once the verdict is pass; an alarm clear is not enough.
    return { outcome: 'awaiting_verdict', alarm: record, event, eventIsNew: false, ops };
  }
  return { outcome: 'cleared', alarm: record, event, eventIsNew: false, ops };
}

function checkId(c: RenderedCheck): string {
  return `${c.name}\u0000${c.query}`;
}

/** The checks of `a`, then those of `b` not already there (same name and rendered query). */
export function mergeChecks(a: RenderedCheck[], b: RenderedCheck[]): RenderedCheck[] {
  const seen = new Set(a.map(checkId));
  return [...a, ...b.filter((c) => !seen.has(checkId(c)))];
}

function isLive(e: EventRecord | null | undefined): e is EventRecord {
  return !!e && (e.state === 'open' || e.state === 'pending');
}

/** Whether the last alarm of a live event `e` is older than the plan's correlation window. */
function quietFor(e: EventRecord, plan: IngestPlan, now: Date): boolean {
  return now.getTime() - Date.parse(e.lastAlarmAt) > plan.correlationWindowMs;
}

/**
 * Whether `decide` must know how many alarms of the live event `e` are active (besides the incoming
 * one) to tell whether an alarm of `plan` may join it: only when `e` has been quiet for longer than
 * the correlation window. Callers count then, and only then.
 */
export function needsActiveCount(
  e: EventRecord | null | undefined,
  plan: IngestPlan | null,
  now: Date,
): e is EventRecord {
  return !!plan && isLive(e) && quietFor(e, plan, now);
}

/**
 * correlation.window: an alarm joins a live event while one of the event's alarms is still active or
 * its last alarm changed within the window. An event whose alarms all cleared longer ago than that
 * (it waits for a verdict, or for someone to close it) is not joined: the alarm opens a new incident.
 * `active` is the count `needsActiveCount` asked for; not counted means not needed.
 */
export function joinable(
  e: EventRecord | null | undefined,
  plan: IngestPlan,
  now: Date,
  active: number | undefined,
): e is EventRecord {
  // Only events alarms opened are joined by alarms (a storm incident never is, whatever its key).
  if (!isLive(e) || e.kind !== 'alarms') return false;
  if (!quietFor(e, plan, now)) return true;
  return active === undefined || active > 0;
}

function decideActive(input: DecideInput, plan: IngestPlan): Decision {
  const { prev, prevEvent, keyEvent, causeEvent, now, alarm } = input;
  const at = now.toISOString();
  // An alarm already attached to a live event stays with it, even if its rendered key changed; any
  // other joins the live event of its key, or else (an effect) the live cause covering it.
  const current = isLive(prevEvent)
    ? prevEvent
    : joinable(keyEvent, plan, now, input.keyEventActive)
      ? keyEvent
      : joinable(causeEvent, plan, now, input.causeEventActive)
        ? causeEvent
        : null;
  if (current) {
    const sameEvent = prev?.eventKey === current.key;
    const record = alarmRecord(input, current.key);
    const sev = severityOps(current, input, plan);
    const severity = sev.length ? alarm.severity : current.severity;
    const scopes = [...new Set([...current.noise.scopes, ...(plan.scopes ?? [])])];
    // Every attached alarm's close checks guard the incident (the GPU checks of an effect too).
    const closeChecks = mergeChecks(current.closeChecks, plan.closeChecks);
    const base = touch(current, now, {
      lastAlarmAt: at,
      severity,
      closeChecks,
      noise: { ...current.noise, scopes },
    });
    const adoption = adoptByCause(base, input, plan);
    let event = adoption.event;
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
    const notes: Operation[] = [];
    if (sameEvent && record.flapping) event = recordFlap(event, record);
    else if (!adoption.ops.length) {
      notes.push({
        op: 'note',
        text: sameEvent ? `Active again: ${describeAlarm(alarm)}.` : `Joined: ${describeAlarm(alarm)}.`,
      });
    }
    return {
      outcome: sameEvent ? 'reactivated' : sev.length ? 'severity_raised' : 'attached',
      alarm: record,
      event,
      eventIsNew: false,
      ops: [...adoption.ops, ...notes, ...sev],
    };
  }
  if (keyEvent && keyEvent.kind === 'alarms' && keyEvent.state === 'resolved' && keyEvent.resolvedAt) {
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
  const generation =
    keyEvent && keyEvent.correlationKey === plan.correlationKey ? keyEvent.generation + 1 : 1;
  return newEvent(input, plan, generation);
}

/**
 * When an update happened by its source's own clock, or undefined when the decoder filled in the
 * receive time. Bounded by its arrival: a clock running ahead cannot make one update outrank later ones.
 */
export function sourceTimeMs(a: Alarm): number | undefined {
  if (a.clock !== 'source') return undefined;
  const t = Date.parse(a.raisedAt);
  const received = Date.parse(a.receivedAt);
  return Number.isNaN(t) ? undefined : Number.isNaN(received) ? t : Math.min(t, received);
}

/**
 * The source time of `prev`'s update when `alarm` is older than it by the source's own clock (a
 * delayed, reordered or replayed update), else undefined. Only two source times are compared: with a
 * receive time on either side, arrival order stands.
 */
export function newerUpdateAt(alarm: Alarm, prev: AlarmRecord | null): string | undefined {
  if (!prev) return undefined;
  const incoming = sourceTimeMs(alarm);
  const applied = sourceTimeMs(prev.alarm);
  if (incoming === undefined || applied === undefined || incoming >= applied) return undefined;
  return new Date(applied).toISOString();
}

export function decide(input: DecideInput): Decision {
  const { alarm, prev, plan } = input;
  const newerAt = newerUpdateAt(alarm, prev);
  if (prev && newerAt !== undefined) {
    // Out of order or replayed: the alarm, its event and ServiceNow stay as the newer update left them.
    return {
      outcome: 'stale',
      alarm: { ...prev, lastReceivedAt: input.now.toISOString() },
      event: null,
      eventIsNew: false,
      ops: [],
      stale: { update: alarm, newerAt },
    };
  }
  const unchanged = prev && prev.state === alarm.state && prev.severity === alarm.severity;
  if (unchanged && (alarm.state === 'cleared' || isLive(input.prevEvent))) {
    // A repeat of what we already know: refresh, never call ServiceNow.
    return {
      outcome: 'repeat',
      alarm: { ...alarmRecord(input, prev.eventKey) },
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

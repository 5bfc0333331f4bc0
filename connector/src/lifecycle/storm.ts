// Storm control: past a rate of new incidents per minute (per source, and in all), new events are
// parked instead of opened, and one "alarm storm at SITE" incident says so with counts. When the
// storm passes, parked events whose alarms are still active are released as normal incidents.
// What a storm event is (its kind, its key) and what counts as a new incident is decided here only.
import { emptyNoise, type EventKind, type EventRecord } from '../model/event.js';
import type { Operation } from '../model/operation.js';
import { eventKeyFor } from './decide.js';
import type { LogOutcome, OutcomeCount } from './ports.js';
import type { Decision, NoisePolicy } from './types.js';

/** The kind of event a storm incident is (stored with the event). */
export const STORM_KIND: EventKind = 'storm';

/** The rates are per minute. */
export const STORM_WINDOW_MS = 60_000;

/** What the alarm log counts as a new incident: opened, parked instead, or released from a storm. */
export const CREATION_OUTCOMES: readonly LogOutcome[] = ['created', 'parked', 'released'];

/** New incidents within the storm window ending at `now`. */
export function creationCount(now: Date): OutcomeCount {
  return { sinceIso: new Date(now.getTime() - STORM_WINDOW_MS).toISOString(), outcomes: CREATION_OUTCOMES };
}

/** Whether the policy limits new incidents at all. */
export function stormControlled(policy: NoisePolicy): boolean {
  return !!(policy.stormPerSource || policy.stormGlobal);
}

export function isStormEvent(e: EventRecord): boolean {
  return e.kind === STORM_KIND;
}

/** The correlation key of a site's storm incidents (one generation per storm). */
export function stormCorrelationKey(site: string | null): string {
  return `storm/${site ?? 'unknown-site'}`;
}

/** Turn a decision that would open an incident into one that parks the event. */
export function park(d: Decision, stormKey: string): Decision {
  if (!d.event || d.outcome !== 'created') return d;
  const create = d.ops.find((o) => o.op === 'create') ?? null;
  return {
    ...d,
    outcome: 'parked',
    event: {
      ...d.event,
      state: 'pending',
      raiseAt: null,
      pendingCreate: create,
      noise: { ...d.event.noise, parked: true, mergedInto: stormKey },
    },
    ops: [],
  };
}

/** The storm incident of a site: created on the first parked event, then counted up by notes. */
export function stormEvent(
  existing: EventRecord | null,
  site: string | null,
  parkedTitle: string,
  now: Date,
  display: string,
): { event: EventRecord; ops: Operation[]; isNew: boolean } {
  const at = now.toISOString();
  const live = existing && isStormEvent(existing) && existing.state === 'open' ? existing : null;
  if (live) {
    const n = live.noise.stormParked + 1;
    return {
      event: { ...live, updatedAt: at, lastAlarmAt: at, noise: { ...live.noise, stormParked: n } },
      ops: [{ op: 'note', text: `Held back (${n}): ${parkedTitle}` }],
      isNew: false,
    };
  }
  const ck = stormCorrelationKey(site);
  const key = eventKeyFor(ck, existing ? existing.generation + 1 : 1);
  const where = site ?? 'an unknown site';
  const event: EventRecord = {
    key,
    correlationKey: ck,
    generation: existing ? existing.generation + 1 : 1,
    kind: STORM_KIND,
    rule: 'storm-control',
    state: 'open',
    severity: 'major',
    site,
    title: `Alarm storm at ${where}: new incidents held back`,
    createdAt: at,
    updatedAt: at,
    lastAlarmAt: at,
    raiseAt: null,
    resolvedAt: null,
    incidentSysId: null,
    incidentNumber: null,
    closeChecks: [],
    behaviour: { autoResolve: true, reopenWindowMs: 0, holdDownMs: 0 },
    pendingCreate: null,
    verdict: null,
    verdictAt: null,
    verdictChecks: null,
    noise: { ...emptyNoise('standalone'), stormParked: 1 },
  };
  return {
    event,
    isNew: true,
    ops: [
      {
        op: 'create',
        fields: {
          short_description: event.title,
          description:
            `More new events arrived at ${where} than the storm limit allows per minute. Closeloop holds new ones back ` +
            `and lists them here; each is released as its own incident when the storm passes if its alarms are still active. ` +
            `Every alarm is recorded: see GET /v1/events?state=pending.\n\nFirst held back: ${parkedTitle}`,
          impact: 2,
          urgency: 1,
          category: 'facilities',
          correlation_id: key,
          correlation_display: display,
        },
        references: {},
      },
    ],
  };
}

/** Notes for the storm incident when the storm is over. */
export function stormOverOps(storm: EventRecord, released: number, stillParked: number): Operation[] {
  if (stillParked > 0)
    return [
      {
        op: 'note',
        text: `Storm easing: released ${released} held-back event(s) as incidents; ${stillParked} still held.`,
      },
    ];
  const total = storm.noise.stormParked;
  const cleared = Math.max(0, total - storm.noise.stormReleased - released);
  return [
    {
      op: 'resolve',
      note: `Storm over: ${total} event(s) were held back; ${storm.noise.stormReleased + released} released as incidents, ${cleared} cleared while held back.`,
    },
  ];
}

export interface ReleasePlan {
  /** Parked events to open now (their pending create is enqueued). */
  release: EventRecord[];
  storm: EventRecord;
  stormOps: Operation[];
}

/**
 * When the rate of new events in the last minute is back under the global limit, release parked events
 * still active, oldest first, without exceeding the limit; close the storm incident once none is left.
 */
export function planRelease(
  storm: EventRecord,
  parked: EventRecord[],
  rateLastMinute: number,
  limit: number,
  now: Date,
): ReleasePlan | null {
  if (rateLastMinute >= limit) return null;
  const room = limit - rateLastMinute;
  const release = [...parked].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(0, room);
  const left = parked.length - release.length;
  if (release.length === 0 && left > 0) return null;
  const at = now.toISOString();
  const ops = stormOverOps(storm, release.length, left);
  const next: EventRecord = {
    ...storm,
    updatedAt: at,
    ...(left === 0 ? { state: 'resolved' as const, resolvedAt: at } : {}),
    noise: { ...storm.noise, stormReleased: storm.noise.stormReleased + release.length },
  };
  return { release, storm: next, stormOps: ops };
}

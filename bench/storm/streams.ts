// A stream is one thing that sends messages: a BMS point, a BMC or CDU sensor, an Alertmanager group
// (one host, one alertname) or a UPS agent. Each has a timeline of state changes (its base
// messages) and can send a repeat of its current state at any moment while active.
import type { Rng } from './prng.js';
import {
  alertmanagerBody,
  bmsBody,
  redfishBody,
  upsAlarmEntryTrap,
  upsOnBatteryTrap,
  UPS_MIB,
  type AlertState,
  type BmsAlarm,
  type GpuAlert,
  type JsonValue,
  type TrapSpec,
} from './payloads.js';

export type StormSource = 'bms' | 'bmc' | 'redfish' | 'alertmanager' | 'snmp';
export type MessageKind = 'raise' | 'clear' | 'change' | 'repeat';
export type Payload = { transport: 'http'; body: JsonValue } | { transport: 'snmp'; trap: TrapSpec };

export interface Draft {
  atMs: number;
  kind: MessageKind;
  payload: Payload;
}

export interface Stream {
  key: string;
  source: StormSource;
  device: string;
  fault: string;
  /** State changes of the stream's alarm(s) within the storm. */
  stateChanges: number;
  base: Draft[];
  /** [start, end) intervals in which repeats may be sent (the alarm is active and known). */
  intervals: Array<[number, number]>;
  repeat(atMs: number): Draft;
}

/** Alternating changes, starting with `active`. */
export type Timeline = number[];

export function activeAt(tl: Timeline, t: number): boolean {
  let n = 0;
  for (const at of tl) if (at <= t) n++;
  return n % 2 === 1;
}

export function intervalsOf(tl: Timeline, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < tl.length; i += 2) {
    const s = tl[i]!;
    const e = Math.min(tl[i + 1] ?? end, end);
    if (e > s) out.push([s, e]);
  }
  return out;
}

/** Onset at `start`, then `flaps` clear/raise pairs with gaps in [minGap, maxGap] ms, ending active. */
export function onsetWithFlaps(
  rng: Rng,
  start: number,
  flaps: number,
  minGap: number,
  maxGap: number,
): Timeline {
  const tl = [start];
  let t = start;
  for (let i = 0; i < flaps * 2; i++) {
    t += rng.int(minGap, maxGap);
    tl.push(t);
  }
  return tl;
}

/** Toggles every [minGap, maxGap] ms from `start` until `end`: a sensor hovering at its threshold. */
export function flapping(rng: Rng, start: number, end: number, minGap: number, maxGap: number): Timeline {
  const tl: Timeline = [];
  for (let t = start; t < end; t += rng.int(minGap, maxGap)) tl.push(t);
  return tl;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

// ---------- BMS ----------
export interface BmsStreamSpec {
  alarm: BmsAlarm;
  fault: string;
  timeline: Timeline;
  /** Reading while active at t (null: the alarm carries no reading). */
  reading: ((t: number) => number) | null;
  /** Reading when back to normal. */
  normal: number | null;
  text: (active: boolean, value: number | null) => string;
}

export function bmsStream(spec: BmsStreamSpec, rng: Rng, epochMs: number, end: number): Stream {
  const value = (t: number, active: boolean): number | null => {
    if (!spec.reading) return null;
    return active ? round1(spec.reading(t) + rng.real(-0.2, 0.2)) : spec.normal;
  };
  const draft = (t: number, active: boolean, kind: MessageKind): Draft => {
    const v = value(t, active);
    return {
      atMs: t,
      kind,
      payload: { transport: 'http', body: bmsBody(spec.alarm, epochMs + t, active, v, spec.text(active, v)) },
    };
  };
  const base = spec.timeline
    .filter((t) => t < end)
    .map((t, i) => draft(t, i % 2 === 0, i % 2 === 0 ? 'raise' : 'clear'));
  return {
    key: `bms:${spec.alarm.device.id}:${spec.alarm.code}`,
    source: 'bms',
    device: spec.alarm.device.id,
    fault: spec.fault,
    stateChanges: base.length,
    base,
    intervals: intervalsOf(spec.timeline, end),
    repeat: (t) => draft(t, true, 'repeat'),
  };
}

// ---------- Redfish ----------
export interface RedfishStreamSpec {
  source: 'bmc' | 'redfish';
  device: string;
  fault: string;
  context: string;
  origin: string;
  timeline: Timeline;
  raise: { messageId: string; severity: 'Warning' | 'Critical' };
  clearMessageId: string;
  /** Message text and args for a reading at t; `active` false gives the normal-range message. */
  message: (active: boolean, value: number) => { text: string; args: string[] };
  reading: (t: number, active: boolean) => number;
}

export function redfishStream(spec: RedfishStreamSpec, rng: Rng, epochMs: number, end: number): Stream {
  let eventId = 1000 + rng.int(0, 8000);
  const draft = (t: number, active: boolean, kind: MessageKind): Draft => {
    const v = round1(spec.reading(t, active) + rng.real(-0.2, 0.2));
    const m = spec.message(active, v);
    return {
      atMs: t,
      kind,
      payload: {
        transport: 'http',
        body: redfishBody(
          spec.context,
          ++eventId,
          epochMs + t,
          active ? spec.raise.messageId : spec.clearMessageId,
          active ? spec.raise.severity : 'OK',
          m.text,
          m.args,
          spec.origin,
        ),
      },
    };
  };
  const base = spec.timeline
    .filter((t) => t < end)
    .map((t, i) => draft(t, i % 2 === 0, i % 2 === 0 ? 'raise' : 'clear'));
  return {
    key: `${spec.source}:${spec.origin}`,
    source: spec.source,
    device: spec.device,
    fault: spec.fault,
    stateChanges: base.length,
    base,
    intervals: intervalsOf(spec.timeline, end),
    repeat: (t) => draft(t, true, 'repeat'),
  };
}

// ---------- Alertmanager ----------
export interface AlertTimeline {
  alert: GpuAlert;
  timeline: Timeline;
}

/** Alertmanager's grouping as configured for the storm: group_wait and group_interval. */
export const AM_GROUP_WAIT_MS = 2000;
export const AM_GROUP_INTERVAL_MS = 5000;

function stateAt(a: AlertTimeline, t: number): AlertState {
  let startsAtMs = a.timeline[0]!;
  let endsAtMs: number | null = null;
  let firing = false;
  for (let i = 0; i < a.timeline.length && a.timeline[i]! <= t; i++) {
    firing = i % 2 === 0;
    if (firing) {
      startsAtMs = a.timeline[i]!;
      endsAtMs = null;
    } else endsAtMs = a.timeline[i]!;
  }
  return { alert: a.alert, firing, startsAtMs, endsAtMs };
}

/**
 * One host's group for one alertname. Notifications go out group_wait after the first alert fires,
 * then at most every group_interval while the group changed; resolved alerts are sent once.
 */
export function alertmanagerStream(
  alertname: string,
  host: string,
  rack: string,
  fault: string,
  alerts: AlertTimeline[],
  epochMs: number,
  end: number,
): Stream | null {
  const changes = [...new Set(alerts.flatMap((a) => a.timeline))]
    .filter((t) => t < end)
    .sort((x, y) => x - y);
  if (changes.length === 0) return null;
  const body = (t: number, include: (s: AlertState) => boolean) =>
    alertmanagerBody(
      alertname,
      host,
      rack,
      alerts
        .map((a) => stateAt(a, t))
        .filter(include)
        .map((s) => ({
          ...s,
          startsAtMs: epochMs + s.startsAtMs,
          endsAtMs: s.endsAtMs === null ? null : epochMs + s.endsAtMs,
        })),
    );
  const base: Draft[] = [];
  let last = -Infinity;
  let sentUpTo = -Infinity;
  for (const c of changes) {
    if (c <= sentUpTo) continue;
    const at = last === -Infinity ? c + AM_GROUP_WAIT_MS : Math.max(c, last + AM_GROUP_INTERVAL_MS);
    if (at >= end) break;
    const since = last;
    // Firing alerts, and alerts resolved since the previous notification.
    const b = body(at, (s) => s.firing || (s.endsAtMs !== null && s.endsAtMs > since));
    base.push({ atMs: at, kind: 'change', payload: { transport: 'http', body: b } });
    last = at;
    sentUpTo = at;
  }
  if (base.length === 0) return null;
  // Repeats: the group's firing alerts re-sent (repeat_interval, or the HA peer's copy).
  const firingIntervals = alerts.flatMap((a) => intervalsOf(a.timeline, end));
  const intervals = mergeIntervals(firingIntervals)
    .map(([s, e]): [number, number] => [Math.max(s, base[0]!.atMs), e])
    .filter(([s, e]) => e > s);
  // Flapping is judged per alert (per alarm), as the connector does.
  const stateChanges = Math.max(...alerts.map((a) => a.timeline.filter((t) => t < end).length));
  return {
    key: `alertmanager:${alertname}:${host}`,
    source: 'alertmanager',
    device: host,
    fault,
    stateChanges,
    base,
    intervals,
    repeat: (t) => ({
      atMs: t,
      kind: 'repeat',
      payload: { transport: 'http', body: body(t, (s) => s.firing) },
    }),
  };
}

function mergeIntervals(list: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const lastI = out[out.length - 1];
    if (lastI && s <= lastI[1]) lastI[1] = Math.max(lastI[1], e);
    else out.push([s, e]);
  }
  return out;
}

// ---------- UPS (SNMP) ----------
/**
 * A UPS whose input keeps failing: each battery episode sends upsAlarmEntryAdded (input bad, on
 * battery) and upsTrapOnBattery; the return to mains removes both alarm entries. While on battery,
 * upsTrapOnBattery repeats with the seconds on battery.
 */
export function upsStream(
  device: string,
  agent: string,
  fault: string,
  timeline: Timeline,
  end: number,
): Stream {
  const base: Draft[] = [];
  const trap = (atMs: number, kind: MessageKind, t: TrapSpec): Draft => ({
    atMs,
    kind,
    payload: { transport: 'snmp', trap: t },
  });
  const episodes = intervalsOf(timeline, end);
  let row = 40;
  for (const [s, e] of episodes) {
    const input = ++row;
    const batt = ++row;
    base.push(trap(s, 'raise', upsAlarmEntryTrap(agent, true, input, UPS_MIB.alarmInputBad)));
    base.push(trap(s + 20, 'raise', upsOnBatteryTrap(agent, 0, 38)));
    base.push(trap(s + 40, 'raise', upsAlarmEntryTrap(agent, true, batt, UPS_MIB.alarmOnBattery)));
    if (e < end && timeline.includes(e)) {
      base.push(trap(e, 'clear', upsAlarmEntryTrap(agent, false, batt, UPS_MIB.alarmOnBattery)));
      base.push(
        trap(
          Math.min(e + 20, end - 1),
          'clear',
          upsAlarmEntryTrap(agent, false, input, UPS_MIB.alarmInputBad),
        ),
      );
    }
  }
  const startOf = (t: number): number => episodes.find(([s, e]) => t >= s && t < e)?.[0] ?? t;
  return {
    key: `snmp:${agent}`,
    source: 'snmp',
    device,
    fault,
    stateChanges: timeline.filter((t) => t < end).length,
    base,
    // Repeats after the episode's first traps.
    intervals: episodes.map(([s, e]): [number, number] => [s + 60, e]).filter(([s, e]) => e > s),
    repeat: (t) => {
      const secs = Math.max(1, Math.round((t - startOf(t)) / 1000));
      return trap(t, 'repeat', upsOnBatteryTrap(agent, secs, Math.max(1, 38 - Math.floor(secs / 60))));
    },
  };
}

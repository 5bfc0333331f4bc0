// An event's story in time order, from what the store keeps: the event's own milestones, each alarm
// update as it came (raised, cleared, severity changed — each with the reading it carried, from the
// alarm log), the verdicts and every ServiceNow write with its outcome.
import type { Alarm } from '../model/alarm.js';
import type { Operation } from '../model/operation.js';
import type { AlarmLogEntry, EventDetail, OutboxEntry } from '../store/store.js';

export type TimelineKind = 'event' | 'alarm' | 'write' | 'verdict';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  /** ok = went well, bad = failed or out of range, wait = pending, info = neutral. */
  tone: 'ok' | 'bad' | 'wait' | 'info';
  text: string;
}

function alarmName(a: Pick<Alarm, 'source' | 'asset' | 'type'>): string {
  const asset = a.asset;
  return `${a.source} ${asset.equipmentName ?? asset.equipmentId ?? asset.rack ?? ''} ${a.type}`.replace(
    /\s+/g,
    ' ',
  );
}

/** ": 29 °C", or nothing when the update carried no reading. */
function reading(a: Alarm): string {
  return a.value !== undefined ? `: ${a.value}${a.unit ? ` ${a.unit}` : ''}` : '';
}

/**
 * Each logged update of the event's alarms, told against the one before it of the same alarm. When
 * older updates were left out, the first one seen of an alarm is not called its raise.
 */
function historyEntries(eventKey: string, history: AlarmHistory): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const prev = new Map<string, Alarm>();
  for (const h of history.entries) {
    const a = h.alarm;
    const name = alarmName(a);
    const from =
      h.eventKey && h.eventKey !== eventKey ? ` (under event ${h.eventKey}, adopted by this one)` : '';
    const entry = (tone: TimelineEntry['tone'], what: string) =>
      out.push({ at: h.receivedAt, kind: 'alarm', tone, text: `Alarm ${name}${what}${from}` });
    if (h.outcome === 'stale') {
      entry(
        'info',
        `: an update older (by the source clock) than one already applied was ignored (${a.state}${a.value !== undefined ? `, ${reading(a).slice(2)}` : ''})`,
      );
      continue;
    }
    const p = prev.get(h.identity);
    prev.set(h.identity, a);
    if (!p) {
      if (a.state === 'cleared') entry('ok', ` cleared${reading(a)}`);
      else entry('bad', ` ${history.truncated ? 'active' : 'raised'} (${a.severity})${reading(a)}`);
    } else if (p.state !== a.state) {
      if (a.state === 'cleared') entry('ok', ` cleared${reading(a)}`);
      else entry('bad', ` active again (${a.severity})${reading(a)}`);
    } else if (p.severity !== a.severity) {
      entry(a.state === 'active' ? 'bad' : 'info', ` severity ${p.severity} → ${a.severity}${reading(a)}`);
    } else {
      entry('info', ` ${h.outcome.replace(/_/g, ' ')} (${a.state}, ${a.severity})${reading(a)}`);
    }
  }
  return out;
}

export interface AlarmHistory {
  entries: AlarmLogEntry[];
  truncated: boolean;
}

function clip(text: string, max = 90): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** One line saying what a write does: `note "Alarm cleared …"`, `verdict fail`, `create "CRAH-1 …"`. */
export function opSummary(op: Operation): string {
  switch (op.op) {
    case 'create':
      return `create "${clip(String(op.fields['short_description'] ?? ''))}"`;
    case 'note':
      return `note "${clip(op.text)}"`;
    case 'update':
      return `update ${Object.keys(op.fields).join(', ') || 'references'}${op.note ? ` with note "${clip(op.note)}"` : ''}`;
    case 'resolve':
      return op.note ? `resolve "${clip(op.note)}"` : 'resolve';
    case 'reopen':
      return `reopen "${clip(op.note)}"`;
    case 'verdict':
      return `verdict ${op.verdict}`;
  }
}

function writeOutcome(d: OutboxEntry): TimelineEntry {
  const op = opSummary(d.op);
  const tries = `${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`;
  const status = d.lastStatus ? ` (HTTP ${d.lastStatus})` : '';
  switch (d.state) {
    case 'done':
      return {
        at: d.updatedAt,
        kind: 'write',
        tone: 'ok',
        text: `ServiceNow ${op} delivered after ${tries}`,
      };
    case 'dead':
      return {
        at: d.updatedAt,
        kind: 'write',
        tone: 'bad',
        text: `ServiceNow ${op} failed${status}, dead letter after ${tries}: ${d.lastError ?? 'no error text'}`,
      };
    case 'cancelled':
      return { at: d.updatedAt, kind: 'write', tone: 'info', text: `ServiceNow ${op} cancelled` };
    default:
      return {
        at: d.updatedAt,
        kind: 'write',
        tone: d.lastError ? 'bad' : 'wait',
        text: d.lastError
          ? `ServiceNow ${op} retrying after ${tries}${status}: ${d.lastError}`
          : `ServiceNow ${op} ${d.state === 'inflight' ? 'being delivered' : 'waiting for delivery'}`,
      };
  }
}

/**
 * The timeline. Alarm lines come from the alarm log (`history`); an attached alarm with no logged
 * update in it is told from its record alone, without a reading: the record holds the newest update,
 * not the one it was raised with.
 */
export function eventTimeline(
  detail: EventDetail,
  history: AlarmHistory = { entries: [], truncated: false },
): TimelineEntry[] {
  const e = detail.event;
  const out: TimelineEntry[] = [
    { at: e.createdAt, kind: 'event', tone: 'info', text: `Event opened by rule ${e.rule}` },
  ];
  if (e.raiseAt && e.state === 'pending')
    out.push({ at: e.raiseAt, kind: 'event', tone: 'wait', text: 'Held back (hold-down) until this time' });
  if (history.truncated && history.entries[0])
    out.push({
      at: history.entries[0].receivedAt,
      kind: 'alarm',
      tone: 'info',
      text: 'Earlier alarm updates are not shown (only the newest are kept in the timeline)',
    });
  out.push(...historyEntries(e.key, history));
  const logged = new Set(history.entries.map((h) => h.identity));
  for (const a of detail.alarms) {
    if (logged.has(a.identity)) continue;
    const name = alarmName(a.alarm);
    out.push({ at: a.firstSeenAt, kind: 'alarm', tone: 'bad', text: `Alarm ${name} first seen` });
    out.push({
      at: a.lastChangeAt,
      kind: 'alarm',
      tone: a.state === 'cleared' ? 'ok' : 'bad',
      text: `Alarm ${name} ${a.state} (${a.severity}) since this time${a.changeCount > 1 ? ` (${a.changeCount} changes${a.flapping ? ', flapping' : ''})` : ''}`,
    });
  }
  for (const d of detail.deliveries) {
    // A write delivered at once is one line; one that waited or failed shows when it was queued too.
    if (d.state !== 'done' || d.attempts > 1)
      out.push({
        at: d.createdAt,
        kind: 'write',
        tone: 'info',
        text: `ServiceNow ${opSummary(d.op)} queued`,
      });
    if (d.state !== 'pending' || d.attempts > 0) out.push(writeOutcome(d));
  }
  if (e.verdict && e.verdictAt)
    out.push({
      at: e.verdictAt,
      kind: 'verdict',
      tone: e.verdict === 'pass' ? 'ok' : e.verdict === 'fail' ? 'bad' : 'wait',
      text: `Telemetry verdict: ${e.verdict}`,
    });
  if (e.resolvedAt) out.push({ at: e.resolvedAt, kind: 'event', tone: 'ok', text: 'Event resolved' });
  // Stable: entries at the same instant keep the order they were written in above.
  return out
    .map((x, i) => ({ x, i }))
    .sort((a, b) => Date.parse(a.x.at) - Date.parse(b.x.at) || a.i - b.i)
    .map(({ x }) => x);
}

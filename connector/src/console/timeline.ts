// An event's story in time order, from what the store keeps: the event's own milestones, each attached
// alarm (first seen, last state change), the verdicts and every ServiceNow write with its outcome.
import type { Operation } from '../model/operation.js';
import type { EventDetail, OutboxEntry } from '../store/store.js';

export type TimelineKind = 'event' | 'alarm' | 'write' | 'verdict';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  /** ok = went well, bad = failed or out of range, wait = pending, info = neutral. */
  tone: 'ok' | 'bad' | 'wait' | 'info';
  text: string;
}

function alarmName(a: EventDetail['alarms'][number]): string {
  const asset = a.alarm.asset;
  return `${a.source} ${asset.equipmentName ?? asset.equipmentId ?? asset.rack ?? ''} ${a.type}`.replace(
    /\s+/g,
    ' ',
  );
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

export function eventTimeline(detail: EventDetail): TimelineEntry[] {
  const e = detail.event;
  const out: TimelineEntry[] = [
    { at: e.createdAt, kind: 'event', tone: 'info', text: `Event opened by rule ${e.rule}` },
  ];
  if (e.raiseAt && e.state === 'pending')
    out.push({ at: e.raiseAt, kind: 'event', tone: 'wait', text: 'Held back (hold-down) until this time' });
  for (const a of detail.alarms) {
    const name = alarmName(a);
    out.push({
      at: a.firstSeenAt,
      kind: 'alarm',
      tone: 'bad',
      text: `Alarm ${name} raised (${a.severity})${a.alarm.value !== undefined ? `: ${a.alarm.value}${a.alarm.unit ? ` ${a.alarm.unit}` : ''}` : ''}`,
    });
    if (a.lastChangeAt !== a.firstSeenAt || a.state === 'cleared') {
      out.push({
        at: a.lastChangeAt,
        kind: 'alarm',
        tone: a.state === 'cleared' ? 'ok' : 'bad',
        text: `Alarm ${name} ${a.state === 'cleared' ? 'cleared' : 'active again'}${a.changeCount > 1 ? ` (${a.changeCount} changes${a.flapping ? ', flapping' : ''})` : ''}`,
      });
    }
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

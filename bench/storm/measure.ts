// What Closeloop wrote, explained: outbox operations by kind (and why), and the storm's ground-truth
// faults against the events/incidents they ended up in.
import type { Engine } from '../../connector/src/service/engine-types.js';
import type { EventState } from '../../connector/src/model/event.js';
import type { Operation } from '../../connector/src/model/operation.js';
import type { Store } from '../../connector/src/store/store.js';
import { decodeMessage, identityOf } from './decode-messages.js';
import type { Storm } from './generate.js';

/** Table API writes one delivered operation makes (reads such as search-before-create not counted). */
export function writesOf(op: Operation): number {
  if (op.op === 'verdict') return 1 + (op.note === undefined ? 0 : 1);
  return 1;
}

/** A label saying why the operation was written. */
export function classify(op: Operation): string {
  switch (op.op) {
    case 'create':
      return 'create';
    case 'note': {
      const t = op.text;
      if (t.startsWith('Joined:')) return 'note: alarm joined';
      if (t.startsWith('Cleared:')) return 'note: alarm cleared';
      if (t.startsWith('Active again:')) return 'note: alarm active again';
      if (t.startsWith('Held back')) return 'note: storm incident, event held back';
      if (t.startsWith('Storm easing')) return 'note: storm easing';
      if (t.startsWith('Closeloop: these alarms are effects')) return 'note: effect incident superseded';
      if (/^\d+ changes/.test(t)) return 'note: summary of buffered changes';
      if (t.includes('is flapping')) return 'note: flapping summary';
      return 'note: other';
    }
    case 'update':
      if (op.note?.startsWith('Cause identified')) return 'update: cause adopted the incident';
      if (op.note?.startsWith('Severity raised')) return 'update: severity raised';
      return 'update: other';
    case 'verdict':
      return `verdict: ${op.verdict} (record + work note)`;
    case 'resolve':
      return 'resolve';
    case 'reopen':
      return 'reopen';
  }
}

export interface OpStats {
  /** label → {operations, writes} for delivered operations. */
  delivered: Record<string, { operations: number; writes: number }>;
  deliveredWrites: number;
  cancelled: number;
  dead: number;
}

export interface EventRow {
  key: string;
  rule: string;
  state: EventState;
  incident: string | null;
  alarms: number;
  faults: string[];
  writes: number;
  ops: Record<string, number>;
}

export interface FaultRow {
  fault: string;
  title: string;
  /** Events of this fault that reached ServiceNow (an incident). */
  incidents: string[];
  /** Events without an incident (discarded, merged, still held), by state. */
  silentEvents: Record<string, number>;
  /** Writes of the fault's incidents (an incident shared with other faults is counted for each). */
  writes: number;
  /** Incidents this fault shares with other faults. */
  sharedWith: string[];
}

export interface Explanation {
  ops: OpStats;
  events: EventRow[];
  faults: FaultRow[];
  /** Alarms the connector holds that no storm message explains (should be 0). */
  unknownAlarms: number;
  /** Alarms the storm's messages decode to, per source (what the connector should have received). */
  decodedAlarmsBySource: Record<string, number>;
}

export async function explain(store: Store, engine: Engine, storm: Storm): Promise<Explanation> {
  const faultOf = new Map<string, string>();
  const decodedAlarmsBySource: Record<string, number> = {};
  for (const m of storm.messages)
    for (const a of decodeMessage(engine, m, new Date(storm.epochMs + m.atMs)).alarms) {
      faultOf.set(identityOf(a), m.fault);
      decodedAlarmsBySource[a.source] = (decodedAlarmsBySource[a.source] ?? 0) + 1;
    }

  const ops: OpStats = { delivered: {}, deliveredWrites: 0, cancelled: 0, dead: 0 };
  const events: EventRow[] = [];
  let unknownAlarms = 0;
  for (const e of await store.listEvents({ limit: 100_000 })) {
    const detail = await store.getEvent(e.key);
    if (!detail) continue;
    const faults = new Set<string>();
    for (const a of detail.alarms) {
      const f = faultOf.get(a.identity);
      if (f) faults.add(f);
      else unknownAlarms++;
    }
    const row: EventRow = {
      key: e.key,
      rule: e.rule,
      state: e.state,
      incident: e.incidentNumber,
      alarms: detail.alarms.length,
      faults: [...faults].sort(),
      writes: 0,
      ops: {},
    };
    for (const d of detail.deliveries) {
      if (d.state === 'cancelled') ops.cancelled++;
      if (d.state === 'dead') ops.dead++;
      if (d.state !== 'done') continue;
      const label = classify(d.op);
      const w = writesOf(d.op);
      const s = (ops.delivered[label] ??= { operations: 0, writes: 0 });
      s.operations++;
      s.writes += w;
      ops.deliveredWrites += w;
      row.writes += w;
      row.ops[label] = (row.ops[label] ?? 0) + 1;
    }
    events.push(row);
  }
  const faults: FaultRow[] = storm.faults.map((f) => {
    const mine = events.filter((e) => e.faults.includes(f.id));
    const withIncident = mine.filter((e) => e.incident !== null);
    const silentEvents: Record<string, number> = {};
    for (const e of mine.filter((x) => x.incident === null))
      silentEvents[e.state] = (silentEvents[e.state] ?? 0) + 1;
    return {
      fault: f.id,
      title: f.title,
      incidents: withIncident.map((e) => `${e.incident} (${e.key}, ${e.rule})`),
      silentEvents,
      writes: withIncident.reduce((n, e) => n + e.writes, 0),
      sharedWith: [...new Set(withIncident.flatMap((e) => e.faults.filter((x) => x !== f.id)))],
    };
  });
  return { ops, events, faults, unknownAlarms, decodedAlarmsBySource };
}

// Turns the runs into the figures the benchmark reports, as data (JSON) and as text.
import type { CloseloopRun } from './closeloop-run.js';
import { stormSummary, type Storm } from './generate.js';
import type { NaiveRun } from './naive-run.js';

export const TARGET_WRITES_PER_EVENT = 1.2;
export const TARGET_NAIVE_FACTOR = 20;

export interface Environment {
  date: string;
  nproc: number;
  cpu: string;
  node: string;
  commit: string;
}

export interface CloseloopFigures {
  variant: 'as-is';
  incidents: number;
  writes: number;
  writesByMethod: Record<string, number>;
  writesByTable: Record<string, number>;
  duplicates: number;
  writesPerRealEvent: number;
  meetsWriteTarget: boolean;
  deliveredWrites: number;
  byOperation: Record<string, { operations: number; writes: number }>;
  faults: CloseloopRun['explanation']['faults'];
  unattributedEvents: CloseloopRun['explanation']['events'];
  /** Every event that has an incident, with its delivered operations. */
  incidentEvents: CloseloopRun['explanation']['events'];
  accepted: { wallMs: number; lagMs: CloseloopRun['play']['lagMs']; byStatus: Record<string, number> };
  received: Record<string, number>;
  /** What the storm's messages decode to, per source: `received` should equal it. */
  expected: Record<string, number>;
  settledAfterMs: number;
  settled: boolean;
  outstanding: string[];
  runMs: number;
  cancelledOperations: number;
  deadOperations: number;
}

export interface NaiveFigures {
  incidents: number;
  writes: number;
  writesByMethod: Record<string, number>;
  duplicates: number;
  duplicateCorrelationIds: number;
  operations: NaiveRun['bridge']['operations'];
  ignoredMessages: number;
  httpErrors: string[];
  writesPerRealEvent: number;
}

export interface Report {
  environment: Environment;
  storm: ReturnType<typeof stormSummary> & { seed: number; durationMs: number; faults: Storm['faults'] };
  realEvents: number;
  closeloop: CloseloopFigures[];
  naive: NaiveFigures | null;
  /** naive writes / Closeloop writes, per Closeloop variant. */
  naiveFactor: Record<string, number>;
}

const ratio = (a: number, b: number) => (b === 0 ? Infinity : Math.round((a / b) * 100) / 100);

export function closeloopFigures(run: CloseloopRun, realEvents: number): CloseloopFigures {
  return {
    variant: 'as-is',
    incidents: run.incidents.incidents,
    writes: run.writes.total,
    writesByMethod: run.writes.byMethod,
    writesByTable: run.writes.byTable,
    duplicates: run.incidents.duplicateIncidents,
    writesPerRealEvent: ratio(run.writes.total, realEvents),
    meetsWriteTarget: run.writes.total <= TARGET_WRITES_PER_EVENT * realEvents,
    deliveredWrites: run.explanation.ops.deliveredWrites,
    byOperation: run.explanation.ops.delivered,
    faults: run.explanation.faults,
    unattributedEvents: run.explanation.events.filter((e) => e.faults.length === 0 && e.writes > 0),
    incidentEvents: run.explanation.events.filter((e) => e.incident !== null),
    accepted: { wallMs: run.play.wallMs, lagMs: run.play.lagMs, byStatus: run.play.byStatus },
    received: run.received,
    expected: run.explanation.decodedAlarmsBySource,
    settledAfterMs: run.settle.waitedMs,
    settled: run.settle.settled,
    outstanding: run.settle.reasons,
    runMs: run.runMs,
    cancelledOperations: run.explanation.ops.cancelled,
    deadOperations: run.explanation.ops.dead,
  };
}

export function naiveFigures(run: NaiveRun, realEvents: number): NaiveFigures {
  return {
    incidents: run.incidents.incidents,
    writes: run.writes.total,
    writesByMethod: run.writes.byMethod,
    duplicates: run.incidents.duplicateIncidents,
    duplicateCorrelationIds: Object.keys(run.incidents.duplicates).length,
    operations: run.bridge.operations,
    ignoredMessages: run.bridge.ignored,
    httpErrors: run.bridge.httpErrors,
    writesPerRealEvent: ratio(run.writes.total, realEvents),
  };
}

export function buildReport(
  environment: Environment,
  storm: Storm,
  closeloop: CloseloopFigures[],
  naive: NaiveFigures | null,
): Report {
  return {
    environment,
    storm: { ...stormSummary(storm), seed: storm.seed, durationMs: storm.durationMs, faults: storm.faults },
    realEvents: storm.faults.length,
    closeloop,
    naive,
    naiveFactor: Object.fromEntries(
      closeloop.map((c) => [c.variant, naive ? ratio(naive.writes, c.writes) : NaN]),
    ),
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');
const line = (k: string, v: string) => `  ${k.padEnd(34)} ${v}`;

export function formatReport(r: Report): string {
  const out: string[] = [];
  const s = r.storm;
  out.push(
    `Storm benchmark — ${r.environment.date}, ${r.environment.nproc} CPUs (${r.environment.cpu}), Node ${r.environment.node}, commit ${r.environment.commit}`,
  );
  out.push('');
  out.push(
    `Storm (seed ${s.seed}): ${fmt(s.messages)} messages in ${s.durationMs / 1000} s from ${s.devices} devices`,
  );
  out.push(
    line(
      'by source',
      Object.entries(s.bySource)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', '),
    ),
  );
  out.push(
    line(
      'by kind',
      Object.entries(s.byKind)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', '),
    ),
  );
  out.push(line('flapping streams', String(s.flappingStreams)));
  out.push(line('real-world events (ground truth)', String(r.realEvents)));
  for (const c of r.closeloop) {
    out.push('');
    out.push(`Closeloop (${c.variant})`);
    out.push(line('incidents created', String(c.incidents)));
    out.push(
      line(
        'ServiceNow writes (POST/PATCH/PUT)',
        `${fmt(c.writes)} (${Object.entries(c.writesByTable)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`,
      ),
    );
    out.push(line('duplicates (shared correlation_id)', String(c.duplicates)));
    out.push(
      line(
        'writes / real events',
        `${c.writesPerRealEvent} (target ≤ ${TARGET_WRITES_PER_EVENT}: ${c.meetsWriteTarget ? 'met' : 'MISSED'})`,
      ),
    );
    const factor = r.naiveFactor[c.variant];
    if (factor !== undefined && Number.isFinite(factor))
      out.push(
        line(
          'naive writes / Closeloop writes',
          `${factor}× (target ≥ ${TARGET_NAIVE_FACTOR}×: ${factor >= TARGET_NAIVE_FACTOR ? 'met' : 'MISSED'})`,
        ),
      );
    out.push(
      line(
        'storm accepted in',
        `${(c.accepted.wallMs / 1000).toFixed(1)} s (send lag p50 ${(c.accepted.lagMs.p50 / 1000).toFixed(1)} s, p99 ${(c.accepted.lagMs.p99 / 1000).toFixed(1)} s)`,
      ),
    );
    out.push(
      line(
        'settled after playback',
        `${(c.settledAfterMs / 1000).toFixed(0)} s${c.settled ? '' : ` — NOT settled: ${c.outstanding.join('; ')}`}`,
      ),
    );
    const lost = Object.entries(c.expected).filter(([k, v]) => (c.received[k] ?? 0) !== v);
    const sent = Object.values(c.expected).reduce((a, b) => a + b, 0);
    out.push(
      line(
        'alarms received / sent',
        lost.length
          ? `MISMATCH ${lost.map(([k, v]) => `${k} ${c.received[k] ?? 0}/${v}`).join(', ')}`
          : `all ${fmt(sent)} (${Object.entries(c.expected)
              .map(([k, v]) => `${k} ${fmt(v)}`)
              .join(', ')})`,
      ),
    );
    out.push('  writes by operation:');
    for (const [k, v] of Object.entries(c.byOperation).sort((a, b) => b[1].writes - a[1].writes))
      out.push(`    ${String(v.writes).padStart(5)}  ${k} (${v.operations} ops)`);
    out.push('  per real-world event: incidents, writes');
    for (const f of c.faults) {
      const silent = Object.entries(f.silentEvents)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
      out.push(
        `    ${f.fault.padEnd(26)} ${String(f.incidents.length).padStart(2)} incident(s) ${String(f.writes).padStart(4)} writes` +
          (f.sharedWith.length ? `  shares an incident with ${f.sharedWith.join(', ')}` : '') +
          (silent ? `  [no incident: ${silent}]` : ''),
      );
    }
    for (const e of c.unattributedEvents) out.push(`    (no fault) ${e.key} ${e.rule}: ${e.writes} writes`);
  }
  if (r.naive) {
    const n = r.naive;
    out.push('');
    out.push('Naive bridge (one incident per alarm group, a note per repeat, resolve on resolved)');
    out.push(line('incidents created', fmt(n.incidents)));
    out.push(
      line(
        'ServiceNow writes (POST/PATCH/PUT)',
        `${fmt(n.writes)} (${Object.entries(n.writesByMethod)
          .map(([k, v]) => `${k} ${fmt(v)}`)
          .join(', ')})`,
      ),
    );
    out.push(
      line(
        'operations',
        `create ${fmt(n.operations.create)}, note ${fmt(n.operations.comment)}, resolve ${fmt(n.operations.resolve)}`,
      ),
    );
    out.push(
      line(
        'duplicates (shared correlation_id)',
        `${fmt(n.duplicates)} incidents over ${n.duplicateCorrelationIds} groups`,
      ),
    );
    out.push(line('writes / real events', String(n.writesPerRealEvent)));
    out.push(line('messages with no matching rule', fmt(n.ignoredMessages)));
    if (n.httpErrors.length) out.push(line('HTTP errors', n.httpErrors.join(' | ')));
  }
  return out.join('\n');
}

// The human-readable form of a PreviewResult, for the CLI. The JSON form is the PreviewResult itself.
import { formatDuration } from '../util/duration.js';
import type { Condition } from '../model/close-check.js';
import type { Placement } from './placement.js';
import type { PreviewAlarm, PreviewResult } from './preview.js';
import type { RenderedCheck } from '../model/close-check.js';

export function describeCondition(c: Condition, unit?: string): string {
  const u = unit ? ` ${unit}` : '';
  if ('range' in c) return `${c.range[0]}–${c.range[1]}${u}`;
  if ('max' in c) return `≤ ${c.max}${u}`;
  if ('min' in c) return `≥ ${c.min}${u}`;
  if ('equals' in c) return `= ${c.equals}${u}`;
  if ('bits_clear' in c) {
    const mask = c.bits_clear.reduce((m, b) => m + 2 ** b, 0);
    return `bits ${c.bits_clear.join(', ')} clear (mask 0x${mask.toString(16)})`;
  }
  return 'no increase';
}

function indent(text: string, pad: string): string {
  return text
    .split('\n')
    .map((l) => (l ? pad + l : pad.trimEnd()))
    .join('\n');
}

function formatCheck(c: RenderedCheck): string {
  const lines = [`${c.name} (${c.provider}): ${c.label}`, `  query:  ${c.query}`];
  // Refused: the query keeps its template and is never run; the check stays unknown.
  if (c.refused !== undefined) lines.push(`  REFUSED (never run, verdict unknown): ${c.refused}`);
  lines.push(
    `  expect: ${describeCondition(c.expect, c.unit)} for ${formatDuration(c.stabilize)}` +
      ` (newest sample ≤ ${formatDuration(c.max_age)} old, ≥ ${c.min_samples} samples)`,
  );
  return lines.join('\n');
}

/** Downstream counts in this order, singular and plural. */
const COUNTED: [string, string, string][] = [
  ['cooling_zone', 'cooling zone', 'cooling zones'],
  ['power_path', 'power path', 'power paths'],
  ['group', 'redundancy group', 'redundancy groups'],
  ['room', 'room', 'rooms'],
  ['row', 'row', 'rows'],
  ['rack', 'rack', 'racks'],
  ['equipment', 'equipment', 'equipment'],
];

const KIND_WORD: Record<string, string> = {
  room: 'room',
  row: 'row',
  rack: 'rack',
  cooling_zone: 'cooling zone',
  power_path: 'power path',
};

/** `rack:DC1/R10` → `rack R10`; equipment by its id alone. */
function idLabel(id: string): string {
  const local = id.slice(id.indexOf('/') + 1);
  const word = KIND_WORD[id.slice(0, id.indexOf(':'))];
  return word ? `${word} ${local}` : local;
}

function formatPlacement(pl: Placement): string[] {
  if (!pl.node) return ['  graph: not placed (no equipment, rack, row or room of the topology)'];
  const out = [`  graph: ${pl.node.label} (${pl.node.id})`];
  if (pl.located.length) out.push(`    stands in: ${pl.located.map(idLabel).join(', ')}`);
  if (pl.fedBy.length) out.push(`    fed by: ${pl.fedBy.map(idLabel).join(', ')}`);
  if (pl.upstream.text.length) {
    out.push(
      `    upstream paths (${pl.upstream.text.length}${pl.upstream.truncated ? '+, first shown' : ''}):`,
    );
    for (const t of pl.upstream.text) out.push(`      ${t}`);
  } else out.push('    upstream: nothing feeds it in the topology');
  for (const grp of pl.groups) out.push(`    redundancy: ${grp.text}`);
  if (pl.downstream.total) {
    const byKind = pl.downstream.byKind as Record<string, number | undefined>;
    const counts = COUNTED.filter(([k]) => byKind[k])
      .map(([k, one, many]) => `${byKind[k]} ${byKind[k] === 1 ? one : many}`)
      .join(', ');
    out.push(`    feeds (${counts} downstream):`);
    for (const t of pl.downstream.text) out.push(`      ${t}`);
  }
  return out;
}

function formatAlarm(p: PreviewAlarm, n: number, total: number): string {
  const a = p.alarm;
  const out: string[] = [];
  out.push(`Alarm ${n}/${total}: ${a.id}  ${a.state}  ${a.severity}  type ${a.type}`);
  out.push(
    `  raised ${a.raisedAt}${a.clock === 'received' ? ' (receive time: the source sent none)' : ''}, received ${a.receivedAt}`,
  );
  if (a.value !== undefined) {
    out.push(
      `  value ${a.value}${a.unit ? ` ${a.unit}` : ''}${a.limit !== undefined ? ` (limit ${a.limit})` : ''}`,
    );
  }
  out.push(`  text: ${a.text}`);
  const asset = Object.entries(a.asset).map(([k, v]) => `${k}=${v}`);
  out.push(`  asset: ${asset.join(' ') || '(none)'}`);
  const labels = Object.entries(a.labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  if (labels.length) out.push(`  labels: ${labels.join(' ')}`);
  const topo = Object.entries(p.topology).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`);
  out.push(`  topology: ${topo.join(' ') || '(not placed)'}`);
  out.push(...formatPlacement(p.placement));
  out.push('', '  Rules:');
  for (const t of p.trace) out.push(`    ${t.matched ? '✓' : '✗'} ${t.rule}: ${t.reason}`);
  out.push(`  → ${p.reason}`);
  if (p.errors.length) {
    out.push('', '  Errors:');
    for (const e of p.errors) out.push(`    ${e.path}: ${e.message}`);
  }
  if (p.incident) {
    out.push('', '  Incident fields:');
    for (const [k, v] of Object.entries(p.incident.fields)) {
      const text = String(v);
      if (text.includes('\n')) out.push(`    ${k}:`, indent(text, '      | '));
      else out.push(`    ${k}: ${text}`);
    }
    for (const [k, r] of Object.entries(p.incident.references)) {
      out.push(`    ${k}: lookup ${r.table}.${r.field} = ${JSON.stringify(r.value)}`);
    }
  }
  if (p.correlationKey) out.push('', `  Correlation key: ${p.correlationKey}`);
  if (p.closeChecks.length) {
    out.push('', '  Close checks:');
    for (const c of p.closeChecks) out.push(indent(formatCheck(c), '    '));
  } else if (p.incident) out.push('', '  Close checks: none (closure is not gated by telemetry)');
  if (p.behaviour) {
    const b = p.behaviour;
    out.push(
      '',
      `  Behaviour: auto-resolve ${b.autoResolve ? 'on' : 'off'}, reopen window ${formatDuration(b.reopenWindowMs)}, ` +
        `hold-down ${b.holdDownMs ? formatDuration(b.holdDownMs) : 'none'}`,
    );
  }
  return out.join('\n');
}

export function formatPreview(r: PreviewResult): string {
  const out: string[] = [];
  const kind = r.sourceKind ? ` (${r.sourceKind})` : '';
  out.push(`Source ${r.source}${kind}: ${r.alarms.length} alarm${r.alarms.length === 1 ? '' : 's'} decoded`);
  for (const e of r.errors) out.push(`error: ${e}`);
  for (const e of r.decodeErrors)
    out.push(`decode error${e.index === null ? '' : ` in item ${e.index}`}: ${e.message}`);
  for (const n of r.notes) out.push(`note: ${n}`);
  r.alarms.forEach((a, i) => out.push('', formatAlarm(a, i + 1, r.alarms.length)));
  return out.join('\n') + '\n';
}

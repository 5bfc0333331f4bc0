// The variables a template may use. One list, used both to validate templates when mappings load and to
// build the context an alarm renders with, so the two can never disagree.
import type { Alarm } from '../model/alarm.js';
import type { TopologyContext } from './topology.js';

export const ALARM_VARIABLES = [
  'source',
  'source_kind',
  'id',
  'state',
  'severity',
  'type',
  'raised_at',
  'received_at',
  'value',
  'unit',
  'limit',
  'text',
] as const;

/** Exactly what the source sent about the asset (no topology lookups). */
export const ASSET_VARIABLES = [
  'site',
  'room',
  'row',
  'rack',
  'equipment_id',
  'equipment_name',
  'equipment_class',
] as const;

/** The asset as placed in the topology: the alarm's own fields first, the rest filled from topology. */
export const TOPOLOGY_VARIABLES = [
  'site',
  'site_name',
  'room',
  'room_name',
  'row',
  'rack',
  'cooling_zone',
  'cooling_units',
  'power_path',
  'ups',
  'pdus',
  'equipment_id',
  'equipment_name',
  'equipment_class',
] as const;

export const RULE_VARIABLES = ['name'] as const;

const FIXED = new Set<string>([
  ...ALARM_VARIABLES.map((v) => `alarm.${v}`),
  ...ASSET_VARIABLES.map((v) => `asset.${v}`),
  ...TOPOLOGY_VARIABLES.map((v) => `topology.${v}`),
  ...RULE_VARIABLES.map((v) => `rule.${v}`),
]);

/** Label names are whatever the source sends; any non-empty name without spaces or braces is allowed. */
const LABEL = /^labels\.[^\s{}]+$/;

export function isKnownVariable(name: string): boolean {
  return FIXED.has(name) || LABEL.test(name);
}

export function knownVariables(): string[] {
  return [...FIXED, 'labels.<name>'];
}

function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest known variable, for "did you mean" hints. */
export function suggestVariable(name: string): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const known of FIXED) {
    const d = distance(name, known);
    if (d < bestD) {
      bestD = d;
      best = known;
    }
  }
  // A short suffix typo (`asset.rak`) or a wrong namespace (`alarm.rack`) are both worth suggesting.
  const tail = name.split('.').pop() ?? name;
  if (bestD > 3) {
    const sameTail = [...FIXED].find((k) => k.endsWith(`.${tail}`));
    return sameTail;
  }
  return best;
}

/** A flat, string-only view of what templates and matchers can see. Absent values are absent keys. */
export type VariableContext = ReadonlyMap<string, string>;

function put(m: Map<string, string>, key: string, v: string | number | readonly string[] | undefined): void {
  if (v === undefined) return;
  if (Array.isArray(v)) {
    if (v.length) m.set(key, v.join(', '));
    return;
  }
  m.set(key, String(v));
}

export function buildContext(alarm: Alarm, topology: TopologyContext, ruleName?: string): VariableContext {
  const m = new Map<string, string>();
  put(m, 'alarm.source', alarm.source);
  put(m, 'alarm.source_kind', alarm.sourceKind);
  put(m, 'alarm.id', alarm.id);
  put(m, 'alarm.state', alarm.state);
  put(m, 'alarm.severity', alarm.severity);
  put(m, 'alarm.type', alarm.type);
  put(m, 'alarm.raised_at', alarm.raisedAt);
  put(m, 'alarm.received_at', alarm.receivedAt);
  put(m, 'alarm.value', alarm.value);
  put(m, 'alarm.unit', alarm.unit);
  put(m, 'alarm.limit', alarm.limit);
  put(m, 'alarm.text', alarm.text);
  const a = alarm.asset;
  put(m, 'asset.site', a.site);
  put(m, 'asset.room', a.room);
  put(m, 'asset.row', a.row);
  put(m, 'asset.rack', a.rack);
  put(m, 'asset.equipment_id', a.equipmentId);
  put(m, 'asset.equipment_name', a.equipmentName);
  put(m, 'asset.equipment_class', a.equipmentClass);
  for (const v of TOPOLOGY_VARIABLES) put(m, `topology.${v}`, topology[v]);
  for (const [k, v] of Object.entries(alarm.labels)) put(m, `labels.${k}`, v);
  put(m, 'rule.name', ruleName);
  return m;
}

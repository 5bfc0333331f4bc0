// Decodes vendor JSON through a source's field map (`fields`, `state_values`, `severity_values`,
// `batch_path`). Shared by the webhook source and MQTT sources in JSON format.
import { AlarmSchema, type Alarm, type Severity, type SourceKind } from '../model/alarm.js';
import type { FieldMap } from '../mapping/schema.js';
import { displayPath, parsePath, walkPath, type PathStep } from './path.js';
import { lookupValue, show, toIsoTime, toNumber, toSeverity, toText } from './values.js';
import {
  bodyError,
  decodeAll,
  tooManyItems,
  type DecodeOptions,
  type DecodeResult,
  type Prepared,
} from './types.js';

export type MappedConfig = {
  batch_path?: string | undefined;
  fields: FieldMap;
  state_values: Record<string, 'active' | 'cleared'>;
  severity_values: Record<string, Severity>;
};

type CompiledField = { name: string; path: string; steps: PathStep[] };
type Compiled = {
  batch: CompiledField | null;
  fields: Map<string, CompiledField>;
  labels: CompiledField[];
};

const ASSET_FIELDS = [
  ['site', 'site'],
  ['room', 'room'],
  ['row', 'row'],
  ['rack', 'rack'],
  ['equipment_id', 'equipmentId'],
  ['equipment_name', 'equipmentName'],
  ['equipment_class', 'equipmentClass'],
] as const;

/** Every malformed path in a field map, as messages (empty when all parse). For config validation too. */
export function fieldMapProblems(config: Pick<MappedConfig, 'batch_path' | 'fields'>): string[] {
  const compiled = compile(config);
  return compiled.ok ? [] : compiled.problems;
}

function compile(
  config: Pick<MappedConfig, 'batch_path' | 'fields'>,
): { ok: true; value: Compiled } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const one = (name: string, path: string): CompiledField | null => {
    const parsed = parsePath(path);
    if (!parsed.ok) {
      problems.push(`fields.${name}: ${parsed.message}`);
      return null;
    }
    return { name, path, steps: parsed.steps };
  };
  const fields = new Map<string, CompiledField>();
  for (const [name, path] of Object.entries(config.fields)) {
    if (name === 'labels' || typeof path !== 'string') continue;
    const c = one(name, path);
    if (c) fields.set(name, c);
  }
  const labels: CompiledField[] = [];
  for (const [label, path] of Object.entries(config.fields.labels ?? {})) {
    const c = one(`labels.${label}`, path);
    if (c) labels.push({ ...c, name: label });
  }
  let batch: CompiledField | null = null;
  if (config.batch_path !== undefined) {
    const parsed = parsePath(config.batch_path);
    if (parsed.ok) batch = { name: 'batch_path', path: config.batch_path, steps: parsed.steps };
    else problems.push(`batch_path: ${parsed.message}`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: { batch, fields, labels } };
}

/** Decodes one alarm or a batch (at `batch_path`, or a top-level array when no batch_path is set). */
export function decodeMapped(
  sourceName: string,
  sourceKind: SourceKind,
  config: MappedConfig,
  body: unknown,
  opts: DecodeOptions,
): DecodeResult {
  return decodeAll(prepareMapped(sourceName, sourceKind, config, body, opts));
}

/** decodeMapped, as a batch to decode item by item. */
export function prepareMapped(
  sourceName: string,
  sourceKind: SourceKind,
  config: MappedConfig,
  body: unknown,
  opts: DecodeOptions,
): Prepared {
  const compiled = compile(config);
  if (!compiled.ok)
    return {
      result: bodyError(`source "${sourceName}" is misconfigured: ${compiled.problems.join('; ')}`, body),
    };
  const { batch } = compiled.value;

  let items: unknown[];
  let prefix: (i: number) => string;
  if (batch) {
    const list = walkPath(body, batch.steps);
    if (!Array.isArray(list)) {
      return { result: bodyError(`${batch.path}: expected an array of alarms, got ${describe(list)}`, body) };
    }
    items = list;
    const where = displayPath(batch.path);
    prefix = (i) => `${where}[${i}].`;
  } else if (Array.isArray(body)) {
    items = body;
    prefix = (i) => `[${i}].`;
  } else if (isRecord(body)) {
    items = [body];
    prefix = () => '';
  } else {
    return {
      result: bodyError(
        `expected a JSON object (one alarm) or an array of alarms, got ${describe(body)}`,
        body,
      ),
    };
  }

  const tooMany = tooManyItems(items.length, opts, batch ? displayPath(batch.path) : 'the batch');
  if (tooMany) return { result: tooMany };
  return {
    batch: {
      count: items.length,
      item: (i) => {
        const r = decodeOne(sourceName, sourceKind, config, compiled.value, items[i], prefix(i), opts);
        return r.ok
          ? { ok: true, alarms: [r.alarm] }
          : { ok: false, message: r.messages.join('; '), raw: items[i] };
      },
      notes: () => [],
    },
  };
}

function decodeOne(
  sourceName: string,
  sourceKind: SourceKind,
  config: MappedConfig,
  compiled: Compiled,
  item: unknown,
  prefix: string,
  opts: DecodeOptions,
): { ok: true; alarm: Alarm } | { ok: false; messages: string[] } {
  if (!isRecord(item)) {
    const where = prefix.replace(/\.$/, '') || 'alarm';
    return { ok: false, messages: [`${where}: expected an object, got ${describe(item)}`] };
  }
  const messages: string[] = [];
  const where = (f: CompiledField) => {
    const p = displayPath(f.path);
    return p === f.name ? `${prefix}${p}` : `${prefix}${p} (${f.name})`;
  };
  const get = (name: string): { field: CompiledField; value: unknown } | null => {
    const field = compiled.fields.get(name);
    return field ? { field, value: walkPath(item, field.steps) } : null;
  };
  const required = (name: string): { field: CompiledField; value: unknown } | null => {
    const got = get(name);
    if (got && (got.value === undefined || got.value === null || got.value === '')) {
      messages.push(`${where(got.field)}: missing`);
      return null;
    }
    return got;
  };

  let id: string | undefined;
  const idIn = required('id');
  if (idIn) {
    const t = toText(idIn.value);
    if (t.ok) id = t.value;
    else messages.push(`${where(idIn.field)}: ${t.message}`);
  }

  let state: 'active' | 'cleared' | undefined;
  const stateIn = required('state');
  if (stateIn) {
    const t = toText(stateIn.value);
    const mapped = t.ok ? lookupValue(config.state_values, t.value.trim()) : undefined;
    if (mapped) state = mapped;
    else
      messages.push(
        `${where(stateIn.field)}: ${show(stateIn.value)} is not one of ${Object.keys(config.state_values).join(', ')}`,
      );
  }

  let severity: Severity | undefined;
  const sevIn = required('severity');
  if (sevIn) {
    const s = toSeverity(sevIn.value, config.severity_values);
    if (s.ok) severity = s.value;
    else messages.push(`${where(sevIn.field)}: ${s.message}`);
  }

  let type: string | undefined;
  const typeIn = required('type');
  if (typeIn) {
    const t = toText(typeIn.value);
    if (t.ok) type = t.value;
    else messages.push(`${where(typeIn.field)}: ${t.message}`);
  }

  let raisedAt = opts.receivedAt.toISOString();
  let clock: 'source' | 'received' = 'received';
  const raisedIn = get('raised_at');
  if (raisedIn && raisedIn.value !== undefined && raisedIn.value !== null && raisedIn.value !== '') {
    const t = toIsoTime(raisedIn.value);
    if (t.ok) {
      raisedAt = t.value;
      clock = 'source';
    } else messages.push(`${where(raisedIn.field)}: ${t.message}`);
  }

  const optionalText = (name: string): string | undefined => {
    const got = get(name);
    if (!got || got.value === undefined || got.value === null || got.value === '') return undefined;
    const t = toText(got.value);
    if (t.ok) return t.value;
    messages.push(`${where(got.field)}: ${t.message}`);
    return undefined;
  };
  const optionalNumber = (name: string): number | undefined => {
    const got = get(name);
    if (!got || got.value === undefined || got.value === null || got.value === '') return undefined;
    const n = toNumber(got.value);
    if (n.ok) return n.value;
    messages.push(`${where(got.field)}: ${n.message}`);
    return undefined;
  };

  const asset: Alarm['asset'] = {};
  for (const [field, key] of ASSET_FIELDS) {
    const v = optionalText(field);
    if (v !== undefined) asset[key] = v;
  }
  const value = optionalNumber('value');
  const limit = optionalNumber('limit');
  const unit = optionalText('unit');
  const text = optionalText('text');

  const labels: Record<string, string> = {};
  for (const l of compiled.labels) {
    const v = walkPath(item, l.steps);
    if (v === undefined || v === null) continue;
    const t = toText(v);
    labels[l.name] = t.ok ? t.value : JSON.stringify(v);
  }

  if (
    messages.length ||
    id === undefined ||
    state === undefined ||
    severity === undefined ||
    type === undefined
  ) {
    return { ok: false, messages };
  }
  const candidate: Alarm = {
    source: sourceName,
    sourceKind,
    id,
    state,
    severity,
    type,
    raisedAt,
    clock,
    receivedAt: opts.receivedAt.toISOString(),
    asset,
    ...(value !== undefined ? { value } : {}),
    ...(unit !== undefined ? { unit } : {}),
    ...(limit !== undefined ? { limit } : {}),
    text: text ?? type,
    labels,
    raw: item,
  };
  return checkAlarm(candidate, prefix);
}

/** Last guard: whatever a decoder built must satisfy the shared Alarm schema. */
export function checkAlarm(
  candidate: Alarm,
  prefix = '',
): { ok: true; alarm: Alarm } | { ok: false; messages: string[] } {
  const parsed = AlarmSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, alarm: parsed.data };
  return {
    ok: false,
    messages: parsed.error.issues.map((i) => `${prefix}${i.path.join('.') || 'alarm'}: ${i.message}`),
  };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${show(v)}`;
}

// Sparkplug B (spBv1.0) messages → alarms. An alarm metric is a Boolean (true = active), an Int
// (non-zero = active) or a String (through state_values) whose name has "alarm" in a path segment
// ("Alarms/Leak", "HighTempAlarm"); other metrics are process values and are ignored here.
// Severity: the metric's `severity` property, else severity_values[metric name], else major.
import { z } from 'zod';
import type { Alarm, AlarmState, Severity } from '../../model/alarm.js';
import { checkAlarm } from '../mapped-record.js';
import { lookupValue, show, toSeverity } from '../values.js';
import { tooManyItems, type DecodeError, type DecodeOptions, type DecodeResult } from '../types.js';
import { decodeSparkplugPayload, checkSparkplug, type SparkplugMetric } from '../../util/sparkplug-codec.js';

/** Nesting bound when the caller passes none (transports pass limits.nesting_depth). */
const DEFAULT_MAX_DEPTH = 64;

export type SparkplugTopic = { group: string; type: string; edge: string; device?: string };

/** Aliases learnt from NBIRTH/DBIRTH, per node/device; owned by the subscriber, passed to every decode. */
export type SparkplugState = { aliases: Map<string, Map<string, string>> };
export const newSparkplugState = (): SparkplugState => ({ aliases: new Map() });

export type SparkplugConfig = {
  state_values: Record<string, AlarmState>;
  severity_values: Record<string, Severity>;
};

export const DEFAULT_SEVERITY: Severity = 'major';

export function parseSparkplugTopic(topic: string): SparkplugTopic | null {
  const parts = topic.split('/');
  if (parts[0] !== 'spBv1.0' || parts.length < 4 || parts.length > 5 || parts.some((p) => p === ''))
    return null;
  const [, group = '', type = '', edge = '', device] = parts;
  return device === undefined ? { group, type, edge } : { group, type, edge, device };
}

export function isAlarmMetricName(name: string): boolean {
  return name.split('/').some((segment) => /alarm/i.test(segment));
}

const LongSchema = z.object({ low: z.number(), high: z.number(), unsigned: z.boolean().optional() });

/** protobuf Long (or number) → number; undefined for anything else. */
export function longToNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const l = LongSchema.safeParse(v);
  if (!l.success) return undefined;
  // Long keeps both halves as int32; the high half is signed unless the value is unsigned.
  const high = l.data.unsigned ? l.data.high >>> 0 : l.data.high;
  return high * 2 ** 32 + (l.data.low >>> 0);
}

type Metric = SparkplugMetric;

export function decodeSparkplug(
  sourceName: string,
  config: SparkplugConfig,
  topic: string,
  payload: Uint8Array,
  opts: DecodeOptions,
  state: SparkplugState,
): DecodeResult {
  const sp = parseSparkplugTopic(topic);
  const fail = (message: string): DecodeResult => ({
    alarms: [],
    positions: [],
    errors: [{ index: null, message, raw: { topic, bytes: payload.length }, code: 'malformed' }],
  });
  if (!sp) return fail(`${topic}: not a Sparkplug B topic (spBv1.0/group/TYPE/edge[/device])`);
  const series = `${sp.group}/${sp.edge}${sp.device !== undefined ? `/${sp.device}` : ''}`;
  if (sp.type === 'NDEATH' || sp.type === 'DDEATH') {
    return {
      alarms: [],
      positions: [],
      errors: [],
      notes: [`${series}: ${sp.type} (alarm states unknown until the next BIRTH)`],
    };
  }
  if (!['NBIRTH', 'NDATA', 'DBIRTH', 'DDATA'].includes(sp.type))
    return { alarms: [], positions: [], errors: [] };
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  const check = checkSparkplug(payload, maxDepth);
  if (!check.ok)
    return fail(
      check.problem === 'too_deep'
        ? `${topic}: Sparkplug B payload nested deeper than ${maxDepth} levels at byte ${check.at} (limits.nesting_depth)`
        : `${topic}: Sparkplug B payload has a string that is not UTF-8 at byte ${check.at}`,
    );
  let decoded: { timestamp?: unknown; metrics: Metric[] };
  try {
    decoded = decodeSparkplugPayload(payload);
  } catch (err) {
    return fail(
      `${topic}: Sparkplug B payload does not decode: ${err instanceof Error ? err.message : String(err)}`,
    );
  }

  const birth = sp.type.endsWith('BIRTH');
  if (birth) state.aliases.set(series, new Map());
  const aliases = state.aliases.get(series);
  const receivedAt = opts.receivedAt.toISOString();
  const payloadMs = longToNumber(decoded.timestamp);
  const metrics = decoded.metrics;
  const tooMany = tooManyItems(metrics.length, opts, `${topic}: metrics`);
  if (tooMany) return tooMany;
  const alarms: Alarm[] = [];
  const positions: number[] = [];
  const errors: DecodeError[] = [];

  metrics.forEach((m, index) => {
    const alias = longToNumber(m.alias);
    if (birth && m.name && alias !== undefined) aliases?.set(String(alias), m.name);
    const name = m.name || (alias !== undefined ? aliases?.get(String(alias)) : undefined);
    const raw = jsonSafe(m);
    if (!name) {
      errors.push({
        index,
        message: `metrics[${index}]: alias ${alias ?? '(none)'} has no name (no BIRTH seen for ${series})`,
        raw,
      });
      return;
    }
    if (!isAlarmMetricName(name) || m.isNull) return;
    const stateOf = metricState(m, config);
    if (!stateOf.ok) {
      errors.push({ index, message: `metrics[${index}] ${name}: ${stateOf.message}`, raw });
      return;
    }
    const sevProp = m.properties?.severity?.value;
    const severity =
      sevProp !== undefined && sevProp !== null
        ? toSeverity(sevProp, config.severity_values)
        : { ok: true as const, value: lookupValue(config.severity_values, name) ?? DEFAULT_SEVERITY };
    if (!severity.ok) {
      errors.push({
        index,
        message: `metrics[${index}] ${name}: properties.severity: ${severity.message}`,
        raw,
      });
      return;
    }
    const ms = longToNumber(m.timestamp) ?? payloadMs;
    const checked = checkAlarm(
      {
        source: sourceName,
        sourceKind: 'mqtt',
        id: `${series}/${name}`,
        state: stateOf.value,
        severity: stateOf.value === 'cleared' ? 'info' : severity.value,
        type: name,
        raisedAt: ms !== undefined && ms > 0 ? new Date(ms).toISOString() : receivedAt,
        clock: ms !== undefined && ms > 0 ? 'source' : 'received',
        receivedAt,
        asset: { equipmentId: sp.device ?? sp.edge },
        text: `${sp.device ?? sp.edge} ${name} ${stateOf.value === 'active' ? 'active' : 'cleared'}`,
        labels: {
          mqtt_topic: topic,
          sparkplug_group: sp.group,
          sparkplug_edge: sp.edge,
          ...(sp.device !== undefined ? { sparkplug_device: sp.device } : {}),
          sparkplug_message: sp.type,
          metric: name,
        },
        raw,
      },
      `metrics[${index}].`,
    );
    if (checked.ok) {
      alarms.push(checked.alarm);
      positions.push(index);
    } else errors.push({ index, message: checked.messages.join('; '), raw });
  });
  return { alarms, positions, errors };
}

function metricState(
  m: Metric,
  config: SparkplugConfig,
): { ok: true; value: AlarmState } | { ok: false; message: string } {
  if (typeof m.value === 'boolean') return { ok: true, value: m.value ? 'active' : 'cleared' };
  const n = longToNumber(m.value);
  if (n !== undefined) return { ok: true, value: n !== 0 ? 'active' : 'cleared' };
  if (typeof m.value === 'string') {
    const mapped = lookupValue(config.state_values, m.value.trim());
    if (mapped) return { ok: true, value: mapped };
    return {
      ok: false,
      message: `${show(m.value)} is not one of ${Object.keys(config.state_values).join(', ')}`,
    };
  }
  return {
    ok: false,
    message: `a ${m.type ?? 'typeless'} value cannot be an alarm state (use Boolean, Int or String)`,
  };
}

/** The metric as JSON: protobuf Longs as numbers, bytes as hex. */
function jsonSafe(m: Metric): unknown {
  return JSON.parse(
    JSON.stringify(m, (_k, v: unknown) => {
      const n = LongSchema.safeParse(v);
      if (n.success) return longToNumber(v);
      if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
      return v;
    }),
  ) as unknown;
}

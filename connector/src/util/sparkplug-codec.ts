// Sparkplug B payload bytes → plain metrics (for alarm sources and telemetry alike), safely. sparkplug-payload's
// own decodePayload turns each metric's value into JS twice, recursively, so a payload of templates
// nested 40 deep costs 2^40 steps (a few hundred bytes freeze the process), and its property sets
// write vendor keys onto plain objects (`__proto__`). Here the Tahu-generated protobuf decoder (linear)
// reads the bytes, after a pass over the wire format has bounded how deeply messages nest, and only
// what an alarm needs is converted: top-level metrics, scalar values, scalar properties.
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import { firstInvalidUtf8 } from './json-input.js';
import type * as TahuProto from 'sparkplug-payload/lib/sparkplugPayloadProto.js';

const require = createRequire(import.meta.url);
const proto = (require('sparkplug-payload/lib/sparkplugPayloadProto.js') as typeof TahuProto).org.eclipse.tahu
  .protobuf;

export type SparkplugMetric = {
  name?: string;
  alias?: unknown;
  timestamp?: unknown;
  type?: string;
  /** Scalars (64-bit integers as protobuf Longs), bytes as Uint8Array; null for structured values. */
  value?: unknown;
  isNull?: boolean;
  /** Scalar properties only (nested property sets are not read). */
  properties?: Record<string, { type?: string; value?: unknown }>;
};
export type SparkplugPayload = { timestamp?: unknown; metrics: SparkplugMetric[] };

// Sparkplug B datatype codes (sparkplug_b.proto, enum DataType).
const TYPE_NAMES = [
  'Unknown',
  'Int8',
  'Int16',
  'Int32',
  'Int64',
  'UInt8',
  'UInt16',
  'UInt32',
  'UInt64',
  'Float',
  'Double',
  'Boolean',
  'String',
  'DateTime',
  'Text',
  'UUID',
  'DataSet',
  'Bytes',
  'File',
  'Template',
  'PropertySet',
  'PropertySetList',
] as const;

// Which fields of which message are themselves messages that can nest (sparkplug_b.proto).
// Leaf messages (MetaData, Parameter, DataSetValue, extensions) cannot, so they are not walked.
const NESTED: Record<string, Record<number, string>> = {
  Payload: { 2: 'Metric' },
  Metric: { 9: 'PropertySet', 17: 'DataSet', 18: 'Template' },
  Template: { 2: 'Metric' },
  DataSet: { 4: 'Row' },
  PropertySet: { 2: 'PropertyValue' },
  PropertyValue: { 9: 'PropertySet', 10: 'PropertySetList' },
  PropertySetList: { 1: 'PropertySet' },
};

// String fields an alarm reads (names, string values, property keys and values). protobufjs turns
// invalid UTF-8 into U+FFFD, so two different metric names could become one alarm id.
const STRINGS: Record<string, Set<number>> = {
  Metric: new Set([1, 15]),
  PropertySet: new Set([1]),
  PropertyValue: new Set([8]),
};

export type SparkplugCheck = { ok: true } | { ok: false; problem: 'too_deep' | 'invalid_utf8'; at: number };

/**
 * Walks the wire format without recursion: how deeply the payload's messages nest (the Payload itself
 * is 1; more than `max` is refused) and whether the strings an alarm reads are UTF-8. Malformed bytes
 * end the walk quietly (the protobuf decoder then says what is wrong).
 */
export function checkSparkplug(bytes: Uint8Array, max: number): SparkplugCheck {
  const stack: { type: string; end: number }[] = [{ type: 'Payload', end: bytes.length }];
  let i = 0;
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    for (;;) {
      if (i >= bytes.length || shift > 63) return -1;
      const b = bytes[i++]!;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  };
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (i >= top.end) {
      stack.pop();
      continue;
    }
    const tag = varint();
    if (tag < 0) return { ok: true };
    const wire = tag % 8;
    const field = Math.floor(tag / 8);
    if (wire === 0) {
      if (varint() < 0) return { ok: true };
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else if (wire === 2) {
      const len = varint();
      if (len < 0 || i + len > top.end) return { ok: true };
      const child = NESTED[top.type]?.[field];
      if (child) {
        if (stack.length + 1 > max) return { ok: false, problem: 'too_deep', at: i };
        stack.push({ type: child, end: i + len });
      } else {
        if (STRINGS[top.type]?.has(field) && !isUtf8(bytes.subarray(i, i + len)))
          return { ok: false, problem: 'invalid_utf8', at: i + firstInvalidUtf8(bytes.subarray(i, i + len)) };
        i += len;
      }
    } else return { ok: true }; // groups (3, 4) are not used by Sparkplug
  }
  return { ok: true };
}

type ProtoMetric = TahuProto.org.eclipse.tahu.protobuf.Payload.IMetric;
type ProtoPropertyValue = TahuProto.org.eclipse.tahu.protobuf.Payload.IPropertyValue;
type Scalars = Pick<
  ProtoMetric,
  'intValue' | 'longValue' | 'floatValue' | 'doubleValue' | 'booleanValue' | 'stringValue'
> & { bytesValue?: Uint8Array | null };

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const typeName = (code: number | null | undefined) => TYPE_NAMES[code ?? 0] ?? `type${code}`;

/** The value of a scalar datatype as sparkplug-payload gives it; null for structured types. */
function scalar(datatype: number | null | undefined, m: Scalars): unknown {
  switch (datatype) {
    case 1:
    case 2:
    case 3:
      return m.intValue == null ? undefined : new Int32Array([m.intValue])[0];
    case 5:
    case 6:
      return m.intValue ?? undefined;
    case 4:
    case 7:
    case 8:
    case 13:
      return m.longValue ?? undefined;
    case 9:
      return m.floatValue ?? undefined;
    case 10:
      return m.doubleValue ?? undefined;
    case 11:
      return m.booleanValue ?? undefined;
    case 12:
    case 14:
    case 15:
      return m.stringValue ?? undefined;
    case 17:
    case 18:
      return m.bytesValue ?? undefined;
    default:
      return null;
  }
}

function properties(m: ProtoMetric): SparkplugMetric['properties'] {
  if (!m.properties) return undefined;
  const out: NonNullable<SparkplugMetric['properties']> = Object.create(null) as NonNullable<
    SparkplugMetric['properties']
  >;
  const keys = m.properties.keys ?? [];
  const values = (m.properties.values ?? []) as ProtoPropertyValue[];
  keys.forEach((key, i) => {
    const v = values[i];
    if (!v) return;
    const type = typeName(v.type);
    out[key] = { type, value: v.isNull ? null : scalar(v.type, v) };
  });
  return out;
}

/** Decodes a Sparkplug B payload; throws (with the decoder's message) when the bytes are not one. */
export function decodeSparkplugPayload(bytes: Uint8Array): SparkplugPayload {
  const p = proto.Payload.decode(bytes);
  const metrics = (p.metrics ?? []).map((m: ProtoMetric): SparkplugMetric => {
    const out: SparkplugMetric = { type: typeName(m.datatype) };
    if (has(m, 'name') && typeof m.name === 'string') out.name = m.name;
    if (has(m, 'alias')) out.alias = m.alias;
    if (has(m, 'timestamp')) out.timestamp = m.timestamp;
    if (has(m, 'isNull') && m.isNull) {
      out.isNull = true;
      out.value = null;
    } else out.value = scalar(m.datatype, m);
    const props = properties(m);
    if (props) out.properties = props;
    return out;
  });
  return { ...(has(p, 'timestamp') ? { timestamp: p.timestamp } : {}), metrics };
}

// MQTT payloads → samples, as pure functions. JSON (value and optional time at configured paths),
// plain numbers, and Sparkplug B (protobuf; metric names from BIRTH aliases; DEATH makes values missing).
import { resolvePath } from '../../sources/path.js';
import { decodeSparkplugPayload, checkSparkplug } from '../../util/sparkplug-codec.js';
import type { Sample } from '../types.js';
import { sampleOf } from '../values.js';

/** Deepest message nesting read (templates in templates…); deeper payloads are refused. */
const MAX_SPARKPLUG_NESTING = 64;

export type MqttFormat = 'json' | 'number' | 'sparkplugb';

export interface DecodeOptions {
  format: MqttFormat;
  valuePath: string;
  timePath: string | undefined;
}

/** One decoded reading: `metric` is set for Sparkplug B. */
export interface Reading {
  topic: string;
  metric: string | undefined;
  sample: Sample;
}

/** What Sparkplug decoding must remember between messages: metric names by alias, per node/device. */
export interface SparkplugState {
  aliases: Map<string, Map<string, string>>;
}

export type Decoded =
  | {
      ok: true;
      readings: Reading[];
      /** Sparkplug DEATH: metrics under these topic filters now have an invalid reading (`deathOf`). */
      deaths?: string[];
      deathOf?: 'NDEATH' | 'DDEATH';
      /** Why a reading is invalid because of the message itself (not JSON, no value at the path): for diagnostics. */
      problem?: string;
    }
  | { ok: false; message: string };

export function newSparkplugState(): SparkplugState {
  return { aliases: new Map() };
}

function toMs(raw: unknown, fallback: number): number {
  if (typeof raw === 'string' && raw.trim() !== '' && !/^\d+(\.\d+)?$/.test(raw.trim())) {
    const parsed = Date.parse(raw);
    return Number.isNaN(parsed) ? fallback : parsed;
  }
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : longToNumber(raw);
  if (n === null || !Number.isFinite(n) || n <= 0) return fallback;
  // Epoch seconds are below 1e11 until the year 5138; milliseconds above it since 1973.
  return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
}

function longToNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return raw;
  if (raw !== null && typeof raw === 'object' && 'toNumber' in raw && typeof raw.toNumber === 'function') {
    const n: unknown = raw.toNumber();
    return typeof n === 'number' ? n : null;
  }
  return null;
}

/** A message on a reading's topic that holds no readable value: an invalid reading now, and why. */
function unreadable(topic: string, arrivalMs: number, why: string): Decoded {
  return {
    ok: true,
    readings: [{ topic, metric: undefined, sample: { t: arrivalMs, v: null, invalid: why } }],
    problem: `${topic}: ${why}`,
  };
}

function decodeJson(topic: string, payload: Buffer, arrivalMs: number, o: DecodeOptions): Decoded {
  let data: unknown;
  try {
    data = JSON.parse(payload.toString('utf8'));
  } catch {
    return unreadable(topic, arrivalMs, 'payload is not JSON');
  }
  let raw: unknown;
  let t: unknown;
  try {
    // A bare JSON number/boolean/null is the value itself.
    raw = data === null || typeof data !== 'object' ? data : resolvePath(data, o.valuePath);
    t = o.timePath && data !== null && typeof data === 'object' ? resolvePath(data, o.timePath) : undefined;
  } catch (err) {
    return { ok: false, message: `${topic}: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (raw === undefined) return unreadable(topic, arrivalMs, `no value at ${o.valuePath}`);
  return {
    ok: true,
    readings: [{ topic, metric: undefined, sample: sampleOf(toMs(t, arrivalMs), raw) }],
  };
}

/** Sparkplug topic `spBv1.0/<group>/<TYPE>/<edge>[/<device>]`, or null. */
export function sparkplugTopic(
  topic: string,
): { group: string; type: string; edge: string; device?: string } | null {
  const parts = topic.split('/');
  if (parts[0] !== 'spBv1.0' || parts.length < 4 || parts.length > 5) return null;
  const [, group, type, edge, device] = parts as [string, string, string, string, string | undefined];
  return device === undefined ? { group, type, edge } : { group, type, edge, device };
}

/** BIRTH and DATA of one node/device are one series, kept under its DATA topic. */
function dataTopic(sp: { group: string; edge: string; device?: string }): string {
  return sp.device === undefined
    ? `spBv1.0/${sp.group}/NDATA/${sp.edge}`
    : `spBv1.0/${sp.group}/DDATA/${sp.edge}/${sp.device}`;
}

function decodeSparkplug(topic: string, payload: Buffer, arrivalMs: number, state: SparkplugState): Decoded {
  const sp = sparkplugTopic(topic);
  if (!sp)
    return { ok: false, message: `${topic}: not a Sparkplug B topic (spBv1.0/group/TYPE/edge[/device])` };
  if (sp.type === 'NDEATH') {
    // A dead node takes its devices with it.
    return {
      ok: true,
      readings: [],
      deaths: [dataTopic(sp), `spBv1.0/${sp.group}/DDATA/${sp.edge}/+`],
      deathOf: 'NDEATH',
    };
  }
  if (sp.type === 'DDEATH') return { ok: true, readings: [], deaths: [dataTopic(sp)], deathOf: 'DDEATH' };
  if (!['NBIRTH', 'NDATA', 'DBIRTH', 'DDATA'].includes(sp.type)) return { ok: true, readings: [] };
  // sparkplug-payload's own decoder takes 2^depth steps on nested templates: a small message would
  // freeze the process. The linear codec reads it, after its nesting is bounded.
  const check = checkSparkplug(payload, MAX_SPARKPLUG_NESTING);
  if (!check.ok)
    return {
      ok: false,
      message:
        check.problem === 'too_deep'
          ? `${topic}: Sparkplug B payload nested deeper than ${MAX_SPARKPLUG_NESTING} levels at byte ${check.at}`
          : `${topic}: Sparkplug B payload has a string that is not UTF-8 at byte ${check.at}`,
    };
  let decoded;
  try {
    decoded = decodeSparkplugPayload(payload);
  } catch (err) {
    return {
      ok: false,
      message: `${topic}: Sparkplug B payload does not decode: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  const birth = sp.type.endsWith('BIRTH');
  const series = dataTopic(sp);
  if (birth) state.aliases.set(series, new Map());
  const aliases = state.aliases.get(series);
  const payloadTime = toMs(decoded.timestamp, arrivalMs);
  const readings: Reading[] = [];
  for (const m of decoded.metrics ?? []) {
    const alias =
      m.alias === undefined || m.alias === null ? undefined : String(longToNumber(m.alias) ?? m.alias);
    if (birth && m.name && alias !== undefined) aliases?.set(alias, m.name);
    const name = m.name || (alias !== undefined ? aliases?.get(alias) : undefined);
    if (!name) continue; // alias without a BIRTH seen yet: cannot name it
    const t = toMs(m.timestamp, payloadTime);
    const sample = m.isNull
      ? { t, v: null, invalid: 'null (Sparkplug is_null)' }
      : sampleOf(t, longToNumber(m.value) ?? m.value);
    readings.push({ topic: series, metric: name, sample });
  }
  return { ok: true, readings };
}

export function decodeMessage(
  topic: string,
  payload: Buffer,
  arrivalMs: number,
  o: DecodeOptions,
  state: SparkplugState,
): Decoded {
  switch (o.format) {
    case 'sparkplugb':
      return decodeSparkplug(topic, payload, arrivalMs, state);
    case 'number': {
      const text = payload.toString('utf8').trim();
      return {
        ok: true,
        readings: [{ topic, metric: undefined, sample: sampleOf(arrivalMs, text) }],
      };
    }
    case 'json':
      return decodeJson(topic, payload, arrivalMs, o);
  }
}

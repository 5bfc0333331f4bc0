// What every source decoder returns: the alarms it could decode and a precise error for each part it
// could not, so one bad alarm in a batch never costs the good ones.
import type { Alarm } from '../model/alarm.js';

export type DecodeError = {
  /** Position of the bad alarm in the batch; null when the body as a whole has the wrong shape. */
  index: number | null;
  message: string;
  /** The offending part of the payload (the whole body when index is null). */
  raw: unknown;
  /**
   * Why a whole body was refused, where it matters to the answer: more alarms than allowed (HTTP
   * 413), more bytes than allowed (not kept), or bytes that are not the format at all.
   */
  code?: 'too_many_items' | 'too_large' | 'malformed';
};

export type DecodeResult = {
  alarms: Alarm[];
  /** For each alarm, its position in the posted batch (one batch item may yield several alarms). */
  positions: number[];
  errors: DecodeError[];
  /** Facts worth logging that are not errors (e.g. Alertmanager truncated alerts). */
  notes?: string[];
};

export type DecodeOptions = {
  receivedAt: Date;
  /**
   * Most alarms one body may carry (limits.alarms_per_batch); a longer batch is refused as a whole,
   * before any item is decoded. Every transport passes it; absent = no cap (previews).
   */
  maxItems?: number;
  /**
   * Deepest nesting of a payload the decoder parses from bytes itself (MQTT JSON, Sparkplug B;
   * limits.nesting_depth). HTTP bodies are parsed and bounded before they reach a decoder.
   */
  maxDepth?: number;
};

export function bodyError(message: string, raw: unknown, code?: DecodeError['code']): DecodeResult {
  return { alarms: [], positions: [], errors: [{ index: null, message, raw, ...(code ? { code } : {}) }] };
}

/** The refusal of a batch longer than `opts.maxItems`, or null when it is within the limit. */
export function tooManyItems(count: number, opts: DecodeOptions, what: string): DecodeResult | null {
  if (opts.maxItems === undefined || count <= opts.maxItems) return null;
  return {
    alarms: [],
    positions: [],
    errors: [
      {
        index: null,
        message: `${what} holds ${count} alarms, more than the limit of ${opts.maxItems} per request or message (limits.alarms_per_batch)`,
        raw: null,
        code: 'too_many_items',
      },
    ],
  };
}

/** What one item of a batch decodes to: its alarms (one item may yield several), or why not. */
export type ItemResult = { ok: true; alarms: Alarm[] } | { ok: false; message: string; raw: unknown };

/**
 * A body whose envelope was checked, ready to decode item by item; lets a big batch be decoded in
 * chunks with the event loop given back between them (decodeInChunks).
 */
export type Batch = {
  count: number;
  item(index: number): ItemResult;
  /** Facts about the whole body, once every item was decoded. */
  notes(): string[];
};

/** A body either refused (or fully decoded) as a whole, or a batch to decode item by item. */
export type Prepared = { batch: Batch } | { result: DecodeResult };

function collect(batch: Batch, result: DecodeResult, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const r = batch.item(i);
    if (r.ok) {
      result.alarms.push(...r.alarms);
      for (let k = 0; k < r.alarms.length; k++) result.positions.push(i);
    } else result.errors.push({ index: i, message: r.message, raw: r.raw });
  }
}

function finish(batch: Batch, result: DecodeResult): DecodeResult {
  const notes = batch.notes();
  return notes.length ? { ...result, notes } : result;
}

export function decodeAll(p: Prepared): DecodeResult {
  if ('result' in p) return p.result;
  const result: DecodeResult = { alarms: [], positions: [], errors: [] };
  collect(p.batch, result, 0, p.batch.count);
  return finish(p.batch, result);
}

/** Items decoded between two yields to the event loop. */
export const DECODE_CHUNK = 200;

/** decodeAll, giving the event loop back every DECODE_CHUNK items. */
export async function decodeInChunks(p: Prepared, pause: () => Promise<unknown>): Promise<DecodeResult> {
  if ('result' in p) return p.result;
  const result: DecodeResult = { alarms: [], positions: [], errors: [] };
  for (let from = 0; from < p.batch.count; from += DECODE_CHUNK) {
    if (from > 0) await pause();
    collect(p.batch, result, from, Math.min(from + DECODE_CHUNK, p.batch.count));
  }
  return finish(p.batch, result);
}

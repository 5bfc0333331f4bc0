// Turning what telemetry systems send into a number, or into an explicit invalid reading that says
// what was sent. Prometheus sends values as strings ("NaN", "+Inf"); DCGM reports "no value" with
// sentinel numbers instead of leaving the sample out. An invalid reading is evidence that a sensor or
// exporter failed, so it is kept (as `v: null` with a description), never dropped like a missing scrape.
import type { Sample } from './types.js';

// dcgm_structs.h: DCGM_INT32_BLANK 0x7ffffff0 (+1 NOT_FOUND, +2 NOT_SUPPORTED, +3 NOT_PERMISSIONED),
// DCGM_INT64_BLANK 0x7ffffffffffffff0 (+1..+3), DCGM_FP64_BLANK 140737488355328.0 (+1..+3).
const BLANK_KINDS = ['BLANK', 'NOT_FOUND', 'NOT_SUPPORTED', 'NOT_PERMISSIONED'] as const;
const DCGM_INT32_BLANK = 2147483632;
const DCGM_FP64_BLANK = 140737488355328;
// The int64 blanks (9223372036854775792…795) are not representable as doubles: all of them become 2^63.
const DCGM_INT64_BLANK_AS_DOUBLE = 2 ** 63;
const INT64_BLANK_TEXT = /^922337203685477579([2-5])$/;

function blankKind(v: number): string | undefined {
  for (const base of [DCGM_INT32_BLANK, DCGM_FP64_BLANK]) {
    const k = v - base;
    if (Number.isInteger(k) && k >= 0 && k <= 3) return `DCGM ${BLANK_KINDS[k]} sentinel ${v}`;
  }
  if (v === DCGM_INT64_BLANK_AS_DOUBLE) return 'DCGM int64 blank sentinel (≈ 2^63)';
  return undefined;
}

/** True for the values DCGM uses to say "blank / not found / not supported / not permitted". */
export function isDcgmBlank(v: number): boolean {
  return blankKind(v) !== undefined;
}

/** A reading: a number, or `v: null` with what made it invalid ("NaN", "+Inf", "DCGM … sentinel", "null"). */
export type ReadValue = { v: number } | { v: null; invalid: string };

const show = (raw: string) => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

/**
 * A reading as a number, or why it is not one: NaN, ±Inf, DCGM blanks, empty or non-numeric text, null.
 * Booleans count as 1/0 (leak detected, pump running).
 */
export function readValue(raw: unknown): ReadValue {
  if (raw === null || raw === undefined) return { v: null, invalid: 'null (no value)' };
  if (typeof raw === 'boolean') return { v: raw ? 1 : 0 };
  if (typeof raw === 'bigint') return readValue(raw.toString());
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return { v: null, invalid: 'an empty value' };
    const int64 = INT64_BLANK_TEXT.exec(text);
    if (int64) return { v: null, invalid: `DCGM ${BLANK_KINDS[Number(int64[1]) - 2]} sentinel ${text}` };
    if (/^[+-]?inf(inity)?$/i.test(text)) return { v: null, invalid: text.startsWith('-') ? '-Inf' : '+Inf' };
    if (/^nan$/i.test(text)) return { v: null, invalid: 'NaN' };
    const n = Number(text);
    if (Number.isNaN(n)) return { v: null, invalid: `${show(text)} (not a number)` };
    return readValue(n);
  }
  if (typeof raw !== 'number') {
    const what = Array.isArray(raw) ? 'a list' : typeof raw === 'object' ? 'an object' : `a ${typeof raw}`;
    return { v: null, invalid: `${what}, not a number` };
  }
  if (Number.isNaN(raw)) return { v: null, invalid: 'NaN' };
  if (!Number.isFinite(raw)) return { v: null, invalid: raw > 0 ? '+Inf' : '-Inf' };
  const blank = blankKind(raw);
  return blank ? { v: null, invalid: blank } : { v: raw };
}

/** The number of a reading, or null when it is not a real value (see readValue for why). */
export function parseValue(raw: unknown): number | null {
  return readValue(raw).v;
}

/** A sample at `t` of what the source sent: its number, or `v: null` with what made it invalid. */
export function sampleOf(t: number, raw: unknown): Sample {
  const r = readValue(raw);
  return r.v === null ? { t, v: null, invalid: r.invalid } : { t, v: r.v };
}

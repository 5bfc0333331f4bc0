// Turning what telemetry systems send into a number or "missing". Prometheus sends values as strings;
// DCGM reports "no value" with sentinel numbers instead of leaving the sample out.

// dcgm_structs.h: DCGM_INT32_BLANK 0x7ffffff0 (+1 NOT_FOUND, +2 NOT_SUPPORTED, +3 NOT_PERMISSIONED),
// DCGM_INT64_BLANK 0x7ffffffffffffff0 (+1..+3), DCGM_FP64_BLANK 140737488355328.0 (+1..+3).
const DCGM_INT32_BLANKS = new Set([2147483632, 2147483633, 2147483634, 2147483635]);
const DCGM_FP64_BLANKS = new Set([140737488355328, 140737488355329, 140737488355330, 140737488355331]);
// The int64 blanks (9223372036854775792…795) are not representable as doubles: all of them become 2^63.
const DCGM_INT64_BLANK_AS_DOUBLE = 2 ** 63;
const INT64_BLANK_TEXT = /^922337203685477579[2-5]$/;

/** True for the values DCGM uses to say "blank / not found / not supported / not permitted". */
export function isDcgmBlank(v: number): boolean {
  return DCGM_INT32_BLANKS.has(v) || DCGM_FP64_BLANKS.has(v) || v === DCGM_INT64_BLANK_AS_DOUBLE;
}

/**
 * A reading as a number, or null when it is not a real value: NaN, ±Inf, DCGM blanks, empty or
 * non-numeric text, null. Booleans count as 1/0 (leak detected, pump running).
 */
export function parseValue(raw: unknown): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (typeof raw === 'bigint') return parseValue(raw.toString());
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '' || INT64_BLANK_TEXT.test(text)) return null;
    return parseValue(Number(text));
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw) || isDcgmBlank(raw)) return null;
  return raw;
}

// JSON that arrives from outside (HTTP bodies, MQTT messages), parsed from its raw bytes with bounds and
// precise errors. One pass over the bytes checks what JSON.parse does not: strict UTF-8 (a replaced
// byte would make two different ids one), nesting depth (deep values overflow the stack of every
// recursive walk downstream: JSON.stringify, zod, templates), lone surrogate escapes (not characters;
// they too collapse into U+FFFD once stored) and number literals a double cannot hold. Then JSON.parse
// does the parsing, fast.
//
// Number literals a double would change are kept as their literal text (a JSON string): integers
// beyond ±(2^53−1) (a 20-digit id stays exactly "12345678901234567890") and literals beyond the double
// range (1e400 stays "1e400", so a number field reports it as out of range instead of "null").
import { isUtf8 } from 'node:buffer';

export type JsonInputErrorCode = 'invalid_utf8' | 'too_deep' | 'lone_surrogate' | 'malformed';

export interface JsonInputError {
  code: JsonInputErrorCode;
  /** Byte offset in the input where the problem is, when known. */
  offset: number | null;
  message: string;
}

export type JsonInput = { ok: true; value: unknown } | { ok: false; error: JsonInputError };

export interface JsonInputLimits {
  /** Deepest nesting of arrays and objects accepted (the top-level value is depth 1). */
  maxDepth: number;
  /** Named in error messages so the reader knows which setting to change. */
  depthSetting?: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export function parseJsonInput(bytes: Uint8Array, limits: JsonInputLimits): JsonInput {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buf)) {
    const at = firstInvalidUtf8(buf);
    return fail(
      'invalid_utf8',
      at,
      `invalid UTF-8 at byte ${at} (0x${(buf[at] ?? 0).toString(16).padStart(2, '0')}): JSON text must be UTF-8`,
    );
  }
  // RFC 8259 §8.1 lets a parser ignore a leading byte order mark.
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const scanned = scan(buf, start, limits);
  if (!scanned.ok) return scanned;
  const text = scanned.literals.length
    ? quoteLiterals(buf, start, scanned.literals)
    : buf.toString('utf8', start);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return fail('malformed', null, `malformed JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

type Failed = { ok: false; error: JsonInputError };

function fail(code: JsonInputErrorCode, offset: number | null, message: string): Failed {
  return { ok: false, error: { code, offset, message } };
}

type Span = [start: number, end: number];

function scan(buf: Buffer, start: number, limits: JsonInputLimits): { ok: true; literals: Span[] } | Failed {
  const n = buf.length;
  const literals: Span[] = [];
  let depth = 0;
  for (let i = start; i < n; i++) {
    const b = buf[i]!;
    if (b === QUOTE) {
      // Skip the string; check \u escapes for lone surrogates.
      for (i++; i < n; i++) {
        const c = buf[i]!;
        if (c === QUOTE) break;
        if (c !== BACKSLASH) continue;
        if (buf[i + 1] !== 0x75 /* u */) {
          i++;
          continue;
        }
        const unit = hex4(buf, i + 2);
        if (unit >= 0xd800 && unit <= 0xdbff) {
          const next = buf[i + 6] === BACKSLASH && buf[i + 7] === 0x75 ? hex4(buf, i + 8) : -1;
          if (next < 0xdc00 || next > 0xdfff) return loneSurrogate(buf, i);
          i += 11;
        } else if (unit >= 0xdc00 && unit <= 0xdfff) {
          return loneSurrogate(buf, i);
        } else {
          i += 5;
        }
      }
      continue;
    }
    if (b === 0x5b || b === 0x7b) {
      depth++;
      if (depth > limits.maxDepth) {
        const setting = limits.depthSetting ? ` (${limits.depthSetting})` : '';
        return fail(
          'too_deep',
          i,
          `JSON nested deeper than ${limits.maxDepth} levels at byte ${i}${setting}`,
        );
      }
      continue;
    }
    if (b === 0x5d || b === 0x7d) {
      depth--;
      continue;
    }
    if (b === 0x2d || (b >= 0x30 && b <= 0x39)) {
      let j = i + 1;
      while (j < n && isNumberByte(buf[j]!)) j++;
      if (changesAsDouble(buf.toString('latin1', i, j))) literals.push([i, j]);
      i = j - 1;
    }
  }
  return { ok: true, literals };
}

function loneSurrogate(buf: Buffer, at: number): Failed {
  const escape = buf.toString('latin1', at, at + 6);
  return fail(
    'lone_surrogate',
    at,
    `string escape ${escape} at byte ${at} is half of a surrogate pair, not a character`,
  );
}

function isNumberByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** True for a valid number literal that JSON.parse would turn into a different value. */
function changesAsDouble(token: string): boolean {
  if (!NUMBER.test(token)) return false; // not a number: JSON.parse reports it
  const v = Number(token);
  if (!Number.isFinite(v)) return true;
  const integer = !/[.eE]/.test(token);
  return integer && !Number.isSafeInteger(v);
}

function hex4(buf: Buffer, at: number): number {
  if (at + 4 > buf.length) return -1;
  const s = buf.toString('latin1', at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(s) ? parseInt(s, 16) : -1;
}

function quoteLiterals(buf: Buffer, start: number, spans: Span[]): string {
  const parts: string[] = [];
  let at = start;
  for (const [s, e] of spans) {
    parts.push(buf.toString('utf8', at, s), '"', buf.toString('latin1', s, e), '"');
    at = e;
  }
  parts.push(buf.toString('utf8', at));
  return parts.join('');
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence (Unicode 15, table 3-7:
 * no overlong forms, no surrogates, nothing above U+10FFFF); the length when all of it is well formed.
 */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < len; k++) {
      const c = buf[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += len;
  }
  return n;
}

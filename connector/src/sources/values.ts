// Coercions shared by decoders: vendor values arrive as strings, numbers or booleans and must become
// the normalised types, or a precise reason why not.
import { SEVERITIES, type Severity } from '../model/alarm.js';

export type Coerced<T> = { ok: true; value: T } | { ok: false; message: string };

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** JSON-ish rendering for error messages: strings quoted, long values cut. */
export function show(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else if (typeof value === 'bigint') text = `${value}n`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      // Too deep or circular: a message must never fail because of the value it describes.
      text = Array.isArray(value) ? '[…]' : typeof value === 'object' ? '{…}' : String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

const NUMBER_LITERAL = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * ISO 8601 with an offset, or epoch seconds / milliseconds (number or digit string). Times without an
 * offset are refused: guessing the zone would shift alarms by hours.
 */
export function toIsoTime(value: unknown): Coerced<string> {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()))) {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) return { ok: false, message: `${show(value)} is not a time` };
    // Below 1e11 it can only be seconds (1e11 s is the year 5138; 1e11 ms is 1973).
    const ms = n < 1e11 ? n * 1000 : n;
    const d = new Date(ms);
    if (Number.isNaN(d.getTime())) return { ok: false, message: `${show(value)} is not a time` };
    return { ok: true, value: d.toISOString() };
  }
  if (typeof value === 'string') {
    const s = value.trim();
    if (!ISO_WITH_OFFSET.test(s)) {
      return {
        ok: false,
        message: `${show(value)} is not an ISO 8601 time with offset (or epoch seconds/ms)`,
      };
    }
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) return { ok: false, message: `${show(value)} is not a valid time` };
    return { ok: true, value: d.toISOString() };
  }
  return { ok: false, message: `${show(value)} is not a time` };
}

/**
 * A finite number, or a string holding one ("23.5", " 42 "). A literal beyond the double range (JSON
 * input keeps `1e400` as its text, see util/json-input.ts) is out of range, not "not a number".
 */
export function toNumber(value: unknown): Coerced<number> {
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    if (Number.isFinite(n)) return { ok: true, value: n };
    if (NUMBER_LITERAL.test(value.trim()))
      return { ok: false, message: `${value.trim()} is out of range for a number (beyond ±1.8e308)` };
  }
  if (typeof value === 'number') return { ok: false, message: `${show(value)} is not a finite number` };
  return { ok: false, message: `${show(value)} is not a number` };
}

/** Scalars as text; objects and arrays are not text. */
export function toText(value: unknown): Coerced<string> {
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return { ok: true, value: String(value) };
  }
  return { ok: false, message: `${show(value)} is not text` };
}

/** Looks `raw` up exactly, then case-insensitively; undefined when absent. */
export function lookupValue<T>(map: Readonly<Record<string, T>>, raw: string): T | undefined {
  if (Object.prototype.hasOwnProperty.call(map, raw)) return map[raw];
  const lower = raw.toLowerCase();
  for (const [k, v] of Object.entries(map)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Configured mapping first, then a value that already names a severity (any case). */
export function toSeverity(raw: unknown, mapping: Readonly<Record<string, Severity>>): Coerced<Severity> {
  const text = toText(raw);
  if (!text.ok) return { ok: false, message: `${show(raw)} is not one of ${severityChoices(mapping)}` };
  const mapped = lookupValue(mapping, text.value.trim());
  if (mapped) return { ok: true, value: mapped };
  const lower = text.value.trim().toLowerCase();
  if (isSeverity(lower)) return { ok: true, value: lower };
  return { ok: false, message: `${show(raw)} is not one of ${severityChoices(mapping)}` };
}

function severityChoices(mapping: Readonly<Record<string, Severity>>): string {
  const keys = Object.keys(mapping).filter((k) => !isSeverity(k.toLowerCase()));
  return [...SEVERITIES, ...keys].join(', ');
}

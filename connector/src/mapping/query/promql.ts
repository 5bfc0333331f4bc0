// Placing alarm values into PromQL. A small lexer follows the query text written so far and says
// where the next value lands: inside a quoted label-matcher value (escaped per PromQL's string rules,
// and as a literal for =~ / !~), inside some other string, a comment, or bare syntax, where only a
// plain number or duration is accepted. Nothing an alarm sends can close a string or add syntax.

import { isWellFormed } from './language.js';

type Quote = '"' | "'" | '`';

export type PromqlState =
  | { kind: 'code'; braces: number; tail: string }
  | {
      kind: 'string';
      quote: Quote;
      /** matcher: value of `label="…"`; regex: of `=~` / `!~`; other: any other string. */
      role: 'matcher' | 'regex' | 'other';
      /** The text so far ends in a backslash inside the string. */
      escaped: boolean;
      braces: number;
    }
  | { kind: 'comment'; braces: number };

export const PROMQL_START: PromqlState = { kind: 'code', braces: 0, tail: '' };

function roleAfter(tail: string, braces: number): 'matcher' | 'regex' | 'other' {
  if (braces === 0) return 'other';
  if (/[=!]~\s*$/.test(tail)) return 'regex';
  if (/(?:^|[^=!<>])(?:!=|=)\s*$/.test(tail)) return 'matcher';
  return 'other';
}

/** The lexer state after `text`, starting in `state`. */
export function advancePromql(state: PromqlState, text: string): PromqlState {
  let s = state;
  for (const c of text) {
    if (s.kind === 'comment') {
      if (c === '\n') s = { kind: 'code', braces: s.braces, tail: '' };
    } else if (s.kind === 'string') {
      if (s.quote === '`') {
        if (c === '`') s = { kind: 'code', braces: s.braces, tail: '' };
      } else if (s.escaped) s = { ...s, escaped: false };
      else if (c === '\\') s = { ...s, escaped: true };
      else if (c === s.quote) s = { kind: 'code', braces: s.braces, tail: '' };
    } else if (c === '"' || c === "'" || c === '`') {
      s = { kind: 'string', quote: c, role: roleAfter(s.tail, s.braces), escaped: false, braces: s.braces };
    } else if (c === '#') {
      s = { kind: 'comment', braces: s.braces };
    } else if (c === '{') {
      s = { kind: 'code', braces: s.braces + 1, tail: '' };
    } else if (c === '}') {
      s = { kind: 'code', braces: Math.max(0, s.braces - 1), tail: '' };
    } else {
      s = { ...s, tail: (s.tail + c).slice(-16) };
    }
  }
  return s;
}

/** RE2 metacharacters (Go's regexp.QuoteMeta). */
const REGEX_META = /[\\.+*?()|[\]{}^$]/g;

function quoteBody(value: string, quote: '"' | "'"): string {
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0)!;
    if (c === '\\' || c === quote) out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    // Prometheus's lexer takes a literal U+FFFD for a broken UTF-8 byte and refuses the whole query;
    // escaped, it is the character itself.
    else if (code === 0xfffd) out += '\\ufffd';
    else out += c;
  }
  return out;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DURATION = /^(?:\d+(?:ms|s|m|h|d|w|y))+$/;

export type Placed = { ok: true; text: string } | { ok: false; reason: string };

/** `value` as text to insert where `state` says the query is. */
export function placePromql(value: string, state: PromqlState): Placed {
  if (!isWellFormed(value)) return { ok: false, reason: 'is not valid Unicode' };
  if (state.kind === 'code') {
    if (NUMBER.test(value) || DURATION.test(value)) return { ok: true, text: value };
    return {
      ok: false,
      reason:
        'would be PromQL syntax here (outside a quoted label value); only a plain number or duration is accepted in that place',
    };
  }
  if (state.kind === 'comment') {
    return /[\r\n]/.test(value)
      ? { ok: false, reason: 'contains a line break and would end the PromQL comment it is in' }
      : { ok: true, text: value };
  }
  if (state.escaped) return { ok: false, reason: 'follows a backslash in the query template' };
  // `label=""` does not mean "this label, empty": it selects every series WITHOUT the label (and `!=""`
  // every series with it), so an empty alarm value would point the check at other equipment.
  if (value === '' && state.role !== 'other')
    return {
      ok: false,
      reason:
        'is empty; in a label matcher an empty value selects the series that do not have that label at all',
    };
  const body = state.role === 'regex' ? value.replace(REGEX_META, '\\$&') : value;
  if (state.quote === '`') {
    if (body.includes('`'))
      return { ok: false, reason: 'contains a backtick, which a PromQL raw string (`…`) cannot hold' };
    if (body.includes('\ufffd'))
      return { ok: false, reason: 'contains U+FFFD, which Prometheus refuses in a raw string (`…`)' };
    return { ok: true, text: body };
  }
  return { ok: true, text: quoteBody(body, state.quote) };
}

/** True when inserting `text` in `state` leaves the lexer where it was (nothing closed or opened). */
export function promqlUnchanged(state: PromqlState, text: string): boolean {
  const after = advancePromql(state, text);
  if (after.kind !== state.kind || after.braces !== state.braces) return false;
  if (after.kind === 'string' && state.kind === 'string')
    return after.quote === state.quote && after.escaped === state.escaped;
  return true;
}

/** What validation says about a template written where `state` says (undefined: a quoted label value). */
export function promqlSlotWarning(state: PromqlState): string | undefined {
  if (state.kind === 'code')
    return 'is outside a quoted label value: an alarm value there would be PromQL syntax, so only a plain number or duration is accepted at run time and anything else makes the check unknown; put it in a label matcher such as metric{label="{{…}}"}';
  if (state.kind === 'comment') return 'is inside a PromQL comment';
  if (state.escaped) return 'follows a backslash inside a string; the value cannot be placed there';
  if (state.role === 'other')
    return 'is inside a string that is not a label matcher value: it is escaped as a string, but what it selects there is up to the alarm';
  return undefined;
}

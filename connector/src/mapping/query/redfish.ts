// Placing alarm values into Redfish queries (`<URI>[?query][#property.path]`). In the URI a value is
// one percent-encoded piece of a path segment: it may not hold "/" or "\", nor be "." or "..", so it
// can neither climb out of the resource the rule names nor add a query or fragment. In the property
// path it is one property name (no "." or "/").
import { isWellFormed } from './language.js';
import type { Placed } from './promql.js';

export type RedfishState = { part: 'path' | 'query' | 'fragment'; text: string };

export const REDFISH_START: RedfishState = { part: 'path', text: '' };

export function advanceRedfish(state: RedfishState, text: string): RedfishState {
  let part = state.part;
  for (const c of text) {
    if (c === '#' && part !== 'fragment') part = 'fragment';
    else if (c === '?' && part === 'path') part = 'query';
  }
  return { part, text: state.text + text };
}

function encode(value: string): string {
  // encodeURIComponent leaves only A-Z a-z 0-9 - _ . ! ~ * ' ( ) unescaped; "%" itself becomes %25,
  // so nothing the service decodes once can turn into a separator or a dot segment.
  return encodeURIComponent(value);
}

export function placeRedfish(value: string, state: RedfishState): Placed {
  if (!isWellFormed(value)) return { ok: false, reason: 'is not valid Unicode' };
  if (state.part === 'fragment') {
    if (value === '') return { ok: false, reason: 'is empty; a Redfish property name cannot be' };
    if (/[./#]/.test(value) || /[\s\p{Cc}]/u.test(value))
      return {
        ok: false,
        reason:
          'is not a single Redfish property name (it holds ".", "/", "#", a space or a control character)',
      };
    return { ok: true, text: value };
  }
  if (state.part === 'query') return { ok: true, text: encode(value) };
  if (value === '' || value === '.' || value === '..')
    return {
      ok: false,
      reason: `cannot be a Redfish URI path segment (${value === '' ? 'empty' : `"${value}"`})`,
    };
  if (/[/\\]/.test(value))
    return { ok: false, reason: 'holds "/" or "\\" and would change which Redfish resource is read' };
  return { ok: true, text: encode(value) };
}

/** A problem with a whole rendered Redfish query that its parts cannot see (a dot segment made of two values). */
export function redfishQueryProblem(query: string): string | undefined {
  const uri = query.trim().split(/[?#]/, 1)[0]!;
  const segments = uri.split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..'))
    return 'the rendered Redfish URI contains a "." or ".." segment';
  return undefined;
}

const ROOT = '/redfish/v1/';

export function redfishSlotWarning(state: RedfishState): string | undefined {
  if (state.part === 'path' && !state.text.trim().startsWith(ROOT))
    return `comes before the URI reaches ${ROOT}: the alarm would choose the service root; start the query with ${ROOT}`;
  return undefined;
}

// Redfish queries: `<resource URI>#<property path>`, or a Sensor URI alone (its `Reading`).
//   /redfish/v1/ThermalEquipment/CDUs/1/SecondaryCoolantConnectors/1#SupplyTemperatureCelsius
//   /redfish/v1/ThermalEquipment/CDUs/1/SecondaryCoolantConnectors/1#FlowLitersPerMinute.Reading
//   /redfish/v1/Chassis/CDU/Sensors/SecondaryFlow
//   /redfish/v1/ThermalEquipment/CDUs/1/LeakDetection/LeakDetectors/Moisture#DetectorState
// Excerpt objects with a `Reading` (SensorExcerpt) resolve to that reading. Health-like enums become
// numbers so ordinary conditions apply: OK = 0, Warning = 1, Critical = 2 (e.g. `expect: {equals: 0}`).

import { readValue } from '../values.js';

export interface RedfishQuery {
  uri: string;
  /** Property names / array indexes below the resource; empty = the resource itself. */
  path: string[];
}

/** `value: null`: the resource answered with something that is not a reading (`invalid` says what). */
export type Reading =
  | { ok: true; value: number; invalid?: undefined }
  | { ok: true; value: null; invalid: string }
  | { ok: false; message: string };

const ENUM_VALUES: Record<string, number> = { OK: 0, Warning: 1, Critical: 2 };

export function parseRedfishQuery(query: string): RedfishQuery | { error: string } {
  const text = query.trim();
  const hash = text.indexOf('#');
  const uri = (hash < 0 ? text : text.slice(0, hash)).replace(/\/+$/, '');
  const fragment = hash < 0 ? '' : text.slice(hash + 1);
  if (!uri.startsWith('/redfish/v1'))
    return { error: `Redfish query "${query}" must start with /redfish/v1` };
  if (uri.split('/').includes('..')) return { error: `Redfish query "${query}" must not contain ".."` };
  // Both `#Prop.Sub` and the JSON-pointer style `#/Prop/Sub` that Redfish itself uses.
  const path = fragment.split(/[./]/).filter((p) => p !== '');
  if (hash >= 0 && path.length === 0)
    return { error: `Redfish query "${query}" has an empty property after "#"` };
  return { uri, path };
}

/** The numeric reading at `path` in a Redfish resource. */
// Resource.State values in which the resource works and its readings are current. In any other
// (UnavailableOffline, Absent, Disabled, StandbyOffline, InTest, Starting, Updating …) a BMC keeps
// serving the last Reading it had: a value, but not a reading of now.
const WORKING_STATES = new Set(['Enabled', 'Degraded', 'Qualified']);

/** Why the object holding a value says its readings are not current (its Status.State), or null. */
function notWorking(holder: unknown): string | null {
  if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) return null;
  const status = Object.hasOwn(holder, 'Status') ? (holder as Record<string, unknown>).Status : undefined;
  if (status === null || typeof status !== 'object' || Array.isArray(status)) return null;
  if (!Object.hasOwn(status, 'State')) return null;
  const state = (status as Record<string, unknown>).State;
  if (typeof state === 'string' && WORKING_STATES.has(state)) return null;
  return `Status.State ${typeof state === 'string' ? state : JSON.stringify(state)}`;
}

export function extractReading(doc: unknown, q: RedfishQuery): Reading {
  let cur: unknown = doc;
  // Every object on the way to the value (the resource, a connector, an excerpt): a Status on any
  // of them says whether what it holds is a current reading.
  const holders: unknown[] = [];
  for (const step of q.path) {
    holders.push(cur);
    if (Array.isArray(cur) && /^\d+$/.test(step)) cur = cur[Number(step)];
    else if (cur !== null && typeof cur === 'object' && !Array.isArray(cur) && Object.hasOwn(cur, step)) {
      cur = (cur as Record<string, unknown>)[step];
    } else {
      return { ok: false, message: `${q.uri} has no ${q.path.join('.')}` };
    }
  }
  if (cur !== null && typeof cur === 'object' && !Array.isArray(cur) && Object.hasOwn(cur, 'Reading')) {
    holders.push(cur);
    cur = (cur as Record<string, unknown>).Reading;
  }
  const where = `${q.uri}${q.path.length ? `#${q.path.join('.')}` : ''}`;
  if (cur === undefined) return { ok: false, message: `${where} has no Reading` };
  const stopped = holders.map(notWorking).find((why) => why !== null) ?? null;
  if (stopped !== null) return { ok: true, value: null, invalid: `${stopped} (not a current reading)` };
  if (typeof cur === 'string' && Object.hasOwn(ENUM_VALUES, cur))
    return { ok: true, value: ENUM_VALUES[cur]! };
  if (cur !== null && typeof cur === 'object')
    return { ok: false, message: `${where} is ${JSON.stringify(cur).slice(0, 80)}, not a number` };
  // null (the BMC has no reading), a string such as "NaN" or "Unavailable", a sentinel: invalid readings.
  const r = readValue(cur);
  return r.v === null ? { ok: true, value: null, invalid: r.invalid } : { ok: true, value: r.v };
}

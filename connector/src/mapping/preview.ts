// What a payload would do, without doing it: decoded alarms, where each lies in the topology graph,
// the rule each matched (and why earlier rules did not), rendered incident fields, correlation key and
// close checks. Plain JSON-able data,
// shared by `closeloop mappings preview`, POST /v1/mappings/preview and the console playground.
import { AlarmSchema, type Alarm, type SourceKind } from '../model/alarm.js';
import type { RenderedCheck } from '../model/close-check.js';
import type { Reference } from '../model/operation.js';
import type { RuleBehaviour } from '../model/rule-behaviour.js';
import { decodePayload, type DecodeResult } from '../sources/decode.js';
import { decodeMapped } from '../sources/mapped-record.js';
import type { Mappings } from './compiled.js';
import type { SourceConfig } from './schema.js';
import type { MatchTraceEntry } from './match.js';
import type { PlanError } from './plan.js';
import { planAlarm } from './plan-alarm.js';
import { placeInGraph, type Placement } from './placement.js';
import type { TopologyContext } from './topology.js';

export interface PreviewAlarm {
  /** The normalised alarm, without `raw` (the payload is what was sent in). */
  alarm: Omit<Alarm, 'raw'>;
  topology: TopologyContext;
  /** Where the alarm lies in the topology graph: its node, upstream paths, redundancy groups. */
  placement: Placement;
  /** Matched rule (or default rule); null when the alarm would be dropped. */
  rule: string | null;
  reason: string;
  trace: MatchTraceEntry[];
  incident: { fields: Record<string, string | number>; references: Record<string, Reference> } | null;
  correlationKey: string | null;
  closeChecks: RenderedCheck[];
  behaviour: RuleBehaviour | null;
  /** Template problems met while rendering for this alarm (a strict template refers to an unset variable). */
  errors: PlanError[];
}

export interface PreviewResult {
  source: string;
  sourceKind: SourceKind | null;
  /** False when the source is unknown, the payload (or part of it) did not decode, or a template failed. */
  ok: boolean;
  /** Problems with the request itself (unknown source). */
  errors: string[];
  decodeErrors: { index: number | null; message: string }[];
  notes: string[];
  alarms: PreviewAlarm[];
}

function previewOne(mappings: Mappings, alarm: Alarm): PreviewAlarm {
  const { raw: _raw, ...shown } = alarm;
  const p = planAlarm(mappings, alarm);
  const base = {
    alarm: shown,
    topology: p.match.topology,
    placement: placeInGraph(mappings.graph, p.match.topology),
    rule: p.match.rule?.name ?? null,
    reason: p.match.reason,
    trace: p.match.trace,
  };
  if (p.kind === 'planned') {
    return {
      ...base,
      incident: p.plan.incident,
      correlationKey: p.plan.correlationKey,
      closeChecks: p.plan.closeChecks,
      behaviour: p.plan.behaviour,
      errors: [],
    };
  }
  return {
    ...base,
    incident: null,
    correlationKey: null,
    closeChecks: [],
    behaviour: null,
    errors: p.kind === 'error' ? p.errors : [],
  };
}

/**
 * The decoder the source's alarms go through. MQTT JSON messages use the same field-map decoder as
 * webhooks (they arrive on a topic, not over HTTP, so decodePayload does not take them).
 */
function decodeForPreview(
  sourceName: string,
  source: SourceConfig,
  payload: unknown,
  now: Date,
): DecodeResult {
  if (source.kind === 'mqtt' && source.format === 'json' && source.fields) {
    return decodeMapped(sourceName, 'mqtt', { ...source, fields: source.fields }, payload, {
      receivedAt: now,
    });
  }
  return decodePayload(sourceName, source, payload, { receivedAt: now });
}

/** Decodes `payload` as source `sourceName` would receive it, then previews every alarm in it. */
export function previewAlarm(
  mappings: Mappings,
  sourceName: string,
  payload: unknown,
  now: Date,
): PreviewResult {
  const source = mappings.sources[sourceName];
  if (!source) {
    const known = Object.keys(mappings.sources).join(', ') || 'none';
    return {
      source: sourceName,
      sourceKind: null,
      ok: false,
      errors: [`unknown source "${sourceName}" (known: ${known})`],
      decodeErrors: [],
      notes: [],
      alarms: [],
    };
  }
  const decoded = decodeForPreview(sourceName, source, payload, now);
  const alarms = decoded.alarms.map((a) => previewOne(mappings, a));
  return {
    source: sourceName,
    sourceKind: source.kind,
    ok: decoded.errors.length === 0 && alarms.every((a) => a.errors.length === 0),
    errors: [],
    decodeErrors: decoded.errors.map((e) => ({ index: e.index, message: e.message })),
    notes: decoded.notes ?? [],
    alarms,
  };
}

/**
 * Previews alarms already in normalised form (one object or a list), e.g. for sources whose wire
 * format does not arrive over HTTP (SNMP traps, MQTT) or to try a rule against a hand-written alarm.
 */
export function previewNormalisedAlarms(
  mappings: Mappings,
  sourceName: string,
  payload: unknown,
): PreviewResult {
  const items = Array.isArray(payload) ? payload : [payload];
  const source = mappings.sources[sourceName];
  const decodeErrors: PreviewResult['decodeErrors'] = [];
  const alarms: PreviewAlarm[] = [];
  items.forEach((item, index) => {
    const withRaw =
      typeof item === 'object' && item !== null && !('raw' in item) ? { ...item, raw: null } : item;
    const r = AlarmSchema.safeParse(withRaw);
    if (!r.success) {
      const msg = r.error.issues.map((i) => `${i.path.join('.') || 'alarm'}: ${i.message}`).join('; ');
      decodeErrors.push({ index: Array.isArray(payload) ? index : null, message: msg });
      return;
    }
    if (r.data.source !== sourceName) {
      decodeErrors.push({ index, message: `alarm.source is "${r.data.source}", expected "${sourceName}"` });
      return;
    }
    alarms.push(previewOne(mappings, r.data));
  });
  const errors = source ? [] : [`unknown source "${sourceName}"`];
  return {
    source: sourceName,
    sourceKind: source?.kind ?? null,
    ok: errors.length === 0 && decodeErrors.length === 0 && alarms.every((a) => a.errors.length === 0),
    errors,
    decodeErrors,
    notes: [],
    alarms,
  };
}

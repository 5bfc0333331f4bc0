// Redfish Event payloads (as a BMC/CDU posts them to an EventDestination) → alarms. Stateful
// conditions (thresholds, leaks, pumps…) are keyed by OriginOfCondition + condition family so the
// registry's "normal" message clears the alarm its raise created.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Alarm, AlarmState, Severity } from '../../model/alarm.js';
import type { SourceConfig } from '../../mapping/schema.js';
import { checkAlarm, describe, isRecord } from '../mapped-record.js';
import { show, toIsoTime, toNumber } from '../values.js';
import {
  bodyError,
  decodeAll,
  tooManyItems,
  type DecodeOptions,
  type DecodeResult,
  type Prepared,
} from '../types.js';
import { messageRoles, parseMessageId, type MessageRole, type Reading } from './messages.js';

export type RedfishSourceConfig = Extract<SourceConfig, { kind: 'redfish' }>;

const ODATA_EVENT_TYPE = /^#Event\.v\d+_\d+_\d+\.Event$/;

const EnvelopeSchema = z.object({
  '@odata.type': z.string().regex(ODATA_EVENT_TYPE, 'expected "#Event.v1_x_x.Event"'),
  Id: z.string().optional(),
  Name: z.string().optional(),
  Context: z.string().optional(),
  Events: z.array(z.unknown()),
});

const ArgSchema = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));

const EventRecordSchema = z.object({
  MessageId: z.string().min(1),
  EventId: z.union([z.string(), z.number()]).transform(String).optional(),
  EventType: z.string().optional(),
  EventTimestamp: z.string().optional(),
  Severity: z.string().optional(),
  MessageSeverity: z.string().optional(),
  Message: z.string().optional(),
  MessageArgs: z.array(ArgSchema).default([]),
  // A link object per the schema; some services (and DMTF's SubmitTestEvent example) send a bare URI.
  OriginOfCondition: z
    .union([z.string().min(1), z.object({ '@odata.id': z.string().min(1) }).loose()])
    .transform((o) => (typeof o === 'string' ? o : o['@odata.id']))
    .optional(),
  // Int64 in the schema: beyond 2^53 it arrives as its literal text (util/json-input.ts).
  EventGroupId: z.union([z.number().int(), z.string().regex(/^-?\d+$/)]).optional(),
  MemberId: z.string().optional(),
  Context: z.string().optional(),
});
type EventRecord = z.infer<typeof EventRecordSchema>;

const REDFISH_SEVERITY: Record<string, Severity> = { critical: 'critical', warning: 'warning', ok: 'info' };

export function decode(
  sourceName: string,
  config: RedfishSourceConfig,
  body: unknown,
  opts: DecodeOptions,
): DecodeResult {
  return decodeAll(prepare(sourceName, config, body, opts));
}

/** decode, as a batch to decode event by event. */
export function prepare(
  sourceName: string,
  config: RedfishSourceConfig,
  body: unknown,
  opts: DecodeOptions,
): Prepared {
  if (!isRecord(body))
    return { result: bodyError(`expected a Redfish Event object, got ${describe(body)}`, body) };
  const env = EnvelopeSchema.safeParse(body);
  if (!env.success) {
    const issue = env.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    const got = issue && issue.path.length ? ` (got ${show(body[String(issue.path[0])])})` : '';
    return {
      result: bodyError(`not a Redfish Event payload: ${where}: ${issue?.message ?? 'invalid'}${got}`, body),
    };
  }
  const tooMany = tooManyItems(env.data.Events.length, opts, 'Events');
  if (tooMany) return { result: tooMany };
  const events = env.data.Events;
  return {
    batch: {
      count: events.length,
      item: (index) => {
        const raw = events[index];
        const r = decodeEvent(sourceName, config, raw, env.data.Context, `Events[${index}].`, opts);
        return r.ok ? { ok: true, alarms: r.alarms } : { ok: false, message: r.messages.join('; '), raw };
      },
      notes: () => [],
    },
  };
}

function decodeEvent(
  sourceName: string,
  config: RedfishSourceConfig,
  raw: unknown,
  context: string | undefined,
  prefix: string,
  opts: DecodeOptions,
): { ok: true; alarms: Alarm[] } | { ok: false; messages: string[] } {
  const parsed = EventRecordSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      messages: parsed.error.issues.map((i) => `${prefix}${i.path.join('.')}: ${i.message}`),
    };
  }
  const ev = parsed.data;
  const mid = parseMessageId(ev.MessageId);
  if (!mid) {
    return {
      ok: false,
      messages: [`${prefix}MessageId: ${show(ev.MessageId)} is not RegistryPrefix.Major.Minor.MessageKey`],
    };
  }
  let raisedAt = opts.receivedAt.toISOString();
  let clock: 'source' | 'received' = 'received';
  if (ev.EventTimestamp !== undefined) {
    const t = toIsoTime(ev.EventTimestamp);
    if (!t.ok) return { ok: false, messages: [`${prefix}EventTimestamp: ${t.message}`] };
    raisedAt = t.value;
    clock = 'source';
  }
  const eventSeverityText = ev.MessageSeverity ?? ev.Severity;
  const eventSeverity =
    eventSeverityText === undefined || !Object.hasOwn(REDFISH_SEVERITY, eventSeverityText.toLowerCase())
      ? undefined
      : REDFISH_SEVERITY[eventSeverityText.toLowerCase()];
  if (eventSeverityText !== undefined && !eventSeverity) {
    const field = ev.MessageSeverity !== undefined ? 'MessageSeverity' : 'Severity';
    return {
      ok: false,
      messages: [`${prefix}${field}: ${show(eventSeverityText)} is not one of OK, Warning, Critical`],
    };
  }

  const origin = ev.OriginOfCondition;
  const subject = origin ?? (ev.MessageArgs[0] !== undefined ? `arg:${ev.MessageArgs[0]}` : undefined);
  const common = {
    source: sourceName,
    sourceKind: 'redfish' as const,
    raisedAt,
    clock,
    receivedAt: opts.receivedAt.toISOString(),
    asset: assetOf(config, origin),
    text: messageText(ev),
    raw,
  };
  const labels: Record<string, string> = {
    message_id: ev.MessageId,
    registry: mid.registry,
    message_key: mid.key,
    ...(origin ? { origin } : {}),
    ...(ev.MessageArgs[0] !== undefined ? { subject_name: ev.MessageArgs[0] } : {}),
    ...(ev.EventId ? { event_id: ev.EventId } : {}),
    ...(ev.EventType ? { event_type: ev.EventType } : {}),
    ...(ev.EventGroupId !== undefined ? { event_group_id: String(ev.EventGroupId) } : {}),
    ...((ev.Context ?? context) ? { context: (ev.Context ?? context) as string } : {}),
  };

  const roles = messageRoles(mid.registry, mid.key);
  const candidates: Alarm[] = [];
  if (roles.length === 0) {
    // Not a stateful condition we know: one alarm per origin and message, active, never cleared here.
    const key = `${mid.registry}.${mid.key}`;
    const id = subject ? `${subject}#${key}` : ev.EventId ? `event:${ev.EventId}` : key;
    candidates.push({
      ...common,
      id: boundedId(id),
      state: 'active',
      severity: eventSeverity ?? 'warning',
      type: key,
      labels,
    });
  }
  for (const role of roles) {
    const state = stateOf(role, ev);
    if (!state.ok) return { ok: false, messages: [`${prefix}${state.message}`] };
    const type = `${mid.registry}.${role.family}`;
    const severity: Severity =
      state.value === 'cleared'
        ? 'info'
        : (eventSeverity ?? (role.role === 'raise' ? role.severity : 'warning'));
    candidates.push({
      ...common,
      id: boundedId(subject ? `${subject}#${type}` : type),
      state: state.value,
      severity: state.value === 'active' && severity === 'info' ? 'warning' : severity,
      type,
      ...readingValues(role.role === 'health' ? undefined : role.reading, ev.MessageArgs),
      labels: { ...labels, condition: role.family },
    });
  }
  const alarms: Alarm[] = [];
  for (const c of candidates) {
    const checked = checkAlarm(c, prefix);
    if (!checked.ok) return checked;
    alarms.push(checked.alarm);
  }
  return { ok: true, alarms };
}

function stateOf(
  role: MessageRole,
  ev: EventRecord,
): { ok: true; value: AlarmState } | { ok: false; message: string } {
  if (role.role === 'raise') return { ok: true, value: 'active' };
  if (role.role === 'clear') return { ok: true, value: 'cleared' };
  const health = ev.MessageArgs[role.healthArg];
  if (health === undefined)
    return { ok: false, message: `MessageArgs[${role.healthArg}]: missing health value` };
  return { ok: true, value: health.trim().toLowerCase() === 'ok' ? 'cleared' : 'active' };
}

function readingValues(
  reading: Reading | undefined,
  args: string[],
): Pick<Alarm, 'value' | 'limit' | 'unit'> {
  if (!reading) return {};
  const out: Pick<Alarm, 'value' | 'limit' | 'unit'> = {};
  const value = toNumber(args[reading.valueArg]);
  if (value.ok) out.value = value.value;
  if (reading.limitArg !== undefined) {
    const limit = toNumber(args[reading.limitArg]);
    if (limit.ok) out.limit = limit.value;
  }
  const unit = reading.unitArg !== undefined ? args[reading.unitArg] : reading.unit;
  if (unit) out.unit = unit;
  return out;
}

/** The Message as sent, with any unexpanded %1..%n filled from MessageArgs. */
function messageText(ev: EventRecord): string {
  const template = ev.Message ?? ev.MessageId;
  return template.replace(/%(\d+)/g, (whole, n: string) => ev.MessageArgs[Number(n) - 1] ?? whole);
}

/** Longest configured URI prefix (at a path boundary) of the origin → equipment id. */
function assetOf(config: RedfishSourceConfig, origin: string | undefined): Alarm['asset'] {
  const asset: Alarm['asset'] = {};
  if (config.site) asset.site = config.site;
  if (!origin) return asset;
  let best: { prefix: string; id: string } | null = null;
  for (const [prefix, id] of Object.entries(config.equipment)) {
    const p = prefix.replace(/\/+$/, '');
    const hit = origin === p || origin.startsWith(`${p}/`) || origin.startsWith(`${p}#`);
    if (hit && (!best || p.length > best.prefix.length)) best = { prefix: p, id };
  }
  if (best) asset.equipmentId = best.id;
  return asset;
}

/** Alarm ids are at most 200 characters; long origin URIs keep their tail and gain a hash. */
function boundedId(id: string): string {
  if (id.length <= 200) return id;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 16);
  return `${hash}:${id.slice(id.length - 182)}`;
}

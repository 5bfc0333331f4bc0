// Prometheus Alertmanager webhook payload (version 4) → one alarm per alert, keyed by fingerprint.
import { z } from 'zod';
import type { Alarm, Severity } from '../../model/alarm.js';
import type { SourceConfig } from '../../mapping/schema.js';
import { checkAlarm, describe, isRecord } from '../mapped-record.js';
import { lookupValue, show, toIsoTime, toNumber } from '../values.js';
import {
  bodyError,
  decodeAll,
  tooManyItems,
  type DecodeOptions,
  type DecodeResult,
  type Prepared,
} from '../types.js';

export type AlertmanagerSourceConfig = Extract<SourceConfig, { kind: 'alertmanager' }>;

/** Used when the source's severity_values has no entry; common label values across rule sets. */
export const DEFAULT_SEVERITY_VALUES: Readonly<Record<string, Severity>> = {
  critical: 'critical',
  page: 'critical',
  emergency: 'critical',
  high: 'major',
  major: 'major',
  error: 'major',
  medium: 'minor',
  minor: 'minor',
  low: 'warning',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  informational: 'info',
  none: 'info',
};
/** Severity for alerts without the severity label (many rule sets omit it for minor alerts). */
export const MISSING_SEVERITY: Severity = 'warning';

const EnvelopeSchema = z.object({
  version: z.string().optional(),
  groupKey: z.string().optional(),
  status: z.enum(['firing', 'resolved']).optional(),
  receiver: z.string().optional(),
  truncatedAlerts: z.number().int().min(0).optional(),
  externalURL: z.string().optional(),
  alerts: z.array(z.unknown()),
});

const AlertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()).default({}),
  startsAt: z.string(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1),
});

const ASSET_KEYS = {
  site: 'site',
  room: 'room',
  row: 'row',
  rack: 'rack',
  equipment_id: 'equipmentId',
  equipment_name: 'equipmentName',
  equipment_class: 'equipmentClass',
} as const;

export function decode(
  sourceName: string,
  config: AlertmanagerSourceConfig,
  body: unknown,
  opts: DecodeOptions,
): DecodeResult {
  return decodeAll(prepare(sourceName, config, body, opts));
}

/** decode, as a batch to decode alert by alert. */
export function prepare(
  sourceName: string,
  config: AlertmanagerSourceConfig,
  body: unknown,
  opts: DecodeOptions,
): Prepared {
  if (!isRecord(body))
    return { result: bodyError(`expected an Alertmanager webhook object, got ${describe(body)}`, body) };
  const env = EnvelopeSchema.safeParse(body);
  if (!env.success) {
    const issue = env.error.issues[0];
    return {
      result: bodyError(
        `not an Alertmanager webhook payload: ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid'}`,
        body,
      ),
    };
  }
  const notes: string[] = [];
  if (env.data.version !== undefined && env.data.version !== '4') {
    notes.push(`Alertmanager payload version ${show(env.data.version)}; decoded as version 4`);
  }
  if (env.data.truncatedAlerts) {
    notes.push(
      `Alertmanager truncated ${env.data.truncatedAlerts} alert(s) from group ${env.data.groupKey ?? '(no groupKey)'} (max_alerts); they were not received`,
    );
  }

  const tooMany = tooManyItems(env.data.alerts.length, opts, 'alerts');
  if (tooMany) return { result: tooMany };

  const alerts = env.data.alerts;
  let missingSeverity = 0;
  return {
    batch: {
      count: alerts.length,
      item: (index) => {
        const raw = alerts[index];
        const r = decodeAlert(sourceName, config, raw, `alerts[${index}].`, opts);
        if (!r.ok) return { ok: false, message: r.messages.join('; '), raw };
        if (r.missingSeverity) missingSeverity += 1;
        return { ok: true, alarms: [r.alarm] };
      },
      notes: () =>
        missingSeverity
          ? [
              ...notes,
              `${missingSeverity} alert(s) had no "${config.severity_label}" label; severity ${MISSING_SEVERITY} assumed`,
            ]
          : notes,
    },
  };
}

function decodeAlert(
  sourceName: string,
  config: AlertmanagerSourceConfig,
  raw: unknown,
  prefix: string,
  opts: DecodeOptions,
): { ok: true; alarm: Alarm; missingSeverity: boolean } | { ok: false; messages: string[] } {
  const parsed = AlertSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      messages: parsed.error.issues.map((i) => `${prefix}${i.path.join('.')}: ${i.message}`),
    };
  }
  const a = parsed.data;
  const messages: string[] = [];

  const alertname = a.labels.alertname;
  if (!alertname) messages.push(`${prefix}labels.alertname: missing`);

  const sevLabel = a.labels[config.severity_label];
  let severity: Severity = MISSING_SEVERITY;
  if (sevLabel !== undefined) {
    const mapped =
      lookupValue(config.severity_values, sevLabel) ?? lookupValue(DEFAULT_SEVERITY_VALUES, sevLabel);
    if (mapped) severity = mapped;
    else {
      const choices = [
        ...new Set([...Object.keys(config.severity_values), ...Object.keys(DEFAULT_SEVERITY_VALUES)]),
      ];
      messages.push(
        `${prefix}labels.${config.severity_label}: ${show(sevLabel)} is not one of ${choices.join(', ')}`,
      );
    }
  }

  // A clear happened at endsAt; a firing alert's endsAt is only a timeout estimate, so use startsAt.
  const state = a.status === 'resolved' ? 'cleared' : 'active';
  // Go's zero time (0001-01-01…) means "not set": a clear stamped with it would look older than
  // its raise and be ignored as stale.
  const ended = a.endsAt !== undefined && a.endsAt !== '' && !a.endsAt.startsWith('0001-01-01');
  const timeField = state === 'cleared' && ended ? 'endsAt' : 'startsAt';
  const time = toIsoTime(timeField === 'endsAt' ? a.endsAt : a.startsAt);
  if (!time.ok) messages.push(`${prefix}${timeField}: ${time.message}`);

  const asset: Alarm['asset'] = {};
  for (const [field, label] of Object.entries(config.asset_labels)) {
    const v = label === undefined ? undefined : a.labels[label];
    if (v) asset[ASSET_KEYS[field as keyof typeof ASSET_KEYS]] = v;
  }

  // Rules often carry the sample in an annotation (`value: "{{ $value }}"`); keep it when numeric,
  // with its unit when the rule names one (`unit: "°C"`): a bare number is not a reading.
  const valueText = a.annotations.value;
  const value = valueText === undefined ? undefined : toNumber(valueText);
  const unit = a.annotations.unit?.trim();

  if (messages.length || !alertname || !time.ok) return { ok: false, messages };
  const alarm: Alarm = {
    source: sourceName,
    sourceKind: 'alertmanager',
    id: a.fingerprint,
    state,
    severity,
    type: alertname,
    raisedAt: time.value,
    clock: 'source',
    receivedAt: opts.receivedAt.toISOString(),
    asset,
    ...(value?.ok ? { value: value.value, ...(unit ? { unit } : {}) } : {}),
    text: a.annotations.summary ?? a.annotations.description ?? a.annotations.message ?? alertname,
    labels: { ...a.labels },
    raw,
  };
  const checked = checkAlarm(alarm, prefix);
  return checked.ok ? { ...checked, missingSeverity: sevLabel === undefined } : checked;
}

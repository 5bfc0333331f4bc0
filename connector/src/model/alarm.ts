// The normalised alarm: every source decodes its wire format into this one shape, and everything
// downstream (mapping, correlation, lifecycle, guard) reads only this.
import { z } from 'zod';

export const SOURCE_KINDS = ['webhook', 'alertmanager', 'redfish', 'snmp', 'mqtt'] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const SEVERITIES = ['critical', 'major', 'minor', 'warning', 'info'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/** Lower rank = more severe; used to decide whether a severity "rose". */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export const AlarmStateSchema = z.enum(['active', 'cleared']);
export type AlarmState = z.infer<typeof AlarmStateSchema>;

export const AssetSchema = z
  .object({
    site: z.string().min(1).optional(),
    room: z.string().min(1).optional(),
    row: z.string().min(1).optional(),
    rack: z.string().min(1).optional(),
    equipmentId: z.string().min(1).optional(),
    equipmentName: z.string().min(1).optional(),
    equipmentClass: z.string().min(1).optional(),
  })
  .strict();
export type Asset = z.infer<typeof AssetSchema>;

const isoTime = z.iso.datetime({ offset: true });
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const AlarmSchema = z
  .object({
    /** Name of the configured source it arrived through (`bms`, `alertmanager`, …). */
    source: z.string().min(1),
    sourceKind: SourceKindSchema,
    /** Stable id of the alarm at its source: the same real alarm always carries the same id. */
    id: z
      .string()
      .min(1)
      .max(200)
      // Stored as UTF-8, a lone surrogate becomes U+FFFD: two different ids would become one.
      .refine((v) => !LONE_SURROGATE.test(v), 'contains a lone UTF-16 surrogate (not Unicode text)'),
    state: AlarmStateSchema,
    severity: SeveritySchema,
    /** Source-specific alarm type (`supply_air_temp_high`, `GpuThermalSlowdown`, `upsTrapOnBattery`…). */
    type: z.string().min(1),
    /** When the condition started (or cleared, for a clear) at the source; ISO 8601. */
    raisedAt: isoTime,
    /**
     * Whose clock `raisedAt` is: `source` when the source said when (Alertmanager startsAt/endsAt, a
     * Redfish EventTimestamp, a mapped raised_at, a Sparkplug timestamp), `received` when the decoder
     * filled in the receive time. Updates of one alarm are ordered by source time only (absent = received).
     */
    clock: z.enum(['source', 'received']).optional(),
    /** When the connector received it; ISO 8601. */
    receivedAt: isoTime,
    asset: AssetSchema,
    value: z.number().finite().optional(),
    unit: z.string().optional(),
    limit: z.number().finite().optional(),
    text: z.string(),
    labels: z.record(z.string(), z.string()),
    /** The payload as received (one alarm's part of it for batches), kept for inspection. */
    raw: z.unknown(),
  })
  .strict();
export type Alarm = z.infer<typeof AlarmSchema>;

/** The identity of an alarm across sources: the same id from two sources is two alarms. */
export function alarmIdentity(a: Pick<Alarm, 'source' | 'id'>): string {
  return `${a.source}:${a.id}`;
}

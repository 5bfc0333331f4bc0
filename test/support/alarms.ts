// Builders for normalised alarms and ingest plans in tests.
import type { Alarm } from '../../connector/src/model/alarm.js';
import type { IngestPlan } from '../../connector/src/lifecycle/types.js';

export function alarm(over: Partial<Alarm> = {}): Alarm {
  return {
    source: 'bms',
    sourceKind: 'webhook',
    id: 'A1',
    state: 'active',
    severity: 'major',
    type: 'supply_air_temp_high',
    raisedAt: '2026-11-25T10:00:00.000Z',
    receivedAt: '2026-11-25T10:00:00.000Z',
    asset: { site: 'DC1', equipmentId: 'CRAH-2', equipmentName: 'CRAH-2' },
    value: 29.4,
    unit: '°C',
    limit: 27,
    text: 'Supply air temperature high',
    labels: {},
    raw: {},
    ...over,
  };
}

export function plan(over: Partial<IngestPlan> = {}): IngestPlan {
  return {
    rule: 'crah-supply-air-high',
    correlationKey: 'DC1/cooling/ZONE-A1',
    fields: { short_description: 'CRAH-2 supply air high', category: 'facilities' },
    references: {},
    impact: 1,
    urgency: 2,
    closeChecks: [],
    behaviour: { autoResolve: true, reopenWindowMs: 3_600_000, holdDownMs: 0 },
    ...over,
  };
}

export const T0 = new Date('2026-11-25T10:00:00.000Z');
export const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

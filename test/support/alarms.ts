// Builders for normalised alarms, ingest plans, close checks and check results in tests, and the quiet
// noise policy.
import type { Alarm } from '../../connector/src/model/alarm.js';
import type { RenderedCheck } from '../../connector/src/model/close-check.js';
import type { IngestPlan } from '../../connector/src/model/ingest.js';
import type { CheckResult } from '../../connector/src/model/verdict.js';
import type { NoisePolicy } from '../../connector/src/lifecycle/types.js';

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
    correlationWindowMs: 900_000,
    fields: { short_description: 'CRAH-2 supply air high', category: 'facilities' },
    references: {},
    impact: 1,
    urgency: 2,
    closeChecks: [],
    behaviour: { autoResolve: true, reopenWindowMs: 3_600_000, holdDownMs: 0 },
    ...over,
  };
}

/** A rendered close check (durations in ms, as stored). */
export function closeCheck(over: Partial<RenderedCheck> = {}): RenderedCheck {
  return {
    name: 'supply-air',
    provider: 'prom',
    query: 'supply_air{unit="CRAH-2"}',
    label: 'CRAH-2 supply air',
    unit: '°C',
    expect: { range: [18, 27] },
    stabilize: 600_000,
    max_age: 120_000,
    min_samples: 3,
    ...over,
  };
}

/** The result of one check, as the watcher records it. */
export function checkResult(over: Partial<CheckResult> = {}): CheckResult {
  return {
    name: 'supply-air',
    status: 'pass',
    observed: '22.0 °C',
    expected: '18–27 °C',
    window: '10 min',
    samples: 41,
    message: 'CRAH-2 supply air 22.0 °C, in 18–27 °C for 10 min',
    ...over,
  };
}

/** Every note at once, no storm limits; flapping as configured by default. */
export const QUIET: NoisePolicy = { noteIntervalMs: 0, flapChanges: 4, flapWindowMs: 600_000 };

export const T0 = new Date('2026-11-25T10:00:00.000Z');
export const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

// Plain records for unit tests of the lifecycle: an event (open, linked to an incident, no checks)
// and an alarm attached to an event.
import type { AlarmRecord } from '../../connector/src/model/alarm-record.js';
import { emptyNoise, type EventRecord } from '../../connector/src/model/event.js';
import { alarm, T0 } from './alarms.js';

/** The record of alarm `bms:<id>`, attached to `eventKey`. */
export function alarmRecordOf(eventKey: string, id: string, state: 'active' | 'cleared'): AlarmRecord {
  const a = alarm({ id, state });
  const at = T0.toISOString();
  return {
    identity: `bms:${id}`,
    source: 'bms',
    alarmId: id,
    state,
    severity: a.severity,
    type: a.type,
    eventKey,
    rule: 'crah-supply-air-high',
    firstSeenAt: at,
    lastChangeAt: at,
    lastReceivedAt: at,
    changeCount: 0,
    recentChanges: [],
    flapping: false,
    alarm: a,
  };
}

export function eventRecord(over: Partial<EventRecord> = {}): EventRecord {
  const at = T0.toISOString();
  return {
    key: 'DC1/cooling/ZONE-A1',
    correlationKey: 'DC1/cooling/ZONE-A1',
    generation: 1,
    kind: 'alarms',
    rule: 'crah-supply-air-high',
    state: 'open',
    severity: 'major',
    site: 'DC1',
    title: 'CRAH-2 supply air high',
    createdAt: at,
    updatedAt: at,
    lastAlarmAt: at,
    raiseAt: null,
    resolvedAt: null,
    incidentSysId: 'sys-1',
    incidentNumber: 'INC0010001',
    closeChecks: [],
    behaviour: { autoResolve: true, reopenWindowMs: 3_600_000, holdDownMs: 0 },
    pendingCreate: null,
    verdict: null,
    verdictAt: null,
    verdictChecks: null,
    noise: emptyNoise(),
    ...over,
  };
}

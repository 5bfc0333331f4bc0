import { expect } from 'chai';
import { eventTimeline } from '../../../connector/src/console/timeline.js';
import type { EventDetail, OutboxEntry } from '../../../connector/src/store/store.js';
import { opSummary } from '../../../connector/src/console/timeline.js';
import type { AlarmRecord } from '../../../connector/src/model/alarm-record.js';
import { emptyNoise, type EventRecord } from '../../../connector/src/model/event.js';
import { alarm } from '../../support/alarms.js';

const at = (m: number) => new Date(Date.UTC(2026, 10, 25, 10, m)).toISOString();

function event(over: Partial<EventRecord> = {}): EventRecord {
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
    createdAt: at(0),
    updatedAt: at(9),
    lastAlarmAt: at(0),
    raiseAt: null,
    resolvedAt: null,
    incidentSysId: null,
    incidentNumber: null,
    closeChecks: [],
    behaviour: { autoResolve: true, reopenWindowMs: 0, holdDownMs: 0 },
    pendingCreate: null,
    verdict: 'fail',
    verdictAt: at(6),
    verdictChecks: [],
    noise: emptyNoise(),
    ...over,
  };
}

function alarmRecord(over: Partial<AlarmRecord> = {}): AlarmRecord {
  const a = alarm();
  return {
    identity: 'bms:A1',
    source: 'bms',
    alarmId: 'A1',
    state: 'cleared',
    severity: 'major',
    type: a.type,
    eventKey: 'DC1/cooling/ZONE-A1',
    rule: 'crah-supply-air-high',
    firstSeenAt: at(0),
    lastChangeAt: at(5),
    lastReceivedAt: at(5),
    changeCount: 1,
    recentChanges: [],
    flapping: false,
    alarm: a,
    ...over,
  };
}

function write(over: Partial<OutboxEntry>): OutboxEntry {
  return {
    id: 1,
    eventKey: 'DC1/cooling/ZONE-A1',
    op: { op: 'create', fields: { short_description: 'CRAH-2 supply air high' }, references: {} },
    state: 'done',
    attempts: 1,
    nextAttemptAt: at(1),
    lastError: null,
    lastStatus: null,
    createdAt: at(0),
    updatedAt: at(1),
    link: null,
    claim: 1,
    doubt: null,
    ...over,
  };
}

describe('console event timeline', () => {
  it('tells the event in time order: alarms, every write with its outcome, verdicts', () => {
    const detail: EventDetail = {
      event: event(),
      alarms: [alarmRecord()],
      deliveries: [
        write({}),
        write({
          id: 2,
          op: { op: 'note', text: 'Alarm cleared' },
          state: 'dead',
          attempts: 3,
          lastStatus: 400,
          lastError: 'Invalid field: u_zone',
          createdAt: at(5),
          updatedAt: at(7),
        }),
      ],
    };
    expect(eventTimeline(detail).map((t) => [t.at.slice(11, 16), t.tone, t.text])).to.deep.equal([
      ['10:00', 'info', 'Event opened by rule crah-supply-air-high'],
      ['10:00', 'bad', 'Alarm bms CRAH-2 supply_air_temp_high raised (major): 29.4 °C'],
      ['10:01', 'ok', 'ServiceNow create "CRAH-2 supply air high" delivered after 1 attempt'],
      ['10:05', 'ok', 'Alarm bms CRAH-2 supply_air_temp_high cleared'],
      ['10:05', 'info', 'ServiceNow note "Alarm cleared" queued'],
      ['10:06', 'bad', 'Telemetry verdict: fail'],
      [
        '10:07',
        'bad',
        'ServiceNow note "Alarm cleared" failed (HTTP 400), dead letter after 3 attempts: Invalid field: u_zone',
      ],
    ]);
  });

  it('shows a write still being retried with its last error', () => {
    const detail: EventDetail = {
      event: event({ verdict: null, verdictAt: null }),
      alarms: [],
      deliveries: [
        write({ state: 'pending', attempts: 2, lastStatus: 503, lastError: 'Service Unavailable' }),
      ],
    };
    expect(eventTimeline(detail).map((t) => t.text)).to.include(
      'ServiceNow create "CRAH-2 supply air high" retrying after 2 attempts (HTTP 503): Service Unavailable',
    );
  });

  it('says what each write does in one line', () => {
    expect(opSummary({ op: 'verdict', verdict: 'fail', checks: [], evaluatedAt: at(0) })).to.equal(
      'verdict fail',
    );
    expect(opSummary({ op: 'update', fields: { impact: 1, urgency: 1 }, note: 'Severity raised' })).to.equal(
      'update impact, urgency with note "Severity raised"',
    );
    expect(opSummary({ op: 'resolve' })).to.equal('resolve');
    expect(opSummary({ op: 'note', text: 'x'.repeat(200) })).to.have.length(`note ""`.length + 90);
  });
});

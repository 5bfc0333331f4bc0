import { expect } from 'chai';
import { eventTimeline } from '../../../connector/src/console/timeline.js';
import type { AlarmLogEntry, EventDetail, OutboxEntry } from '../../../connector/src/store/store.js';
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
    const logged = (m: number, a: ReturnType<typeof alarm>, outcome: string): AlarmLogEntry => ({
      identity: 'bms:A1',
      eventKey: 'DC1/cooling/ZONE-A1',
      outcome,
      receivedAt: at(m),
      alarm: a,
    });
    const history = {
      entries: [logged(0, alarm(), 'created'), logged(5, alarm({ state: 'cleared', value: 24 }), 'cleared')],
      truncated: false,
    };
    expect(eventTimeline(detail, history).map((t) => [t.at.slice(11, 16), t.tone, t.text])).to.deep.equal([
      ['10:00', 'info', 'Event opened by rule crah-supply-air-high'],
      ['10:00', 'bad', 'Alarm bms CRAH-2 supply_air_temp_high raised (major): 29.4 °C'],
      ['10:01', 'ok', 'ServiceNow create "CRAH-2 supply air high" delivered after 1 attempt'],
      ['10:05', 'ok', 'Alarm bms CRAH-2 supply_air_temp_high cleared: 24 °C'],
      ['10:05', 'info', 'ServiceNow note "Alarm cleared" queued'],
      ['10:06', 'bad', 'Telemetry verdict: fail'],
      [
        '10:07',
        'bad',
        'ServiceNow note "Alarm cleared" failed (HTTP 400), dead letter after 3 attempts: Invalid field: u_zone',
      ],
    ]);
  });

  it('shows the value each alarm was raised with, not its current reading, and each change with its own', () => {
    // The record holds the newest update (25.6 °C, cleared); the log holds each update as it came.
    const detail: EventDetail = {
      event: event({ verdict: null, verdictAt: null }),
      alarms: [alarmRecord({ alarm: alarm({ value: 25.6, state: 'cleared' }) })],
      deliveries: [],
    };
    const log = (m: number, over: Parameters<typeof alarm>[0], outcome: string): AlarmLogEntry => ({
      identity: 'bms:A1',
      eventKey: 'DC1/cooling/ZONE-A1',
      outcome,
      receivedAt: at(m),
      alarm: alarm(over),
    });
    const history = {
      entries: [
        log(0, { value: 29 }, 'created'),
        log(2, { value: 30.5, severity: 'critical' }, 'severity_raised'),
        log(5, { value: 25.6, state: 'cleared', severity: 'critical' }, 'cleared'),
        log(7, { value: 24, state: 'cleared' }, 'stale'),
      ],
      truncated: false,
    };
    expect(eventTimeline(detail, history).map((t) => [t.at.slice(11, 16), t.tone, t.text])).to.deep.equal([
      ['10:00', 'info', 'Event opened by rule crah-supply-air-high'],
      ['10:00', 'bad', 'Alarm bms CRAH-2 supply_air_temp_high raised (major): 29 °C'],
      ['10:02', 'bad', 'Alarm bms CRAH-2 supply_air_temp_high severity major → critical: 30.5 °C'],
      ['10:05', 'ok', 'Alarm bms CRAH-2 supply_air_temp_high cleared: 25.6 °C'],
      [
        '10:07',
        'info',
        'Alarm bms CRAH-2 supply_air_temp_high: an update older (by the source clock) than one already applied was ignored (cleared, 24 °C)',
      ],
    ]);
  });

  it('an alarm with no logged update is told from its record, without claiming a raised value', () => {
    const detail: EventDetail = {
      event: event({ verdict: null, verdictAt: null }),
      alarms: [alarmRecord()],
      deliveries: [],
    };
    expect(eventTimeline(detail).map((t) => t.text)).to.deep.equal([
      'Event opened by rule crah-supply-air-high',
      'Alarm bms CRAH-2 supply_air_temp_high first seen',
      'Alarm bms CRAH-2 supply_air_temp_high cleared (major) since this time',
    ]);
  });

  it('names the event an adopted alarm came from, and says when earlier updates are not shown', () => {
    const detail: EventDetail = {
      event: event({ verdict: null, verdictAt: null }),
      alarms: [],
      deliveries: [],
    };
    const history = {
      entries: [
        {
          identity: 'alertmanager:fp1',
          eventKey: 'DC1/rack/R03',
          outcome: 'cleared',
          receivedAt: at(3),
          alarm: alarm({ source: 'alertmanager', type: 'GpuTemp', state: 'cleared', value: 71, unit: '°C' }),
        },
      ],
      truncated: true,
    };
    expect(eventTimeline(detail, history).map((t) => t.text)).to.deep.equal([
      'Event opened by rule crah-supply-air-high',
      'Earlier alarm updates are not shown (only the newest are kept in the timeline)',
      'Alarm alertmanager CRAH-2 GpuTemp cleared: 71 °C (under event DC1/rack/R03, adopted by this one)',
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

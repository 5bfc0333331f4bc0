import { expect } from 'chai';
import { AlarmSchema, type Alarm } from '../../../../connector/src/model/alarm.js';
import { decode } from '../../../../connector/src/sources/snmp/decode.js';
import type { Trap, Varbind } from '../../../../connector/src/sources/snmp/pdu.js';
import { alarmFixture, RECEIVED, shippedSource } from '../fixtures.js';

const cfg = shippedSource('snmp', 'snmp');
const opts = { receivedAt: RECEIVED };

function trap(trapOid: string, varbinds: Varbind[] = [], over: Partial<Trap> = {}): Trap {
  return {
    version: 'v2c',
    trapOid,
    agentAddress: '10.20.0.11',
    senderAddress: '10.20.0.11',
    inform: false,
    varbinds,
    ...over,
  };
}
const int = (oid: string, value: number): Varbind => ({ oid, type: 'Integer', value });
const oidVb = (oid: string, value: string): Varbind => ({ oid, type: 'OID', value });
const str = (oid: string, value: string): Varbind => ({ oid, type: 'OctetString', value });

function one(t: Trap): Alarm[] {
  const r = decode('snmp', cfg, t, opts);
  expect(r.errors).to.deep.equal([]);
  for (const a of r.alarms) {
    expect(AlarmSchema.parse(a)).to.deep.equal(a);
    expect(a.raw).to.equal(t);
  }
  return r.alarms;
}
const brief = (a: Alarm) => [a.id, a.state, a.severity, a.type];

const ON_BATTERY_VBS = [int('1.3.6.1.2.1.33.1.2.3.0', 42), int('1.3.6.1.2.1.33.1.2.2.0', 12)];

describe('sources/snmp decode', () => {
  it('UPS-MIB upsTrapOnBattery (v1 form upsTraps.0.1) matches the project fixture', () => {
    const t = trap('1.3.6.1.2.1.33.2.0.1', ON_BATTERY_VBS, { version: 'v1', senderAddress: '10.20.0.11' });
    const [a] = one(t);
    const fixture = alarmFixture('snmp-ups-on-battery.alarm.json') as Alarm;
    expect(a).to.deep.include({
      id: fixture.id,
      state: fixture.state,
      severity: fixture.severity,
      type: fixture.type,
      asset: fixture.asset,
      value: fixture.value,
      unit: fixture.unit,
      text: fixture.text,
      raisedAt: RECEIVED.toISOString(),
    });
    expect(a?.labels).to.include(fixture.labels);
    expect(a?.labels).to.include({ trap: 'upsTrapOnBattery', snmp_version: 'v1' });
  });

  it('the v2 form of upsTrapOnBattery gives the same alarm id', () => {
    const [v1] = one(trap('1.3.6.1.2.1.33.2.0.1', ON_BATTERY_VBS, { version: 'v1' }));
    const [v2] = one(trap('1.3.6.1.2.1.33.2.1', ON_BATTERY_VBS));
    expect(v2?.id).to.equal(v1?.id);
  });

  const DESCR = '1.3.6.1.2.1.33.1.6.2.1.2.7';
  const ALARM_ID = '1.3.6.1.2.1.33.1.6.2.1.1.7';
  const table: Array<[string, Trap, Array<ReturnType<typeof brief>>]> = [
    [
      'upsTrapAlarmEntryAdded upsAlarmLowBattery',
      trap('1.3.6.1.2.1.33.2.3', [int(ALARM_ID, 7), oidVb(DESCR, '1.3.6.1.2.1.33.1.6.3.3')]),
      [['10.20.0.11:upsAlarmLowBattery', 'active', 'critical', 'upsAlarmLowBattery']],
    ],
    [
      'upsTrapAlarmEntryRemoved upsAlarmLowBattery',
      trap('1.3.6.1.2.1.33.2.4', [int(ALARM_ID, 7), oidVb(DESCR, '1.3.6.1.2.1.33.1.6.3.3')]),
      [['10.20.0.11:upsAlarmLowBattery', 'cleared', 'info', 'upsAlarmLowBattery']],
    ],
    [
      'upsTrapAlarmEntryRemoved upsAlarmOnBattery also ends upsTrapOnBattery',
      trap('1.3.6.1.2.1.33.2.4', [int(ALARM_ID, 7), oidVb(DESCR, '1.3.6.1.2.1.33.1.6.3.2')]),
      [
        ['10.20.0.11:upsAlarmOnBattery', 'cleared', 'info', 'upsAlarmOnBattery'],
        ['10.20.0.11:upsTrapOnBattery', 'cleared', 'info', 'upsTrapOnBattery'],
      ],
    ],
    [
      'upsTrapAlarmEntryAdded with a vendor alarm OID',
      trap('1.3.6.1.2.1.33.2.3', [oidVb(DESCR, '1.3.6.1.4.1.534.1.7.99')]),
      [['10.20.0.11:1.3.6.1.4.1.534.1.7.99', 'active', 'warning', '1.3.6.1.4.1.534.1.7.99']],
    ],
    [
      'upsTrapTestCompleted donePass clears the self-test alarm',
      trap('1.3.6.1.2.1.33.2.2', [int('1.3.6.1.2.1.33.1.7.3.0', 1)]),
      [['10.20.0.11:upsTrapTestCompleted', 'cleared', 'info', 'upsTrapTestCompleted']],
    ],
    [
      'upsTrapTestCompleted doneError raises it',
      trap('1.3.6.1.2.1.33.2.2', [
        int('1.3.6.1.2.1.33.1.7.3.0', 3),
        str('1.3.6.1.2.1.33.1.7.4.0', 'battery string 2 weak'),
      ]),
      [['10.20.0.11:upsTrapTestCompleted', 'active', 'major', 'upsTrapTestCompleted']],
    ],
    [
      'APC upsOnBattery (318.0.5)',
      trap('1.3.6.1.4.1.318.0.5', [
        str('1.3.6.1.4.1.318.2.3.3.0', 'UPS: On battery power in response to an input power problem.'),
      ]),
      [['10.20.0.11:apcUpsOnBattery', 'active', 'major', 'apcUpsOnBattery']],
    ],
    [
      'APC powerRestored (318.0.9)',
      trap('1.3.6.1.4.1.318.0.9'),
      [['10.20.0.11:apcUpsOnBattery', 'cleared', 'info', 'apcUpsOnBattery']],
    ],
    [
      'APC lowBattery (318.0.7)',
      trap('1.3.6.1.4.1.318.0.7'),
      [['10.20.0.11:apcLowBattery', 'active', 'critical', 'apcLowBattery']],
    ],
    [
      'APC returnFromLowBattery (318.0.11)',
      trap('1.3.6.1.4.1.318.0.11'),
      [['10.20.0.11:apcLowBattery', 'cleared', 'info', 'apcLowBattery']],
    ],
    [
      'APC trap we do not know (318.0.636)',
      trap('1.3.6.1.4.1.318.0.636'),
      [['10.20.0.11:1.3.6.1.4.1.318.0.636', 'active', 'warning', '1.3.6.1.4.1.318.0.636']],
    ],
    [
      'Liebert lgpEventConditionEntryAdded lgpConditionLoadOnBattery',
      trap('1.3.6.1.4.1.476.1.42.3.3.0.1', [
        int('1.3.6.1.4.1.476.1.42.3.2.3.1.1.12', 12),
        oidVb('1.3.6.1.4.1.476.1.42.3.2.3.1.2.12', '1.3.6.1.4.1.476.1.42.3.2.1.72'),
      ]),
      [['10.20.0.11:lgpConditionLoadOnBattery', 'active', 'major', 'lgpConditionLoadOnBattery']],
    ],
    [
      'Liebert lgpEventConditionEntryRemoved lgpConditionLoadOnBattery',
      trap('1.3.6.1.4.1.476.1.42.3.3.0.2', [
        oidVb('1.3.6.1.4.1.476.1.42.3.2.3.1.2.12', '1.3.6.1.4.1.476.1.42.3.2.1.72'),
      ]),
      [['10.20.0.11:lgpConditionLoadOnBattery', 'cleared', 'info', 'lgpConditionLoadOnBattery']],
    ],
    [
      'Liebert sub-condition (loss of airflow, blower 1) keeps its parent’s severity',
      trap('1.3.6.1.4.1.476.1.42.3.3.0.1', [
        oidVb('1.3.6.1.4.1.476.1.42.3.2.3.1.2.3', '1.3.6.1.4.1.476.1.42.3.2.1.5.3'),
      ]),
      [['10.20.0.11:lgpConditionLossOfAirflow.3', 'active', 'critical', 'lgpConditionLossOfAirflow.3']],
    ],
    [
      'Liebert lgpEventLostPowerRedundancy',
      trap('1.3.6.1.4.1.476.1.42.3.3.0.9'),
      [['10.20.0.11:lgpEventLostPowerRedundancy', 'active', 'major', 'lgpEventLostPowerRedundancy']],
    ],
    [
      'Liebert lgpEventEstablishedPowerRedundancy',
      trap('1.3.6.1.4.1.476.1.42.3.3.0.8'),
      [['10.20.0.11:lgpEventLostPowerRedundancy', 'cleared', 'info', 'lgpEventLostPowerRedundancy']],
    ],
    [
      'linkDown keyed by ifIndex',
      trap('1.3.6.1.6.3.1.1.5.3', [int('1.3.6.1.2.1.2.2.1.1.3', 3)]),
      [['10.20.0.11:linkDown:3', 'active', 'minor', 'linkDown']],
    ],
    [
      'linkUp clears it',
      trap('1.3.6.1.6.3.1.1.5.4', [int('1.3.6.1.2.1.2.2.1.1.3', 3)]),
      [['10.20.0.11:linkDown:3', 'cleared', 'info', 'linkDown']],
    ],
    ['coldStart', trap('1.3.6.1.6.3.1.1.5.1'), [['10.20.0.11:coldStart', 'active', 'info', 'coldStart']]],
    [
      'an unknown enterprise trap',
      trap('1.3.6.1.4.1.99999.0.3'),
      [['10.20.0.11:1.3.6.1.4.1.99999.0.3', 'active', 'warning', '1.3.6.1.4.1.99999.0.3']],
    ],
  ];
  for (const [name, t, want] of table) {
    it(name, () => {
      expect(one(t).map(brief)).to.deep.equal(want);
    });
  }

  it('names known varbinds in labels and labels others by OID', () => {
    const [a] = one(
      trap(
        '1.3.6.1.4.1.318.0.5',
        [str('1.3.6.1.4.1.318.2.3.3.0', 'On battery'), int('1.3.6.1.4.1.318.1.1.1.2.2.1.0', 100)],
        {
          agentAddress: '10.20.0.12',
          senderAddress: '10.0.0.5',
          version: 'v3',
          user: 'closeloop',
        },
      ),
    );
    expect(a?.labels).to.deep.equal({
      agent: '10.20.0.12',
      sender: '10.0.0.5',
      trap_oid: '1.3.6.1.4.1.318.0.5',
      trap: 'upsOnBattery',
      snmp_version: 'v3',
      snmp_user: 'closeloop',
      mtrapargsString: 'On battery',
      oid_1_3_6_1_4_1_318_1_1_1_2_2_1_0: '100',
    });
    expect(a?.asset).to.deep.equal({ equipmentId: 'UPS-2' });
    expect(a?.text).to.equal('UPS-2 on battery: On battery');
  });

  it('maps the sender when the agent address is not configured', () => {
    const [a] = one(
      trap('1.3.6.1.4.1.318.0.5', [], { agentAddress: '192.168.1.1', senderAddress: '10.20.0.11' }),
    );
    expect(a?.asset).to.deep.equal({ equipmentId: 'UPS-1' });
    expect(a?.id).to.equal('192.168.1.1:apcUpsOnBattery');
  });

  it('reports alarm-entry traps without their descr varbind', () => {
    const t = trap('1.3.6.1.2.1.33.2.3', [int(ALARM_ID, 7)]);
    expect(decode('snmp', cfg, t, opts)).to.deep.equal({
      alarms: [],
      positions: [],
      errors: [
        {
          index: 0,
          message:
            'upsTrapAlarmEntryAdded without an upsAlarmDescr OID varbind (1.3.6.1.2.1.33.1.6.2.1.2.N), got undefined',
          raw: t,
        },
      ],
    });
    const l = trap('1.3.6.1.4.1.476.1.42.3.3.0.1', [str('1.3.6.1.4.1.476.1.42.3.2.3.1.2.1', 'not an oid')]);
    expect(decode('snmp', cfg, l, opts).errors[0]?.message).to.equal(
      'lgpEventConditionEntryAdded without an lgpConditionDescr OID varbind (1.3.6.1.4.1.476.1.42.3.2.3.1.2.N), got "not an oid"',
    );
  });
});

import { expect } from 'chai';
import { decodePayload, HTTP_SOURCE_KINDS } from '../../../connector/src/sources/decode.js';
import { checkAlarm } from '../../../connector/src/sources/mapped-record.js';
import { alarm } from '../../support/alarms.js';
import { alarmFixture, RECEIVED, shippedSource } from './fixtures.js';

const opts = { receivedAt: RECEIVED };

describe('sources/decode decodePayload', () => {
  const cases: Array<[string, 'webhook' | 'alertmanager' | 'redfish', string, string]> = [
    ['bms', 'webhook', 'bms-crah-supply-air-high.json', 'DC1-CRAH-1-SAT-HI'],
    ['alertmanager', 'alertmanager', 'alertmanager-gpu-xid.json', '9c2e7a41d0b35f18'],
    [
      'redfish',
      'redfish',
      'redfish-cdu-leak.json',
      '/redfish/v1/ThermalEquipment/CDUs/1/LeakDetection/LeakDetectors/Moisture#Environmental.LeakDetected',
    ],
  ];
  for (const [name, kind, fixture, id] of cases) {
    it(`dispatches ${kind} bodies to their decoder`, () => {
      const r = decodePayload(name, shippedSource(name, kind), alarmFixture(fixture), opts);
      expect(r.errors).to.deep.equal([]);
      expect(r.alarms.map((a) => [a.source, a.sourceKind, a.id])).to.deep.equal([[name, kind, id]]);
    });
  }

  it('a body of the wrong kind is one whole-body error, not a crash', () => {
    const body = alarmFixture('redfish-cdu-leak.json');
    const r = decodePayload('alertmanager', shippedSource('alertmanager', 'alertmanager'), body, opts);
    expect(r.alarms).to.deep.equal([]);
    expect(r.errors).to.deep.equal([
      {
        index: null,
        message:
          'not an Alertmanager webhook payload: alerts: Invalid input: expected array, received undefined',
        raw: body,
      },
    ]);
  });

  it('refuses kinds that do not arrive over HTTP', () => {
    expect(HTTP_SOURCE_KINDS).to.deep.equal(['webhook', 'alertmanager', 'redfish']);
    for (const [name, kind] of [
      ['snmp', 'snmp'],
      ['mqtt', 'mqtt'],
    ] as const) {
      const r = decodePayload(name, shippedSource(name, kind), {}, opts);
      expect(r.errors).to.deep.equal([
        {
          index: null,
          message: `source "${name}" is of kind ${kind}; its alarms do not arrive over HTTP`,
          raw: {},
        },
      ]);
    }
  });

  it('every decoder refuses an id holding a lone surrogate (stored as UTF-8 it would become U+FFFD)', () => {
    const r = checkAlarm(alarm({ id: 'CRAH-1\udc00' }));
    expect(r).to.deep.equal({
      ok: false,
      messages: ['id: contains a lone UTF-16 surrogate (not Unicode text)'],
    });
    expect(checkAlarm(alarm({ id: 'CRAH-😀' })).ok).to.equal(true);
  });
});

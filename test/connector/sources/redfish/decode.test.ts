import { expect } from 'chai';
import { join } from 'node:path';
import { AlarmSchema, type Alarm } from '../../../../connector/src/model/alarm.js';
import { decode } from '../../../../connector/src/sources/redfish/decode.js';
import { messageRoles, parseMessageId } from '../../../../connector/src/sources/redfish/messages.js';
import {
  alarmFixture,
  dmtfEventExamples,
  readJson,
  RECEIVED,
  REDFISH_FIXTURES,
  shippedSource,
  source,
} from '../fixtures.js';

const opts = { receivedAt: RECEIVED };
const cfg = source({ kind: 'redfish', site: 'DC1', equipment: { '/redfish/v1/Chassis/CDU': 'CDU-1' } });

type RegistryMessage = {
  MessageSeverity: 'OK' | 'Warning' | 'Critical';
  NumberOfArgs: number;
  ParamTypes?: string[];
  ClearingLogic?: { ClearsIf: string; ClearsMessage: string[] };
};
type Registry = {
  RegistryPrefix: string;
  RegistryVersion: string;
  Messages: Record<string, RegistryMessage>;
};
const registries = ['SensorEvent.1.1.0.json', 'Environmental.1.4.0.json'].map(
  (f) => readJson(join(REDFISH_FIXTURES, 'registries', f)) as Registry,
);

/** One event as a BMC would post it, with arguments typed as the registry says. */
function eventFor(reg: Registry, key: string, origin: string): Record<string, unknown> {
  const m = reg.Messages[key];
  if (!m) throw new Error(`${key} not in ${reg.RegistryPrefix}`);
  const args = (m.ParamTypes ?? []).map((t, i) =>
    i === 0 ? 'Sensor X' : t === 'number' ? String(40 + i) : 'Cel',
  );
  const [major, minor] = reg.RegistryVersion.split('.');
  return {
    EventId: `${key}-1`,
    EventTimestamp: '2025-06-12T14:10:45Z',
    MessageSeverity: m.MessageSeverity,
    MessageId: `${reg.RegistryPrefix}.${major}.${minor}.${key}`,
    MessageArgs: args,
    OriginOfCondition: { '@odata.id': origin },
  };
}

const envelope = (...events: unknown[]) => ({
  '@odata.type': '#Event.v1_7_0.Event',
  Id: '1',
  Name: 'Events',
  Events: events,
});

function decodeOne(ev: unknown): Alarm[] {
  const r = decode('cdu', cfg, envelope(ev), opts);
  expect(r.errors).to.deep.equal([]);
  for (const a of r.alarms) expect(AlarmSchema.parse(a)).to.deep.equal(a);
  return r.alarms;
}

describe('sources/redfish decode', () => {
  describe('DMTF example payloads, unchanged', () => {
    const expected: Record<string, Array<Partial<Alarm>>> = {
      'EventExample.json': [
        {
          id: '/redfish/v1/Systems/1/EthernetInterfaces/1#NetworkDevice.CableRemoved',
          state: 'active',
          severity: 'warning',
          type: 'NetworkDevice.CableRemoved',
          text: "A cable has been removed from network adapter '1' port '1'.",
        },
      ],
      'EventExampleWithDiagnosticData.json': [
        {
          id: '/redfish/v1/Systems/1/Processors/1#Platform.PlatformErrorAtLocation',
          state: 'active',
          severity: 'critical',
          type: 'Platform.PlatformErrorAtLocation',
          text: "A platform error occurred at location 'CPU #1'.",
        },
      ],
      'EventExampleWithEventGroupId.json': [
        {
          type: 'NetworkEvents.LanDisconnect',
          severity: 'warning',
          text: 'The cable has been disconnected on EthernetInterface 1 of system /redfish/v1/Systems/1',
        },
        { type: 'NetworkEvents.LinkDown', severity: 'critical', text: 'Link down on EthernetInterface 1' },
        {
          id: '/redfish/v1/Systems/1/EthernetInterfaces/1#ResourceEvent.ResourceStatus',
          type: 'ResourceEvent.ResourceStatus',
          state: 'active',
          severity: 'warning',
        },
      ],
      'EventExampleWithOrigin.json': [
        {
          id: '/redfish/v1/Systems/1/EthernetInterfaces/1#Alert.LanDisconnect',
          type: 'Alert.LanDisconnect',
          severity: 'warning',
        },
      ],
    };
    const examples = dmtfEventExamples();
    it('finds the four DMTF Event examples', () => {
      expect(examples.map((e) => e.file)).to.deep.equal(Object.keys(expected).sort());
    });
    for (const { file, body } of examples) {
      it(`decodes ${file}: one alarm per event, raw = the event, no errors`, () => {
        const r = decode('bmc', cfg, body, opts);
        expect(r.errors).to.deep.equal([]);
        const events = (body as { Events: unknown[] }).Events;
        expect(r.alarms).to.have.length(events.length);
        r.alarms.forEach((a, i) => {
          expect(AlarmSchema.parse(a)).to.deep.equal(a);
          expect(a.raw).to.equal(events[i]);
          expect(a).to.include({ source: 'bmc', sourceKind: 'redfish', raisedAt: RECEIVED.toISOString() });
          expect(a.asset).to.deep.equal({ site: 'DC1' });
          expect(a).to.deep.include(expected[file]?.[i] ?? {});
        });
      });
    }
    it('keeps EventGroupId, EventId, Context and the MessageId as labels', () => {
      const body = examples.find((e) => e.file === 'EventExampleWithEventGroupId.json')?.body;
      const [a] = decode('bmc', cfg, body, opts).alarms;
      expect(a?.labels).to.deep.equal({
        message_id: 'NetworkEvents.1.0.LanDisconnect',
        registry: 'NetworkEvents',
        message_key: 'LanDisconnect',
        origin: '/redfish/v1/Systems/1/EthernetInterfaces/1',
        subject_name: 'EthernetInterface 1',
        event_id: '2C',
        event_group_id: '77',
        context: 'SmartClient4000',
      });
    });
  });

  describe('project fixtures through the shipped redfish source', () => {
    const shipped = shippedSource('redfish', 'redfish');
    it('secondary flow below lower critical → active critical FlowRate alarm on CDU-1 with value and limit', () => {
      const body = alarmFixture('redfish-cdu-secondary-flow-low.json');
      const r = decode('redfish', shipped, body, opts);
      expect(r.errors).to.deep.equal([]);
      expect(r.alarms[0]).to.deep.include({
        id: '/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow#Environmental.FlowRate',
        state: 'active',
        severity: 'critical',
        type: 'Environmental.FlowRate',
        raisedAt: '2025-06-12T14:10:45.000Z',
        asset: { site: 'DC1', equipmentId: 'CDU-1' },
        value: 24.8,
        limit: 30,
        unit: 'L/min',
      });
      expect(r.alarms[0]?.labels).to.include({
        condition: 'FlowRate',
        subject_name: 'Secondary Flow',
        context: 'closeloop-DC1',
      });
    });
    it('leak detected critical (MessageId version 1.4) → LeakDetected alarm on CDU-1', () => {
      const r = decode('redfish', shipped, alarmFixture('redfish-cdu-leak.json'), opts);
      expect(r.alarms[0]).to.deep.include({
        id: '/redfish/v1/ThermalEquipment/CDUs/1/LeakDetection/LeakDetectors/Moisture#Environmental.LeakDetected',
        type: 'Environmental.LeakDetected',
        state: 'active',
        severity: 'critical',
        asset: { site: 'DC1', equipmentId: 'CDU-1' },
      });
    });
  });

  describe('alarm/clear pairs follow the registries’ ClearingLogic (SameOriginOfCondition)', () => {
    const origin = '/redfish/v1/Chassis/CDU/Sensors/PrimarySupplyTemp';
    for (const reg of registries) {
      for (const [key, m] of Object.entries(reg.Messages)) {
        const clears = m.ClearingLogic?.ClearsMessage ?? [];
        if (!clears.length) continue;
        const full = m.MessageSeverity === 'OK';
        it(`${reg.RegistryPrefix}.${key} ${full ? 'clears' : 'keeps active (lower severity)'} ${clears.join(', ')}`, () => {
          expect(m.ClearingLogic?.ClearsIf).to.equal('SameOriginOfCondition');
          // A clear ending several conditions yields one cleared alarm per condition.
          const after = decodeOne(eventFor(reg, key, origin));
          for (const a of after) {
            expect(a.state).to.equal(full ? 'cleared' : 'active');
            if (!full) expect(a.severity).to.equal(m.MessageSeverity.toLowerCase());
          }
          for (const cleared of clears) {
            const raised = decodeOne(eventFor(reg, cleared, origin));
            expect(raised.map((a) => a.state)).to.deep.equal(['active']);
            const same = after.find((a) => a.id === raised[0]?.id);
            expect(same, `${key} names no alarm of ${cleared} (${raised[0]?.id})`).to.not.equal(undefined);
            expect(same?.type).to.equal(raised[0]?.type);
          }
        });
      }
    }

    it('the same condition on another origin is another alarm', () => {
      const reg = registries[0] as Registry;
      const [a] = decodeOne(
        eventFor(reg, 'ReadingAboveUpperCriticalThreshold', '/redfish/v1/Chassis/CDU/Sensors/A'),
      );
      const [b] = decodeOne(eventFor(reg, 'SensorReadingNormalRange', '/redfish/v1/Chassis/CDU/Sensors/B'));
      expect(a?.id).to.not.equal(b?.id);
    });

    it('every Warning/Critical message without clearing logic raises an active alarm of its severity', () => {
      for (const reg of registries) {
        for (const [key, m] of Object.entries(reg.Messages)) {
          if (m.MessageSeverity === 'OK' || m.ClearingLogic) continue;
          const alarms = decodeOne(eventFor(reg, key, '/redfish/v1/Chassis/CDU/X'));
          expect(
            alarms.map((a) => [a.state, a.severity]),
            key,
          ).to.deep.equal([['active', m.MessageSeverity.toLowerCase()]]);
        }
      }
    });

    it('a clear that ends two conditions (SensorRestored) clears both', () => {
      const reg = registries[0] as Registry;
      const origin = '/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow';
      const failed = decodeOne(eventFor(reg, 'SensorFailure', origin));
      const disconnected = decodeOne(eventFor(reg, 'SensorDisconnected', origin));
      const restored = decodeOne(eventFor(reg, 'SensorRestored', origin));
      expect(restored.map((a) => a.state)).to.deep.equal(['cleared', 'cleared']);
      expect(restored.map((a) => a.id).sort()).to.deep.equal([failed[0]?.id, disconnected[0]?.id].sort());
      expect(restored.map((a) => a.raw)).to.deep.equal([restored[0]?.raw, restored[0]?.raw]);
    });

    it('reads value, unit and limit from the SensorEvent arguments', () => {
      const [a] = decodeOne({
        MessageId: 'SensorEvent.1.0.ReadingAboveUpperCriticalThreshold',
        MessageSeverity: 'Critical',
        MessageArgs: ['Primary Supply Temp', '48.5', 'Cel', '45'],
        OriginOfCondition: { '@odata.id': '/redfish/v1/Chassis/CDU/Sensors/PrimarySupplyTemp' },
      });
      expect(a).to.deep.include({
        value: 48.5,
        unit: 'Cel',
        limit: 45,
        severity: 'critical',
        type: 'SensorEvent.Reading',
      });
      expect(a?.asset).to.deep.equal({ site: 'DC1', equipmentId: 'CDU-1' });
      const [b] = decodeOne({
        MessageId: 'SensorEvent.1.0.ReadingNormalRange',
        MessageSeverity: 'OK',
        MessageArgs: ['Primary Supply Temp', '41', 'Cel'],
        OriginOfCondition: { '@odata.id': '/redfish/v1/Chassis/CDU/Sensors/PrimarySupplyTemp' },
      });
      expect(b).to.deep.include({ id: a?.id, state: 'cleared', severity: 'info', value: 41, unit: 'Cel' });
    });

    it('subsystem health messages raise on Warning/Critical and clear on OK', () => {
      const ev = (health: string) => ({
        MessageId: 'Environmental.1.4.PumpSubsystemHealth',
        MessageSeverity: health === 'OK' ? 'OK' : health,
        MessageArgs: [health],
        OriginOfCondition: { '@odata.id': '/redfish/v1/ThermalEquipment/CDUs/1' },
      });
      const [bad] = decodeOne(ev('Critical'));
      const [ok] = decodeOne(ev('OK'));
      expect(bad).to.deep.include({
        state: 'active',
        severity: 'critical',
        type: 'Environmental.PumpSubsystem',
      });
      expect(ok).to.deep.include({ id: bad?.id, state: 'cleared' });
    });
  });

  it('pump failed then restored on a CDU pump', () => {
    const origin = '/redfish/v1/ThermalEquipment/CDUs/1/Pumps/1';
    const [failed] = decodeOne({
      MessageId: 'Environmental.1.4.PumpFailed',
      Severity: 'Critical',
      MessageArgs: ['Pump 1'],
      OriginOfCondition: { '@odata.id': origin },
    });
    const [restored] = decodeOne({
      MessageId: 'Environmental.1.4.PumpRestored',
      Severity: 'OK',
      MessageArgs: ['Pump 1'],
      OriginOfCondition: { '@odata.id': origin },
    });
    expect(failed).to.deep.include({
      type: 'Environmental.Pump',
      state: 'active',
      severity: 'critical',
      text: 'Environmental.1.4.PumpFailed',
    });
    expect(restored).to.deep.include({ id: failed?.id, state: 'cleared' });
  });

  it('accepts a bare-URI OriginOfCondition (DMTF SubmitTestEvent example) and uses EventTimestamp', () => {
    const ev = readJson(
      join(REDFISH_FIXTURES, 'mockups/DSP2046-examples/EventService-v1-SubmitTestEvent-request-example.json'),
    );
    const [a] = decodeOne(ev);
    expect(a).to.deep.include({
      id: '/redfish/v1/Chassis/MultiBladeEncl/Thermal#Event.FanWayTooSlow',
      raisedAt: '2016-01-10T18:02:00.000Z',
      severity: 'critical',
      text: 'Fan 2 crossed Lower Fatal Threshold; fans are no longer redundant',
    });
  });

  it('keys an event without OriginOfCondition by its first argument', () => {
    const [a] = decodeOne({ MessageId: 'Environmental.1.4.LeakDetectedWarning', MessageArgs: ['Overflow'] });
    expect(a).to.deep.include({ id: 'arg:Overflow#Environmental.LeakDetected', severity: 'warning' });
  });

  it('bounds very long ids to 200 characters, keeping them distinct', () => {
    const long = (s: string) => `/redfish/v1/Chassis/${'x'.repeat(250)}/${s}`;
    const [a] = decodeOne({ MessageId: 'Environmental.1.4.PumpFailed', OriginOfCondition: long('A') });
    const [b] = decodeOne({ MessageId: 'Environmental.1.4.PumpFailed', OriginOfCondition: long('B') });
    expect(a?.id.length).to.be.at.most(200);
    expect(a?.id).to.not.equal(b?.id);
  });

  it('maps origins to equipment by the longest URI prefix at a path boundary', () => {
    const c = source({
      kind: 'redfish',
      equipment: {
        '/redfish/v1/Chassis/CDU': 'CDU-1',
        '/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow/': 'FLOW-2',
      },
    });
    const at = (origin: string) =>
      decode(
        'cdu',
        c,
        envelope({ MessageId: 'Environmental.1.4.PumpFailed', OriginOfCondition: origin }),
        opts,
      ).alarms[0]?.asset;
    expect(at('/redfish/v1/Chassis/CDU/Sensors/SecondaryFlow')).to.deep.equal({ equipmentId: 'FLOW-2' });
    expect(at('/redfish/v1/Chassis/CDU/Sensors/PrimaryFlow')).to.deep.equal({ equipmentId: 'CDU-1' });
    expect(at('/redfish/v1/Chassis/CDU')).to.deep.equal({ equipmentId: 'CDU-1' });
    expect(at('/redfish/v1/Chassis/CDU2')).to.deep.equal({});
  });

  describe('errors', () => {
    const good = {
      MessageId: 'Environmental.1.4.PumpFailed',
      OriginOfCondition: '/redfish/v1/ThermalEquipment/CDUs/1/Pumps/1',
    };
    const table: Array<[string, Record<string, unknown>, string]> = [
      [
        'no MessageId',
        { MessageId: undefined },
        'Events[1].MessageId: Invalid input: expected string, received undefined',
      ],
      [
        'malformed MessageId',
        { MessageId: 'PumpFailed' },
        'Events[1].MessageId: "PumpFailed" is not RegistryPrefix.Major.Minor.MessageKey',
      ],
      [
        'unknown severity',
        { Severity: 'Bad' },
        'Events[1].Severity: "Bad" is not one of OK, Warning, Critical',
      ],
      [
        'unknown MessageSeverity',
        { MessageSeverity: 'Fatal', Severity: 'Critical' },
        'Events[1].MessageSeverity: "Fatal" is not one of OK, Warning, Critical',
      ],
      [
        'naive timestamp',
        { EventTimestamp: '2025-06-12T14:10:45' },
        'Events[1].EventTimestamp: "2025-06-12T14:10:45" is not an ISO 8601 time with offset (or epoch seconds/ms)',
      ],
      ['origin without @odata.id', { OriginOfCondition: {} }, 'Events[1].OriginOfCondition: Invalid input'],
    ];
    for (const [name, patch, message] of table) {
      it(`reports ${name} with the event index and keeps the other events`, () => {
        const bad = { ...good, ...patch };
        const r = decode('cdu', cfg, envelope(good, bad, good), opts);
        expect(r.alarms).to.have.length(2);
        expect(r.errors).to.deep.equal([{ index: 1, message, raw: bad }]);
      });
    }
    it('rejects bodies that are not Event payloads as a whole', () => {
      const cases: Array<[unknown, string]> = [
        ['x', 'expected a Redfish Event object, got string "x"'],
        [
          { Events: [] },
          'not a Redfish Event payload: @odata.type: Invalid input: expected string, received undefined (got undefined)',
        ],
        [
          { '@odata.type': '#EventDestination.v1_16_0.EventDestination', Events: [] },
          'not a Redfish Event payload: @odata.type: expected "#Event.v1_x_x.Event" (got "#EventDestination.v1_16_0.EventDestination")',
        ],
        [
          { '@odata.type': '#Event.v1_7_0.Event' },
          'not a Redfish Event payload: Events: Invalid input: expected array, received undefined (got undefined)',
        ],
      ];
      for (const [body, message] of cases)
        expect(decode('cdu', cfg, body, opts).errors).to.deep.equal([{ index: null, message, raw: body }]);
    });
  });

  describe('message table', () => {
    it('parses MessageIds with two- and three-part versions', () => {
      expect(parseMessageId('SensorEvent.1.0.ReadingAboveUpperCriticalThreshold')).to.deep.equal({
        registry: 'SensorEvent',
        version: '1.0',
        key: 'ReadingAboveUpperCriticalThreshold',
      });
      expect(parseMessageId('Environmental.1.4.0.FlowRateNormal')?.key).to.equal('FlowRateNormal');
      expect(parseMessageId('FlowRateNormal')).to.equal(null);
      expect(parseMessageId('Environmental.x.FlowRateNormal')).to.equal(null);
    });
    it('knows no roles for unrelated messages', () => {
      expect(messageRoles('Environmental', 'ValveOpened')).to.deep.equal([]);
      expect(messageRoles('NetworkDevice', 'CableRemoved')).to.deep.equal([]);
    });
  });
});

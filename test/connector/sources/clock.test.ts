// Which decoders give the source's own time and which fill in the receive time: the lifecycle orders
// updates of one alarm by source time only, so every decoder must say which it is (Alarm.clock).
import { expect } from 'chai';
import { get as sparkplugCodec } from 'sparkplug-payload';
import { decode as alertmanager } from '../../../connector/src/sources/alertmanager/decode.js';
import { decode as mqtt } from '../../../connector/src/sources/mqtt/decode.js';
import { newSparkplugState } from '../../../connector/src/sources/mqtt/sparkplug.js';
import { decode as redfish } from '../../../connector/src/sources/redfish/decode.js';
import { decode as snmp } from '../../../connector/src/sources/snmp/decode.js';
import { decode as webhook } from '../../../connector/src/sources/webhook/decode.js';
import type { Alarm } from '../../../connector/src/model/alarm.js';
import { alarmFixture, RECEIVED, shippedSource, source } from './fixtures.js';

const opts = { receivedAt: RECEIVED };
const only = (r: { alarms: Alarm[]; errors: unknown[] }): Alarm => {
  expect(r.errors).to.deep.equal([]);
  expect(r.alarms).to.have.length(1);
  return r.alarms[0]!;
};
const clockOf = (a: Alarm) => [a.clock, a.raisedAt];

describe('sources: whose clock raisedAt is', () => {
  it('webhook: source when the mapped raised_at is there, received otherwise', () => {
    const bms = shippedSource('bms', 'webhook');
    const body = alarmFixture('bms-crah-supply-air-high.json') as Record<string, unknown>;
    expect(clockOf(only(webhook('bms', bms, body, opts)))).to.deep.equal([
      'source',
      '2025-06-12T14:02:11.000Z',
    ]);
    const { timestamp: _t, ...untimed } = body;
    expect(clockOf(only(webhook('bms', bms, untimed, opts)))).to.deep.equal([
      'received',
      RECEIVED.toISOString(),
    ]);
  });

  it('alertmanager: always the source (startsAt for firing, endsAt for resolved)', () => {
    const am = shippedSource('alertmanager', 'alertmanager');
    const body = alarmFixture('alertmanager-gpu-thermal-slowdown.json') as {
      alerts: Array<Record<string, unknown>>;
    };
    expect(clockOf(only(alertmanager('alertmanager', am, body, opts)))).to.deep.equal([
      'source',
      '2025-06-12T14:06:30.000Z',
    ]);
    body.alerts[0] = { ...body.alerts[0], status: 'resolved', endsAt: '2025-06-12T14:11:00Z' };
    expect(
      clockOf(only(alertmanager('alertmanager', am, { ...body, status: 'resolved' }, opts))),
    ).to.deep.equal(['source', '2025-06-12T14:11:00.000Z']);
    // A resolved alert with Go's zero endsAt (a third-party sender): its startsAt, not year 1.
    body.alerts[0] = { ...body.alerts[0], endsAt: '0001-01-01T00:00:00Z' };
    expect(
      clockOf(only(alertmanager('alertmanager', am, { ...body, status: 'resolved' }, opts))),
    ).to.deep.equal(['source', '2025-06-12T14:06:30.000Z']);
  });

  it('redfish: source with an EventTimestamp, received without', () => {
    const rf = shippedSource('redfish', 'redfish');
    const body = alarmFixture('redfish-cdu-secondary-flow-low.json') as {
      Events: Array<Record<string, unknown>>;
    };
    const timed = only(redfish('redfish', rf, body, opts));
    expect(timed.clock).to.equal('source');
    const { EventTimestamp: _t, ...untimed } = body.Events[0]!;
    expect(clockOf(only(redfish('redfish', rf, { ...body, Events: [untimed] }, opts)))).to.deep.equal([
      'received',
      RECEIVED.toISOString(),
    ]);
  });

  it('snmp: always received (a trap carries the agent uptime, not a time of day)', () => {
    const cfg = shippedSource('snmp', 'snmp');
    const a = only(
      snmp(
        'snmp',
        cfg,
        {
          version: 'v2c',
          trapOid: '1.3.6.1.2.1.33.2.1',
          agentAddress: '10.20.0.11',
          senderAddress: '10.20.0.11',
          inform: false,
          varbinds: [{ oid: '1.3.6.1.2.1.33.1.2.3.0', type: 'Integer', value: 42 }],
        },
        opts,
      ),
    );
    expect(clockOf(a)).to.deep.equal(['received', RECEIVED.toISOString()]);
  });

  it('mqtt: JSON like the webhook; Sparkplug B by its metric or payload timestamp', () => {
    const shipped = shippedSource('mqtt', 'mqtt');
    const payload = new TextEncoder().encode(JSON.stringify(alarmFixture('mqtt-rack-leak.json')));
    const json = only(
      mqtt('mqtt', shipped, { topic: 'dc1/hall-b/R11/alarm', payload }, opts, newSparkplugState()),
    );
    expect(clockOf(json)).to.deep.equal(['source', '2025-06-12T14:12:30.000Z']);

    const sp = sparkplugCodec('spBv1.0')!;
    const cfg = source({
      kind: 'mqtt',
      url: 'mqtt://127.0.0.1',
      topics: ['spBv1.0/#'],
      format: 'sparkplugb',
    });
    const metric = (timestamp?: number) =>
      sp.encodePayload({
        ...(timestamp !== undefined ? { timestamp } : {}),
        metrics: [{ name: 'Alarms/Leak', type: 'Boolean', value: true }],
      });
    const at = Date.UTC(2025, 5, 12, 14, 0);
    const timed = only(
      mqtt(
        'mqtt',
        cfg,
        { topic: 'spBv1.0/dc1/NBIRTH/cdu-1', payload: metric(at) },
        opts,
        newSparkplugState(),
      ),
    );
    expect(clockOf(timed)).to.deep.equal(['source', new Date(at).toISOString()]);
    const untimed = only(
      mqtt('mqtt', cfg, { topic: 'spBv1.0/dc1/NBIRTH/cdu-1', payload: metric() }, opts, newSparkplugState()),
    );
    expect(clockOf(untimed)).to.deep.equal(['received', RECEIVED.toISOString()]);
  });
});

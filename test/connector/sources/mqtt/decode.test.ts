import { expect } from 'chai';
import { get as sparkplugCodec } from 'sparkplug-payload';
import { AlarmSchema } from '../../../../connector/src/model/alarm.js';
import { decode } from '../../../../connector/src/sources/mqtt/decode.js';
import {
  isAlarmMetricName,
  longToNumber,
  newSparkplugState,
  parseSparkplugTopic,
} from '../../../../connector/src/sources/mqtt/sparkplug.js';
import { alarmFixture, RECEIVED, shippedSource, source } from '../fixtures.js';
import { createRequire } from 'node:module';
import type * as TahuProto from 'sparkplug-payload/lib/sparkplugPayloadProto.js';

const tahu = (
  createRequire(import.meta.url)('sparkplug-payload/lib/sparkplugPayloadProto.js') as typeof TahuProto
).org.eclipse.tahu.protobuf;

const opts = { receivedAt: RECEIVED };
const codec = sparkplugCodec('spBv1.0');
const encode = (p: Parameters<NonNullable<typeof codec>['encodePayload']>[0]) => {
  if (!codec) throw new Error('no spBv1.0 codec');
  return codec.encodePayload(p);
};
/** A payload whose first metric is a template nested `depth` templates deep. */
function nestedTemplates(depth: number): Uint8Array {
  type M = Record<string, unknown>;
  let metric: M = { name: 'leaf', datatype: 11, booleanValue: true };
  for (let i = 0; i < depth; i++)
    metric = { name: `Alarms/T${i}`, datatype: 19, templateValue: { metrics: [metric] } };
  return tahu.Payload.encode({ timestamp: 1, metrics: [metric] }).finish();
}
const text = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

describe('sources/mqtt decode: JSON', () => {
  const shipped = shippedSource('mqtt', 'mqtt');

  it('decodes the rack leak fixture through the shipped field map, keeping the topic as a label', () => {
    const body = alarmFixture('mqtt-rack-leak.json');
    const r = decode(
      'mqtt',
      shipped,
      { topic: 'dc1/hall-b/R11/alarm', payload: text(body) },
      opts,
      newSparkplugState(),
    );
    expect(r.errors).to.deep.equal([]);
    const [a] = r.alarms;
    expect(AlarmSchema.parse(a)).to.deep.equal(a);
    expect(a).to.deep.include({
      source: 'mqtt',
      sourceKind: 'mqtt',
      id: 'R11-leak-rope-1',
      state: 'active',
      severity: 'critical',
      type: 'leak',
      raisedAt: '2025-06-12T14:12:30.000Z',
      asset: { rack: 'R11', equipmentId: 'R11-LEAK-1' },
      text: 'Leak rope under rack R11 wet',
      labels: { mqtt_topic: 'dc1/hall-b/R11/alarm' },
      raw: body,
    });
  });

  it('maps "ok" to a clear and reports a bad state precisely', () => {
    const body = alarmFixture('mqtt-rack-leak.json') as Record<string, unknown>;
    const ok = decode(
      'mqtt',
      shipped,
      { topic: 't', payload: text({ ...body, state: 'ok' }) },
      opts,
      newSparkplugState(),
    );
    expect(ok.alarms[0]?.state).to.equal('cleared');
    const bad = decode(
      'mqtt',
      shipped,
      { topic: 't', payload: text({ ...body, state: 'wet' }) },
      opts,
      newSparkplugState(),
    );
    expect(bad.errors.map((e) => e.message)).to.deep.equal(['state: "wet" is not one of alarm, ok']);
  });

  it('refuses a payload that is not JSON, and a JSON source without fields', () => {
    const r = decode(
      'mqtt',
      shipped,
      { topic: 'dc1/x/alarm', payload: text('leak!') },
      opts,
      newSparkplugState(),
    );
    expect(r.errors).to.have.length(1);
    expect(r.errors[0]?.index).to.equal(null);
    expect(r.errors[0]?.message).to.match(/^dc1\/x\/alarm: payload is not JSON \(/);
    expect(r.errors[0]?.raw).to.deep.equal({ topic: 'dc1/x/alarm', bytes: 5 });
    const noFields = source({ kind: 'mqtt', url: 'mqtt://127.0.0.1', topics: ['a'] });
    expect(
      decode('m', noFields, { topic: 'a', payload: text({}) }, opts, newSparkplugState()).errors[0]?.message,
    ).to.equal('source "m" (format json) has no fields map');
  });
});

describe('sources/mqtt decode: hostile JSON', () => {
  const shipped = shippedSource('mqtt', 'mqtt');
  const one = (payload: Uint8Array, maxDepth?: number) =>
    decode(
      'mqtt',
      shipped,
      { topic: 'dc1/x/alarm', payload },
      { ...opts, ...(maxDepth ? { maxDepth } : {}) },
      newSparkplugState(),
    );

  it('refuses a message nested 5,000 deep (10 KB) with the limit, instead of overflowing the stack', () => {
    const deep = `{"id":"L1","state":"alarm","severity":"major","type":"leak","x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const r = one(text(deep));
    expect(r.alarms).to.deep.equal([]);
    expect(r.errors[0]?.message).to.equal(
      `dc1/x/alarm: JSON nested deeper than 64 levels at byte ${deep.indexOf('[') + 63} (limits.nesting_depth)`,
    );
  });

  it('refuses invalid UTF-8 instead of replacing it (two ids would become one)', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"id":"L'),
      Buffer.from([0xc3]),
      Buffer.from('","state":"alarm","severity":"major","type":"leak"}'),
    ]);
    expect(one(bytes).errors[0]?.message).to.match(/^dc1\/x\/alarm: invalid UTF-8 at byte 8 /);
  });

  it('keeps a 20-digit numeric id exactly', () => {
    const r = one(text('{"id":12345678901234567890,"state":"alarm","severity":"major","type":"leak"}'));
    expect(r.alarms[0]?.id).to.equal('12345678901234567890');
  });
});

describe('sources/mqtt decode: Sparkplug B', () => {
  const cfg = source({
    kind: 'mqtt',
    url: 'mqtt://127.0.0.1:1883',
    topics: ['spBv1.0/DC1/#'],
    format: 'sparkplugb',
    state_values: { ALARM: 'active', NORMAL: 'cleared' },
    severity_values: { 'Alarms/DoorOpen': 'minor', P1: 'critical' },
  });
  const T = 1749736931000;

  it('parses topics and recognises alarm metric names', () => {
    expect(parseSparkplugTopic('spBv1.0/DC1/DDATA/gw-hall-b/R11-leak')).to.deep.equal({
      group: 'DC1',
      type: 'DDATA',
      edge: 'gw-hall-b',
      device: 'R11-leak',
    });
    expect(parseSparkplugTopic('spBv1.0/DC1/NDATA/gw')).to.deep.equal({
      group: 'DC1',
      type: 'NDATA',
      edge: 'gw',
    });
    expect(parseSparkplugTopic('spBv1.0/DC1/NDATA')).to.equal(null);
    expect(parseSparkplugTopic('dc1/x/y/z')).to.equal(null);
    expect(['Alarms/Leak', 'HighTempAlarm', 'alarm', 'Rack/ALARMS/x'].every(isAlarmMetricName)).to.equal(
      true,
    );
    expect(['Temperature', 'Pump/Running', 'Flow'].some(isAlarmMetricName)).to.equal(false);
    expect(longToNumber({ low: -1, high: 0, unsigned: true })).to.equal(4294967295);
    expect(longToNumber({ low: -1, high: -1, unsigned: false })).to.equal(-1);
    expect(longToNumber({ low: 295323356, high: 418, unsigned: true })).to.equal(418 * 2 ** 32 + 295323356);
  });

  it('DBIRTH then DDATA by alias: boolean alarm metrics become alarms, process values are ignored', () => {
    const state = newSparkplugState();
    const topicBirth = 'spBv1.0/DC1/DBIRTH/gw-hall-b/R11-sensors';
    const birth = decode(
      'mqtt',
      cfg,
      {
        topic: topicBirth,
        payload: encode({
          timestamp: T,
          seq: 0,
          metrics: [
            { name: 'Alarms/Leak', alias: 1, type: 'Boolean', value: false, timestamp: T },
            { name: 'Alarms/DoorOpen', alias: 2, type: 'Boolean', value: true, timestamp: T },
            { name: 'Inlet/Temperature', alias: 3, type: 'Float', value: 24.5 },
          ],
        }),
      },
      opts,
      state,
    );
    expect(birth.errors).to.deep.equal([]);
    expect(birth.alarms.map((a) => [a.id, a.state, a.severity, a.type])).to.deep.equal([
      ['DC1/gw-hall-b/R11-sensors/Alarms/Leak', 'cleared', 'info', 'Alarms/Leak'],
      ['DC1/gw-hall-b/R11-sensors/Alarms/DoorOpen', 'active', 'minor', 'Alarms/DoorOpen'],
    ]);

    const data = decode(
      'mqtt',
      cfg,
      {
        topic: 'spBv1.0/DC1/DDATA/gw-hall-b/R11-sensors',
        payload: encode({
          timestamp: T + 5000,
          seq: 1,
          metrics: [
            {
              alias: 1,
              type: 'Boolean',
              value: true,
              timestamp: T + 4000,
              properties: { severity: { type: 'String', value: 'P1' } },
            },
            { alias: 3, type: 'Float', value: 31.0 },
          ],
        }),
      },
      opts,
      state,
    );
    expect(data.errors).to.deep.equal([]);
    const [leak] = data.alarms;
    expect(AlarmSchema.parse(leak)).to.deep.equal(leak);
    expect(leak).to.deep.include({
      source: 'mqtt',
      sourceKind: 'mqtt',
      id: 'DC1/gw-hall-b/R11-sensors/Alarms/Leak',
      state: 'active',
      severity: 'critical',
      type: 'Alarms/Leak',
      raisedAt: new Date(T + 4000).toISOString(),
      asset: { equipmentId: 'R11-sensors' },
      text: 'R11-sensors Alarms/Leak active',
    });
    expect(leak?.labels).to.deep.equal({
      mqtt_topic: 'spBv1.0/DC1/DDATA/gw-hall-b/R11-sensors',
      sparkplug_group: 'DC1',
      sparkplug_edge: 'gw-hall-b',
      sparkplug_device: 'R11-sensors',
      sparkplug_message: 'DDATA',
      metric: 'Alarms/Leak',
    });
    expect(leak?.raw).to.deep.include({ alias: 1, value: true, timestamp: T + 4000 });
  });

  it('NDATA with Int and String alarm metrics, and the payload time when a metric has none', () => {
    const r = decode(
      'mqtt',
      cfg,
      {
        topic: 'spBv1.0/DC1/NDATA/cdu-1',
        payload: encode({
          timestamp: T,
          metrics: [
            { name: 'PumpAlarm', type: 'Int32', value: 2 },
            { name: 'Alarms/Filter', type: 'String', value: 'NORMAL' },
            { name: 'Alarms/Level', type: 'Int64', value: 0 },
          ],
        }),
      },
      opts,
      newSparkplugState(),
    );
    expect(r.errors).to.deep.equal([]);
    expect(r.alarms.map((a) => [a.id, a.state, a.severity, a.raisedAt, a.asset.equipmentId])).to.deep.equal([
      ['DC1/cdu-1/PumpAlarm', 'active', 'major', new Date(T).toISOString(), 'cdu-1'],
      ['DC1/cdu-1/Alarms/Filter', 'cleared', 'info', new Date(T).toISOString(), 'cdu-1'],
      ['DC1/cdu-1/Alarms/Level', 'cleared', 'info', new Date(T).toISOString(), 'cdu-1'],
    ]);
  });

  it('reports bad metrics by index and keeps the good ones', () => {
    const r = decode(
      'mqtt',
      cfg,
      {
        topic: 'spBv1.0/DC1/DDATA/gw/dev',
        payload: encode({
          metrics: [
            { name: 'Alarms/A', type: 'Boolean', value: true },
            { alias: 9, type: 'Boolean', value: true },
            { name: 'Alarms/B', type: 'String', value: 'MAYBE' },
            {
              name: 'Alarms/C',
              type: 'Boolean',
              value: true,
              properties: { severity: { type: 'String', value: 'urgent' } },
            },
            { name: 'Alarms/D', type: 'Double', value: 1.5 },
          ],
        }),
      },
      opts,
      newSparkplugState(),
    );
    expect(r.alarms.map((a) => a.type)).to.deep.equal(['Alarms/A', 'Alarms/D']);
    expect(r.errors.map((e) => [e.index, e.message])).to.deep.equal([
      [1, 'metrics[1]: alias 9 has no name (no BIRTH seen for DC1/gw/dev)'],
      [2, 'metrics[2] Alarms/B: "MAYBE" is not one of ALARM, NORMAL'],
      [
        3,
        'metrics[3] Alarms/C: properties.severity: "urgent" is not one of critical, major, minor, warning, info, Alarms/DoorOpen, P1',
      ],
    ]);
  });

  it('notes deaths, ignores other message types, and rejects undecodable payloads', () => {
    const death = decode(
      'mqtt',
      cfg,
      { topic: 'spBv1.0/DC1/NDEATH/gw', payload: encode({ metrics: [] }) },
      opts,
      newSparkplugState(),
    );
    expect(death).to.deep.equal({
      alarms: [],
      positions: [],
      errors: [],
      notes: ['DC1/gw: NDEATH (alarm states unknown until the next BIRTH)'],
    });
    expect(
      decode(
        'mqtt',
        cfg,
        { topic: 'spBv1.0/DC1/NCMD/gw', payload: new Uint8Array([1]) },
        opts,
        newSparkplugState(),
      ),
    ).to.deep.equal({
      alarms: [],
      positions: [],
      errors: [],
    });
    const bad = decode(
      'mqtt',
      cfg,
      { topic: 'spBv1.0/DC1/NDATA/gw', payload: new Uint8Array([0xff, 0xff, 0xff]) },
      opts,
      newSparkplugState(),
    );
    expect(bad.errors[0]?.index).to.equal(null);
    expect(bad.errors[0]?.message).to.match(
      /^spBv1\.0\/DC1\/NDATA\/gw: Sparkplug B payload does not decode: /,
    );
    const notSp = decode(
      'mqtt',
      cfg,
      { topic: 'dc1/gw', payload: new Uint8Array() },
      opts,
      newSparkplugState(),
    );
    expect(notSp.errors[0]?.message).to.equal(
      'dc1/gw: not a Sparkplug B topic (spBv1.0/group/TYPE/edge[/device])',
    );
  });

  it('decodes templates nested 30 deep in linear time (sparkplug-payload takes 2^30 steps)', () => {
    const t0 = Date.now();
    const r = decode(
      'mqtt',
      cfg,
      { topic: 'spBv1.0/DC1/NDATA/gw', payload: nestedTemplates(30) },
      opts,
      newSparkplugState(),
    );
    expect(Date.now() - t0).to.be.below(500);
    expect(r.errors[0]?.message).to.match(/Alarms\/T29: a Template value cannot be an alarm state/);
  });

  it('refuses templates nested deeper than the limit, naming it', () => {
    const r = decode(
      'mqtt',
      cfg,
      { topic: 'spBv1.0/DC1/NDATA/gw', payload: nestedTemplates(40) },
      opts,
      newSparkplugState(),
    );
    expect(r.errors[0]?.message).to.match(
      /^spBv1\.0\/DC1\/NDATA\/gw: Sparkplug B payload nested deeper than 64 levels at byte \d+ \(limits.nesting_depth\)$/,
    );
  });

  it('refuses more metrics than limits.alarms_per_batch in one message', () => {
    const metrics = Array.from({ length: 11 }, (_, i) => ({
      name: `Alarms/A${i}`,
      type: 'Boolean' as const,
      value: true,
    }));
    const r = decode(
      'mqtt',
      cfg,
      { topic: 'spBv1.0/DC1/NDATA/gw', payload: encode({ timestamp: T, metrics }) },
      { ...opts, maxItems: 10 },
      newSparkplugState(),
    );
    expect(r.alarms).to.deep.equal([]);
    expect(r.errors[0]).to.deep.include({ index: null, code: 'too_many_items' });
    expect(r.errors[0]?.message).to.match(/holds 11 alarms, more than the limit of 10/);
  });

  it('reads a property named __proto__ as data', () => {
    const r = decode(
      'mqtt',
      cfg,
      {
        topic: 'spBv1.0/DC1/NDATA/gw',
        payload: encode({
          timestamp: T,
          metrics: [
            {
              name: 'Alarms/Leak',
              type: 'Boolean',
              value: true,
              properties: {
                ['__proto__']: { type: 'String', value: 'x' },
                severity: { type: 'String', value: 'P1' },
              },
            },
          ],
        }),
      },
      opts,
      newSparkplugState(),
    );
    expect(r.alarms[0]?.severity).to.equal('critical');
  });

  it('refuses a metric name that is not UTF-8 (protobufjs would read it as U+FFFD: names would collide)', () => {
    const payload = tahu.Payload.encode({
      timestamp: 1,
      metrics: [{ name: 'Alarms/Leak\ud800', datatype: 11, booleanValue: true }],
    }).finish();
    const r = decode('mqtt', cfg, { topic: 'spBv1.0/DC1/NDATA/gw', payload }, opts, newSparkplugState());
    expect(r.alarms).to.deep.equal([]);
    expect(r.errors[0]?.message).to.match(
      /^spBv1\.0\/DC1\/NDATA\/gw: Sparkplug B payload has a string that is not UTF-8 at byte \d+$/,
    );
  });
});

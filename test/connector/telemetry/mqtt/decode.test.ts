import { expect } from 'chai';
import { get as sparkplugCodec } from 'sparkplug-payload';
import { createRequire } from 'node:module';
import type * as TahuProto from 'sparkplug-payload/lib/sparkplugPayloadProto.js';
import {
  decodeMessage,
  newSparkplugState,
  type DecodeOptions,
} from '../../../../connector/src/telemetry/mqtt/decode.js';

const sp = sparkplugCodec('spBv1.0')!;
const tahu = (
  createRequire(import.meta.url)('sparkplug-payload/lib/sparkplugPayloadProto.js') as typeof TahuProto
).org.eclipse.tahu.protobuf;
/** A payload whose first metric is a template nested `depth` templates deep, then a plain metric. */
function nestedTemplates(depth: number): Buffer {
  let metric: Record<string, unknown> = { name: 'leaf', datatype: 10, doubleValue: 1 };
  for (let i = 0; i < depth; i++)
    metric = { name: `T${i}`, datatype: 19, templateValue: { metrics: [metric] } };
  const flow = { name: 'Flow', datatype: 10, doubleValue: 42.5 };
  return Buffer.from(tahu.Payload.encode({ timestamp: T, metrics: [metric, flow] }).finish());
}
const json: DecodeOptions = { format: 'json', valuePath: '$.value', timePath: '$.ts' };
const T = 1736937000000;

describe('telemetry/mqtt/decode', () => {
  it('JSON: value and time at the configured paths (seconds, ms or ISO time), else arrival time', () => {
    const st = newSparkplugState();
    const one = (payload: unknown, o = json) =>
      decodeMessage('t', Buffer.from(JSON.stringify(payload)), T, o, st);
    expect(one({ value: 21.5, ts: 1736936990 })).to.deep.equal({
      ok: true,
      readings: [{ topic: 't', metric: undefined, sample: { t: 1736936990000, v: 21.5 } }],
    });
    expect(one({ value: '21.5', ts: 1736936990500 })).to.have.nested.property(
      'readings[0].sample.t',
      1736936990500,
    );
    expect(one({ value: 1, ts: '2025-01-15T10:29:00Z' })).to.have.nested.property(
      'readings[0].sample.t',
      Date.UTC(2025, 0, 15, 10, 29),
    );
    expect(one({ value: null, ts: 1736936990 })).to.deep.equal({
      ok: true,
      readings: [
        { topic: 't', metric: undefined, sample: { t: 1736936990000, v: null, invalid: 'null (no value)' } },
      ],
    });
    expect(one({ value: 'NaN' })).to.have.nested.property('readings[0].sample.invalid', 'NaN');
    expect(one({ value: 9223372036854775794n.toString() })).to.have.nested.property(
      'readings[0].sample.invalid',
      'DCGM NOT_SUPPORTED sentinel 9223372036854775794',
    );
    expect(one({ value: 3 })).to.have.nested.property('readings[0].sample.t', T);
    expect(one(22)).to.have.nested.property('readings[0].sample.v', 22);
    expect(
      one({ data: { temps: [20, 24] } }, { ...json, valuePath: '$.data.temps[1]' }),
    ).to.have.nested.property('readings[0].sample.v', 24);
    // A message on the reading's topic that holds no value is an invalid reading at its arrival.
    expect(one({ other: 1 })).to.deep.equal({
      ok: true,
      readings: [
        { topic: 't', metric: undefined, sample: { t: T, v: null, invalid: 'no value at $.value' } },
      ],
      problem: 't: no value at $.value',
    });
    expect(decodeMessage('t', Buffer.from('{oops'), T, json, st)).to.deep.equal({
      ok: true,
      readings: [
        { topic: 't', metric: undefined, sample: { t: T, v: null, invalid: 'payload is not JSON' } },
      ],
      problem: 't: payload is not JSON',
    });
  });

  it('number: the payload text', () => {
    const r = decodeMessage(
      't',
      Buffer.from(' 42.5\n'),
      T,
      { ...json, format: 'number' },
      newSparkplugState(),
    );
    expect(r).to.deep.equal({
      ok: true,
      readings: [{ topic: 't', metric: undefined, sample: { t: T, v: 42.5 } }],
    });
    const nan = decodeMessage('t', Buffer.from('nan'), T, { ...json, format: 'number' }, newSparkplugState());
    expect(nan).to.have.nested.property('readings[0].sample.invalid', 'NaN');
  });

  it('Sparkplug B: names from BIRTH, aliases in DATA, BIRTH and DATA in one series, DEATH', () => {
    const st = newSparkplugState();
    const o: DecodeOptions = { ...json, format: 'sparkplugb' };
    const birth = sp.encodePayload({
      timestamp: T,
      seq: 0,
      metrics: [
        { name: 'Secondary/Flow', alias: 1, type: 'Float', value: 42 },
        { name: 'Leak', alias: 2, type: 'Boolean', value: false },
        { name: 'bdSeq', type: 'UInt64', value: 0 },
      ],
    });
    const b = decodeMessage('spBv1.0/dc1/NBIRTH/cdu-1', Buffer.from(birth), T + 5, o, st);
    expect(b.ok && b.readings.map((r) => [r.topic, r.metric, r.sample.v, r.sample.t])).to.deep.equal([
      ['spBv1.0/dc1/NDATA/cdu-1', 'Secondary/Flow', 42, T],
      ['spBv1.0/dc1/NDATA/cdu-1', 'Leak', 0, T],
      ['spBv1.0/dc1/NDATA/cdu-1', 'bdSeq', 0, T],
    ]);
    const data = sp.encodePayload({
      timestamp: T + 1000,
      seq: 1,
      metrics: [{ alias: 1, type: 'Float', value: 31, timestamp: T + 900 }],
    });
    const d = decodeMessage('spBv1.0/dc1/NDATA/cdu-1', Buffer.from(data), T + 1005, o, st);
    expect(d.ok && d.readings.map((r) => [r.metric, r.sample])).to.deep.equal([
      ['Secondary/Flow', { t: T + 900, v: 31 }],
    ]);
    // An alias nobody announced cannot be named: skipped, not guessed.
    const unknownAlias = sp.encodePayload({ timestamp: T, metrics: [{ alias: 9, type: 'Float', value: 1 }] });
    expect(decodeMessage('spBv1.0/dc1/NDATA/cdu-1', Buffer.from(unknownAlias), T, o, st)).to.deep.equal({
      ok: true,
      readings: [],
    });
    const death = decodeMessage(
      'spBv1.0/dc1/NDEATH/cdu-1',
      Buffer.from(sp.encodePayload({ metrics: [] })),
      T,
      o,
      st,
    );
    expect(death).to.deep.equal({
      ok: true,
      readings: [],
      deaths: ['spBv1.0/dc1/NDATA/cdu-1', 'spBv1.0/dc1/DDATA/cdu-1/+'],
      deathOf: 'NDEATH',
    });
    // A metric sent as null (is_null, which the codec keeps) is an invalid reading.
    const isNull = sp.encodePayload({
      timestamp: T,
      metrics: [{ alias: 1, type: 'Float', value: null, isNull: true }],
    });
    const n = decodeMessage('spBv1.0/dc1/NDATA/cdu-1', Buffer.from(isNull), T, o, st);
    expect(n.ok && n.readings.map((r) => [r.metric, r.sample])).to.deep.equal([
      ['Secondary/Flow', { t: T, v: null, invalid: 'null (Sparkplug is_null)' }],
    ]);
    expect(decodeMessage('dc1/x', Buffer.from('x'), T, o, st).ok).to.equal(false);
    expect(decodeMessage('spBv1.0/dc1/NDATA/cdu-1', Buffer.from([0xff, 0xff, 0xff]), T, o, st).ok).to.equal(
      false,
    );
  });

  it('Sparkplug B: templates nested 30 deep decode in linear time; deeper than 64 levels are refused', () => {
    const sb = { format: 'sparkplugb' as const, valuePath: '$.value', timePath: undefined };
    const t0 = Date.now();
    const r = decodeMessage('spBv1.0/G/NBIRTH/e', nestedTemplates(30), T, sb, newSparkplugState());
    expect(Date.now() - t0).to.be.below(500);
    expect(r.ok && r.readings.find((x) => x.metric === 'Flow')?.sample.v).to.equal(42.5);
    const deep = decodeMessage('spBv1.0/G/NBIRTH/e', nestedTemplates(40), T, sb, newSparkplugState());
    expect(deep.ok).to.equal(false);
    if (!deep.ok)
      expect(deep.message).to.match(/Sparkplug B payload nested deeper than 64 levels at byte \d+$/);
  });
});

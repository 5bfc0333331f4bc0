// MQTT provider against a real Mosquitto (127.0.0.1:1883, or one started for the test).
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { get as sparkplugCodec } from 'sparkplug-payload';
import { MqttProviderSchema } from '../../../../connector/src/config/schema.js';
import { evaluateChecks } from '../../../../connector/src/guard/evaluate-checks.js';
import { createMqttProvider, type MqttProvider } from '../../../../connector/src/telemetry/mqtt/provider.js';
import { TelemetryError, type Series } from '../../../../connector/src/telemetry/types.js';
import { startBroker, type BrokerHandle } from '../../../support/mosquitto.js';
import { check } from '../../guard/checks.js';

const sp = sparkplugCodec('spBv1.0')!;
const all = { startMs: 0, endMs: Number.MAX_SAFE_INTEGER };
const signal = () => AbortSignal.timeout(3000);

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 3000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('telemetry/mqtt provider (real Mosquitto)', function () {
  this.timeout(15_000);
  let broker: BrokerHandle | undefined;
  let pub: MqttClient;
  const providers: MqttProvider[] = [];
  // A fresh topic tree per run: the shared broker may carry other tests' traffic.
  const root = `closeloop-test/${randomUUID()}`;
  const group = `cl-${randomUUID().slice(0, 8)}`;

  async function make(over: Record<string, unknown>): Promise<MqttProvider> {
    const cfg = MqttProviderSchema.parse({ kind: 'mqtt', url: broker!.url, ...over });
    const p = createMqttProvider('bms', cfg);
    providers.push(p);
    await p.ready(AbortSignal.timeout(5000));
    return p;
  }
  const publish = (topic: string, payload: string | Uint8Array) =>
    pub.publishAsync(topic, Buffer.from(payload), { qos: 1 });
  const values = async (p: MqttProvider, q: string, n: number): Promise<Series[]> =>
    until(`${n} samples on ${q}`, async () => {
      const s = await p.queryRange(q, all, signal());
      return s.length && s.every((x) => x.samples.length >= n) ? s : undefined;
    });

  before(async function () {
    try {
      broker = await startBroker();
    } catch (err) {
      console.warn(`      SKIPPED: MQTT tests need a broker: ${(err as Error).message}`);
      this.skip();
    }
    pub = await mqtt.connectAsync(broker.url, { clientId: `closeloop-test-pub-${randomUUID().slice(0, 8)}` });
  });
  after(async () => {
    for (const p of providers) await p.close();
    await pub?.endAsync();
    await broker?.stop();
  });

  it('JSON: keeps the last value and a bounded history per topic', async () => {
    const p = await make({ topics: [`${root}/json/#`], value_path: '$.temp', time_path: '$.ts', history: 3 });
    const topic = `${root}/json/crah-2/supply`;
    const t0 = Date.UTC(2025, 0, 15, 10, 0);
    for (let i = 0; i < 5; i++)
      await publish(topic, JSON.stringify({ temp: 20 + i, ts: (t0 + i * 15_000) / 1000 }));
    const [s] = await until('5th sample', async () => {
      const r = await p.queryRange(topic, all, signal());
      return r[0]?.samples.at(-1)?.v === 24 ? r : undefined;
    });
    expect(s!.labels).to.deep.equal({ topic });
    expect(s!.samples).to.deep.equal([
      { t: t0 + 30_000, v: 22 },
      { t: t0 + 45_000, v: 23 },
      { t: t0 + 60_000, v: 24 },
    ]);
    const windowed = await p.queryRange(topic, { startMs: t0 + 40_000, endMs: t0 + 50_000 }, signal());
    expect(windowed[0]!.samples).to.deep.equal([{ t: t0 + 45_000, v: 23 }]);
    expect(await p.queryRange(`${root}/json/nobody`, all, signal())).to.deep.equal([]);
    await publish(topic, 'not json');
    await until('decode error', async () => p.lastError());
    expect(p.lastError()).to.equal(`${topic}: payload is not JSON`);
  });

  it('plain numbers, and one series per topic for a wildcard query', async () => {
    const p = await make({ topics: [`${root}/num/+/flow`], format: 'number' });
    await publish(`${root}/num/cdu-1/flow`, '42');
    await publish(`${root}/num/cdu-2/flow`, '31.5');
    await publish(`${root}/num/cdu-2/other`, '99'); // not subscribed
    const series = await until('two topics', async () => {
      const s = await p.queryRange(`${root}/num/+/flow`, all, signal());
      return s.length === 2 ? s : undefined;
    });
    expect(series.map((s) => [s.labels.topic, s.samples.map((x) => x.v)])).to.deep.equal([
      [`${root}/num/cdu-1/flow`, [42]],
      [`${root}/num/cdu-2/flow`, [31.5]],
    ]);
  });

  it('Sparkplug B: metrics by name from BIRTH, by alias in DATA, invalid after DEATH', async () => {
    const p = await make({ topics: [`spBv1.0/${group}/#`], format: 'sparkplugb' });
    const node = `spBv1.0/${group}/NDATA/cdu-1`;
    const now = Date.now();
    await publish(
      `spBv1.0/${group}/NBIRTH/cdu-1`,
      sp.encodePayload({
        timestamp: now - 2000,
        seq: 0,
        metrics: [
          { name: 'Secondary/Flow', alias: 1, type: 'Float', value: 42 },
          { name: 'Secondary/SupplyTemp', alias: 2, type: 'Float', value: 30 },
        ],
      }),
    );
    await publish(
      node,
      sp.encodePayload({ timestamp: now - 1000, seq: 1, metrics: [{ alias: 1, type: 'Float', value: 31 }] }),
    );
    const [flow] = await values(p, `${node}#Secondary/Flow`, 2);
    expect(flow!.labels).to.deep.equal({ topic: node, metric: 'Secondary/Flow' });
    expect(flow!.samples).to.deep.equal([
      { t: now - 2000, v: 42 },
      { t: now - 1000, v: 31 },
    ]);
    const [temp] = await p.queryRange(`${node}#Secondary/SupplyTemp`, all, signal());
    expect(temp!.samples.map((s) => s.v)).to.deep.equal([30]);

    await publish(
      `spBv1.0/${group}/NDEATH/cdu-1`,
      sp.encodePayload({ timestamp: now, metrics: [{ name: 'bdSeq', type: 'UInt64', value: 0 }] }),
    );
    const [dead] = await values(p, `${node}#Secondary/Flow`, 3);
    expect(dead!.samples.at(-1)).to.deep.include({ v: null, invalid: 'Sparkplug NDEATH (node offline)' });
    // A dead node is a failed source: its checks are unknown (named), not bridged by the last reading.
    const [r] = await evaluateChecks(
      [check({ provider: 'bms', query: `${node}#Secondary/Flow`, stabilize: 0, expect: { min: 30 } })],
      new Map([['bms', p]]),
      { budgetMs: 1000, nowMs: Date.now() },
    );
    expect(r).to.include({
      status: 'unknown',
      reason: 'invalid',
      observed: 'invalid (Sparkplug NDEATH (node offline))',
    });
  });

  it('a NaN, an unreadable payload or a null on the topic is an invalid reading the check reports', async () => {
    const p = await make({ topics: [`${root}/bad/#`], time_path: '$.ts' });
    const topic = `${root}/bad/crah-1/supply`;
    const now = Date.now();
    for (let i = 10; i >= 0; i--) {
      const payload =
        i === 4
          ? JSON.stringify({ value: 'NaN', ts: now - i * 30_000 })
          : i === 2
            ? 'not json'
            : JSON.stringify({ value: 22, ts: now - i * 30_000 });
      await publish(topic, payload);
    }
    await values(p, topic, 11);
    // Judged once everything has arrived (the unreadable payload is stamped with its arrival).
    const [r] = await evaluateChecks(
      [check({ provider: 'bms', query: topic, label: 'CRAH-1 supply air', stabilize: '5m' })],
      new Map([['bms', p]]),
      { budgetMs: 1000, nowMs: Date.now() },
    );
    expect(r).to.include({ status: 'unknown', reason: 'invalid' });
    // The unreadable payload has no time of its own: it counts at its arrival, the newest invalid one.
    expect(r!.invalid).to.include({ value: 'payload is not JSON', count: 2 });
    expect(p.lastError()).to.equal(`${topic}: payload is not JSON`);
  });

  it('feeds close-check evaluation: the latest readings judged over the window', async () => {
    const p = await make({ topics: [`${root}/eval/#`], time_path: '$.ts' });
    const topic = `${root}/eval/crah-1/supply`;
    const now = Date.now();
    for (let i = 10; i >= 0; i--)
      await publish(topic, JSON.stringify({ value: i === 3 ? 28.2 : 22, ts: now - i * 30_000 }));
    await values(p, topic, 11);
    const [r] = await evaluateChecks(
      [check({ provider: 'bms', query: topic, label: 'CRAH-1 supply air', stabilize: '5m' })],
      new Map([['bms', p]]),
      { budgetMs: 1000, nowMs: now },
    );
    expect(r!.status).to.equal('fail');
    expect(r!.worst!.value).to.equal(28.2);
  });

  it('a retained message is no reading of now: kept only with a time of its own', async () => {
    // The sensors' last messages, retained by the broker, then silence (the sensors died).
    const plain = `${root}/retained/r01/leak`;
    const timed = `${root}/retained/r02/leak`;
    const dead = `${root}/retained/r03/leak`;
    const ts = Date.now() - 3_600_000;
    await pub.publishAsync(plain, '0', { qos: 1, retain: true });
    await pub.publishAsync(dead, '0', { qos: 1, retain: true });
    await pub.publishAsync(timed, JSON.stringify({ value: 0, ts }), { qos: 1, retain: true });
    try {
      // The connector (re)starts and subscribes: the broker hands the retained copies over first.
      const numbers = await make({ topics: [`${root}/retained/+/leak`], format: 'number' });
      const json = await make({ topics: [`${root}/retained/r02/#`], time_path: '$.ts' });
      const [old] = await values(json, timed, 1);
      expect(old!.samples).to.deep.equal([{ t: ts, v: 0 }]);
      // A live message after the retained one proves the retained one was handed over (in order).
      await publish(plain, '1');
      const [live] = await values(numbers, plain, 1);
      expect(live!.samples.map((x) => x.v)).to.deep.equal([1]);
      // The sensor that only left a retained message is known, with no reading: a wildcard check
      // judges it "no data" instead of passing on the sensors that still report.
      const all = await numbers.queryRange(
        `${root}/retained/+/leak`,
        { startMs: 0, endMs: Number.MAX_SAFE_INTEGER },
        signal(),
      );
      expect(all.map((x) => [x.labels['topic'], x.samples.map((y) => y.v)])).to.deep.equal([
        [plain, [1]],
        [timed, []], // read as a plain number here: its time is not found, so it is no reading of now either
        [dead, []],
      ]);
    } finally {
      await pub.publishAsync(plain, '', { qos: 1, retain: true });
      await pub.publishAsync(timed, '', { qos: 1, retain: true });
      await pub.publishAsync(dead, '', { qos: 1, retain: true });
    }
  });

  it('works the same on a Mosquitto started for the test', async function () {
    let own: BrokerHandle;
    try {
      own = await startBroker({ own: true });
    } catch (err) {
      console.warn(`      SKIPPED: cannot start mosquitto: ${(err as Error).message}`);
      return this.skip();
    }
    try {
      const p = createMqttProvider(
        'own',
        MqttProviderSchema.parse({ kind: 'mqtt', url: own.url, topics: ['t/#'], format: 'number' }),
      );
      providers.push(p);
      await p.ready(AbortSignal.timeout(5000));
      const c = await mqtt.connectAsync(own.url);
      await c.publishAsync('t/x', '7');
      await c.endAsync();
      const [s] = await values(p, 't/x', 1);
      expect(s!.samples[0]!.v).to.equal(7);
      await p.close();
    } finally {
      await own.stop();
    }
  });

  it('a broker that cannot be reached is an error, not an empty answer', async () => {
    const cfg = MqttProviderSchema.parse({ kind: 'mqtt', url: 'mqtt://127.0.0.1:9', topics: ['x/#'] });
    const p = createMqttProvider('down', cfg);
    providers.push(p);
    const err = await p.queryRange('x/y', all, signal()).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(TelemetryError).with.property('kind', 'unreachable');
    const notReady = await p.ready(AbortSignal.timeout(100)).catch((e: unknown) => e);
    expect(notReady).to.be.instanceOf(TelemetryError).with.property('kind', 'aborted');
  });
});

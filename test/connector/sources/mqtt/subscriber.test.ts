// The MQTT source against the real Mosquitto (127.0.0.1:1883, or one started for the test).
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import spPayload from 'sparkplug-payload';
import {
  startMqttSource,
  mqttClientOptions,
  type MqttSource,
} from '../../../../connector/src/sources/mqtt/subscriber.js';
import type { DecodeResult } from '../../../../connector/src/sources/types.js';
import { freePort } from '../../../support/prometheus.js';
import { startBroker, type BrokerHandle } from '../../../support/mosquitto.js';
import { source } from '../fixtures.js';

type Received = { result: DecodeResult; raw: unknown };

describe('sources/mqtt subscriber (real Mosquitto)', function () {
  this.timeout(20_000);
  let broker: BrokerHandle | null = null;
  let publisher: MqttClient | null = null;
  let sub: MqttSource | null = null;
  let received: Received[] = [];
  // Unique per run so parallel runs and retained messages of other tests never interfere.
  const base = `closeloop-test/${randomBytes(4).toString('hex')}`;

  before(async function () {
    try {
      broker = await startBroker();
    } catch (err) {
      console.log(`      skipped: ${err instanceof Error ? err.message : String(err)}`);
      this.skip();
    }
    publisher = await mqtt.connectAsync(broker.url, {
      clientId: `closeloop-test-pub-${randomBytes(3).toString('hex')}`,
    });
  });
  after(async () => {
    await publisher?.endAsync();
    await broker?.stop();
  });
  beforeEach(() => {
    received = [];
  });
  afterEach(async () => {
    await sub?.close();
    sub = null;
  });

  const onAlarms = async (result: DecodeResult, raw: unknown) => {
    received.push({ result, raw });
  };
  async function waitFor(n: number): Promise<void> {
    const deadline = Date.now() + 5000;
    while (received.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(received.length, 'messages received').to.be.at.least(n);
  }
  const publish = (topic: string, payload: string | Uint8Array, retain = false) =>
    publisher?.publishAsync(topic, Buffer.from(payload), { qos: 1, retain });

  it('JSON: alarms from wildcard topics through the field map, in order, with the topic label', async () => {
    const cfg = source({
      kind: 'mqtt',
      url: broker?.url ?? '',
      topics: [`${base}/json/+/alarm`],
      fields: {
        id: '$.id',
        state: '$.state',
        severity: '$.severity',
        type: '$.type',
        raised_at: '$.ts',
        rack: '$.rack',
      },
      state_values: { alarm: 'active', ok: 'cleared' },
    });
    sub = await startMqttSource('mqtt', cfg, onAlarms);
    const leak = {
      id: 'R11-leak-rope-1',
      state: 'alarm',
      severity: 'critical',
      type: 'leak',
      ts: '2025-06-12T14:12:30Z',
      rack: 'R11',
    };
    await publish(`${base}/json/R11/alarm`, JSON.stringify(leak));
    await publish(
      `${base}/json/R11/alarm`,
      JSON.stringify({ ...leak, state: 'ok', ts: '2025-06-12T14:20:00Z' }),
    );
    await publish(`${base}/json/R11/status`, JSON.stringify(leak)); // not subscribed
    await publish(`${base}/json/R12/alarm`, 'not json');
    await waitFor(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(received).to.have.length(3);
    const alarms = received.flatMap((r) => r.result.alarms);
    expect(alarms.map((a) => [a.id, a.state, a.asset.rack, a.labels.mqtt_topic])).to.deep.equal([
      ['R11-leak-rope-1', 'active', 'R11', `${base}/json/R11/alarm`],
      ['R11-leak-rope-1', 'cleared', 'R11', `${base}/json/R11/alarm`],
    ]);
    expect(received[0]?.raw).to.deep.equal({ topic: `${base}/json/R11/alarm`, payload: leak });
    expect(received[2]?.result.errors[0]?.message).to.match(
      new RegExp(`^${base}/json/R12/alarm: payload is not JSON`),
    );
    expect(received[2]?.raw).to.deep.equal({ topic: `${base}/json/R12/alarm`, payload: 'not json' });
  });

  it('JSON: a retained alarm is delivered on subscribe', async () => {
    const topic = `${base}/retained/alarm`;
    await publish(
      topic,
      JSON.stringify({ id: 'door-1', state: 'active', severity: 'minor', type: 'door_open' }),
      true,
    );
    const cfg = source({
      kind: 'mqtt',
      url: broker?.url ?? '',
      topics: [topic],
      fields: { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' },
    });
    sub = await startMqttSource('mqtt', cfg, onAlarms);
    await waitFor(1);
    expect(received[0]?.result.alarms.map((a) => [a.id, a.state])).to.deep.equal([['door-1', 'active']]);
    await publish(topic, '', true); // clear the retained message
  });

  it('Sparkplug B: DBIRTH and DDATA by alias over the broker', async () => {
    const codec = spPayload.get('spBv1.0');
    if (!codec) throw new Error('no spBv1.0 codec');
    const group = `CL${randomBytes(3).toString('hex')}`;
    const cfg = source({
      kind: 'mqtt',
      url: broker?.url ?? '',
      topics: [`spBv1.0/${group}/#`],
      format: 'sparkplugb',
    });
    sub = await startMqttSource('plant', cfg, onAlarms);
    const t = Date.now();
    await publish(
      `spBv1.0/${group}/DBIRTH/gw-hall-b/CDU-1`,
      codec.encodePayload({
        timestamp: t,
        seq: 0,
        metrics: [{ name: 'Alarms/PumpFailed', alias: 7, type: 'Boolean', value: false }],
      }),
    );
    await publish(
      `spBv1.0/${group}/DDATA/gw-hall-b/CDU-1`,
      codec.encodePayload({
        timestamp: t + 1000,
        seq: 1,
        metrics: [{ alias: 7, type: 'Boolean', value: true }],
      }),
    );
    await waitFor(2);
    const alarms = received.flatMap((r) => r.result.alarms);
    expect(alarms.map((a) => [a.id, a.state, a.severity, a.asset.equipmentId, a.raisedAt])).to.deep.equal([
      [`${group}/gw-hall-b/CDU-1/Alarms/PumpFailed`, 'cleared', 'info', 'CDU-1', new Date(t).toISOString()],
      [
        `${group}/gw-hall-b/CDU-1/Alarms/PumpFailed`,
        'active',
        'major',
        'CDU-1',
        new Date(t + 1000).toISOString(),
      ],
    ]);
    expect(received[1]?.raw).to.deep.include({ topic: `spBv1.0/${group}/DDATA/gw-hall-b/CDU-1` });
  });

  it('fails to start, within its timeout, when no broker answers', async () => {
    const port = await freePort();
    const cfg = source({ kind: 'mqtt', url: `mqtt://127.0.0.1:${port}`, topics: ['x'] });
    const started = Date.now();
    const err = await startMqttSource('mqtt', cfg, onAlarms, undefined, { connectTimeoutMs: 800 }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).to.equal(
      `MQTT source mqtt: not connected and subscribed to mqtt://127.0.0.1:${port} within 800 ms`,
    );
    expect(Date.now() - started).to.be.below(3000);
  });
});

describe('sources/mqtt client options', () => {
  const cfg = source({
    kind: 'mqtt',
    url: 'mqtt://127.0.0.1:1883',
    topics: ['x'],
    username_env: 'MQ_USER',
    password_env: 'MQ_PASS',
  });
  it('takes credentials from the environment', () => {
    const o = mqttClientOptions('mqtt', cfg, { MQ_USER: 'closeloop', MQ_PASS: 'pw-123456' });
    expect(o).to.deep.include({ username: 'closeloop', password: 'pw-123456', clean: true });
    expect(o.clientId).to.match(/^closeloop-mqtt-[0-9a-f]{8}$/);
  });
  it('names a missing variable', () => {
    expect(() => mqttClientOptions('mqtt', cfg, { MQ_USER: 'closeloop' })).to.throw(
      'environment variable MQ_PASS (MQTT credentials of source mqtt) is not set',
    );
  });
});

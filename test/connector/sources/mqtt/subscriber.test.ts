// The MQTT source against the real Mosquitto (127.0.0.1:1883, or one started for the test).
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { get as sparkplugCodec } from 'sparkplug-payload';
import {
  startMqttSource,
  mqttClientOptions,
  type MqttSource,
} from '../../../../connector/src/sources/mqtt/subscriber.js';
import type { DecodeResult } from '../../../../connector/src/sources/types.js';
import type { ReceivedInput } from '../../../../connector/src/sources/listener-types.js';
import { freePort } from '../../../support/prometheus.js';
import { forgetSession, startBroker, type BrokerHandle } from '../../../support/mosquitto.js';
import { source } from '../fixtures.js';

type Received = { result: DecodeResult; input: ReceivedInput };

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

  const onAlarms = async (result: DecodeResult, input: ReceivedInput) => {
    received.push({ result, input });
  };
  // Every session of these tests has its own client id (the broker is shared), forgotten afterwards.
  const clientIds: string[] = [];
  const clientId = () => {
    const id = `closeloop-test-sub-${randomBytes(4).toString('hex')}`;
    clientIds.push(id);
    return id;
  };
  after(async () => {
    if (broker) for (const id of clientIds) await forgetSession(broker.url, id);
  });
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
      client_id: clientId(),
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
    expect(received[0]?.input).to.deep.include({
      origin: `topic ${base}/json/R11/alarm`,
      contentType: 'application/json',
    });
    expect(Buffer.from(received[0]!.input.body).toString()).to.equal(JSON.stringify(leak));
    expect(received[2]?.result.errors[0]?.message).to.match(
      new RegExp(`^${base}/json/R12/alarm: payload is not JSON`),
    );
    expect(Buffer.from(received[2]!.input.body).toString()).to.equal('not json');
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
      client_id: clientId(),
      topics: [topic],
      fields: { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' },
    });
    sub = await startMqttSource('mqtt', cfg, onAlarms);
    await waitFor(1);
    expect(received[0]?.result.alarms.map((a) => [a.id, a.state])).to.deep.equal([['door-1', 'active']]);
    await publish(topic, '', true); // clear the retained message
  });

  it('Sparkplug B: DBIRTH and DDATA by alias over the broker', async () => {
    const codec = sparkplugCodec('spBv1.0');
    if (!codec) throw new Error('no spBv1.0 codec');
    const group = `CL${randomBytes(3).toString('hex')}`;
    const cfg = source({
      kind: 'mqtt',
      url: broker?.url ?? '',
      client_id: clientId(),
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
    expect(received[1]?.input.origin).to.equal(`topic spBv1.0/${group}/DDATA/gw-hall-b/CDU-1`);
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
  it('takes credentials from the environment; a persistent session under a stable client id', () => {
    const o = mqttClientOptions('mqtt', cfg, { MQ_USER: 'closeloop', MQ_PASS: 'pw-123456' });
    expect(o).to.deep.include({
      username: 'closeloop',
      password: 'pw-123456',
      clean: false,
      clientId: 'closeloop-mqtt',
    });
    expect(
      mqttClientOptions('mqtt', { ...cfg, client_id: 'dc1-replica-a' }, { MQ_USER: 'u', MQ_PASS: 'p' }),
    ).to.deep.include({ clientId: 'dc1-replica-a' });
  });
  it('names a missing variable', () => {
    expect(() => mqttClientOptions('mqtt', cfg, { MQ_USER: 'closeloop' })).to.throw(
      'environment variable MQ_PASS (MQTT credentials of source mqtt) is not set',
    );
  });
});

describe('sources/mqtt delivery (real Mosquitto): persistent session, acknowledged once stored', function () {
  this.timeout(30_000);
  let broker: BrokerHandle | null = null;
  let publisher: MqttClient | null = null;
  const subs: MqttSource[] = [];
  const clientIds: string[] = [];
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
  afterEach(async () => {
    for (const s of subs.splice(0)) await s.close();
  });
  after(async () => {
    await publisher?.endAsync();
    if (broker) for (const id of clientIds) await forgetSession(broker.url, id);
    await broker?.stop();
  });

  const config = (topic: string, id: string) => {
    clientIds.push(id);
    return source({
      kind: 'mqtt',
      url: broker?.url ?? '',
      client_id: id,
      topics: [topic],
      fields: { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' },
    });
  };
  const alarm = (id: string) => JSON.stringify({ id, state: 'active', severity: 'major', type: 'leak' });
  const publish = (topic: string, payload: string, retain = false) =>
    publisher!.publishAsync(topic, payload, { qos: 1, retain });
  const start = async (
    cfg: ReturnType<typeof config>,
    onAlarms: (r: DecodeResult, input: ReceivedInput) => Promise<void>,
    opts: Parameters<typeof startMqttSource>[4] = {},
  ) => {
    const s = await startMqttSource('mqtt', cfg, onAlarms, undefined, { reconnectPeriodMs: 200, ...opts });
    subs.push(s);
    return s;
  };
  async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const ids = (rs: DecodeResult[]) => rs.flatMap((r) => r.alarms.map((a) => a.id));

  it('QoS 1 alarms published while the connector was down arrive when it starts again', async () => {
    const topic = `${base}/down/alarm`;
    const cfg = config(topic, `closeloop-test-down-${randomBytes(4).toString('hex')}`);
    const got: DecodeResult[] = [];
    const first = await start(cfg, async (r) => void got.push(r));
    await first.close();
    await publish(topic, alarm('while-down-1'));
    await publish(topic, alarm('while-down-2'));
    await start(cfg, async (r) => void got.push(r));
    await until('the two alarms', () => got.length >= 2);
    expect(ids(got)).to.deep.equal(['while-down-1', 'while-down-2']);
  });

  it('a message whose store write fails is not acknowledged: the broker delivers it again', async () => {
    const topic = `${base}/store-fails/alarm`;
    const cfg = config(topic, `closeloop-test-fail-${randomBytes(4).toString('hex')}`);
    let attempts = 0;
    const stored: DecodeResult[] = [];
    await start(cfg, async (r) => {
      if (r.alarms[0]?.id === 'flaky' && ++attempts <= 2) throw new Error('disk I/O error');
      stored.push(r);
    });
    await publish(topic, alarm('flaky'));
    await publish(topic, alarm('after'));
    await until('both alarms stored', () => stored.length >= 2);
    expect(attempts).to.equal(3);
    // In order: the failed message blocks the ones behind it until it is stored.
    expect(ids(stored)).to.deep.equal(['flaky', 'after']);
  });

  it('a message that can never be stored is kept as rejected after its attempts, and the topic moves on', async () => {
    const topic = `${base}/poison/alarm`;
    const cfg = config(topic, `closeloop-test-poison-${randomBytes(4).toString('hex')}`);
    let attempts = 0;
    const stored: string[] = [];
    const kept: { input: ReceivedInput; err: unknown }[] = [];
    await start(
      cfg,
      async (r) => {
        if (r.alarms[0]?.id === 'poison') {
          attempts++;
          throw new Error('constraint failed');
        }
        stored.push(...r.alarms.map((a) => a.id));
      },
      { storeAttempts: 3, onUnstorable: async (input, err) => void kept.push({ input, err }) },
    );
    await publish(topic, alarm('poison'));
    await publish(topic, alarm('next'));
    await until('the next alarm', () => stored.length >= 1);
    expect(attempts).to.equal(3);
    expect(kept).to.have.length(1);
    expect(Buffer.from(kept[0]!.input.body).toString()).to.equal(alarm('poison'));
    expect(stored).to.deep.equal(['next']);
  });

  it('a retained message nested 5,000 deep is refused on every start, and nothing crashes', async () => {
    const topic = `${base}/deep/alarm`;
    const deep = `{"id":"deep","state":"active","severity":"major","type":"leak","x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    await publish(topic, deep, true);
    try {
      for (const round of [1, 2]) {
        const got: DecodeResult[] = [];
        const s = await start(
          config(topic, `closeloop-test-deep-${round}-${randomBytes(4).toString('hex')}`),
          async (r) => void got.push(r),
        );
        await until('the retained message', () => got.length >= 1);
        expect(got[0]!.alarms).to.deep.equal([]);
        expect(got[0]!.errors[0]?.message).to.match(
          /JSON nested deeper than 64 levels at byte \d+ \(limits.nesting_depth\)$/,
        );
        await s.close();
      }
    } finally {
      await publish(topic, '', true);
    }
  });

  it('a message larger than limits.message_bytes is refused without being kept', async () => {
    const topic = `${base}/big/alarm`;
    const got: { r: DecodeResult; input: ReceivedInput }[] = [];
    await start(
      config(topic, `closeloop-test-big-${randomBytes(4).toString('hex')}`),
      async (r, input) => void got.push({ r, input }),
      {
        limits: { nestingDepth: 64, alarmsPerBatch: 10, messageBytes: 100 },
      },
    );
    await publish(
      topic,
      JSON.stringify({ id: 'x'.repeat(200), state: 'active', severity: 'major', type: 'leak' }),
    );
    await until('the message', () => got.length >= 1);
    expect(got[0]!.r.errors[0]).to.deep.include({ code: 'too_large' });
    expect(got[0]!.r.errors[0]?.message).to.match(/exceeds the limit of 100 bytes \(limits.message_bytes\)/);
    expect(got[0]!.input.body.length).to.equal(0);
  });

  it('messages of a topic the configuration no longer has are ignored (the session still subscribes it)', async () => {
    const old = `${base}/renamed/old`;
    const now = `${base}/renamed/new`;
    const id = `closeloop-test-renamed-${randomBytes(4).toString('hex')}`;
    const first = await start(config(old, id), async () => undefined);
    await first.close();
    await publish(old, alarm('on-old-topic'));
    const got: DecodeResult[] = [];
    await start(config(now, id), async (r) => void got.push(r));
    await publish(now, alarm('on-new-topic'));
    await until('the alarm on the new topic', () => got.length >= 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(ids(got)).to.deep.equal(['on-new-topic']);
  });
});

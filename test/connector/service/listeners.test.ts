import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import YAML from 'yaml';
import { loadConfig } from '../../../connector/src/config/load.js';
import { startRuntime, type Runtime } from '../../../connector/src/service/runtime.js';
import { freeUdpPort, sendTrapV2, snmptrapUnavailable } from '../../support/snmptrap.js';
import { forgetSession, startBroker, type BrokerHandle } from '../../support/mosquitto.js';

// The shipped mappings and closeloop.yaml, with the SNMP source moved to a free loopback port and the
// MQTT source on a run-unique topic and client id of the test broker.
describe('runtime: SNMP traps and MQTT messages from the real tools become events, or are kept', function () {
  this.timeout(30_000);
  let dir: string;
  let rt: Runtime | undefined;
  let port: number;
  let broker: BrokerHandle | null = null;
  let publisher: MqttClient | null = null;
  const run = randomBytes(4).toString('hex');
  const clientId = `closeloop-test-listeners-${run}`;
  before(async function () {
    const why = await snmptrapUnavailable();
    if (why) {
      console.log(`    skipped: ${why}`);
      this.skip();
    }
    try {
      broker = await startBroker();
    } catch (err) {
      console.log(`    skipped: ${err instanceof Error ? err.message : String(err)}`);
      this.skip();
    }
    publisher = await mqtt.connectAsync(broker.url, { clientId: `closeloop-test-pub-${run}` });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-listeners-'));
    const maps = path.join(dir, 'mappings');
    fs.cpSync('mappings', maps, { recursive: true });
    port = await freeUdpPort();
    const sources = path.join(maps, '00-sources.yaml');
    const doc = YAML.parseDocument(fs.readFileSync(sources, 'utf8'));
    doc.setIn(['sources', 'snmp', 'port'], port);
    doc.setIn(['sources', 'snmp', 'bind'], '127.0.0.1');
    doc.setIn(['sources', 'mqtt', 'url'], broker.url);
    doc.setIn(['sources', 'mqtt', 'client_id'], clientId);
    doc.setIn(['sources', 'mqtt', 'topics'], [`closeloop-test/${run}/+/+/alarm`]);
    fs.writeFileSync(sources, doc.toString());
    const loaded = loadConfig({
      path: 'closeloop.yaml',
      env: {
        CLOSELOOP_MAPPINGS_DIR: maps,
        CLOSELOOP_DATA_DIR: path.join(dir, 'data'),
        CLOSELOOP_PORT: '0',
        SERVICENOW_INSTANCE_URL: '',
      },
    });
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    rt = await startRuntime({
      config: { ...loaded.config, servicenow: { ...loaded.config.servicenow, instance_url: undefined } },
      env: {
        CLOSELOOP_SNMP_COMMUNITIES: 'public',
        CLOSELOOP_SNMP_AUTH_KEY: 'auth-key-123456',
        CLOSELOOP_SNMP_PRIV_KEY: 'priv-key-123456',
        CLOSELOOP_MQTT_USERNAME: 'closeloop',
        CLOSELOOP_MQTT_PASSWORD: 'unused',
      },
      secrets: [],
      logger: pino({ level: process.env['CLOSELOOP_TEST_LOG'] ?? 'silent' }),
    });
  });
  after(async () => {
    await rt?.close();
    await publisher?.endAsync();
    if (broker) await forgetSession(broker.url, clientId);
    await broker?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const metric = async (name: string, labels: string): Promise<number> => {
    const text = await (await fetch(`${rt!.connector.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
    return line ? Number(line.split(' ').pop()) : 0;
  };
  async function until<T>(what: string, get: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const v = await get();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const rejectedFor = (source: string, pattern: RegExp) =>
    until(`a rejected row of ${source}`, async () =>
      (await rt!.store.listRejected(50)).find((r) => r.source === source && pattern.test(r.reason)),
    );

  it('starts the listeners and accepts alarms (degraded only for want of a ServiceNow instance)', async () => {
    const r = await fetch(`${rt!.connector.url}/readyz`);
    expect(r.status).to.equal(200);
    expect(await r.json()).to.deep.equal({
      status: 'degraded',
      store: 'sqlite',
      reasons: [
        'ServiceNow is not configured (servicenow.instance_url): alarms are stored and their incidents queued, nothing is delivered',
      ],
    });
  });

  it('opens an event for upsTrapOnBattery from UPS-1 through the shipped UPS rule', async () => {
    // Sent from 127.0.0.1 on behalf of UPS-1's agent address (snmpTrapAddress.0), as a proxy would.
    await sendTrapV2(port, { version: '2c', community: 'public' }, '1.3.6.1.2.1.33.2.1', [
      ['1.3.6.1.6.3.18.1.3.0', 'a', '10.20.0.11'],
      ['1.3.6.1.2.1.33.1.2.2.0', 'i', '120'],
    ]);
    let events: Awaited<ReturnType<Runtime['store']['listEvents']>> = [];
    for (let i = 0; i < 50 && events.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      events = await rt!.store.listEvents({});
    }
    expect(events).to.have.length(1);
    expect(events[0]!.rule).to.match(/ups/);
    const detail = await rt!.store.getEvent(events[0]!.key);
    expect(detail!.alarms[0]!.source).to.equal('snmp');
    expect(detail!.alarms[0]!.alarm.asset.equipmentId).to.equal('UPS-1');
  });

  it('a trap from an agent not in `agents` is kept as rejected, counted and not silently dropped', async () => {
    await sendTrapV2(port, { version: '2c', community: 'public' }, '1.3.6.1.2.1.33.2.1', [
      ['1.3.6.1.6.3.18.1.3.0', 'a', '10.9.9.9'],
    ]);
    const row = await rejectedFor('snmp', /^trap from 10\.9\.9\.9: alarm 0: rule "ups-on-battery"/);
    expect(row.reason).to.match(/\{\{topology.equipment_id\}\} is not set for this alarm/);
    expect(row.contentType).to.equal('application/json');
    expect(JSON.parse(row.body.toString())).to.deep.include({ agentAddress: '10.9.9.9' });
    expect(await metric('closeloop_alarms_rejected_total', 'source="snmp",reason="invalid_alarm"')).to.equal(
      1,
    );
  });

  it('an MQTT leak alarm without a known rack is kept as rejected (original bytes), counted', async () => {
    const payload = JSON.stringify({
      id: 'R99-leak',
      state: 'alarm',
      severity: 'critical',
      type: 'leak',
      sensor: 'R99-LEAK-1',
    });
    const topic = `closeloop-test/${run}/hall-b/R99/alarm`;
    await publisher!.publishAsync(topic, payload, { qos: 1 });
    const row = await rejectedFor('mqtt', /rule "rack-leak-detected"/);
    expect(row.reason).to.match(new RegExp(`^topic ${topic}: alarm 0: `));
    expect(row.body.toString()).to.equal(payload);
    expect(await metric('closeloop_alarms_rejected_total', 'source="mqtt",reason="invalid_alarm"')).to.equal(
      1,
    );
  });

  it('an MQTT leak alarm of a known rack opens an event', async () => {
    await publisher!.publishAsync(
      `closeloop-test/${run}/hall-b/R11/alarm`,
      JSON.stringify({
        id: 'R11-leak',
        state: 'alarm',
        severity: 'critical',
        type: 'leak',
        rack: 'R11',
        sensor: 'R11-LEAK-1',
      }),
      { qos: 1 },
    );
    const event = await until('the leak event', async () =>
      (await rt!.store.listEvents({})).find((e) => e.rule === 'rack-leak-detected'),
    );
    expect(event.state).to.be.oneOf(['open', 'pending']);
  });
});

describe('runtime: a listener that cannot start makes the connector not ready', () => {
  it('names the source and the missing setting in /readyz', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-listeners-'));
    const loaded = loadConfig({
      path: 'closeloop.yaml',
      env: { CLOSELOOP_DATA_DIR: dir, CLOSELOOP_PORT: '0' },
    });
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const rt = await startRuntime({
      config: { ...loaded.config, servicenow: { ...loaded.config.servicenow, instance_url: undefined } },
      env: {},
      secrets: [],
      logger: pino({ level: 'silent' }),
    });
    try {
      const r = await fetch(`${rt.connector.url}/readyz`);
      expect(r.status).to.equal(503);
      const body = (await r.json()) as { reasons: string[] };
      expect(body.reasons.join('\n')).to.match(
        /snmp source "snmp" could not start: environment variable CLOSELOOP_SNMP_\w+ .* is not set/,
      );
    } finally {
      await rt.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

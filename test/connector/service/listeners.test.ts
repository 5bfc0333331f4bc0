import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../../connector/src/config/load.js';
import { startRuntime, type Runtime } from '../../../connector/src/service/runtime.js';
import { freeUdpPort, sendTrapV2, snmptrapUnavailable } from '../../support/snmptrap.js';

// The shipped mappings and closeloop.yaml, with the SNMP source moved to a free loopback port.
describe('runtime: SNMP traps from the real snmptrap become events', function () {
  let dir: string;
  let rt: Runtime | undefined;
  let port: number;
  before(async function () {
    const why = await snmptrapUnavailable();
    if (why) {
      console.log(`    skipped: ${why}`);
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-listeners-'));
    const maps = path.join(dir, 'mappings');
    fs.cpSync('mappings', maps, { recursive: true });
    port = await freeUdpPort();
    const sources = path.join(maps, '00-sources.yaml');
    fs.writeFileSync(
      sources,
      fs
        .readFileSync(sources, 'utf8')
        .replace('port: 1162', `port: ${port}`)
        .replace('bind: 0.0.0.0', 'bind: 127.0.0.1')
        .replace('10.20.0.11: UPS-1', '127.0.0.1: UPS-1'),
    );
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
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

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
    await sendTrapV2(port, { version: '2c', community: 'public' }, '1.3.6.1.2.1.33.2.1', [
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

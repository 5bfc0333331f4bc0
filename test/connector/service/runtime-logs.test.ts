// What `closeloop serve` writes to its log, read back line by line: every secret the configuration and
// the mappings name is masked whatever its length (tokens, HMAC secrets, SNMP communities and v3 keys,
// MQTT passwords, console keys), credential-like query values are masked, no line carries a key twice,
// each listener start is logged once, and junk SNMP datagrams are counted in a metric.
import { expect } from 'chai';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigSchema } from '../../../connector/src/config/schema.js';
import { createLogger } from '../../../connector/src/observability/logger.js';
import { startRuntime, type Runtime } from '../../../connector/src/service/runtime.js';
import { freeUdpPort, snmptrapUnavailable } from '../../support/snmptrap.js';
import { BASE } from '../../support/mappings.js';
import { startBroker, type BrokerHandle } from '../../support/mosquitto.js';

const SECRETS = {
  CLOSELOOP_BMS_TOKEN: 'bms-token-5d1e',
  CLOSELOOP_DCIM_SECRET: 'hmac-secret-77c0',
  CLOSELOOP_SNMP_COMMUNITIES: 'q7z,dc1-traps',
  CLOSELOOP_SNMP_AUTH_KEY: 'auth-key-3f9a',
  CLOSELOOP_SNMP_PRIV_KEY: 'priv-key-0b2c',
  CLOSELOOP_MQTT_USERNAME: 'closeloop',
  CLOSELOOP_MQTT_PASSWORD: 'w9x',
  CLOSELOOP_CONSOLE_READONLY_KEY: 'ro-key-6e4d',
};
const API_KEY = 'api-key-91ab';

/** Top-level keys of one JSON line that occur more than once (JSON.parse would hide them). */
export function duplicateKeys(line: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let i = 0;
  let expectKey = false;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) keys.push(line.slice(i + 1, j));
      expectKey = false;
      i = j + 1;
      continue;
    }
    if (ch === '{' || ch === '[') depth++;
    if (ch === '}' || ch === ']') depth--;
    if ((ch === '{' && depth === 1) || (ch === ',' && depth === 1)) expectKey = true;
    i++;
  }
  return keys.filter((k, n) => keys.indexOf(k) !== n);
}

describe('runtime: log lines (masking, one key once, one start line per listener)', function () {
  this.timeout(30_000);
  let dir: string;
  let rt: Runtime | undefined;
  let snmpPort: number;
  let broker: BrokerHandle | undefined;
  const lines: string[] = [];

  before(async function () {
    const why = await snmptrapUnavailable();
    if (why) {
      console.log(`    skipped: ${why}`);
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-logs-'));
    const maps = path.join(dir, 'mappings');
    fs.mkdirSync(maps);
    snmpPort = await freeUdpPort();
    broker = await startBroker({ own: true });
    fs.writeFileSync(
      path.join(maps, '00.yaml'),
      BASE.replace(
        'sources:\n',
        `sources:
  bms-in:
    kind: webhook
    auth: { type: bearer, token_env: CLOSELOOP_BMS_TOKEN }
    fields: { id: $.id, state: $.state, severity: $.severity, type: $.type }
  dcim:
    kind: webhook
    auth: { type: hmac, secret_env: CLOSELOOP_DCIM_SECRET }
    fields: { id: $.id, state: $.state, severity: $.severity, type: $.type }
  traps:
    kind: snmp
    port: ${snmpPort}
    bind: 127.0.0.1
    communities_env: CLOSELOOP_SNMP_COMMUNITIES
    users:
      - { name: ups, auth_protocol: sha, auth_key_env: CLOSELOOP_SNMP_AUTH_KEY, priv_protocol: aes, priv_key_env: CLOSELOOP_SNMP_PRIV_KEY }
  leaks:
    kind: mqtt
    url: ${broker.url}
    username_env: CLOSELOOP_MQTT_USERNAME
    password_env: CLOSELOOP_MQTT_PASSWORD
    topics: [closeloop-logs-test/+/leak]
    fields: { id: $.id, state: $.state, severity: $.severity, type: $.type }
`,
      ),
    );
    const config = ConfigSchema.parse({
      server: { host: '127.0.0.1', port: 0 },
      data_dir: path.join(dir, 'data'),
      mappings_dir: maps,
      api_key: API_KEY,
      log_level: 'debug',
    });
    rt = await startRuntime({
      config,
      env: SECRETS,
      secrets: [API_KEY],
      logger: createLogger({
        level: 'debug',
        secrets: [API_KEY],
        destination: { write: (l: string) => void lines.push(l) },
      }),
    });
    const url = rt.connector.url;
    // Requests whose URLs carry secrets, configured or not, and a short one (the community "q7z").
    await fetch(`${url}/v1/events?token=${SECRETS.CLOSELOOP_BMS_TOKEN}`);
    await fetch(`${url}/v1/events?api_key=not-configured-anywhere-42`, { headers: { 'x-api-key': 'wrong' } });
    await fetch(`${url}/v1/alarms/q7z`, { method: 'POST', body: '{}' });
    await fetch(`${url}/v1/alarms/bms-in?secret=${SECRETS.CLOSELOOP_DCIM_SECRET}`, {
      method: 'POST',
      body: '{}',
    });
    await fetch(`${url}/v1/events/${SECRETS.CLOSELOOP_SNMP_AUTH_KEY}`, { headers: { 'x-api-key': API_KEY } });
    // Every secret once in a logged URL (the request line), under a parameter name that says nothing.
    for (const v of Object.values(SECRETS))
      await fetch(`${url}/v1/events?note=${encodeURIComponent(v)}`, { headers: { 'x-api-key': API_KEY } });
    // Junk datagrams to the trap listener.
    const s = dgram.createSocket('udp4');
    for (let i = 0; i < 20; i++)
      await new Promise<void>((r) => s.send(Buffer.from(`junk ${i}`), snmpPort, '127.0.0.1', () => r()));
    s.close();
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const m = await (await fetch(`${url}/metrics`)).text();
      if (/closeloop_snmp_refused_total\{source="traps",reason="malformed"\} 20/.test(m)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  after(async () => {
    await rt?.close();
    await broker?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('masks every configured secret, whatever its length, and credential-like query values', () => {
    expect(lines.length).to.be.greaterThan(5);
    const all = lines.join('');
    const values = [
      API_KEY,
      ...Object.entries(SECRETS)
        .filter(([k]) => k !== 'CLOSELOOP_MQTT_USERNAME')
        .flatMap(([, v]) => [v, ...v.split(',')]),
    ];
    for (const v of values) expect(all, `secret "${v}" in the log`).to.not.include(v);
    expect(all).to.not.include('not-configured-anywhere-42');
    expect(all).to.include('?api_key=[REDACTED]');
    expect(all).to.include('/v1/alarms/[REDACTED]');
  });

  it('writes no line with a key twice', () => {
    const dup = lines.map((l) => ({ l, d: duplicateKeys(l) })).filter((x) => x.d.length);
    expect(dup.map((x) => `${x.d.join(',')}: ${x.l}`)).to.deep.equal([]);
  });

  it('says at start which sources take posts from anyone', () => {
    const weak = lines.filter((l) => l.includes('accepts alarm posts from anyone'));
    expect(weak.map((l) => (JSON.parse(l) as { msg: string }).msg)).to.have.members([
      'source "bms" accepts alarm posts from anyone who reaches the port (auth: none)',
      'source "alertmanager" accepts alarm posts from anyone who reaches the port (auth: none)',
    ]);
  });

  it('logs each listener start once', () => {
    expect(lines.filter((l) => l.includes('SNMP trap listener started'))).to.have.length(1);
    expect(lines.filter((l) => /MQTT (alarm )?source subscribed/.test(l))).to.have.length(1);
  });

  it('counts junk datagrams in closeloop_snmp_refused_total and logs only a few of them', async () => {
    const m = await (await fetch(`${rt!.connector.url}/metrics`)).text();
    expect(m).to.match(/closeloop_snmp_refused_total\{source="traps",reason="malformed"\} 20/);
    expect(lines.filter((l) => l.includes('SNMP message refused')).length).to.be.at.most(5);
  });
});

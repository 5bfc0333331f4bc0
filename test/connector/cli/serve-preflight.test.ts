// `closeloop serve` as an operator starts it: a child process through connector/bin/closeloop.js.
// Before listening it checks everything and prints one summary; what is missing is listed all at
// once and the connector does not start; what only degrades it (a provider not answering) is shown
// and the connector starts.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { startStandin, type Standin } from '../../../connector/src/demo/standin/index.js';
import { freePort } from '../../support/prometheus.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = path.join(ROOT, 'connector/bin/closeloop.js');

/** This process's environment without anything that would configure the connector. */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(CLOSELOOP_|SERVICENOW_|PROMETHEUS_|MQTT_|CDU1_)/.test(k)) out[k] = v;
  return { ...out, CLOSELOOP_LOG_LEVEL: 'warn', ...extra };
}

interface Served {
  code: Promise<number | null>;
  output: () => string;
  stderr: () => string;
  waitFor(re: RegExp, ms?: number): Promise<RegExpExecArray>;
  stop(): Promise<number | null>;
}

function serve(cwd: string, args: string[], env: Record<string, string>): Served {
  const child = spawn(process.execPath, [BIN, ...args, 'serve'], { cwd, env: cleanEnv(env) });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return {
    code,
    output: () => out + err,
    stderr: () => err,
    waitFor: (re, ms = 30_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${re} within ${ms} ms:\n${out}${err}`)), ms);
        const check = () => {
          const m = re.exec(err);
          if (!m) return;
          clearTimeout(timer);
          child.stderr.off('data', check);
          resolve(m);
        };
        child.stderr.on('data', check);
        void code.then(() => {
          check();
          clearTimeout(timer);
          reject(new Error(`serve exited before ${re}:\n${out}${err}`));
        });
        check();
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return code;
    },
  };
}

describe('cli: closeloop serve checks the configuration first', function () {
  this.timeout(60_000);
  let tmp: string;
  beforeEach(() => (tmp = mkdtempSync(path.join(tmpdir(), 'closeloop-serve-'))));
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('the shipped configuration with an empty environment: every missing item at once, no stack trace, exit 1', async () => {
    cpSync(path.join(ROOT, 'mappings'), path.join(tmp, 'mappings'), { recursive: true });
    cpSync(path.join(ROOT, 'closeloop.yaml'), path.join(tmp, 'closeloop.yaml'));
    const s = serve(tmp, [], {
      CLOSELOOP_PORT: '0',
      CLOSELOOP_DATA_DIR: path.join(tmp, 'data'),
      // Nothing answers here: the probes fail fast.
      SERVICENOW_INSTANCE_URL: `http://127.0.0.1:${await freePort()}`,
      PROMETHEUS_URL: `http://127.0.0.1:${await freePort()}`,
      CDU1_REDFISH_URL: `http://127.0.0.1:${await freePort()}`,
      MQTT_URL: `mqtt://127.0.0.1:${await freePort()}`,
    });
    expect(await s.code).to.equal(1);
    const err = s.stderr();
    // The six variables nobody listed, and every other credential, in one run.
    for (const v of [
      'CLOSELOOP_SNMP_COMMUNITIES',
      'CLOSELOOP_SNMP_AUTH_KEY',
      'CLOSELOOP_SNMP_PRIV_KEY',
      'CLOSELOOP_MQTT_USERNAME',
      'CLOSELOOP_MQTT_PASSWORD',
      'CLOSELOOP_REDFISH_TOKEN',
      'CLOSELOOP_BMS_TOKEN',
      'CLOSELOOP_ALERTMANAGER_TOKEN',
      'CDU1_REDFISH_PASSWORD',
      'SERVICENOW_USERNAME',
      'SERVICENOW_PASSWORD',
      'CLOSELOOP_API_KEY',
    ])
      expect(err).to.match(new RegExp(`^  #\\d+ ${v} is not set`, 'm'), v);
    expect(err).to.match(/^not starting: 12 things missing:$/m);
    expect(err).to.match(
      /^ {4}MISSING {3}snmp +snmp: SNMP traps on udp 0\.0\.0\.0:1162, .*\(missing: #4, #5, #6\)$/m,
    );
    expect(err).to.match(/^ {4}degraded {2}prometheus +prometheus http/m);
    expect(err).to.match(/^ {4}ok {8}store +SQLite /m);
    expect(err).to.not.include('listening');
    expect(s.output()).to.not.match(/^\s+at /m);
  });

  describe('a site with only the sources it uses (examples/minimal)', () => {
    let standin: Standin;
    before(async () => {
      standin = await startStandin({
        users: [{ username: 'closeloop', password: 'sn-pass-4c1d', roles: ['itil'] }],
      });
    });
    after(() => standin.close());

    function site(): string {
      const dir = path.join(tmp, 'site');
      cpSync(path.join(ROOT, 'examples/minimal'), dir, { recursive: true });
      return dir;
    }
    const env = async (tmpDir: string) => ({
      CLOSELOOP_PORT: '0',
      CLOSELOOP_HOST: '127.0.0.1',
      CLOSELOOP_DATA_DIR: path.join(tmpDir, 'data'),
      SERVICENOW_INSTANCE_URL: standin.url,
      SERVICENOW_USERNAME: 'closeloop',
      SERVICENOW_PASSWORD: 'sn-pass-4c1d',
      CLOSELOOP_API_KEY: 'api-key-5e7f0a',
      CLOSELOOP_ALERTMANAGER_TOKEN: 'am-token-91b2c3',
      PROMETHEUS_URL: `http://127.0.0.1:${await freePort()}`,
    });

    it('starts ready with ServiceNow reached and authenticated, a silent provider shown as degraded', async () => {
      const dir = site();
      const e = await env(tmp);
      const s = serve(dir, [], e);
      try {
        const [, url] = await s.waitFor(/closeloop listening on (http:\/\/\S+)/);
        await s.waitFor(/closeloop ready: accepting alarms/);
        const err = s.stderr();
        expect(err).to.match(
          /^ {4}ok {8}alertmanager +alertmanager: HTTP POST \/v1\/alarms\/alertmanager, bearer token from CLOSELOOP_ALERTMANAGER_TOKEN$/m,
        );
        expect(err).to.match(
          /^ {4}ok {8}servicenow +http:\/\/127\.0\.0\.1:\d+ \(basic auth as closeloop\): reachable, authenticated$/m,
        );
        expect(err).to.match(
          /^ {4}degraded {2}prometheus +prometheus http:\/\/127\.0\.0\.1:\d+, used by 1 close check$/m,
        );
        expect(err).to.match(/its close checks answer unknown until it does$/m);
        expect(err).to.match(/^ready to start, degraded: prometheus \(see above\)$/m);
        // Running, it says the same: accepting alarms, degraded by the provider the start check found silent.
        await s.waitFor(
          /closeloop ready: accepting alarms; degraded:\n {2}telemetry provider prometheus did not answer/,
        );
        const ready = await fetch(`${url}/readyz`);
        expect(ready.status).to.equal(200);
        expect(((await ready.json()) as { status: string }).status).to.equal('degraded');
        // No secret in the summary.
        for (const secret of ['sn-pass-4c1d', 'api-key-5e7f0a', 'am-token-91b2c3'])
          expect(s.output()).to.not.include(secret);
        const res = await fetch(`${url}/v1/alarms/alertmanager`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer am-token-91b2c3' },
          body: JSON.stringify({ version: '4', status: 'firing', alerts: [] }),
        });
        expect(res.status).to.be.oneOf([202, 422]);
      } finally {
        expect(await s.stop()).to.equal(0);
      }
    });

    it('a source switched off needs no credential and takes no alarms; one left on without its token stops the start', async () => {
      const dir = site();
      writeFileSync(
        path.join(dir, 'mappings/05-more-sources.yaml'),
        [
          'sources:',
          '  bms:',
          '    kind: webhook',
          '    enabled: false',
          '    auth: { type: bearer, token_env: CLOSELOOP_BMS_TOKEN }',
          '    fields: { id: $.id, state: $.state, severity: $.severity, type: $.type }',
          '  ups:',
          '    kind: snmp',
          '    port: 1162',
          '    communities_env: CLOSELOOP_UPS_COMMUNITIES',
          '',
        ].join('\n'),
      );
      const refused = serve(dir, [], await env(tmp));
      expect(await refused.code).to.equal(1);
      expect(refused.stderr()).to.match(/^ {4}off {7}bms +webhook: switched off \(enabled: false\)$/m);
      expect(refused.stderr()).to.match(
        /^not starting: 1 thing missing:\n {2}#1 CLOSELOOP_UPS_COMMUNITIES is not set: source ups needs it/m,
      );
      expect(refused.stderr()).to.not.include('CLOSELOOP_BMS_TOKEN is not set');

      writeFileSync(
        path.join(dir, 'mappings/05-more-sources.yaml'),
        [
          'sources:',
          '  bms:',
          '    kind: webhook',
          '    enabled: false',
          '    auth: { type: bearer, token_env: CLOSELOOP_BMS_TOKEN }',
          '    fields: { id: $.id, state: $.state, severity: $.severity, type: $.type }',
          '',
        ].join('\n'),
      );
      const s = serve(dir, [], await env(tmp));
      try {
        const [, url] = await s.waitFor(/closeloop listening on (http:\/\/\S+)/);
        const res = await fetch(`${url}/v1/alarms/bms`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: '1', state: 'ACTIVE', severity: 'HIGH', type: 'x' }),
        });
        expect(res.status).to.equal(404);
      } finally {
        expect(await s.stop()).to.equal(0);
      }
    });
  });
});

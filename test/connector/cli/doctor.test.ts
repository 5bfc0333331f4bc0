// `closeloop doctor` end to end, in process: the minimal example site against the stand-in, a real
// Prometheus, an unreachable instance. Checks that depend on a failed one are reported once.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { main } from '../../../connector/src/cli/main.js';
import { startStandin, type Standin } from '../../../connector/src/demo/standin/index.js';
import {
  freePort,
  prometheusUnavailable,
  startPrometheus,
  type PrometheusHandle,
} from '../../support/prometheus.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PUBLIC_URL = 'http://closeloop.example:8080';
const USER = { username: 'closeloop', password: 'sn-pass-7d2e', roles: ['itil'] };

async function doctor(dir: string, env: Record<string, string>, json = false) {
  let stdout = '';
  let stderr = '';
  const code = await main(['--config', 'closeloop.yaml', 'doctor', ...(json ? ['--json'] : [])], {
    cwd: dir,
    env,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('cli: closeloop doctor', function () {
  this.timeout(60_000);
  let tmp: string;
  let site: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'closeloop-doctor-'));
    site = path.join(tmp, 'site');
    cpSync(path.join(ROOT, 'examples/minimal'), site, { recursive: true });
    // The example plus where the app reaches this connector.
    writeFileSync(
      path.join(site, 'closeloop.yaml'),
      `${[
        'server: { host: 127.0.0.1, port: 0, public_url: "' + PUBLIC_URL + '" }',
        // Relative directories are the process's, not --config's: absolute here, as mocha runs elsewhere.
        `data_dir: ${path.join(site, 'data')}`,
        `mappings_dir: ${path.join(site, 'mappings')}`,
        'telemetry:',
        '  providers:',
        '    prometheus: { kind: prometheus, url: "${PROMETHEUS_URL}" }',
      ].join('\n')}\n`,
    );
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('an unreachable instance: one failure and one line for everything that depends on it', async () => {
    const r = await doctor(site, {
      SERVICENOW_INSTANCE_URL: `http://127.0.0.1:${await freePort()}`,
      SERVICENOW_USERNAME: USER.username,
      SERVICENOW_PASSWORD: USER.password,
      CLOSELOOP_API_KEY: 'api-key-1',
      CLOSELOOP_ALERTMANAGER_TOKEN: 'token-1',
      PROMETHEUS_URL: `http://127.0.0.1:${await freePort()}`,
    });
    expect(r.code).to.equal(1);
    const lines = r.stdout.split('\n');
    const servicenow = lines.slice(lines.indexOf('servicenow'));
    expect(servicenow[1]).to.match(/^ {2}FAIL {2}reachability: ServiceNow ping: network error/);
    // auth, 11 fields, 1 close code, 3 mandatory-field checks, 5 scoped-app checks
    expect(servicenow[2]).to.equal('  SKIP  instance not reachable: 21 checks skipped');
    expect(r.stdout).to.include('telemetry prometheus\n  FAIL  reachable: http://127.0.0.1:');
    expect(r.stdout).to.include('  SKIP  provider not reachable: 1 check skipped');
    expect(r.stdout.match(/FAIL/g)).to.have.length(2);
    expect(r.stdout).to.match(/\n2 of \d+ checks failed, 22 skipped\n$/);
    expect(r.stdout + r.stderr).to.not.match(/^\s+at /m);
  });

  describe('against the stand-in and a real Prometheus', () => {
    let standin: Standin;
    let prom: PrometheusHandle | null = null;
    before(async function () {
      const why = await prometheusUnavailable();
      if (why) return this.skip();
      const now = Date.now();
      prom = await startPrometheus([
        {
          name: 'DCGM_FI_DEV_GPU_TEMP',
          labels: { Hostname: 'gpu-r03-01', gpu: '5' },
          samples: Array.from({ length: 20 }, (_, i) => [now - (20 - i) * 15_000, 70] as [number, number]),
        },
      ]);
    });
    after(async () => prom?.stop());
    beforeEach(async () => {
      standin = await startStandin({
        users: [USER],
        properties: {
          'x_closeloop.connector.url': PUBLIC_URL,
          'x_closeloop.connector.api_key': 'api-key-1',
        },
      });
    });
    afterEach(() => standin.close());
    const env = () => ({
      SERVICENOW_INSTANCE_URL: standin.url,
      SERVICENOW_USERNAME: USER.username,
      SERVICENOW_PASSWORD: USER.password,
      CLOSELOOP_API_KEY: 'api-key-1',
      CLOSELOOP_ALERTMANAGER_TOKEN: 'token-1',
      PROMETHEUS_URL: prom!.url,
    });

    it('a configured site passes: fields, close code, no extra mandatory fields, the app pointed at this connector, a metric with series', async () => {
      const r = await doctor(site, env());
      expect(r.stdout).to.not.include('FAIL');
      expect(r.code, r.stdout).to.equal(0);
      for (const line of [
        'sources\n  PASS  alertmanager: alertmanager: HTTP POST /v1/alarms/alertmanager, bearer token from CLOSELOOP_ALERTMANAGER_TOKEN',
        '  PASS  DCGM_FI_DEV_GPU_TEMP: 1 series in the last 5 minutes',
        '  PASS  "Solved (Permanently)": exists (sys_choice close_code)',
        '  PASS  dictionary: no mandatory column beyond what the connector writes',
        '  PASS  data policies: no active sys_data_policy2 on incident/task',
        '  PASS  installed: Closeloop Closure Guard (x_closeloop)',
        '  PASS  version: 0.1.0, as this connector',
        `  PASS  connector.url: ${PUBLIC_URL}, this connector's server.public_url`,
        '  PASS  guard.correlation_display: "Closeloop", as the connector writes',
      ])
        expect(r.stdout).to.include(line);
    });

    it('mandatory fields beyond the close code: a data policy fails, a UI policy and the dictionary warn', async () => {
      const dp = await standin.tables.insert('sys_data_policy2', {
        short_description: 'Resolution needs a service',
        model_table: 'incident',
        conditions: 'state=6',
        apply_soap: 'true',
      });
      await standin.tables.insert('sys_data_policy_rule', {
        sys_data_policy: String(dp.sys_id),
        table: 'incident',
        field: 'business_service',
        mandatory: 'true',
      });
      const up = await standin.tables.insert('sys_ui_policy', {
        short_description: 'Caller on resolve',
        table: 'incident',
        conditions: 'state=6',
      });
      await standin.tables.insert('sys_ui_policy_action', {
        ui_policy: String(up.sys_id),
        table: 'incident',
        field: 'caller_id',
        mandatory: 'true',
      });
      const [callerId] = standin.tables.list('sys_dictionary', 'name=incident^element=caller_id');
      await standin.tables.update(
        'sys_dictionary',
        String(callerId!.sys_id),
        { mandatory: 'true' },
        { runRules: false },
      );
      standin.properties.set('x_closeloop.guard.correlation_display', 'Other');

      const r = await doctor(site, env(), true);
      expect(r.code).to.equal(1);
      const out = JSON.parse(r.stdout) as {
        ok: boolean;
        summary: { fail: number; warn: number };
        checks: { group: string; name: string; status: string; detail: string }[];
      };
      expect(out.ok).to.equal(false);
      const byName = (name: string) => out.checks.find((c) => c.name === name)!;
      expect(byName('data policies')).to.deep.include({ status: 'fail' });
      expect(byName('data policies').detail).to.equal(
        '"Resolution needs a service" makes business_service mandatory when state=6: the connector does not write them, so its write is refused (403) when the condition holds',
      );
      expect(byName('UI policies')).to.deep.include({ status: 'warn' });
      expect(byName('UI policies').detail).to.include('makes caller_id mandatory on the form when state=6');
      expect(byName('dictionary')).to.deep.include({ status: 'warn' });
      expect(byName('dictionary').detail).to.include('not written by the connector: caller_id');
      expect(byName('guard.correlation_display')).to.deep.include({ status: 'fail' });
      expect(out.summary.fail).to.equal(2);
    });

    it('the URL elsewhere, then the app missing, and a source without its token', async () => {
      standin.properties.set('x_closeloop.connector.url', 'http://old-host:8080');
      const moved = await doctor(site, env());
      expect(moved.code).to.equal(1);
      expect(moved.stdout).to.include(
        `  FAIL  connector.url: http://old-host:8080, but this connector's server.public_url is ${PUBLIC_URL}: closure checks go elsewhere`,
      );

      const [scope] = standin.tables.list('sys_scope', 'scope=x_closeloop');
      standin.tables.remove('sys_scope', String(scope!.sys_id));
      const { CLOSELOOP_ALERTMANAGER_TOKEN: _t, ...withoutToken } = env();
      const r = await doctor(site, withoutToken);
      expect(r.code).to.equal(1);
      expect(r.stdout).to.match(/^ {2}FAIL {2}alertmanager: .*CLOSELOOP_ALERTMANAGER_TOKEN is not set/m);
      expect(r.stdout).to.include(
        '  FAIL  installed: no application with scope x_closeloop: install the Closeloop app (docs/plugin.md); without it nothing guards resolution\n  SKIP  app not installed: 4 checks skipped',
      );
    });
  });
});

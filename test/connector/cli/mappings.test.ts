import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { main } from '../../../connector/src/cli/main.js';
import { mappingJsonSchemaText } from '../../../connector/src/mapping/json-schema.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const BIN = join(ROOT, 'connector/bin/closeloop.js');
const NOW = '2025-06-12T14:15:00Z';
/** Every variable the shipped sources name (docs/configuration.md lists them). */
const SHIPPED_SOURCE_ENV: Record<string, string> = Object.fromEntries(
  [
    'CLOSELOOP_BMS_TOKEN',
    'CLOSELOOP_ALERTMANAGER_TOKEN',
    'CLOSELOOP_REDFISH_TOKEN',
    'CLOSELOOP_SNMP_COMMUNITIES',
    'CLOSELOOP_SNMP_AUTH_KEY',
    'CLOSELOOP_SNMP_PRIV_KEY',
    'CLOSELOOP_MQTT_USERNAME',
    'CLOSELOOP_MQTT_PASSWORD',
  ].map((v) => [v, `value-of-${v.toLowerCase()}`]),
);

async function run(argv: string[], cwd = ROOT, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    env,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

const BROKEN = `
rules:
  - name: broken
    match: { type: { regex: '(' }, fields: { asset.rack: R99 } }
    incident: { short_description: '{{asset.rak}}', colour: red }
    correlation: { key: k }
`;

describe('cli: closeloop mappings', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'closeloop-cli-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('validate: exit 0 on the shipped mappings with a summary', async () => {
    const r = await run(['mappings', 'validate'], ROOT, SHIPPED_SOURCE_ENV);
    expect(r.stderr).to.equal('');
    expect(r.code).to.equal(0);
    expect(r.stdout).to.match(
      /^\.\/mappings: OK — 5 files, 5 sources, 8 rules, 1 site \(12 racks, 4 cooling zones, 4 power paths, 5 redundancy groups\)\n$/,
    );
  });

  it('validate: notes every variable the enabled sources read that is not set, and still exits 0', async () => {
    const { CLOSELOOP_SNMP_PRIV_KEY: _priv, CLOSELOOP_REDFISH_TOKEN: _redfish, ...some } = SHIPPED_SOURCE_ENV;
    const r = await run(['mappings', 'validate'], ROOT, some);
    expect(r.code).to.equal(0);
    expect(r.stderr).to.equal(
      'note: the enabled sources read 8 environment variables; not set here: CLOSELOOP_REDFISH_TOKEN, CLOSELOOP_SNMP_PRIV_KEY ' +
        '(`closeloop serve` does not start without them: set them where the connector runs, or switch a source off with `enabled: false`)\n',
    );
  });

  it('validate: exit 1 with every error as file:line:col path: message', async () => {
    cpSync(join(ROOT, 'mappings'), join(tmp, 'mappings'), { recursive: true });
    writeFileSync(join(tmp, 'mappings', '50-broken.yaml'), BROKEN);
    const r = await run(['--config', join(ROOT, 'closeloop.yaml'), 'mappings', 'validate', 'mappings'], tmp);
    expect(r.code).to.equal(1);
    expect(r.stdout).to.equal('');
    expect(r.stderr.split('\n')).to.deep.equal([
      'mappings/50-broken.yaml:4:20 rules[0].match.type: invalid regex /(/: Unterminated group',
      'mappings/50-broken.yaml:4:58 rules[0].match.fields["asset.rack"]: unknown rack "R99" in topology (known: R01, R02, R03, R04, R05, R06, R07, R08, R09, R10, R11, R12)',
      'mappings/50-broken.yaml:5:36 rules[0].incident.short_description: unknown variable {{asset.rak}} (did you mean {{asset.rack}}?)',
      'mappings/50-broken.yaml:5:53 rules[0].incident.colour: unknown key "colour" (expected one of short_description, description, category, subcategory, assignment_group, cmdb_ci, severity_matrix, fields)',
      '4 errors in mappings',
      '',
    ]);
  });

  it('validate: without closeloop.yaml, providers are not checked and it says so', async () => {
    cpSync(join(ROOT, 'mappings'), join(tmp, 'm'), { recursive: true });
    const r = await run(['mappings', 'validate', 'm'], tmp, SHIPPED_SOURCE_ENV);
    expect(r.code).to.equal(0);
    expect(r.stderr).to.equal(
      'note: no closeloop.yaml found (use --config); close check providers were not checked and query languages are guessed from the queries\n',
    );
  });

  it('validate: warns, with file:line:col, about templates an alarm could turn into query syntax', async () => {
    cpSync(join(ROOT, 'mappings'), join(tmp, 'mappings'), { recursive: true });
    cpSync(join(ROOT, 'closeloop.yaml'), join(tmp, 'closeloop.yaml'));
    writeFileSync(
      join(tmp, 'mappings', '50-risky.yaml'),
      [
        'rules:',
        '  - name: risky',
        '    match: { source: bms, type: risky }',
        "    incident: { short_description: 'risky {{alarm.id}}' }",
        "    correlation: { key: 'r/{{alarm.id}}' }",
        '    close_checks:',
        '      - name: over-limit',
        '        provider: prometheus',
        '        query: \'bms_point{id="{{alarm.id}}"} > {{alarm.limit}}\'',
        '        expect: { equals: 0 }',
        '      - name: unit-chosen',
        '        provider: redfish-cdu',
        "        query: '{{asset.equipment_id}}/Sensors/SecondaryFlow'",
        '        expect: { min: 30 }',
        '',
      ].join('\n'),
    );
    const r = await run(['mappings', 'validate'], tmp);
    expect(r.code, r.stderr).to.equal(0);
    const lines = r.stderr.split('\n').filter((l) => l.includes('warning:'));
    expect(lines).to.have.length(2);
    expect(lines[0]).to.match(
      /^\.\/mappings\/50-risky\.yaml:9:16 rules\[0\]\.close_checks\[0\]\.query: warning: PromQL query: \{\{alarm\.limit\}\} is outside a quoted label value/,
    );
    expect(lines[1]).to.match(
      /^\.\/mappings\/50-risky\.yaml:13:16 rules\[0\]\.close_checks\[1\]\.query: warning: Redfish query: \{\{asset\.equipment_id\}\} comes before the URI reaches \/redfish\/v1\//,
    );
    expect(r.stdout).to.match(/; 2 warnings\n$/);
  });

  it('validate: a closeloop.yaml without a provider the mappings use fails', async () => {
    cpSync(join(ROOT, 'mappings'), join(tmp, 'mappings'), { recursive: true });
    writeFileSync(
      join(tmp, 'closeloop.yaml'),
      'telemetry:\n  providers:\n    prometheus: { kind: prometheus, url: "http://127.0.0.1:9090" }\n',
    );
    const r = await run(['mappings', 'validate'], tmp);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.include(
      'close_checks[0].provider: unknown telemetry provider "redfish-cdu" (closeloop.yaml defines: prometheus)',
    );
  });

  it('preview: readable text and --json for an example alarm', async () => {
    const file = 'test/fixtures/alarms/bms-crah-supply-air-high.json';
    const text = await run(['mappings', 'preview', file, '--source', 'bms', '--now', NOW]);
    expect(text.code).to.equal(0);
    expect(text.stdout).to.include('✓ crah-supply-air-high: all conditions hold');
    expect(text.stdout).to.include('Correlation key: DC1/cooling/ZONE-A1');
    // Where the alarm lies in the shipped hall's graph.
    expect(text.stdout).to.include(
      '  graph: CRAH-1 (equipment:DC1/CRAH-1)\n' +
        '    stands in: row A1, room HALL-A\n' +
        '    upstream paths (1):\n' +
        '      chiller CH-1 → CRAH-1\n',
    );
    const json = await run(['mappings', 'preview', file, '-s', 'bms', '--json', '--now', NOW]);
    expect(json.code).to.equal(0);
    const parsed = JSON.parse(json.stdout) as {
      ok: boolean;
      alarms: { rule: string; correlationKey: string; placement: { node: { id: string } } }[];
    };
    expect(parsed.alarms[0]?.placement.node.id).to.equal('equipment:DC1/CRAH-1');
    expect(parsed.ok).to.equal(true);
    expect(parsed.alarms[0]).to.include({
      rule: 'crah-supply-air-high',
      correlationKey: 'DC1/cooling/ZONE-A1',
    });
  });

  it('preview: --normalised for SNMP alarms; errors exit 1 without a stack trace', async () => {
    const snmp = await run([
      'mappings',
      'preview',
      'test/fixtures/alarms/snmp-ups-on-battery.alarm.json',
      '-s',
      'snmp',
      '--normalised',
    ]);
    expect(snmp.code).to.equal(0);
    expect(snmp.stdout).to.include('Correlation key: DC1/power/PP-A');

    const missing = await run(['mappings', 'preview', 'nope.json', '-s', 'bms']);
    expect(missing).to.deep.equal({ code: 1, stdout: '', stderr: 'error: nope.json: file not found\n' });

    writeFileSync(join(tmp, 'bad.json'), '{ not json');
    const bad = await run(['mappings', 'preview', join(tmp, 'bad.json'), '-s', 'bms']);
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.match(/^error: .*bad\.json: not valid JSON \(/);

    const unknown = await run([
      'mappings',
      'preview',
      'test/fixtures/alarms/mqtt-rack-leak.json',
      '-s',
      'nosuch',
    ]);
    expect(unknown.code).to.equal(1);
    expect(unknown.stdout).to.include('error: unknown source "nosuch"');

    const noSource = await run(['mappings', 'preview', 'x.json']);
    expect(noSource.code).to.equal(1);
    expect(noSource.stderr).to.include("error: required option '-s, --source <name>' not specified");
  });

  it('schema: prints, writes and checks the JSON Schema', async () => {
    const printed = await run(['mappings', 'schema']);
    expect(printed.code).to.equal(0);
    expect(printed.stdout).to.equal(mappingJsonSchemaText());
    const target = join(tmp, 'schema.json');
    expect((await run(['mappings', 'schema', '--write', target])).code).to.equal(0);
    expect((await run(['mappings', 'schema', '--check', target])).code).to.equal(0);
    writeFileSync(target, '{}\n');
    const stale = await run(['mappings', 'schema', '--check', target]);
    expect(stale.code).to.equal(1);
    expect(stale.stderr).to.include('is stale');
  });

  it('unknown commands and --help', async () => {
    const bogus = await run(['bogus']);
    expect(bogus.code).to.equal(1);
    expect(bogus.stderr).to.include("error: unknown command 'bogus'");
    const help = await run(['--help']);
    expect(help.code).to.equal(0);
    expect(help.stdout).to.include('mappings');
  });

  describe('as a child process (connector/bin/closeloop.js)', () => {
    const exec = promisify(execFile);
    async function spawn(args: string[], cwd: string) {
      try {
        const r = await exec(process.execPath, [BIN, ...args], {
          cwd,
          env: { PATH: process.env.PATH ?? '' },
        });
        return { code: 0, stdout: r.stdout, stderr: r.stderr };
      } catch (e) {
        const err = e as { code: number; stdout: string; stderr: string };
        return { code: err.code, stdout: err.stdout, stderr: err.stderr };
      }
    }

    it('validate passes on the repository and fails on a broken copy, with no stack trace', async function () {
      this.timeout(30_000);
      const good = await spawn(['mappings', 'validate', 'mappings'], ROOT);
      expect(good.code, good.stderr).to.equal(0);
      expect(good.stdout).to.include('mappings: OK');

      cpSync(join(ROOT, 'mappings'), join(tmp, 'mappings'), { recursive: true });
      writeFileSync(join(tmp, 'mappings', '50-broken.yaml'), BROKEN);
      const bad = await spawn(['--config', join(ROOT, 'closeloop.yaml'), 'mappings', 'validate'], tmp);
      expect(bad.code).to.equal(1);
      expect(bad.stderr).to.include('mappings/50-broken.yaml:4:20 rules[0].match.type: invalid regex');
      expect(bad.stderr).to.include('4 errors in ./mappings');
      expect(bad.stderr).to.not.match(/\n\s+at /);
    });
  });
});

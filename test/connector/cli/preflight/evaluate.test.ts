// The pure half of the start check: what the configuration and the environment say, no I/O.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { parse } from 'yaml';
import { evaluateConfiguration, serviceNowState } from '../../../../connector/src/cli/preflight/evaluate.js';
import { formatStates, formatVerdict } from '../../../../connector/src/cli/preflight/report.js';
import { configReferences } from '../../../../connector/src/config/env-vars.js';
import { loadConfig } from '../../../../connector/src/config/load.js';
import { ConfigSchema } from '../../../../connector/src/config/schema.js';
import { loadMappings } from '../../../../connector/src/mapping/load.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function shipped(env: Record<string, string>) {
  const loaded = loadConfig({ path: path.join(ROOT, 'closeloop.yaml'), env, cwd: ROOT });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const m = loadMappings(path.join(ROOT, 'mappings'), {
    providerNames: Object.keys(loaded.config.telemetry.providers),
  });
  if (!m.ok) throw new Error('shipped mappings invalid');
  return evaluateConfiguration({
    config: loaded.config,
    mappings: m.mappings,
    env,
    mappingsDir: 'mappings',
    references: configReferences(parse(readFileSync(path.join(ROOT, 'closeloop.yaml'), 'utf8'))),
  });
}

describe('cli/preflight: evaluateConfiguration', () => {
  it('the shipped configuration names every credential it needs, each with its variable', () => {
    const states = shipped({});
    const missing = states.filter((s) => s.health === 'missing');
    expect(missing.map((s) => `${s.kind}:${s.name}`)).to.deep.equal([
      'source:bms',
      'source:alertmanager',
      'source:redfish',
      'source:snmp',
      'source:mqtt',
      'provider:redfish-cdu',
      'servicenow:servicenow',
      'config:api_key',
    ]);
    expect(missing.flatMap((s) => s.problems).map((p) => p.split(' ')[0])).to.deep.equal([
      'CLOSELOOP_BMS_TOKEN',
      'CLOSELOOP_ALERTMANAGER_TOKEN',
      'CLOSELOOP_REDFISH_TOKEN',
      'CLOSELOOP_SNMP_COMMUNITIES',
      'CLOSELOOP_SNMP_AUTH_KEY',
      'CLOSELOOP_SNMP_PRIV_KEY',
      'CLOSELOOP_MQTT_USERNAME',
      'CLOSELOOP_MQTT_PASSWORD',
      'CDU1_REDFISH_PASSWORD',
      'SERVICENOW_USERNAME',
      'SERVICENOW_PASSWORD',
      'CLOSELOOP_API_KEY',
    ]);
  });

  it('with everything set nothing is missing, and the summary says ready', () => {
    const env = Object.fromEntries(
      [
        'CLOSELOOP_BMS_TOKEN',
        'CLOSELOOP_ALERTMANAGER_TOKEN',
        'CLOSELOOP_REDFISH_TOKEN',
        'CLOSELOOP_SNMP_COMMUNITIES',
        'CLOSELOOP_SNMP_AUTH_KEY',
        'CLOSELOOP_SNMP_PRIV_KEY',
        'CLOSELOOP_MQTT_USERNAME',
        'CLOSELOOP_MQTT_PASSWORD',
        'CDU1_REDFISH_PASSWORD',
        'SERVICENOW_USERNAME',
        'SERVICENOW_PASSWORD',
        'CLOSELOOP_API_KEY',
      ].map((v) => [v, `value-${v.length}-of-${v}`]),
    );
    const states = shipped(env);
    expect(states.filter((s) => s.health !== 'ok')).to.deep.equal([]);
    expect(formatVerdict(states)).to.equal('\nready\n');
    expect(formatStates(states)).to.include('ok        snmp          snmp: SNMP traps on udp 0.0.0.0:1162');
  });

  it('ServiceNow: what each auth type needs; no instance is degraded, not missing', () => {
    const config = (servicenow: unknown) => ConfigSchema.parse({ servicenow });
    expect(serviceNowState(config({})).health).to.equal('degraded');
    expect(
      serviceNowState(
        config({ instance_url: 'https://x.example', auth: { type: 'oauth', grant: 'client_credentials' } }),
      ).problems.map((p) => p.split(' ')[0]),
    ).to.deep.equal(['SERVICENOW_CLIENT_ID', 'SERVICENOW_CLIENT_SECRET']);
    expect(
      serviceNowState(
        config({
          instance_url: 'https://x.example',
          auth: { type: 'oauth', grant: 'password', client_id: 'id', client_secret: 'secret' },
        }),
      ).problems.map((p) => p.split(' ')[0]),
    ).to.deep.equal(['SERVICENOW_USERNAME', 'SERVICENOW_PASSWORD']);
  });
});

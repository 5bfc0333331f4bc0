import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ENV_OVERRIDES } from '../../../connector/src/config/env-overrides.js';
import { loadConfig, type LoadConfigResult } from '../../../connector/src/config/load.js';
import { ConfigSchema, type Config } from '../../../connector/src/config/schema.js';

function ok(r: LoadConfigResult): Extract<LoadConfigResult, { ok: true }> {
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r;
}
function errors(r: LoadConfigResult): string[] {
  if (r.ok) throw new Error('expected the configuration to be rejected');
  return r.errors;
}

describe('config/load', () => {
  let dir: string;
  const write = (text: string, name = 'closeloop.yaml'): string => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'closeloop-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('no closeloop.yaml: the built-in defaults (durations in ms)', () => {
    const r = ok(loadConfig({ env: {}, cwd: dir }));
    expect(r.file).to.equal(null);
    expect(r.config).to.deep.equal(ConfigSchema.parse({}));
    expect(r.config.server).to.deep.equal({ host: '127.0.0.1', port: 8080, body_limit: '1mb' });
    expect(r.config.servicenow.timeout).to.equal(15_000);
    expect(r.config.outbox.base_delay).to.equal(1000);
    expect(r.config.guard.budget).to.equal(3000);
    expect(r.secrets).to.deep.equal([]);
  });

  it('an explicit file that does not exist is an error', () => {
    expect(errors(loadConfig({ path: 'missing.yaml', env: {}, cwd: dir }))).to.deep.equal([
      'missing.yaml: file not found',
    ]);
    expect(errors(loadConfig({ env: { CLOSELOOP_CONFIG: 'x.yaml' }, cwd: dir }))).to.deep.equal([
      'x.yaml: file not found',
    ]);
  });

  it('reads the file; durations, nested defaults', () => {
    write('server: { port: 9000 }\nservicenow:\n  timeout: 30s\noutbox: { concurrency: 2 }\n');
    const r = ok(loadConfig({ env: {}, cwd: dir }));
    expect(r.file).to.equal(join(dir, 'closeloop.yaml'));
    expect(r.config.server.port).to.equal(9000);
    expect(r.config.servicenow.timeout).to.equal(30_000);
    expect(r.config.outbox).to.include({ concurrency: 2, base_delay: 1000, max_delay: 300_000 });
  });

  it('every documented environment override applies, over the file', () => {
    write('server: { port: 9000, host: 0.0.0.0 }\nservicenow: { auth: { username: file-user } }\n');
    const env: Record<string, string> = {
      CLOSELOOP_PORT: '9100',
      CLOSELOOP_HOST: '127.0.0.2',
      CLOSELOOP_DATA_DIR: '/var/lib/closeloop',
      CLOSELOOP_MAPPINGS_DIR: '/etc/closeloop/mappings',
      CLOSELOOP_DATABASE_URL: 'postgres://closeloop:pg-secret-1@127.0.0.1:5432/closeloop',
      SERVICENOW_INSTANCE_URL: 'http://127.0.0.1:8090',
      SERVICENOW_USERNAME: 'svc.closeloop',
      SERVICENOW_PASSWORD: 'sn-password-2',
      SERVICENOW_CLIENT_ID: 'client-id-3',
      SERVICENOW_CLIENT_SECRET: 'client-secret-4',
      SERVICENOW_AUTH_TYPE: 'OAuth',
      SERVICENOW_OAUTH_GRANT: 'client_credentials',
      CLOSELOOP_API_KEY: 'api-key-5',
      CLOSELOOP_LOG_LEVEL: 'debug',
    };
    expect(Object.keys(env).sort()).to.deep.equal(ENV_OVERRIDES.map((o) => o.env).sort());
    const c: Config = ok(loadConfig({ env, cwd: dir })).config;
    expect(c.server).to.include({ port: 9100, host: '127.0.0.2' });
    expect(c.data_dir).to.equal('/var/lib/closeloop');
    expect(c.mappings_dir).to.equal('/etc/closeloop/mappings');
    expect(c.database_url).to.equal(env.CLOSELOOP_DATABASE_URL);
    expect(c.servicenow.instance_url).to.equal('http://127.0.0.1:8090');
    expect(c.servicenow.auth).to.deep.equal({
      type: 'oauth',
      grant: 'client_credentials',
      username: 'svc.closeloop',
      password: 'sn-password-2',
      client_id: 'client-id-3',
      client_secret: 'client-secret-4',
    });
    expect(c.api_key).to.equal('api-key-5');
    expect(c.log_level).to.equal('debug');
  });

  it('an empty environment variable does not override', () => {
    write('server: { port: 9000 }\n');
    expect(ok(loadConfig({ env: { CLOSELOOP_PORT: '' }, cwd: dir })).config.server.port).to.equal(9000);
  });

  it('${NAME} references in string values, with defaults; ${NAME:-} leaves the key unset', () => {
    write(
      `
telemetry:
  providers:
    redfish-cdu:
      kind: redfish
      url: \${CDU_URL:-https://127.0.0.1:8443}
      username: \${CDU_USER}
      password: \${CDU_PASSWORD:-}
      headers_note: x
`.replace('      headers_note: x\n', ''),
    );
    const r = ok(loadConfig({ env: { CDU_USER: 'admin' }, cwd: dir }));
    const p = r.config.telemetry.providers['redfish-cdu'];
    expect(p).to.include({ kind: 'redfish', url: 'https://127.0.0.1:8443', username: 'admin' });
    expect(p).to.not.have.property('password');
    const withPw = ok(
      loadConfig({
        env: { CDU_USER: 'admin', CDU_PASSWORD: 'cdu-pass-6', CDU_URL: 'https://127.0.0.1:9443' },
        cwd: dir,
      }),
    );
    expect(withPw.config.telemetry.providers['redfish-cdu']).to.include({
      password: 'cdu-pass-6',
      url: 'https://127.0.0.1:9443',
    });
    expect(withPw.secrets).to.include('cdu-pass-6');
  });

  it('errors name the key and its line, or the environment variable; all errors are reported', () => {
    write(`server:
  port: 80800
servicenow:
  timeout: abc
  colour: blue
telemetry:
  providers:
    prom:
      kind: prometheus
      url: \${PROM_URL}
`);
    expect(
      errors(loadConfig({ env: { CLOSELOOP_LOG_LEVEL: 'loud', CLOSELOOP_HOST: '' }, cwd: dir })),
    ).to.deep.equal([
      'closeloop.yaml:10:12 telemetry.providers.prom.url: environment variable PROM_URL is not set (referenced as ${PROM_URL})',
      'closeloop.yaml:2:9 server.port: Too big: expected number to be <=65535',
      'CLOSELOOP_LOG_LEVEL (log_level): expected one of "fatal", "error", "warn", "info", "debug", "trace", "silent", got string "loud"',
      'closeloop.yaml:4:12 servicenow.timeout: "abc" is not a duration (use e.g. 90s, 10m, 2h, 1d)',
      'closeloop.yaml:5:3 servicenow.colour: unknown key "colour"',
    ]);
    expect(errors(loadConfig({ env: { CLOSELOOP_PORT: 'eighty' }, cwd: dir })).at(-1)).to.not.include(
      '80800',
    );
    const port = errors(
      loadConfig({ env: { CLOSELOOP_PORT: 'eighty', PROM_URL: 'http://127.0.0.1:9090' }, cwd: join(dir) }),
    );
    expect(port).to.include('CLOSELOOP_PORT (server.port): expected a number, got string "eighty"');
  });

  it('YAML syntax errors give the position and reason, never the offending text', () => {
    write('servicenow:\n  auth: { password: "hunter2-sec\n');
    const e = errors(loadConfig({ env: {}, cwd: dir }));
    expect(e[0]).to.match(/^closeloop\.yaml:\d+:\d+: /);
    expect(e.join('\n')).to.not.include('hunter2');
    write('servicenow:\n  auth: { password: ${X}, client_secret: cs-secret-12 }\n');
    const tokens = errors(loadConfig({ env: {}, cwd: dir }));
    expect(tokens.length).to.be.greaterThan(1);
    expect(tokens.join('\n')).to.not.include('cs-secret-12');
  });

  it('never prints a secret value, even when the secret itself is the invalid value', () => {
    write(`
api_key: 123456789
servicenow:
  auth:
    password: 987654321
telemetry:
  providers:
    p:
      kind: prometheus
      url: http://127.0.0.1:9090
      headers: { Authorization: 424242 }
`);
    const e = errors(loadConfig({ env: {}, cwd: dir }));
    expect(e).to.have.length(3);
    const all = e.join('\n');
    for (const secret of ['123456789', '987654321', '424242']) expect(all).to.not.include(secret);
    expect(all).to.include(
      'closeloop.yaml:5:15 servicenow.auth.password: expected a string, got number [REDACTED]',
    );
  });

  it('collects every secret for the logger and redacts them (also URL-encoded, and the database password)', () => {
    write(`
servicenow:
  auth: { password: '\${SN_PW}', client_secret: cs-secret-7 }
database_url: postgres://closeloop:p%40ss-8@127.0.0.1:5432/closeloop
telemetry:
  providers:
    p: { kind: prometheus, url: 'http://127.0.0.1:9090', headers: { Authorization: 'Bearer tok-9' } }
`);
    const r = ok(loadConfig({ env: { SN_PW: 'sn pw/10', CLOSELOOP_API_KEY: 'api-key-11' }, cwd: dir }));
    expect(r.secrets).to.have.members([
      'sn pw/10',
      'cs-secret-7',
      'p%40ss-8',
      'p@ss-8',
      'Bearer tok-9',
      'api-key-11',
    ]);
    const line = 'login sn pw/10 sn%20pw%2F10 p@ss-8 Bearer tok-9 api-key-11 cs-secret-7 ok';
    expect(r.redact(line)).to.equal(
      'login [REDACTED] [REDACTED] [REDACTED] [REDACTED] [REDACTED] [REDACTED] ok',
    );
  });

  it('the repository closeloop.yaml is valid and names the providers the shipped mappings use', () => {
    const root = new URL('../../../', import.meta.url).pathname;
    const r = ok(loadConfig({ env: {}, cwd: root }));
    expect(Object.keys(r.config.telemetry.providers)).to.deep.equal(['prometheus', 'redfish-cdu', 'mqtt']);
    expect(r.config.telemetry.providers.mqtt).to.not.have.property('password');
  });
});

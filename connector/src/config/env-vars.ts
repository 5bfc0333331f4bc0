// Every environment variable the connector reads, from the places that read them: the documented
// overrides (ENV_OVERRIDES, applied by the loader), `${NAME}` references in closeloop.yaml (filled by the
// loader), the variables mapping sources name for their credentials (read by the listeners and the
// alarm route), and the few the program reads by name. `closeloop config env` prints the list and
// writes the table in docs/configuration.md from here; `serve` uses sourceCredentials() to say which
// credential of which source is missing.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { SourceConfig } from '../mapping/schema.js';
import { ENV_OVERRIDES } from './env-overrides.js';
import { REFERENCE } from './interpolate.js';

export interface CredentialNeed {
  variable: string;
  /** What the variable holds, e.g. "bearer token the BMS sends". */
  purpose: string;
}

/** The environment variables a source reads (all required once named); [] for a source without secrets. */
export function sourceCredentials(source: SourceConfig): CredentialNeed[] {
  const out: CredentialNeed[] = [];
  if (source.kind === 'webhook' || source.kind === 'alertmanager' || source.kind === 'redfish') {
    if (source.auth.type === 'bearer')
      out.push({ variable: source.auth.token_env, purpose: 'bearer token the sender presents' });
    if (source.auth.type === 'hmac')
      out.push({ variable: source.auth.secret_env, purpose: 'HMAC-SHA256 secret of the signature header' });
  }
  if (source.kind === 'snmp') {
    if (source.communities_env)
      out.push({ variable: source.communities_env, purpose: 'accepted v1/v2c communities, comma-separated' });
    for (const u of source.users) {
      out.push({ variable: u.auth_key_env, purpose: `SNMPv3 user ${u.name}: authentication key` });
      if (u.priv_key_env)
        out.push({ variable: u.priv_key_env, purpose: `SNMPv3 user ${u.name}: privacy key` });
    }
  }
  if (source.kind === 'mqtt') {
    if (source.username_env) out.push({ variable: source.username_env, purpose: 'MQTT broker user name' });
    if (source.password_env) out.push({ variable: source.password_env, purpose: 'MQTT broker password' });
  }
  return out;
}

export interface ConfigReference {
  variable: string;
  /** Dotted key in closeloop.yaml, e.g. telemetry.providers.prometheus.url. */
  key: string;
  /** The `:-` fallback; undefined when the variable must be set. */
  fallback: string | undefined;
}

/** `${NAME}` / `${NAME:-default}` references in a raw (not yet interpolated) closeloop.yaml document. */
export function configReferences(doc: unknown, path: string[] = []): ConfigReference[] {
  if (typeof doc === 'string') {
    const out: ConfigReference[] = [];
    for (const m of doc.matchAll(new RegExp(REFERENCE.source, 'g'))) {
      if (m[1]) out.push({ variable: m[1], key: path.join('.'), fallback: m[2] });
    }
    return out;
  }
  if (Array.isArray(doc)) return doc.flatMap((v, i) => configReferences(v, [...path, String(i)]));
  if (doc && typeof doc === 'object')
    return Object.entries(doc).flatMap(([k, v]) => configReferences(v, [...path, k]));
  return [];
}

/** The references of a closeloop.yaml file ([] without one); only hints depend on it, so errors are []. */
export function readConfigReferences(file: string | null): ConfigReference[] {
  if (!file) return [];
  try {
    return configReferences(parseYaml(readFileSync(file, 'utf8')) as unknown);
  } catch {
    return [];
  }
}

/** For `telemetry.providers.<name>.username|password` of a Redfish provider with a login: its auth type. */
function providerLoginNeed(doc: unknown, key: string): string | null {
  const m = /^telemetry\.providers\.([^.]+)\.(username|password)$/.exec(key);
  if (!m) return null;
  const providers = (doc as { telemetry?: { providers?: Record<string, unknown> } } | null)?.telemetry
    ?.providers;
  const p = providers?.[m[1]!] as { kind?: unknown; auth?: unknown } | undefined;
  if (p?.kind !== 'redfish') return null;
  const auth = typeof p.auth === 'string' ? p.auth : 'basic';
  return auth === 'none' ? null : auth;
}

/** Variables the program reads by name, outside closeloop.yaml and the mappings. */
export const PROGRAM_ENV: readonly { variable: string; purpose: string }[] = [
  { variable: 'CLOSELOOP_CONFIG', purpose: 'closeloop.yaml to read when --config is not given.' },
  {
    variable: 'CLOSELOOP_CONSOLE_ADMIN_KEY',
    purpose: 'Console admin login key (default: the API key).',
  },
  { variable: 'CLOSELOOP_CONSOLE_READONLY_KEY', purpose: 'Console read-only login key.' },
  {
    variable: 'CLOSELOOP_CONSOLE_SESSION_SECRET',
    purpose: 'Signs console session cookies (default: derived from the keys).',
  },
  {
    variable: 'CLOSELOOP_BMC_PASSWORD',
    purpose: '`closeloop redfish …`: the BMC password (another name with --password-env).',
  },
  { variable: 'CLOSELOOP_DEBUG', purpose: 'Set: the CLI prints stack traces of unexpected errors.' },
];

export interface EnvRow {
  variable: string;
  /** Where it is read: the key it overrides or fills, or the source that needs it. */
  where: string;
  purpose: string;
  /** Required for the shipped configuration to start; false when it has a default or is optional. */
  required: boolean;
}

export interface EnvListing {
  overrides: EnvRow[];
  config: EnvRow[];
  sources: EnvRow[];
  program: EnvRow[];
}

/** Every variable of a configuration document and a set of sources (enabled or not), grouped by who reads it. */
export function listEnvironment(o: {
  configDoc: unknown;
  configFile: string;
  sources: Record<string, SourceConfig>;
  mappingsDir: string;
}): EnvListing {
  const overrides = ENV_OVERRIDES.map((e) => ({
    variable: e.env,
    where: e.path.join('.'),
    purpose: e.description,
    required: false,
  }));
  const config = configReferences(o.configDoc).map((r) => {
    const login = providerLoginNeed(o.configDoc, r.key);
    return {
      variable: r.variable,
      where: `${o.configFile}: ${r.key}`,
      purpose:
        r.fallback === undefined
          ? 'must be set'
          : login && r.fallback === ''
            ? `required: the provider's ${login} auth needs it`
            : r.fallback === ''
              ? 'optional (unset leaves the key out)'
              : `default ${r.fallback}`,
      required: r.fallback === undefined || (login !== null && r.fallback === ''),
    };
  });
  const sources = Object.entries(o.sources).flatMap(([name, s]) =>
    sourceCredentials(s).map((c) => ({
      variable: c.variable,
      where: `${o.mappingsDir}: source ${name} (${s.kind})`,
      purpose: c.purpose,
      required: s.enabled !== false,
    })),
  );
  const program = PROGRAM_ENV.map((p) => ({ ...p, where: 'program', required: false }));
  return { overrides, config, sources, program };
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** The listing as the Markdown section of docs/configuration.md. */
export function envMarkdown(l: EnvListing): string {
  const code = (t: string) => `\`${t}\``;
  return [
    'Overrides of `closeloop.yaml` keys (a variable that is set and not empty wins over the file):',
    '',
    table(
      ['Variable', 'Key', 'Meaning'],
      l.overrides.map((r) => [code(r.variable), code(r.where), r.purpose]),
    ),
    '',
    'Referenced as `${NAME}` by the shipped `closeloop.yaml`:',
    '',
    table(
      ['Variable', 'Key', 'When unset'],
      l.config.map((r) => [code(r.variable), code(r.where.split(': ')[1] ?? r.where), r.purpose]),
    ),
    '',
    'Named by the shipped `mappings/` sources (`token_env`, `secret_env`, `communities_env`, `auth_key_env`, `priv_key_env`, `username_env`, `password_env`); each is required while its source is enabled:',
    '',
    table(
      ['Variable', 'Source', 'Holds'],
      l.sources.map((r) => [code(r.variable), r.where.split(': ')[1] ?? r.where, r.purpose]),
    ),
    '',
    'Read by the program itself:',
    '',
    table(
      ['Variable', 'Meaning'],
      l.program.map((r) => [code(r.variable), r.purpose]),
    ),
  ].join('\n');
}

// What the configuration says, before anything is contacted: for every source, provider, the store,
// ServiceNow and the API key, its state as far as settings and the environment tell (credentials
// present or which variable is missing). Pure: probes.ts adds what only a connection can tell.
import type { Config, ProviderConfig } from '../../config/schema.js';
import { sourceCredentials, type ConfigReference } from '../../config/env-vars.js';
import type { Mappings } from '../../mapping/compiled.js';
import type { SourceConfig } from '../../mapping/schema.js';
import type { DependencyState } from '../../model/dependency.js';
import { describeDatabaseUrl, isPostgresUrl } from '../../store/open-store.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface PreflightInput {
  config: Config;
  mappings: Mappings;
  env: Env;
  /** Where the mappings were read from, as the operator named it (for "edit this file" hints). */
  mappingsDir: string;
  /** `${NAME}` references of closeloop.yaml, to name the variable behind a missing key. */
  references: readonly ConfigReference[];
}

const isSet = (env: Env, name: string) => (env[name] ?? '') !== '';

function intake(name: string, source: SourceConfig): string {
  switch (source.kind) {
    case 'webhook':
    case 'alertmanager':
    case 'redfish': {
      const auth =
        source.auth.type === 'bearer'
          ? `bearer token from ${source.auth.token_env}`
          : source.auth.type === 'hmac'
            ? `HMAC-SHA256 in ${source.auth.header}, secret from ${source.auth.secret_env}`
            : 'no authentication';
      return `HTTP POST /v1/alarms/${name}, ${auth}`;
    }
    case 'snmp': {
      const communities = source.communities_env
        ? `communities from ${source.communities_env}`
        : source.communities.length
          ? `${source.communities.length} communities`
          : 'any community';
      const users = source.users.length ? `, SNMPv3 users ${source.users.map((u) => u.name).join(', ')}` : '';
      return `SNMP traps on udp ${source.bind}:${source.port}, ${communities}${users}`;
    }
    case 'mqtt': {
      const user = source.username_env ? `, user from ${source.username_env}` : ', anonymous';
      return `MQTT ${source.url} topics ${source.topics.join(', ')}${user}`;
    }
  }
}

export function sourceState(
  name: string,
  source: SourceConfig,
  env: Env,
  mappingsDir: string,
): DependencyState {
  const detail = `${source.kind}: ${intake(name, source)}`;
  if (source.enabled === false)
    return {
      kind: 'source',
      name,
      health: 'disabled',
      detail: `${source.kind}: switched off (enabled: false)`,
      problems: [],
    };
  const problems = sourceCredentials(source)
    .filter((c) => !isSet(env, c.variable))
    .map(
      (c) =>
        `${c.variable} is not set: source ${name} needs it (${c.purpose}); set it, or switch the source off with \`enabled: false\` in ${mappingsDir}`,
    );
  return { kind: 'source', name, health: problems.length ? 'missing' : 'ok', detail, problems };
}

function providerTarget(cfg: ProviderConfig): string {
  return `${cfg.kind} ${cfg.url}`;
}

export function providerState(
  name: string,
  cfg: ProviderConfig,
  usedBy: number,
  references: readonly ConfigReference[] = [],
): DependencyState {
  const detail = `${providerTarget(cfg)}${usedBy ? `, used by ${usedBy} close check${usedBy === 1 ? '' : 's'}` : ', used by no close check'}`;
  const problems: string[] = [];
  if (cfg.kind === 'redfish' && cfg.auth !== 'none') {
    for (const key of ['username', 'password'] as const) {
      if (cfg[key]) continue;
      const path = `telemetry.providers.${name}.${key}`;
      const ref = references.find((r) => r.key === path);
      problems.push(
        ref
          ? `${ref.variable} is not set (${path}; ${cfg.auth} auth of provider ${name} needs it)`
          : `${path} is not set (${cfg.auth} auth of provider ${name} needs it)`,
      );
    }
  }
  return { kind: 'provider', name, health: problems.length ? 'missing' : 'ok', detail, problems };
}

export function storeState(config: Config): DependencyState {
  const url = config.database_url?.trim();
  if (url && !isPostgresUrl(url))
    return {
      kind: 'store',
      name: 'store',
      health: 'missing',
      detail: describeDatabaseUrl(url),
      problems: [
        `database_url must start with postgres:// (got ${describeDatabaseUrl(url)}); leave it unset for SQLite`,
      ],
    };
  return {
    kind: 'store',
    name: 'store',
    health: 'ok',
    detail: url ? `PostgreSQL ${describeDatabaseUrl(url)}` : `SQLite ${config.data_dir}/closeloop.db`,
    problems: [],
  };
}

export function serviceNowState(config: Config): DependencyState {
  const sn = config.servicenow;
  if (!sn.instance_url)
    return {
      kind: 'servicenow',
      name: 'servicenow',
      health: 'degraded',
      detail: 'not configured',
      problems: [
        'servicenow.instance_url is not set (SERVICENOW_INSTANCE_URL): alarms are stored and their incidents queued, nothing is delivered',
      ],
    };
  const need: [string, string][] =
    sn.auth.type === 'basic'
      ? [
          ['username', 'SERVICENOW_USERNAME'],
          ['password', 'SERVICENOW_PASSWORD'],
        ]
      : [
          ['client_id', 'SERVICENOW_CLIENT_ID'],
          ['client_secret', 'SERVICENOW_CLIENT_SECRET'],
          ...(sn.auth.grant === 'password'
            ? ([
                ['username', 'SERVICENOW_USERNAME'],
                ['password', 'SERVICENOW_PASSWORD'],
              ] as [string, string][])
            : []),
        ];
  const auth = sn.auth as Record<string, string | undefined>;
  const problems = need
    .filter(([key]) => !auth[key])
    .map(
      ([key, variable]) =>
        `${variable} is not set (servicenow.auth.${key}, needed by ${sn.auth.type === 'basic' ? 'basic auth' : `OAuth ${sn.auth.grant} grant`})`,
    );
  const how = sn.auth.type === 'basic' ? 'basic auth' : `OAuth ${sn.auth.grant} grant`;
  return {
    kind: 'servicenow',
    name: 'servicenow',
    health: problems.length ? 'missing' : 'ok',
    detail: `${sn.instance_url} (${how}${auth['username'] ? ` as ${auth['username']}` : ''})`,
    problems,
  };
}

export function apiKeyState(config: Config): DependencyState {
  return config.api_key
    ? { kind: 'config', name: 'api_key', health: 'ok', detail: 'set', problems: [] }
    : {
        kind: 'config',
        name: 'api_key',
        health: 'missing',
        detail: 'not set',
        problems: [
          'CLOSELOOP_API_KEY is not set (api_key): the ServiceNow app sends it as X-API-Key with every closure check; without it closure checks and the API answer 503',
        ],
      };
}

/** Close checks per provider name, over every rule. */
function checksByProvider(m: Mappings): Map<string, number> {
  const n = new Map<string, number>();
  for (const rule of [...m.rules, ...(m.defaultRule ? [m.defaultRule] : [])])
    for (const c of rule.spec.close_checks ?? []) n.set(c.provider, (n.get(c.provider) ?? 0) + 1);
  return n;
}

/** Every dependency as configured, in report order: sources, providers, store, ServiceNow, API key. */
export function evaluateConfiguration(i: PreflightInput): DependencyState[] {
  const used = checksByProvider(i.mappings);
  const sources = { ...i.mappings.sources, ...i.mappings.disabledSources };
  return [
    ...Object.entries(sources).map(([name, s]) => sourceState(name, s, i.env, i.mappingsDir)),
    ...Object.entries(i.config.telemetry.providers).map(([name, cfg]) =>
      providerState(name, cfg, used.get(name) ?? 0, i.references),
    ),
    storeState(i.config),
    serviceNowState(i.config),
    apiKeyState(i.config),
  ];
}

// Environment variables that override closeloop.yaml (the design brief's public contract). Applied to
// the raw document before validation, so an invalid value is reported like a bad file value, naming
// the variable instead of a line.

export interface EnvOverride {
  env: string;
  path: string[];
  kind: 'string' | 'port' | 'enum';
  description: string;
}

export const ENV_OVERRIDES: readonly EnvOverride[] = [
  {
    env: 'CLOSELOOP_PORT',
    path: ['server', 'port'],
    kind: 'port',
    description: 'Port the HTTP service listens on.',
  },
  {
    env: 'CLOSELOOP_HOST',
    path: ['server', 'host'],
    kind: 'string',
    description: 'Address the HTTP service binds to.',
  },
  {
    env: 'CLOSELOOP_DATA_DIR',
    path: ['data_dir'],
    kind: 'string',
    description: 'Directory for the SQLite store.',
  },
  {
    env: 'CLOSELOOP_MAPPINGS_DIR',
    path: ['mappings_dir'],
    kind: 'string',
    description: 'Directory of mappings/*.yaml.',
  },
  {
    env: 'CLOSELOOP_DATABASE_URL',
    path: ['database_url'],
    kind: 'string',
    description: 'postgres://… switches the store from SQLite to PostgreSQL.',
  },
  {
    env: 'SERVICENOW_INSTANCE_URL',
    path: ['servicenow', 'instance_url'],
    kind: 'string',
    description: 'Base URL of the instance (any URL, http://127.0.0.1:PORT included).',
  },
  {
    env: 'SERVICENOW_USERNAME',
    path: ['servicenow', 'auth', 'username'],
    kind: 'string',
    description: 'Basic/OAuth password-grant user.',
  },
  {
    env: 'SERVICENOW_PASSWORD',
    path: ['servicenow', 'auth', 'password'],
    kind: 'string',
    description: 'Its password.',
  },
  {
    env: 'SERVICENOW_CLIENT_ID',
    path: ['servicenow', 'auth', 'client_id'],
    kind: 'string',
    description: 'OAuth client id.',
  },
  {
    env: 'SERVICENOW_CLIENT_SECRET',
    path: ['servicenow', 'auth', 'client_secret'],
    kind: 'string',
    description: 'OAuth client secret.',
  },
  {
    env: 'SERVICENOW_AUTH_TYPE',
    path: ['servicenow', 'auth', 'type'],
    kind: 'enum',
    description: 'basic or oauth.',
  },
  {
    env: 'SERVICENOW_OAUTH_GRANT',
    path: ['servicenow', 'auth', 'grant'],
    kind: 'enum',
    description: 'password or client_credentials.',
  },
  {
    env: 'CLOSELOOP_API_KEY',
    path: ['api_key'],
    kind: 'string',
    description: 'Key the ServiceNow app sends as X-API-Key.',
  },
  {
    env: 'CLOSELOOP_LOG_LEVEL',
    path: ['log_level'],
    kind: 'enum',
    description: 'fatal, error, warn, info, debug, trace or silent.',
  },
];

type Doc = Record<string, unknown>;

function setIn(doc: Doc, path: readonly string[], value: unknown): void {
  let node = doc;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Doc;
  }
  node[path[path.length - 1]!] = value;
}

/**
 * Applies the overrides that are set (non-empty) to `doc` in place. Returns which config path came
 * from which variable, so errors can name the variable.
 */
export function applyEnvOverrides(
  doc: Doc,
  env: Readonly<Record<string, string | undefined>>,
): Map<string, string> {
  const origins = new Map<string, string>();
  for (const o of ENV_OVERRIDES) {
    const raw = env[o.env];
    if (raw === undefined || raw === '') continue;
    const text = raw.trim();
    // A port that is all digits becomes a number; anything else stays a string and fails validation.
    const value =
      o.kind === 'port' && /^\d+$/.test(text) ? Number(text) : o.kind === 'enum' ? text.toLowerCase() : text;
    setIn(doc, o.path, value);
    origins.set(o.path.join('.'), o.env);
  }
  return origins;
}

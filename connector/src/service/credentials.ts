// What the runtime knows about its credentials. The secret values it resolves from the environment (the
// per-source credentials the mappings name: bearer tokens, HMAC secrets, SNMP communities and v3 keys,
// MQTT passwords; and the console's own keys) are masked in every log line (observability/logger.ts)
// whatever their length. Sources that accept posts without a credential, or with a replayable one, are
// said at start.
import type { SourceConfig } from '../mapping/schema.js';

export const CONSOLE_SECRET_ENV = [
  'CLOSELOOP_CONSOLE_ADMIN_KEY',
  'CLOSELOOP_CONSOLE_READONLY_KEY',
  'CLOSELOOP_CONSOLE_SESSION_SECRET',
] as const;

export function sourceSecrets(
  sources: Readonly<Record<string, SourceConfig>>,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const out: string[] = [];
  const fromEnv = (name: string | undefined) => {
    const v = name === undefined ? undefined : env[name];
    if (v) out.push(v);
  };
  for (const s of Object.values(sources)) {
    switch (s.kind) {
      case 'webhook':
      case 'alertmanager':
      case 'redfish':
        if (s.auth.type === 'bearer') fromEnv(s.auth.token_env);
        if (s.auth.type === 'hmac') fromEnv(s.auth.secret_env);
        break;
      case 'snmp': {
        out.push(...s.communities);
        const list = s.communities_env ? env[s.communities_env] : undefined;
        // The whole variable and each community in it, trimmed as the listener uses them.
        if (list) out.push(list, ...list.split(',').map((c) => c.trim()));
        for (const u of s.users) {
          fromEnv(u.auth_key_env);
          fromEnv(u.priv_key_env);
        }
        break;
      }
      case 'mqtt':
        fromEnv(s.password_env);
        break;
    }
  }
  return out.filter((v) => v.length > 0);
}

export function consoleSecrets(env: Readonly<Record<string, string | undefined>>): string[] {
  return CONSOLE_SECRET_ENV.map((n) => env[n]).filter((v): v is string => !!v);
}

/** Sources whose posts anyone, or anyone who captured one, can send: said once at start and reload. */
export function weakSourceAuth(sources: Readonly<Record<string, SourceConfig>>): string[] {
  const out: string[] = [];
  for (const [name, s] of Object.entries(sources)) {
    if (s.kind !== 'webhook' && s.kind !== 'alertmanager' && s.kind !== 'redfish') continue;
    if (s.auth.type === 'none')
      out.push(`source "${name}" accepts alarm posts from anyone who reaches the port (auth: none)`);
    else if (s.auth.type === 'hmac' && s.auth.scheme === 'body_only')
      out.push(`source "${name}" signs the body only (scheme: body_only): a captured post can be replayed`);
  }
  return out;
}

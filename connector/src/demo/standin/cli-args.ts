// Command-line options of the stand-in process (main.ts), parsed into startStandin options.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { StandinOptions } from './server.js';

const ArgsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(0),
  host: z.string().default('127.0.0.1'),
  plugin: z.boolean().default(false),
  'app-dir': z.string().optional(),
  snapshot: z.string().optional(),
  'no-seed': z.boolean().default(false),
  'token-ttl': z.coerce.number().int().min(1).optional(),
  'rate-limit': z.coerce.number().int().min(1).optional(),
  user: z
    .array(z.string().regex(/^[^:]+:[^:]*(:[^:]*)?$/, 'user must be name:password[:role,role]'))
    .default([]),
  'oauth-client': z.array(z.string().regex(/^[^:]+:[^:]+$/, 'oauth-client must be id:secret')).default([]),
  property: z.array(z.string().regex(/^[^=]+=/, 'property must be name=value')).default([]),
  'log-level': z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export function parseStandinArgs(argv: string[]): StandinOptions & { logLevel: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      plugin: { type: 'boolean' },
      'app-dir': { type: 'string' },
      snapshot: { type: 'string' },
      'no-seed': { type: 'boolean' },
      'token-ttl': { type: 'string' },
      'rate-limit': { type: 'string' },
      user: { type: 'string', multiple: true },
      'oauth-client': { type: 'string', multiple: true },
      property: { type: 'string', multiple: true },
      'log-level': { type: 'string' },
    },
    strict: true,
  });
  const args = ArgsSchema.parse(values);
  const users = args.user.map((spec) => {
    const [username = '', password = '', roles = ''] = spec.split(':');
    return { username, password, roles: roles.split(',').filter(Boolean) };
  });
  return {
    port: args.port,
    host: args.host,
    seed: !args['no-seed'],
    logLevel: args['log-level'],
    ...(args.plugin ? { plugin: args['app-dir'] ? { appDir: args['app-dir'] } : true } : {}),
    ...(args.snapshot ? { snapshotFile: args.snapshot } : {}),
    ...(args['token-ttl'] ? { accessTokenTtlSeconds: args['token-ttl'] } : {}),
    ...(args['rate-limit'] ? { rateLimit: { perHour: args['rate-limit'] } } : {}),
    ...(users.length > 0 ? { users } : {}),
    oauthClients: args['oauth-client'].map((spec) => {
      const [client_id = '', client_secret = ''] = spec.split(':');
      return { client_id, client_secret };
    }),
    properties: Object.fromEntries(
      args.property.map((spec) => [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)]),
    ),
  };
}

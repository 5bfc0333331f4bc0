// Authentication as an instance does it for the Table API: HTTP Basic against the configured users,
// or a Bearer token from `POST /oauth_token.do` (form-urlencoded; grants password, refresh_token and
// client_credentials). Failures get the platform's bodies: 401 "User Not Authenticated" on the API,
// 401 {"error_description":"access_denied","error":"server_error"} on the token endpoint.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import type { SeedUser } from './seed.js';

export interface OAuthClient {
  client_id: string;
  client_secret: string;
  /** Whether the client may use the client_credentials grant (an instance must enable it). Default true. */
  clientCredentials?: boolean;
  /** user_name a client_credentials token acts as (the OAuth application user). Default: first user. */
  user?: string;
}

export interface TokenRecord {
  kind: 'access' | 'refresh';
  clientId: string;
  user: string;
  expiresAtMs: number;
}

export interface AuthState {
  users: readonly SeedUser[];
  clients: readonly OAuthClient[];
  tokens: Map<string, TokenRecord>;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  now: () => number;
}

export interface Principal {
  user: string;
  roles: readonly string[];
}

export const NOT_AUTHENTICATED = {
  error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
  status: 'failure',
} as const;

const ACCESS_DENIED = { error_description: 'access_denied', error: 'server_error' } as const;

const TokenRequestSchema = z.discriminatedUnion('grant_type', [
  z.looseObject({
    grant_type: z.literal('password'),
    username: z.string(),
    password: z.string(),
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
  }),
  z.looseObject({
    grant_type: z.literal('refresh_token'),
    refresh_token: z.string(),
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
  }),
  z.looseObject({
    grant_type: z.literal('client_credentials'),
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
  }),
]);

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function findUser(state: AuthState, username: string, password: string): SeedUser | undefined {
  return state.users.find((user) => user.username === username && same(user.password, password));
}

function rolesOf(state: AuthState, username: string): readonly string[] {
  return state.users.find((user) => user.username === username)?.roles ?? [];
}

function issue(state: AuthState, kind: TokenRecord['kind'], clientId: string, user: string): string {
  const token = randomBytes(64).toString('base64url');
  const ttl = kind === 'access' ? state.accessTtlSeconds : state.refreshTtlSeconds;
  state.tokens.set(token, { kind, clientId, user, expiresAtMs: state.now() + ttl * 1000 });
  return token;
}

/** `POST /oauth_token.do` handler (mount after a urlencoded body parser). */
export function tokenHandler(state: AuthState) {
  return (req: Request, res: Response): void => {
    const parsed = TokenRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      res
        .status(400)
        .json({ error_description: 'invalid grant_type or missing parameters', error: 'invalid_request' });
      return;
    }
    const body = parsed.data;
    const basic = basicCredentials(req.headers.authorization);
    const clientId = body.client_id ?? basic?.id ?? '';
    const clientSecret = body.client_secret ?? basic?.secret ?? '';
    const client = state.clients.find((c) => c.client_id === clientId && same(c.client_secret, clientSecret));
    const deny = () => void res.status(401).json(ACCESS_DENIED);
    if (!client) return deny();

    const expiresIn = state.accessTtlSeconds - 1;
    if (body.grant_type === 'password') {
      const user = findUser(state, body.username, body.password);
      if (!user) return deny();
      res.json({
        access_token: issue(state, 'access', client.client_id, user.username),
        refresh_token: issue(state, 'refresh', client.client_id, user.username),
        scope: 'useraccount',
        token_type: 'Bearer',
        expires_in: expiresIn,
      });
      return;
    }
    if (body.grant_type === 'refresh_token') {
      const record = state.tokens.get(body.refresh_token);
      if (
        !record ||
        record.kind !== 'refresh' ||
        record.clientId !== client.client_id ||
        record.expiresAtMs <= state.now()
      ) {
        return deny();
      }
      res.json({
        access_token: issue(state, 'access', client.client_id, record.user),
        refresh_token: body.refresh_token,
        scope: 'useraccount',
        token_type: 'Bearer',
        expires_in: expiresIn,
      });
      return;
    }
    if (client.clientCredentials === false) return deny();
    const user = client.user ?? state.users[0]?.username ?? 'admin';
    res.json({
      access_token: issue(state, 'access', client.client_id, user),
      scope: 'useraccount',
      token_type: 'Bearer',
      expires_in: expiresIn,
    });
  };
}

/** Who a request's Authorization header identifies, or null. */
export function authenticate(state: AuthState, header: string | undefined): Principal | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (bearer?.[1]) {
    const record = state.tokens.get(bearer[1]);
    if (!record || record.kind !== 'access') return null;
    if (record.expiresAtMs <= state.now()) {
      state.tokens.delete(bearer[1]);
      return null;
    }
    return { user: record.user, roles: rolesOf(state, record.user) };
  }
  const basic = basicCredentials(header);
  if (!basic) return null;
  const user = findUser(state, basic.id, basic.secret);
  return user ? { user: user.username, roles: user.roles ?? [] } : null;
}

/** Express middleware: 401 with the platform's body unless authenticated; the principal goes to res.locals. */
export function requireAuth(state: AuthState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const principal = authenticate(state, req.headers.authorization);
    if (!principal) {
      res.status(401).json(NOT_AUTHENTICATED);
      return;
    }
    res.locals.principal = principal;
    next();
  };
}

/** Makes every issued access token expired now (refresh tokens stay valid). */
export function expireAccessTokens(state: AuthState): number {
  let count = 0;
  for (const record of state.tokens.values()) {
    if (record.kind === 'access') {
      record.expiresAtMs = Math.min(record.expiresAtMs, state.now());
      count += 1;
    }
  }
  return count;
}

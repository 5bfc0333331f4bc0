// The Authorization header for Table API requests: basic, or OAuth 2.0 bearer tokens from
// `POST /oauth_token.do` (password or client_credentials grant, refresh_token when the instance gave
// one). The token is cached until shortly before it expires; after a 401 the client drops it and asks
// for a fresh one exactly once.
import { ServiceNowError, httpError } from './errors.js';
import type { ExchangeContext } from './transport.js';
import { exchange } from './transport.js';
import { TokenResponseSchema } from './types.js';
import type { ServiceNowConfig } from '../../config/schema.js';

export interface Authenticator {
  readonly kind: 'basic' | 'oauth';
  /** The value of the Authorization header (fetching or refreshing a token if needed). */
  authorization(): Promise<string>;
  /** Forget the cached access token after a 401. True when a new attempt can present a different one. */
  invalidate(): boolean;
}

export interface AuthOptions {
  auth: ServiceNowConfig['auth'];
  baseUrl: string;
  now: () => number;
  transport: ExchangeContext;
}

/** Tokens are renewed this long before ServiceNow would expire them (at most half their lifetime). */
const EXPIRY_MARGIN_MS = 30_000;

function configError(message: string): ServiceNowError {
  return new ServiceNowError({ operation: 'authenticate', kind: 'config', retryable: false, message });
}

export function createAuthenticator(opts: AuthOptions): Authenticator {
  return opts.auth.type === 'basic' ? basicAuth(opts) : oauth(opts);
}

function basicAuth(opts: AuthOptions): Authenticator {
  const { username, password } = opts.auth;
  const header =
    username && password ? `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` : undefined;
  opts.transport.redactor.add(header?.slice('Basic '.length));
  return {
    kind: 'basic',
    authorization: async () => {
      if (header === undefined) {
        throw configError(
          'ServiceNow basic auth needs a username and password (SERVICENOW_USERNAME, SERVICENOW_PASSWORD)',
        );
      }
      return header;
    },
    invalidate: () => false,
  };
}

interface CachedToken {
  accessToken: string;
  renewAt: number;
}

function oauth(opts: AuthOptions): Authenticator {
  const { grant, client_id, client_secret, username, password } = opts.auth;
  const { redactor } = opts.transport;
  let token: CachedToken | undefined;
  let refreshToken: string | undefined;
  let inflight: Promise<string> | undefined;

  const primaryForm = (): Record<string, string> => {
    if (!client_id || !client_secret) {
      throw configError(
        'ServiceNow OAuth needs client_id and client_secret (SERVICENOW_CLIENT_ID, SERVICENOW_CLIENT_SECRET)',
      );
    }
    if (grant === 'client_credentials') return { grant_type: 'client_credentials', client_id, client_secret };
    if (!username || !password) {
      throw configError(
        'ServiceNow OAuth password grant needs a username and password (SERVICENOW_USERNAME, SERVICENOW_PASSWORD)',
      );
    }
    return { grant_type: 'password', client_id, client_secret, username, password };
  };

  const requestToken = async (form: Record<string, string>): Promise<string> => {
    const operation = `oauth ${form.grant_type ?? 'token'}`;
    const res = await exchange(opts.transport, {
      operation,
      method: 'POST',
      url: `${opts.baseUrl}/oauth_token.do`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      data: new URLSearchParams(form).toString(),
    });
    if (res.status < 200 || res.status > 299) {
      throw httpError({
        operation,
        status: res.status,
        body: res.body,
        headers: res.headers,
        nowMs: opts.now(),
        redactor,
      });
    }
    const parsed = TokenResponseSchema.safeParse(res.body);
    if (!parsed.success) {
      throw new ServiceNowError({
        operation,
        kind: 'bad_response',
        status: res.status,
        retryable: false,
        message: `ServiceNow ${operation}: HTTP ${res.status} without an access_token (is OAuth enabled on the instance?)`,
      });
    }
    const t = parsed.data;
    redactor.add(t.access_token);
    redactor.add(t.refresh_token);
    const lifetimeMs = t.expires_in * 1000;
    token = {
      accessToken: t.access_token,
      renewAt: opts.now() + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2),
    };
    // ServiceNow may or may not send a new refresh token with a refresh grant; keep the old one if not.
    if (t.refresh_token !== undefined) refreshToken = t.refresh_token;
    return t.access_token;
  };

  const fetchToken = async (): Promise<string> => {
    if (refreshToken !== undefined && client_id && client_secret) {
      try {
        return await requestToken({
          grant_type: 'refresh_token',
          client_id,
          client_secret,
          refresh_token: refreshToken,
        });
      } catch (e) {
        // A refused refresh token (expired, revoked) is normal: fall back to the primary grant. An
        // outage is not a refusal, so it is reported as it is.
        if (e instanceof ServiceNowError && e.retryable) throw e;
        opts.transport.logger.debug(
          { operation: 'oauth refresh_token' },
          'refresh token refused; using the primary grant',
        );
        refreshToken = undefined;
      }
    }
    return requestToken(primaryForm());
  };

  return {
    kind: 'oauth',
    authorization: async () => {
      if (token !== undefined && opts.now() < token.renewAt) return `Bearer ${token.accessToken}`;
      // Concurrent requests share one token request.
      inflight ??= fetchToken().finally(() => {
        inflight = undefined;
      });
      return `Bearer ${await inflight}`;
    },
    invalidate: () => {
      token = undefined;
      return true;
    },
  };
}

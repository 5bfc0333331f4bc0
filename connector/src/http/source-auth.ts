// Per-source authentication of alarm posts: a bearer token or an HMAC-SHA256 signature of the raw
// body, both compared in constant time. Secrets come from the environment, never from mapping files.
import crypto from 'node:crypto';
import type { SourceAuth } from '../mapping/schema.js';

// 503 when the source's own secret is not configured: the connector cannot take that source's alarms
// yet (senders retry a 503, so nothing is lost once it is set); `closeloop serve` refuses to start so.
export type AuthCheck = { ok: true } | { ok: false; status: 401 | 503; message: string };

export function constantTimeEqual(a: string, b: string): boolean {
  // Hash both sides so lengths match and timing says nothing about the secret's length.
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

export function checkSourceAuth(
  auth: SourceAuth,
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer,
  env: Record<string, string | undefined>,
): AuthCheck {
  const header = (name: string): string | undefined => {
    const v = headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
  };
  switch (auth.type) {
    case 'none':
      return { ok: true };
    case 'bearer': {
      const expected = env[auth.token_env];
      if (!expected)
        return { ok: false, status: 503, message: `source token is not configured (set ${auth.token_env})` };
      const m = /^Bearer\s+(.+)$/i.exec(header('authorization') ?? '');
      if (!m)
        return { ok: false, status: 401, message: 'missing bearer token (Authorization: Bearer <token>)' };
      return constantTimeEqual(m[1]!.trim(), expected)
        ? { ok: true }
        : { ok: false, status: 401, message: 'invalid bearer token' };
    }
    case 'hmac': {
      const secret = env[auth.secret_env];
      if (!secret)
        return {
          ok: false,
          status: 503,
          message: `source HMAC secret is not configured (set ${auth.secret_env})`,
        };
      const given = header(auth.header);
      if (!given)
        return {
          ok: false,
          status: 401,
          message: `missing signature header ${auth.header} (sha256=<hex of HMAC-SHA256 of the body>)`,
        };
      const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(rawBody).digest('hex');
      return constantTimeEqual(given.trim().toLowerCase(), expected)
        ? { ok: true }
        : { ok: false, status: 401, message: 'invalid signature' };
    }
  }
}

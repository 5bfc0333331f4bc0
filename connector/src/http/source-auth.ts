// Per-source authentication of alarm posts, in two steps so that nothing is read before it can be:
// `checkBeforeBody` decides from the headers alone (a bearer token completely; an HMAC signature as far
// as its form and its timestamp's freshness), `verifySignature` then checks the HMAC over the body.
// Signatures (scheme timestamped) cover `<unix seconds>.<raw body>`, so a captured request stops working
// after max_skew, and the same signature is accepted once within that window (replays.ts). Secrets come
// from the environment, never from mapping files; every comparison is constant-time.
import crypto from 'node:crypto';
import type { SourceAuth } from '../mapping/schema.js';

export type HmacAuth = Extract<SourceAuth, { type: 'hmac' }>;

/**
 * Why a request is refused: `missing` (no credential: nothing counted), `wrong` (a wrong credential:
 * counted by the throttle), `stale` (a timestamp outside the window), `config` (the connector lacks the
 * secret: 503).
 */
export type AuthFailure = { ok: false; kind: 'missing' | 'wrong' | 'stale' | 'config'; message: string };

export type BeforeBody =
  | { ok: true; hmac: null }
  /** Headers are in order; the body must still match `signature` (see verifySignature). */
  | { ok: true; hmac: { auth: HmacAuth; secret: string; signature: string; timestamp: string | null } }
  | AuthFailure;

export function constantTimeEqual(a: string, b: string): boolean {
  // Hash both sides so lengths match and timing says nothing about the secret's length.
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

const SIGNATURE = /^sha256=([0-9a-f]{64})$/;
const UNIX_SECONDS = /^\d{1,12}$/;

function headerOf(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export function checkBeforeBody(
  auth: SourceAuth,
  headers: Record<string, string | string[] | undefined>,
  env: Record<string, string | undefined>,
  nowMs: number,
): BeforeBody {
  switch (auth.type) {
    case 'none':
      return { ok: true, hmac: null };
    case 'bearer': {
      const expected = env[auth.token_env];
      if (!expected)
        return {
          ok: false,
          kind: 'config',
          message: `source token is not configured (set ${auth.token_env})`,
        };
      const m = /^Bearer\s+(.+)$/i.exec(headerOf(headers, 'authorization') ?? '');
      if (!m)
        return {
          ok: false,
          kind: 'missing',
          message: 'missing bearer token (Authorization: Bearer <token>)',
        };
      return constantTimeEqual(m[1]!.trim(), expected)
        ? { ok: true, hmac: null }
        : { ok: false, kind: 'wrong', message: 'invalid bearer token' };
    }
    case 'hmac': {
      const secret = env[auth.secret_env];
      if (!secret)
        return {
          ok: false,
          kind: 'config',
          message: `source HMAC secret is not configured (set ${auth.secret_env})`,
        };
      const covers = auth.scheme === 'timestamped' ? `<${auth.timestamp_header}>.<raw body>` : 'the raw body';
      const given = headerOf(headers, auth.header)?.trim().toLowerCase();
      if (!given)
        return {
          ok: false,
          kind: 'missing',
          message: `missing signature header ${auth.header} (sha256=<hex of HMAC-SHA256 of ${covers}>)`,
        };
      if (!SIGNATURE.test(given))
        return {
          ok: false,
          kind: 'wrong',
          message: `malformed ${auth.header}: expected sha256=<64 hex digits of HMAC-SHA256 of ${covers}>`,
        };
      if (auth.scheme === 'body_only')
        return { ok: true, hmac: { auth, secret, signature: given, timestamp: null } };
      const timestamp = headerOf(headers, auth.timestamp_header)?.trim();
      if (!timestamp)
        return {
          ok: false,
          kind: 'missing',
          message: `missing ${auth.timestamp_header} (the signing time in Unix seconds; the signature covers <timestamp>.<raw body>)`,
        };
      if (!UNIX_SECONDS.test(timestamp))
        return {
          ok: false,
          kind: 'stale',
          message: `malformed ${auth.timestamp_header} "${timestamp.slice(0, 40)}": expected the signing time in Unix seconds`,
        };
      const skewMs = Number(timestamp) * 1000 - nowMs;
      if (Math.abs(skewMs) > auth.max_skew) {
        return {
          ok: false,
          kind: 'stale',
          message: `${auth.timestamp_header} ${timestamp} is ${Math.round(Math.abs(skewMs) / 1000)} s ${skewMs < 0 ? 'old' : 'in the future'}; signatures are accepted within ${Math.round(auth.max_skew / 1000)} s of the connector's clock (now ${Math.floor(nowMs / 1000)})`,
        };
      }
      return { ok: true, hmac: { auth, secret, signature: given, timestamp } };
    }
  }
}

/** The `sha256=<hex>` a sender computes: HMAC-SHA256 over `<timestamp>.<body>`, or the body alone. */
export function signatureFor(secret: string, body: Buffer, timestamp: string | null): string {
  const mac = crypto.createHmac('sha256', secret);
  if (timestamp !== null) mac.update(`${timestamp}.`);
  return 'sha256=' + mac.update(body).digest('hex');
}

export function verifySignature(
  h: { secret: string; signature: string; timestamp: string | null },
  body: Buffer,
): boolean {
  return constantTimeEqual(h.signature, signatureFor(h.secret, body, h.timestamp));
}

// Console sessions: a signed, expiring statement of the role, kept in an HttpOnly cookie. The cookie never
// holds a key; it holds `base64url(JSON).base64url(HMAC-SHA256)` over a key derived from the credentials,
// so changing a credential (or the session secret) ends every session issued under it. Each session has
// a random id, so logout can end that one session on the server (the store keeps revoked ids until they
// would have expired anyway).
import crypto from 'node:crypto';
import { z } from 'zod';

export type ConsoleRole = 'admin' | 'read_only';

export const SESSION_COOKIE = 'closeloop_console';

const SessionSchema = z
  .object({
    v: z.literal(2),
    role: z.enum(['admin', 'read_only']),
    sid: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    /** Issued and expiry times, epoch seconds. */
    iat: z.number().int(),
    exp: z.number().int(),
  })
  .strict();
export type Session = z.infer<typeof SessionSchema>;

/** The MAC key of sessions: from an explicit secret if given, else from the console credentials. */
export function sessionKey(material: string): Buffer {
  return crypto.createHmac('sha256', material).update('closeloop-console-session-v1').digest();
}

function mac(key: Buffer, payload: string): string {
  return crypto.createHmac('sha256', key).update(payload).digest('base64url');
}

export function signSession(role: ConsoleRole, key: Buffer, nowMs: number, ttlMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const body: Session = {
    v: 2,
    role,
    sid: crypto.randomBytes(16).toString('base64url'),
    iat,
    exp: iat + Math.max(1, Math.floor(ttlMs / 1000)),
  };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

/** The session a token states, or null when it is malformed, forged or expired. */
export function verifySession(token: string, key: Buffer, nowMs: number): Session | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = Buffer.from(mac(key, payload), 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const s = SessionSchema.safeParse(json);
  if (!s.success) return null;
  const now = nowMs / 1000;
  if (s.data.exp <= now || s.data.iat > now + 60) return null;
  return s.data;
}

/** `a=1; b=2` → {a: '1', b: '2'} (first occurrence wins; values are URI-decoded when they can be). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in out) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

/** A Set-Cookie value for the session (empty value + Max-Age=0 clears it). */
export function sessionCookie(value: string, opts: { maxAgeMs: number; secure: boolean }): string {
  const parts = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/console',
    `Max-Age=${Math.max(0, Math.floor(opts.maxAgeMs / 1000))}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}

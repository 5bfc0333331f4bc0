// Who may use the console: an admin (the API key, or a separate admin key) or a read-only user (a
// separate key). Browsers log in once and carry a signed session cookie; tools may send X-API-Key on
// /console/api. Pages without a session redirect to the login form, the API answers 401. Wrong keys
// count towards the client's throttle like every other credential (http/credential-throttle.ts).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { HttpContext } from '../http/context.js';
import { closeIfUnread, refuseCredential } from '../http/credential-refusal.js';
import { constantTimeEqual } from '../http/source-auth.js';
import type { ConsoleOptions } from './options.js';
import {
  SESSION_COOKIE,
  parseCookies,
  sessionKey,
  verifySession,
  type ConsoleRole,
  type Session,
} from './session.js';

export interface ConsoleCredentials {
  admin: string | undefined;
  readOnly: string | undefined;
  /** MAC key of session cookies; null when no credential is configured (nobody can log in). */
  key: Buffer | null;
  ttlMs: number;
}

export function consoleCredentials(ctx: HttpContext, opts: ConsoleOptions): ConsoleCredentials {
  const admin = opts.adminKey || ctx.env['CLOSELOOP_CONSOLE_ADMIN_KEY'] || ctx.apiKey || undefined;
  const readOnly = opts.readOnlyKey || ctx.env['CLOSELOOP_CONSOLE_READONLY_KEY'] || undefined;
  const secret = opts.sessionSecret || ctx.env['CLOSELOOP_CONSOLE_SESSION_SECRET'];
  const material = secret || (admin || readOnly ? `${admin ?? ''}\n${readOnly ?? ''}` : '');
  return {
    admin,
    readOnly,
    key: material ? sessionKey(material) : null,
    ttlMs: opts.sessionTtlMs ?? 8 * 3_600_000,
  };
}

/** The role a presented key grants (admin first, so one key set as both is admin). */
export function roleForKey(given: string, creds: ConsoleCredentials): ConsoleRole | null {
  if (!given) return null;
  if (creds.admin && constantTimeEqual(given, creds.admin)) return 'admin';
  if (creds.readOnly && constantTimeEqual(given, creds.readOnly)) return 'read_only';
  return null;
}

/** The valid session the request's cookie states, or null (missing, forged, expired, logged out). */
export async function requestSession(
  req: Request,
  creds: ConsoleCredentials,
  ctx: Pick<HttpContext, 'store' | 'now'>,
): Promise<Session | null> {
  if (!creds.key) return null;
  const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
  if (!token) return null;
  const s = verifySession(token, creds.key, ctx.now().getTime());
  if (!s) return null;
  // A role whose credential was removed since the cookie was issued no longer counts.
  if (s.role === 'read_only' && !creds.readOnly) return null;
  if (await ctx.store.isSessionRevoked(s.sid)) return null;
  return s;
}

export interface ConsoleLocals {
  role: ConsoleRole;
  via: 'session' | 'api_key';
}

export function consoleLocals(res: Response): ConsoleLocals {
  return res.locals as ConsoleLocals;
}

/** A state-changing request from a page of another site must not ride on the cookie. */
function crossSite(req: Request): boolean {
  const origin = req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.header('host');
  } catch {
    return true;
  }
}

export function sameOriginPost(req: Request): boolean {
  return !crossSite(req);
}

/** /console/api: a session (plus the console's request header on writes) or X-API-Key. */
export function requireApiRole(
  creds: ConsoleCredentials,
  ctx: Pick<HttpContext, 'store' | 'now' | 'throttle' | 'metrics'>,
): RequestHandler {
  return async function consoleApiGuard(req: Request, res: Response, next: NextFunction): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const key = req.header('x-api-key');
    if (key !== undefined) {
      const role = roleForKey(key, creds);
      if (!role) return refuseCredential(ctx, req, res, 'console_key', 'invalid X-API-Key');
      Object.assign(res.locals, { role, via: 'api_key' } satisfies ConsoleLocals);
      return next();
    }
    const session = await requestSession(req, creds, ctx);
    if (!session) {
      closeIfUnread(req, res);
      return void res.status(401).json({ error: 'not logged in', login: '/console/login' });
    }
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    // SameSite=Strict already keeps the cookie off cross-site requests; a custom header cannot be sent
    // by a plain form either, so a forged write fails twice.
    if (write && (crossSite(req) || req.header('x-closeloop-console') !== '1')) {
      closeIfUnread(req, res);
      return void res.status(403).json({ error: 'console writes need the X-Closeloop-Console: 1 header' });
    }
    Object.assign(res.locals, { role: session.role, via: 'session' } satisfies ConsoleLocals);
    next();
  };
}

export function requireAdmin(req: Request, res: Response, next: NextFunction): void {
  if (consoleLocals(res).role !== 'admin') {
    closeIfUnread(req, res);
    return void res
      .status(403)
      .json({ error: `${req.method} ${req.path} needs the admin role (this session is read-only)` });
  }
  next();
}

/** Where to go after login: only console pages of this connector. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string') return '/console/events';
  if (!/^\/console\/[A-Za-z0-9._~%/?=&+-]*$/.test(next) || next.startsWith('/console/login')) {
    return '/console/events';
  }
  return next;
}

/** Pages: a session, else a redirect to the login form that comes back here afterwards. */
export function requirePageRole(
  creds: ConsoleCredentials,
  ctx: Pick<HttpContext, 'store' | 'now'>,
): RequestHandler {
  return async function consolePageGuard(req: Request, res: Response, next: NextFunction): Promise<void> {
    const session = await requestSession(req, creds, ctx);
    if (!session) {
      const back = safeNext(req.originalUrl);
      return void res.redirect(302, `/console/login?next=${encodeURIComponent(back)}`);
    }
    Object.assign(res.locals, { role: session.role, via: 'session' } satisfies ConsoleLocals);
    next();
  };
}

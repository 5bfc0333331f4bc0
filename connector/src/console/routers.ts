// The admin console, mounted under /console on the connector's own port: login, the static bundle, the
// pages (one shell the front-end renders) and the console JSON API. Its routes declare their credential
// like every other (http/route-table.ts); the console brings the guards of its own kinds (a session
// cookie or a console key as X-API-Key). Nothing under /v1 changes.
import express, { type NextFunction, type Request, type Response } from 'express';
import path from 'node:path';
import { z } from 'zod';
import type { HttpContext } from '../http/context.js';
import type { TelemetryProvider } from '../telemetry/types.js';
import {
  consoleCredentials,
  consoleLocals,
  requestSession,
  requireAdmin,
  requireApiRole,
  requirePageRole,
  roleForKey,
  safeNext,
  sameOriginPost,
} from './auth.js';
import { clientAddress } from '../http/credential-refusal.js';
import { routesWith, type RouteModule } from '../http/route-table.js';
import { eventsApi } from './api-events.js';
import { deliveriesApi } from './api-deliveries.js';
import { mappingsApi } from './api-mappings.js';
import { healthApi } from './api-health.js';
import { DEFAULT_OUT_DIR, DEFAULT_UI_DIR, ensureBundle, type BundleState } from './bundle.js';
import { FAVICON_SVG, bundleMissingPage, loginPage, shellPage, type AssetRefs } from './html.js';
import type { ConsoleOptions } from './options.js';
import { sessionCookie, signSession } from './session.js';

export type { ConsoleOptions, ReloadResult } from './options.js';

export type ConsoleRouters = RouteModule;

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const LoginBody = z.object({ key: z.string().max(1000).default(''), next: z.string().max(2000).optional() });

const ASSET_TYPES: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'app.js.map': 'application/json',
  'app.css.map': 'application/json',
  'app.js.LEGAL.txt': 'text/plain; charset=utf-8',
};

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  next();
}

function assetRefs(b: BundleState): AssetRefs | null {
  return b.ok
    ? { js: `/console/assets/app.js?v=${b.hash}`, css: `/console/assets/app.css?v=${b.hash}` }
    : null;
}

/**
 * The console's routers for `startConnector({ routers })` / `startRuntime({ routers })`. Starts locating
 * (or building) the front-end bundle right away; requests that need it wait for it.
 */
export function consoleRouters(ctx: HttpContext, opts: ConsoleOptions = {}): ConsoleRouters {
  const creds = consoleCredentials(ctx, opts);
  const providers = opts.providers ?? new Map<string, TelemetryProvider>();
  const instanceUrl = opts.instanceUrl?.replace(/\/+$/, '') || null;
  const bundle = ensureBundle(
    opts.bundle?.uiDir ? path.resolve(opts.bundle.uiDir) : DEFAULT_UI_DIR,
    opts.bundle?.outDir ? path.resolve(opts.bundle.outDir) : DEFAULT_OUT_DIR,
  );
  void bundle.then((b) => {
    if (b.ok) ctx.logger.debug({ dir: b.dir }, 'console bundle ready');
    else ctx.logger.warn({ problem: b.problem }, 'console bundle unavailable: /console shows an error page');
  });
  if (!creds.key) ctx.logger.warn('console: no admin or read-only key configured; nobody can log in');
  const secure = (req: Request) => opts.secureCookie ?? req.secure;

  const router = routesWith('public');

  router.get('/console/assets/:file', async (req, res) => {
    const file = String(req.params['file']);
    const type = Object.hasOwn(ASSET_TYPES, file) ? ASSET_TYPES[file] : undefined;
    const b = await bundle;
    if (!type || !b.ok) return void res.status(404).json({ error: `no console asset ${file}` });
    res.setHeader('Content-Type', type);
    res.setHeader(
      'Cache-Control',
      req.query['v'] === b.hash ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    res.sendFile(file, { root: b.dir, dotfiles: 'deny' });
  });

  router.get('/console/favicon.svg', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type('image/svg+xml').send(FAVICON_SVG);
  });

  // ---- login / logout
  router.get('/console/login', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const next = safeNext(req.query['next']);
    res
      .type('html')
      .send(loginPage({ next, assets: assetRefs(await bundle), readOnlyOffered: !!creds.readOnly }));
  });

  router.post('/console/login', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const body = LoginBody.safeParse(req.body ?? {});
    const next = safeNext(body.success ? body.data.next : undefined);
    const assets = assetRefs(await bundle);
    const page = (status: number, error: string) =>
      void res
        .status(status)
        .type('html')
        .send(loginPage({ next, error, assets, readOnlyOffered: !!creds.readOnly }));
    if (!sameOriginPost(req)) return page(403, 'Log in from the console’s own page.');
    if (!creds.key)
      return page(503, 'No console key is configured on this connector (set CLOSELOOP_API_KEY).');
    const addr = clientAddress(req);
    const nowMs = ctx.now().getTime();
    // The key is always checked: a correct one logs in even while this address is throttled (an
    // attacker behind the same proxy must not lock the admin out). Successes never clear failures.
    const role = roleForKey(body.success ? body.data.key : '', creds);
    if (!role) {
      const { throttled, retryAfterMs } = ctx.throttle.fail(addr, 'console_login', nowMs);
      ctx.metrics.authFailures.inc({ credential: 'console_login' });
      req.log.warn({ addr, throttled }, 'console login refused');
      if (throttled) {
        const seconds = Math.ceil(retryAfterMs / 1000);
        res.setHeader('Retry-After', String(seconds));
        return page(429, `Too many failed attempts from this address; try again in ${seconds} s.`);
      }
      return page(401, 'That key is not valid for this console.');
    }
    req.log.info({ role }, 'console login');
    res.setHeader(
      'Set-Cookie',
      sessionCookie(signSession(role, creds.key, nowMs, creds.ttlMs), {
        maxAgeMs: creds.ttlMs,
        secure: secure(req),
      }),
    );
    res.redirect(303, next);
  });

  // Logout ends the session on the server too: a copy of the cookie no longer works afterwards.
  router.post('/console/logout', async (req, res) => {
    const session = await requestSession(req, creds, ctx);
    if (session) {
      await ctx.store.revokeSession(session.sid, new Date(session.exp * 1000), ctx.now());
      req.log.info({ role: session.role }, 'console logout');
    }
    res.setHeader('Set-Cookie', sessionCookie('', { maxAgeMs: 0, secure: secure(req) }));
    res.redirect(303, '/console/login');
  });
  router.get(['/console', '/console/'], (_req, res) => res.redirect(302, '/console/events'));

  // ---- JSON API
  const api = routesWith('console_read');
  api.all('/console/api/*rest', (req, res) => {
    res.status(404).json({ error: `no console API route for ${req.method} ${req.originalUrl}` });
  });

  // ---- pages: one shell; the front-end reads the path
  const shell = routesWith('console_page');
  const pages = [
    '/console/events',
    '/console/events/*key',
    '/console/deliveries',
    '/console/playground',
    '/console/health',
  ];
  shell.get(pages, async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const b = await bundle;
    const assets = assetRefs(b);
    if (!assets)
      return void res
        .status(503)
        .type('html')
        .send(bundleMissingPage(b.ok ? '' : b.problem));
    res.type('html').send(
      shellPage({
        assets,
        config: {
          role: consoleLocals(res).role,
          instanceUrl,
          incidentTable: opts.incidentTable ?? 'incident',
          pollIntervalMs: opts.pollIntervalMs ?? 5000,
        },
      }),
    );
  });

  return {
    routes: [
      ...router.routes,
      ...eventsApi(ctx, { providers, budgetMs: opts.budgetMs ?? 3000, timeZone: opts.timeZone }),
      ...deliveriesApi(ctx),
      ...mappingsApi(ctx, opts),
      ...healthApi(ctx, { providers, instanceUrl }),
      ...api.routes,
      ...shell.routes,
    ].map((r) => ({ ...r, handlers: r.auth === 'public' ? [securityHeaders, ...r.handlers] : r.handlers })),
    guards: {
      console_read: [securityHeaders, requireApiRole(creds, ctx)],
      console_admin: [securityHeaders, requireApiRole(creds, ctx), requireAdmin],
      console_page: [securityHeaders, requirePageRole(creds, ctx)],
    },
  };
}

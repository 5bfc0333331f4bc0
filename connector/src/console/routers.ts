// The admin console, mounted under /console on the connector's own port: login, the static bundle, the
// pages (one shell the front-end renders) and the console JSON API. It guards itself (session cookie or
// X-API-Key), so it is mounted among the open routers; nothing under /v1 changes.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import path from 'node:path';
import { z } from 'zod';
import type { HttpContext } from '../http/context.js';
import type { TelemetryProvider } from '../telemetry/types.js';
import {
  consoleCredentials,
  consoleLocals,
  requireApiRole,
  requirePageRole,
  roleForKey,
  safeNext,
  sameOriginPost,
} from './auth.js';
import { eventsApi } from './api-events.js';
import { deliveriesApi } from './api-deliveries.js';
import { mappingsApi } from './api-mappings.js';
import { healthApi } from './api-health.js';
import { DEFAULT_OUT_DIR, DEFAULT_UI_DIR, ensureBundle, type BundleState } from './bundle.js';
import { FAVICON_SVG, bundleMissingPage, loginPage, shellPage, type AssetRefs } from './html.js';
import { createLoginThrottle } from './login-throttle.js';
import type { ConsoleOptions } from './options.js';
import { sessionCookie, signSession } from './session.js';

export type { ConsoleOptions, ReloadResult } from './options.js';

export interface ConsoleRouters {
  openRouters: Router[];
  protectedRouters: Router[];
}

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
  const throttle = createLoginThrottle({ maxFailures: 10, windowMs: 5 * 60_000 });
  const secure = (req: Request) => opts.secureCookie ?? req.secure;

  const router = express.Router();
  router.use('/console', securityHeaders);

  router.get('/console/assets/:file', async (req, res) => {
    const file = String(req.params['file']);
    const type = ASSET_TYPES[file];
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
    const addr = req.socket.remoteAddress ?? 'unknown';
    const nowMs = ctx.now().getTime();
    const wait = throttle.waitMs(addr, nowMs);
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      return page(429, `Too many failed attempts; try again in ${Math.ceil(wait / 1000)} s.`);
    }
    const role = roleForKey(body.success ? body.data.key : '', creds);
    if (!role) {
      throttle.fail(addr, nowMs);
      req.log.warn({ addr }, 'console login refused');
      return page(401, 'That key is not valid for this console.');
    }
    throttle.succeed(addr);
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

  router.post('/console/logout', (req, res) => {
    res.setHeader('Set-Cookie', sessionCookie('', { maxAgeMs: 0, secure: secure(req) }));
    res.redirect(303, '/console/login');
  });

  // ---- JSON API
  router.use('/console/api', requireApiRole(creds, ctx.now), (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use(eventsApi(ctx, { providers, budgetMs: opts.budgetMs ?? 3000, timeZone: opts.timeZone }));
  router.use(deliveriesApi(ctx));
  router.use(mappingsApi(ctx, opts));
  router.use(healthApi(ctx, { providers, instanceUrl }));
  router.use('/console/api', (req, res) => {
    res.status(404).json({ error: `no console API route for ${req.method} ${req.originalUrl}` });
  });

  // ---- pages: one shell; the front-end reads the path
  router.get(['/console', '/console/'], (_req, res) => res.redirect(302, '/console/events'));
  const pages = [
    '/console/events',
    '/console/events/*key',
    '/console/deliveries',
    '/console/playground',
    '/console/health',
  ];
  router.get(pages, requirePageRole(creds, ctx.now), async (_req, res) => {
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

  return { openRouters: [router], protectedRouters: [] };
}

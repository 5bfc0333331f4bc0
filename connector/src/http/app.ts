// The Express application: public contract of /work/shared/design.md. Extra routers (closure checks,
// console) are mounted by the service.
import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import type { HttpContext } from './context.js';
import { requestLog } from './request-log.js';
import { requireApiKey } from './api-key.js';
import { alarmsRouter } from './alarms-route.js';
import { eventsRouter } from './events-routes.js';
import { mappingsRouter } from './mappings-routes.js';
import { healthRouter } from './health-routes.js';

export function createApp(
  ctx: HttpContext,
  extra: { protectedRouters?: Router[]; openRouters?: Router[] } = {},
): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLog(ctx.logger));
  app.use(healthRouter(ctx));
  app.use(alarmsRouter(ctx));
  for (const r of extra.openRouters ?? []) app.use(r);
  const key = requireApiKey(ctx.apiKey);
  app.use(
    ['/v1/events', '/v1/deliveries', '/v1/rejected', '/v1/mappings', '/v1/closure-checks', '/v1/silences'],
    key,
  );
  app.use(eventsRouter(ctx));
  app.use(mappingsRouter(ctx));
  for (const r of extra.protectedRouters ?? []) app.use(r);
  app.use((req, res) => void res.status(404).json({ error: `no route for ${req.method} ${req.path}` }));
  const onError: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    const e = err as { type?: string; status?: number; length?: number; limit?: number; message?: string };
    if (e.type === 'entity.too.large') {
      ctx.metrics.alarmsRejected.inc({ source: String(req.params?.['source'] ?? 'unknown'), reason: '413' });
      void ctx.store
        .recordRejected({
          source: req.path,
          reason: `body of ${e.length ?? '?'} bytes exceeds the limit of ${e.limit ?? ctx.bodyLimit} bytes (body not kept)`,
          contentType: req.header('content-type') ?? null,
          body: new Uint8Array(),
          receivedAt: ctx.now().toISOString(),
        })
        .catch(() => undefined);
      return void res.status(413).json({ error: `request body exceeds the limit of ${ctx.bodyLimit}` });
    }
    if (e.type === 'entity.parse.failed')
      return void res.status(400).json({ error: `malformed JSON: ${e.message ?? ''}` });
    const status = typeof e.status === 'number' && e.status >= 400 && e.status < 600 ? e.status : 500;
    if (status >= 500) req.log?.error({ err }, 'unhandled error');
    res.status(status).json({ error: status >= 500 ? 'internal error' : (e.message ?? 'bad request') });
  };
  app.use(onError);
  return app;
}

// The Express application: public contract of /work/shared/design.md. Every route comes from a route
// table that declares its credential (route-table.ts); modules the service adds (closure checks, the
// console) bring their routes the same way, and the guards of any credential kinds they introduce.
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { HttpContext } from './context.js';
import { requestLog } from './request-log.js';
import { requireApiKey } from './api-key.js';
import { alarmsRoutes } from './alarms-route.js';
import { alarmSourceGuard } from './alarm-source-guard.js';
import { eventsRoutes } from './events-routes.js';
import { mappingsRoutes } from './mappings-routes.js';
import { healthRoutes } from './health-routes.js';
import { mergeGuards, mountRoutes, type RouteModule } from './route-table.js';
import { formatByteSize } from '../util/byte-size.js';

export function createApp(ctx: HttpContext, modules: readonly RouteModule[] = []): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLog(ctx.logger));
  const guards = mergeGuards(modules, {
    public: [],
    api_key: [requireApiKey(ctx)],
    source: alarmSourceGuard(ctx),
  });
  const routes = [
    ...healthRoutes(ctx),
    ...alarmsRoutes(ctx),
    ...eventsRoutes(ctx),
    ...mappingsRoutes(ctx),
    ...modules.flatMap((m) => m.routes),
  ];
  mountRoutes(app.router, routes, guards);
  app.use(function noRoute(req, res) {
    // Nothing reads the body of a request for no route: close rather than drain it.
    if (!req.complete) res.setHeader('Connection', 'close');
    res.status(404).json({ error: `no route for ${req.method} ${req.path}` });
  });
  const onError: ErrorRequestHandler = function onError(err: unknown, req, res, _next) {
    const e = err as { type?: string; status?: number; limit?: number; message?: string };
    // Body parsers run only after a route's credential was checked, and nothing of a refused body is kept
    // here: alarm posts record their own refusals (alarm-source-guard.ts).
    if (e.type === 'entity.too.large') {
      const limit = typeof e.limit === 'number' ? formatByteSize(e.limit) : ctx.bodyLimit;
      if (!req.complete) res.setHeader('Connection', 'close');
      return void res.status(413).json({ error: `request body exceeds the limit of ${limit}` });
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

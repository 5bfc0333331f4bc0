// Liveness, readiness and metrics. Readiness means: the store answers a write and mappings are loaded.
// Open to anyone who reaches the port (load balancers, orchestrators, Prometheus): they say nothing
// secret, and metrics label values are bounded (no series per request-chosen name).
import type { RequestHandler } from 'express';
import type { HttpContext } from './context.js';
import type { Route } from './route-table.js';

export function healthRoutes(ctx: HttpContext): Route[] {
  const healthz: RequestHandler = (_req, res) => void res.json({ status: 'ok' });
  const readyz: RequestHandler = async (_req, res) => {
    const reasons = [...ctx.notReadyReasons()];
    try {
      await ctx.store.ping();
    } catch (err) {
      reasons.push(`store unavailable: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (reasons.length) return void res.status(503).json({ status: 'not ready', reasons });
    res.json({ status: 'ready', store: ctx.store.kind });
  };
  const metrics: RequestHandler = async (_req, res) => {
    res.setHeader('Content-Type', ctx.metrics.registry.contentType);
    res.send(await ctx.metrics.registry.metrics());
  };
  return [
    { method: 'get', path: '/healthz', auth: 'public', handlers: [healthz] },
    { method: 'get', path: '/readyz', auth: 'public', handlers: [readyz] },
    { method: 'get', path: '/metrics', auth: 'public', handlers: [metrics] },
  ];
}

// Liveness, readiness and metrics. Readiness means the connector accepts alarms: the store answers a
// write, and intake (mappings, listeners, store writes) reports no problem; otherwise 503. A connector
// that accepts alarms but whose ServiceNow, a telemetry provider or the outbox is failing is still
// ready (a load balancer must keep sending alarms) and says `degraded`, with the reasons
// (observability/health-decision.ts). Open to anyone who reaches the port (load balancers,
// orchestrators, Prometheus): they say nothing secret (reasons name no host or credential), and metrics
// label values are bounded (no series per request-chosen name).
import type { RequestHandler } from 'express';
import { setHealthGauges } from '../observability/metrics.js';
import type { HttpContext } from './context.js';
import type { Route } from './route-table.js';

export function healthRoutes(ctx: HttpContext): Route[] {
  const healthz: RequestHandler = (_req, res) => void res.json({ status: 'ok' });
  const readyz: RequestHandler = async (_req, res) => {
    const h = await ctx.health();
    if (!h.ready)
      return void res.status(503).json({
        status: 'not ready',
        reasons: h.notReady,
        ...(h.degraded.length ? { degraded: h.degraded } : {}),
      });
    if (h.degraded.length)
      return void res.json({ status: 'degraded', store: ctx.store.kind, reasons: h.degraded });
    res.json({ status: 'ready', store: ctx.store.kind });
  };
  const metrics: RequestHandler = async (_req, res) => {
    setHealthGauges(ctx.metrics, await ctx.health());
    res.setHeader('Content-Type', ctx.metrics.registry.contentType);
    res.send(await ctx.metrics.registry.metrics());
  };
  return [
    { method: 'get', path: '/healthz', auth: 'public', handlers: [healthz] },
    { method: 'get', path: '/readyz', auth: 'public', handlers: [readyz] },
    { method: 'get', path: '/metrics', auth: 'public', handlers: [metrics] },
  ];
}

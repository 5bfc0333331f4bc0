// Liveness, readiness and metrics. Readiness means: the store answers a write and mappings are loaded.
import express, { type Router } from 'express';
import type { HttpContext } from './context.js';

export function healthRouter(ctx: HttpContext): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  router.get('/readyz', async (_req, res) => {
    const reasons = [...ctx.notReadyReasons()];
    try {
      await ctx.store.ping();
    } catch (err) {
      reasons.push(`store unavailable: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (reasons.length) return void res.status(503).json({ status: 'not ready', reasons });
    res.json({ status: 'ready', store: ctx.store.kind });
  });
  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', ctx.metrics.registry.contentType);
    res.send(await ctx.metrics.registry.metrics());
  });
  return router;
}

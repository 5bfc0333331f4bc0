// Console API: who is logged in and what the console may link to (session), and health: ready or not,
// degraded or not and why, each dependency's state (the same decision as /readyz), and the figures.
import type { HttpContext } from '../http/context.js';
import { routesWith, type Route } from '../http/route-table.js';
import { DEFAULT_HEALTH_POLICY } from '../observability/health-decision.js';
import type { TelemetryProvider } from '../telemetry/types.js';
import { consoleLocals } from './auth.js';
import { createRateWindow, healthFigures } from './health.js';

export function healthApi(
  ctx: HttpContext,
  deps: { providers: Map<string, TelemetryProvider>; instanceUrl: string | null },
): Route[] {
  const router = routesWith('console_read');
  const rates = createRateWindow();

  router.get('/console/api/session', (_req, res) => {
    const l = consoleLocals(res);
    const sources = Object.entries(ctx.engine().sources).map(([name, s]) => ({ name, kind: s.kind }));
    res.json({ role: l.role, via: l.via, sources });
  });

  router.get('/console/api/health', async (_req, res) => {
    const nowMs = ctx.now().getTime();
    const windowMs = DEFAULT_HEALTH_POLICY.windowMs;
    const [figures, health] = await Promise.all([
      healthFigures({
        registry: ctx.metrics.registry,
        providers: [...deps.providers.values()].map((p) => ({ name: p.name, kind: p.kind })),
        sources: Object.keys(ctx.engine().sources),
        nowMs,
        rates,
        recent: ctx.metrics.recent.snapshot(nowMs, windowMs),
        windowMs,
      }),
      ctx.health(),
    ]);
    res.json({
      ...figures,
      status: health.status,
      ready: { ok: health.ready, reasons: health.notReady },
      degraded: health.degraded,
      dependencies: health.dependencies,
      store: ctx.store.kind,
      servicenow: { ...figures.servicenow, instance: deps.instanceUrl },
    });
  });

  return router.routes;
}

// POST /v1/closure-checks — the live verdict the ServiceNow app asks for when someone resolves an
// incident. Bounded by the guard budget so a slow provider makes its check `unknown`, never a hang.
import express from 'express';
import { z } from 'zod';
import type { HttpContext } from './context.js';
import { routesWith, type Route } from './route-table.js';
import type { TelemetryProvider } from '../telemetry/types.js';
import { evaluateEvent } from '../guard/event-verdict.js';
import type { CheckResult } from '../guard/types.js';

const Body = z.object({
  incident: z
    .object({
      sys_id: z.string().max(64).optional(),
      number: z.string().max(40).optional(),
      correlation_id: z.string().max(100).optional(),
      cmdb_ci: z.string().max(64).optional(),
    })
    .refine((i) => !!(i.sys_id || i.correlation_id), 'incident needs sys_id or correlation_id'),
});

function checkView(c: CheckResult) {
  return {
    name: c.name,
    status: c.status,
    observed: c.observed,
    expected: c.expected,
    window: c.window,
    samples: c.samples,
    message: c.message,
  };
}

export function closureRoutes(
  ctx: HttpContext,
  deps: { providers: Map<string, TelemetryProvider>; budgetMs: number; publicUrl: string | undefined },
): Route[] {
  const router = routesWith('api_key');
  router.post('/v1/closure-checks', express.json({ limit: '16kb' }), async (req, res) => {
    const body = Body.safeParse(req.body);
    if (!body.success) {
      return void res.status(400).json({
        error: body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      });
    }
    const inc = body.data.incident;
    const evaluatedAt = ctx.now();
    const event = await ctx.store.findEventByIncident({
      correlationId: inc.correlation_id || undefined,
      sysId: inc.sys_id || undefined,
    });
    if (!event) {
      return void res.json({
        verdict: 'not_applicable',
        checks: [],
        evaluated_at: evaluatedAt.toISOString(),
        reason: 'no Closeloop event for this incident',
      });
    }
    const detail = await ctx.store.getEvent(event.key);
    if (!detail)
      return void res.json({
        verdict: 'not_applicable',
        checks: [],
        evaluated_at: evaluatedAt.toISOString(),
      });
    const v = await evaluateEvent(detail, deps.providers, {
      budgetMs: deps.budgetMs,
      nowMs: evaluatedAt.getTime(),
    });
    const base = deps.publicUrl?.replace(/\/$/, '');
    res.json({
      verdict: v.verdict,
      checks: v.checks.map(checkView),
      evaluated_at: v.evaluatedAt,
      event_key: event.key,
      ...(base ? { console_url: `${base}/console/events/${encodeURIComponent(event.key)}` } : {}),
    });
  });
  return router.routes;
}

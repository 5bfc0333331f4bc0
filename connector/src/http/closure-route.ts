// POST /v1/closure-checks — the live verdict the ServiceNow app asks for when someone resolves or
// closes a guarded record. Bounded by the guard budget so a slow provider makes its check
// `unknown`, never a hang. The body names the record being closed (`record`, any guarded table) and,
// for a record guarded through another one (a work order through its incident), that record
// (`guarded_by`); the event is looked up from the latter. Bodies of the first plugin release,
// `{incident: {...}}`, mean the same as `{record: {table: 'incident', ...}}`. See docs/plugin.md.
import express from 'express';
import { z } from 'zod';
import type { HttpContext } from './context.js';
import { routesWith, type Route } from './route-table.js';
import type { TelemetryProvider } from '../telemetry/types.js';
import { evaluateEvent } from '../guard/event-verdict.js';
import { observeCheckProviders } from '../observability/metrics.js';
import type { CheckResult } from '../guard/types.js';

const TABLE = z.string().regex(/^[a-z][a-z0-9_]{0,79}$/, 'must be a table name');
const RecordRef = z.object({
  sys_id: z.string().max(64).optional(),
  number: z.string().max(40).optional(),
  correlation_id: z.string().max(100).optional(),
  cmdb_ci: z.string().max(64).optional(),
});
const needsKey = (r: { sys_id?: string | undefined; correlation_id?: string | undefined }) =>
  !!(r.sys_id || r.correlation_id);

const Body = z
  .object({
    record: RecordRef.extend({ table: TABLE, target_state: z.string().max(40).optional() })
      .refine(needsKey, 'record needs sys_id or correlation_id')
      .optional(),
    guarded_by: RecordRef.extend({ table: TABLE })
      .refine(needsKey, 'guarded_by needs sys_id or correlation_id')
      .optional(),
    incident: RecordRef.refine(needsKey, 'incident needs sys_id or correlation_id').optional(),
  })
  .refine((b) => b.record || b.incident, 'body needs record (or incident)')
  .refine((b) => !b.guarded_by || b.record, 'guarded_by needs record');

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
    // The record whose correlation is the connector's: the guarding record when there is one.
    const subject = body.data.guarded_by ?? body.data.record ?? body.data.incident!;
    const evaluatedAt = ctx.now();
    const event = await ctx.store.findEventByIncident({
      correlationId: subject.correlation_id || undefined,
      sysId: subject.sys_id || undefined,
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
    // A merged effect is resolved by the connector itself ("follow the cause"); its cause's incident
    // carries the telemetry, so the effect's own checks must not block that resolve.
    if (detail.event.state === 'merged') {
      return void res.json({
        verdict: 'not_applicable',
        checks: [],
        evaluated_at: evaluatedAt.toISOString(),
        event_key: event.key,
        reason: `merged into ${detail.event.noise.mergedInto ?? 'another event'}; its incident is guarded`,
      });
    }
    const v = await evaluateEvent(detail, deps.providers, {
      budgetMs: deps.budgetMs,
      nowMs: evaluatedAt.getTime(),
    });
    observeCheckProviders(ctx.metrics, v.checks);
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

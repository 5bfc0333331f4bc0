// Console API for events: the live list (with attached alarms by source), one event with its timeline
// and writes, and the telemetry behind its verdict, evaluated now with the samples for the charts.
import { z } from 'zod';
import type { HttpContext } from '../http/context.js';
import { routesWith, type Route } from '../http/route-table.js';
import { alarmView, eventView } from '../http/views.js';
import { consoleDelivery } from './api-deliveries.js';
import { alarmStateCheck, seriesSince } from '../guard/event-verdict.js';
import { combineVerdict, evaluateChecks } from '../guard/evaluate-checks.js';
import type { TelemetryProvider } from '../telemetry/types.js';
import type { EventDetail } from '../store/store.js';
import { eventTimeline } from './timeline.js';
import { checkChart } from './check-chart.js';
import { observeCheckProviders } from '../observability/metrics.js';

const ListQuery = z
  .object({
    state: z.enum(['active', 'open', 'pending', 'resolved', 'discarded', 'all']).default('active'),
    site: z.string().trim().max(200).optional(),
    source: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/** Alarm updates a timeline tells at most (the newest); a flapping alarm must not make it endless. */
const TIMELINE_ALARM_UPDATES = 300;

function zodMessage(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
}

export function alarmsBySource(detail: EventDetail): { source: string; active: number; total: number }[] {
  const by = new Map<string, { active: number; total: number }>();
  for (const a of detail.alarms) {
    const c = by.get(a.source) ?? { active: 0, total: 0 };
    c.total++;
    if (a.state === 'active') c.active++;
    by.set(a.source, c);
  }
  return [...by.entries()]
    .map(([source, c]) => ({ source, ...c }))
    .sort((a, b) => a.source.localeCompare(b.source));
}

export function eventsApi(
  ctx: HttpContext,
  deps: { providers: Map<string, TelemetryProvider>; budgetMs: number; timeZone?: string },
): Route[] {
  const router = routesWith('console_read');

  router.get('/console/api/events', async (req, res) => {
    const q = ListQuery.safeParse(req.query);
    if (!q.success) return void res.status(400).json({ error: zodMessage(q.error) });
    const { state, site, source, limit } = q.data;
    const events = await ctx.store.listEvents({
      ...(state !== 'all' ? { state } : {}),
      ...(site ? { site } : {}),
      ...(source ? { source } : {}),
      limit,
    });
    const details = await Promise.all(events.map((e) => ctx.store.getEvent(e.key)));
    res.json({
      events: events.map((e, i) => {
        const d = details[i];
        return { ...eventView(e), alarms_by_source: d ? alarmsBySource(d) : [] };
      }),
    });
  });

  // Keys contain "/": the console sends them encoded (%2F), one path segment.
  router.get('/console/api/events/:key', async (req, res) => {
    const key = String(req.params['key']);
    const detail = await ctx.store.getEvent(key);
    if (!detail) return void res.status(404).json({ error: `no event with key "${key}"` });
    const history = await ctx.store.alarmHistory(key, TIMELINE_ALARM_UPDATES);
    res.json({
      ...eventView(detail.event),
      alarms_by_source: alarmsBySource(detail),
      alarms: detail.alarms.map(alarmView),
      deliveries: detail.deliveries.map(consoleDelivery),
      timeline: eventTimeline(detail, history),
    });
  });

  router.get('/console/api/events/:key/telemetry', async (req, res) => {
    const key = String(req.params['key']);
    const detail = await ctx.store.getEvent(key);
    if (!detail) return void res.status(404).json({ error: `no event with key "${key}"` });
    const checks = detail.event.closeChecks;
    const nowMs = ctx.now().getTime();
    const ac = new AbortController();
    res.on('close', () => ac.abort());
    const results = checks.length
      ? await evaluateChecks(checks, deps.providers, {
          budgetMs: deps.budgetMs,
          nowMs,
          signal: ac.signal,
          ...seriesSince(detail.event),
          ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
        })
      : [];
    // What the charts learned about reachability counts for health, as the watcher's evaluations do.
    observeCheckProviders(
      ctx.metrics,
      results.map((r, i) => ({ provider: checks[i]?.provider, reason: r.reason })),
    );
    const alarms = alarmStateCheck(detail);
    res.json({
      event_key: key,
      evaluated_at: new Date(nowMs).toISOString(),
      verdict: combineVerdict([alarms, ...results]),
      alarms: { status: alarms.status, message: alarms.message },
      checks: results.map((r, i) => checkChart(checks[i]!, r, nowMs)),
    });
  });

  return router.routes;
}

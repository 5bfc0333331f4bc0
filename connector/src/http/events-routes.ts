// Read side of events and the delivery (dead-letter) API.
import { routesWith, type Route } from './route-table.js';
import { z } from 'zod';
import type { HttpContext } from './context.js';
import { alarmView, deliveryView, eventView, rejectedView } from './views.js';

const EventQuery = z
  .object({
    state: z.enum(['pending', 'open', 'resolved', 'discarded', 'active']).optional(),
    site: z.string().min(1).optional(),
    source: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();
const DeliveryQuery = z
  .object({
    state: z.enum(['pending', 'inflight', 'done', 'dead', 'all']).default('dead'),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

function zodMessage(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
}

export function eventsRoutes(ctx: HttpContext): Route[] {
  const router = routesWith('api_key');

  router.get('/v1/events', async (req, res) => {
    const q = EventQuery.safeParse(req.query);
    if (!q.success) return void res.status(400).json({ error: zodMessage(q.error) });
    const events = await ctx.store.listEvents(q.data);
    res.json({ events: events.map(eventView) });
  });

  // Keys contain "/" (DC1/cooling/ZONE-A1): accept them encoded (%2F) or as path segments.
  router.get('/v1/events/*key', async (req, res) => {
    const parts = (req.params as unknown as { key: string[] }).key;
    const key = parts.join('/');
    const detail = await ctx.store.getEvent(key);
    if (!detail) return void res.status(404).json({ error: `no event with key "${key}"` });
    res.json({
      ...eventView(detail.event),
      alarms: detail.alarms.map(alarmView),
      deliveries: detail.deliveries.map(deliveryView),
    });
  });

  router.get('/v1/deliveries', async (req, res) => {
    const q = DeliveryQuery.safeParse(req.query);
    if (!q.success) return void res.status(400).json({ error: zodMessage(q.error) });
    const rows = await ctx.store.listDeliveries(q.data.state, q.data.limit);
    res.json({ deliveries: rows.map(deliveryView) });
  });

  router.post('/v1/deliveries/:id/retry', async (req, res) => {
    const id = z.coerce.number().int().positive().safeParse(req.params['id']);
    if (!id.success) return void res.status(400).json({ error: 'delivery id must be a positive integer' });
    const ok = await ctx.store.retryDelivery(id.data, ctx.now());
    if (!ok) return void res.status(404).json({ error: `no dead delivery with id ${id.data}` });
    ctx.ingest.kick();
    res.json({ id: id.data, state: 'pending' });
  });

  router.get('/v1/rejected', async (req, res) => {
    const limit = z.coerce.number().int().min(1).max(1000).default(100).safeParse(req.query['limit']);
    const rows = await ctx.store.listRejected(limit.success ? limit.data : 100);
    res.json({ rejected: rows.map(rejectedView) });
  });

  return router.routes;
}

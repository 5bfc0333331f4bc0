// Console API for the outbox: pending and dead deliveries with their last error (and whose it is), retry of one or of
// every dead letter (admin), and the raw payloads of rejected alarm requests.
import { z } from 'zod';
import type { HttpContext } from '../http/context.js';
import { deliveryView, rejectedView } from '../http/views.js';
import { routesWith, type Route } from '../http/route-table.js';
import { opSummary } from './timeline.js';
import { errorOrigin } from './delivery-error.js';
import type { OutboxEntry } from '../store/store.js';

/** A delivery as the console shows it: what the write does, and whose error it carries. */
export function consoleDelivery(d: OutboxEntry) {
  return { ...deliveryView(d), summary: opSummary(d.op), error_origin: errorOrigin(d) };
}

const ListQuery = z
  .object({
    state: z.enum(['pending', 'inflight', 'dead', 'done', 'cancelled', 'all']).default('dead'),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

export function deliveriesApi(ctx: HttpContext): Route[] {
  const router = routesWith('console_read');
  const admin = routesWith('console_admin');

  router.get('/console/api/deliveries', async (req, res) => {
    const q = ListQuery.safeParse(req.query);
    if (!q.success)
      return void res
        .status(400)
        .json({ error: q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    const [rows, counts] = await Promise.all([
      ctx.store.listDeliveries(q.data.state, q.data.limit),
      ctx.store.deliveryCounts(),
    ]);
    res.json({ deliveries: rows.map(consoleDelivery), counts });
  });

  admin.post('/console/api/deliveries/:id/retry', async (req, res) => {
    const id = z.coerce.number().int().positive().safeParse(req.params['id']);
    if (!id.success) return void res.status(400).json({ error: 'delivery id must be a positive integer' });
    const ok = await ctx.store.retryDelivery(id.data, ctx.now());
    if (!ok) return void res.status(404).json({ error: `no dead delivery with id ${id.data}` });
    ctx.ingest.kick();
    req.log.info({ delivery: id.data }, 'dead letter retried from the console');
    res.json({ id: id.data, state: 'pending' });
  });

  admin.post('/console/api/deliveries/retry-dead', async (req, res) => {
    const dead = await ctx.store.listDeliveries('dead', 1000);
    const retried: number[] = [];
    for (const d of dead) if (await ctx.store.retryDelivery(d.id, ctx.now())) retried.push(d.id);
    if (retried.length) ctx.ingest.kick();
    req.log.info({ count: retried.length }, 'all dead letters retried from the console');
    res.json({ retried });
  });

  router.get('/console/api/rejected', async (req, res) => {
    const limit = z.coerce.number().int().min(1).max(500).default(50).safeParse(req.query['limit']);
    const rows = await ctx.store.listRejected(limit.success ? limit.data : 50);
    res.json({ rejected: rows.map(rejectedView) });
  });

  return [...router.routes, ...admin.routes];
}

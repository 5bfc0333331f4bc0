// POST /v1/mappings/preview — what a payload would produce, with the live mappings.
import { z } from 'zod';
import type { HttpContext } from './context.js';
import { routesWith, type Route } from './route-table.js';
import { lookupSource } from './alarm-source-guard.js';
import { jsonBody } from './json-body.js';

const PreviewBody = z.object({ source: z.string().min(1), payload: z.unknown() }).strict();

export function mappingsRoutes(ctx: HttpContext): Route[] {
  const router = routesWith('api_key');
  router.post('/v1/mappings/preview', jsonBody(ctx), (req, res) => {
    const body = PreviewBody.safeParse(req.body);
    if (!body.success) {
      return void res.status(400).json({
        error: 'body must be {"source": "<name>", "payload": <alarm JSON>}',
        issues: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    const engine = ctx.engine();
    if (!lookupSource(engine.sources, body.data.source)) {
      return void res.status(404).json({ error: `unknown source "${body.data.source}"` });
    }
    res.json(engine.preview(body.data.source, body.data.payload, ctx.now()));
  });
  return router.routes;
}

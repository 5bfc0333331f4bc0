// POST /v1/mappings/preview — what a payload would produce, with the live mappings.
import express, { type Router } from 'express';
import { z } from 'zod';
import type { HttpContext } from './context.js';
import { jsonBody } from './json-body.js';

const PreviewBody = z.object({ source: z.string().min(1), payload: z.unknown() }).strict();

export function mappingsRouter(ctx: HttpContext): Router {
  const router = express.Router();
  router.post('/v1/mappings/preview', jsonBody(ctx), (req, res) => {
    const body = PreviewBody.safeParse(req.body);
    if (!body.success) {
      return void res.status(400).json({
        error: 'body must be {"source": "<name>", "payload": <alarm JSON>}',
        issues: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    const engine = ctx.engine();
    if (!engine.sources[body.data.source]) {
      return void res.status(404).json({ error: `unknown source "${body.data.source}"` });
    }
    res.json(engine.preview(body.data.source, body.data.payload, ctx.now()));
  });
  return router;
}

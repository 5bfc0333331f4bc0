// Maintenance windows over the API: alarms they cover are recorded but open nothing until they end.
import crypto from 'node:crypto';
import express, { type Router } from 'express';
import { SilenceInputSchema, type Silence } from '../correlation/silences.js';
import type { HttpContext } from './context.js';

function view(s: Silence) {
  return {
    id: s.id,
    starts_at: s.startsAt,
    ends_at: s.endsAt,
    match: s.match,
    comment: s.comment,
    created_by: s.createdBy,
    created_at: s.createdAt,
  };
}

export function silencesRouter(ctx: HttpContext, onChange: () => void): Router {
  const router = express.Router();
  router.get('/v1/silences', async (_req, res) => {
    const now = ctx.now().getTime();
    const all = await ctx.store.listSilences();
    res.json({
      silences: all.map((s) => ({
        ...view(s),
        active: Date.parse(s.startsAt) <= now && now < Date.parse(s.endsAt),
      })),
    });
  });
  router.post('/v1/silences', express.json({ limit: '16kb' }), async (req, res) => {
    const p = SilenceInputSchema.safeParse(req.body);
    if (!p.success)
      return void res
        .status(400)
        .json({ error: p.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
    const s: Silence = {
      id: p.data.id ?? crypto.randomUUID(),
      startsAt: new Date(p.data.starts_at).toISOString(),
      endsAt: new Date(p.data.ends_at).toISOString(),
      match: p.data.match,
      comment: p.data.comment,
      createdBy: p.data.created_by,
      createdAt: ctx.now().toISOString(),
    };
    await ctx.store.addSilence(s);
    onChange();
    res.status(201).json(view(s));
  });
  router.delete('/v1/silences/:id', async (req, res) => {
    const ok = await ctx.store.deleteSilence(String(req.params['id']));
    onChange();
    if (!ok) return void res.status(404).json({ error: `no silence with id ${String(req.params['id'])}` });
    res.status(204).end();
  });
  return router;
}

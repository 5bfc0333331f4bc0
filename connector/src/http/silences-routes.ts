// Maintenance windows over the API: alarms they cover are recorded but open nothing until they end.
import crypto from 'node:crypto';
import express from 'express';
import { SilenceInputSchema, type Silence } from '../correlation/silences.js';
import type { HttpContext } from './context.js';
import { routesWith, type Route } from './route-table.js';

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

export function silencesRoutes(ctx: HttpContext, onChange: () => void): Route[] {
  const router = routesWith('api_key');
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
  const parse = (body: unknown, id: string | undefined) => {
    const p = SilenceInputSchema.safeParse(body);
    if (!p.success)
      return {
        error: p.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      } as const;
    if (id !== undefined && p.data.id !== undefined && p.data.id !== id)
      return { error: `id: "${p.data.id}" differs from the id in the path ("${id}")` } as const;
    const s: Silence = {
      id: id ?? p.data.id ?? crypto.randomUUID(),
      startsAt: new Date(p.data.starts_at).toISOString(),
      endsAt: new Date(p.data.ends_at).toISOString(),
      match: p.data.match,
      comment: p.data.comment,
      createdBy: p.data.created_by,
      createdAt: ctx.now().toISOString(),
    };
    return { silence: s } as const;
  };
  // POST creates: an id already in use is a conflict, never a silent overwrite.
  router.post('/v1/silences', express.json({ limit: '16kb' }), async (req, res) => {
    const p = parse(req.body, undefined);
    if ('error' in p) return void res.status(400).json({ error: p.error });
    const s = p.silence;
    if (!(await ctx.store.createSilence(s)))
      return void res.status(409).json({
        error: `a silence with id "${s.id}" already exists; PUT /v1/silences/${encodeURIComponent(s.id)} changes it`,
      });
    onChange();
    res.status(201).json(view(s));
  });
  // PUT is the explicit update (or create) of the silence named in the path.
  router.put('/v1/silences/:id', express.json({ limit: '16kb' }), async (req, res) => {
    const id = String(req.params['id']);
    if (id.length > 100) return void res.status(400).json({ error: 'id: at most 100 characters' });
    const p = parse(req.body, id);
    if ('error' in p) return void res.status(400).json({ error: p.error });
    await ctx.store.addSilence(p.silence);
    onChange();
    const stored = (await ctx.store.listSilences()).find((x) => x.id === id) ?? p.silence;
    res.status(200).json(view(stored));
  });
  router.delete('/v1/silences/:id', async (req, res) => {
    const ok = await ctx.store.deleteSilence(String(req.params['id']));
    onChange();
    if (!ok) return void res.status(404).json({ error: `no silence with id ${String(req.params['id'])}` });
    res.status(204).end();
  });
  return router.routes;
}

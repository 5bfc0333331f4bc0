// `/__standin/…`: the test harness's own endpoint, so tests in another process can arm faults, read
// the request log and counters, set properties and reset the data. Not part of the Table API and not
// authenticated (the stand-in listens on loopback by default).
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Standin } from './server.js';
import { FaultSpecSchema, inScope, ScopeSchema, type FaultControls } from './faults.js';

export interface AdminDeps {
  faults: FaultControls;
  properties: {
    list(): Record<string, string>;
    get(name: string): string | undefined;
    set(name: string, value: string): void;
  };
  expireAccessTokens(): number;
  reset(): void;
  uiActions: Standin['uiActions'];
  forms: Standin['forms'];
  /** Raw rows of any table (web-service access or not), for assertions from another process. */
  listRows(table: string, encodedQuery: string): Record<string, string>[] | null;
}

const PropertyBodySchema = z
  .object({ value: z.union([z.string(), z.number(), z.boolean()]).transform(String) })
  .strict();
const PropertiesBodySchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean()]).transform(String),
);
const UiActionBodySchema = z
  .object({
    sys_id: z.string().min(1),
    user: z.string().min(1).optional(),
    ui: z.enum(['classic', 'workspace']).optional(),
    form: z.record(z.string(), z.string()).optional(),
    dialog: z
      .object({ fields: z.record(z.string(), z.string()).optional(), button: z.string().min(1).optional() })
      .strict()
      .optional(),
  })
  .strict();
const FormBodySchema = z.object({ user: z.string().min(1).optional() }).strict();
const IdSchema = z.coerce.number().int().min(1);

export function adminRouter(deps: AdminDeps): Router {
  const router = express.Router();
  router.use(express.json({ limit: '1mb' }));
  const bad = (res: express.Response, error: z.ZodError) =>
    res.status(400).json({
      error: 'invalid request',
      issues: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });

  router.get('/health', (_req, res) => void res.json({ ok: true }));

  router.get(
    '/faults',
    (_req, res) =>
      void res.json({
        faults: deps.faults.active().map(({ id, spec, remaining }) => ({
          id,
          ...spec,
          remaining: Number.isFinite(remaining) ? remaining : null,
        })),
      }),
  );
  router.post('/faults', (req, res) => {
    const parsed = FaultSpecSchema.safeParse(req.body);
    if (!parsed.success) return void bad(res, parsed.error);
    res.status(201).json({ id: deps.faults.arm(parsed.data) });
  });
  router.delete('/faults', (_req, res) => {
    deps.faults.clear();
    res.status(204).end();
  });
  router.delete('/faults/:id', (req, res) => {
    const parsed = IdSchema.safeParse(req.params.id);
    if (!parsed.success) return void bad(res, parsed.error);
    deps.faults.clear(parsed.data);
    res.status(204).end();
  });

  router.get('/requests', (req, res) => {
    const scope = ScopeSchema.safeParse({
      ...(typeof req.query.method === 'string' ? { method: req.query.method } : {}),
      ...(typeof req.query.path === 'string' ? { path: req.query.path } : {}),
    });
    if (!scope.success) return void bad(res, scope.error);
    const all = deps.faults.requests();
    const filtered =
      scope.data.method || scope.data.path ? all.filter((e) => inScope(scope.data, e.method, e.path)) : all;
    res.json({ count: filtered.length, requests: filtered });
  });
  router.delete('/requests', (_req, res) => {
    deps.faults.resetRequests();
    res.status(204).end();
  });
  router.get('/counters', (_req, res) => void res.json(deps.faults.counters()));

  router.get('/properties', (_req, res) => void res.json(deps.properties.list()));
  router.put('/properties', (req, res) => {
    const parsed = PropertiesBodySchema.safeParse(req.body);
    if (!parsed.success) return void bad(res, parsed.error);
    for (const [name, value] of Object.entries(parsed.data)) deps.properties.set(name, value);
    res.json(deps.properties.list());
  });
  router.get('/properties/:name', (req, res) => {
    const value = deps.properties.get(req.params.name);
    if (value === undefined) return void res.status(404).json({ error: `no property ${req.params.name}` });
    res.json({ name: req.params.name, value });
  });
  router.put('/properties/:name', (req, res) => {
    const parsed = PropertyBodySchema.safeParse(req.body);
    if (!parsed.success) return void bad(res, parsed.error);
    deps.properties.set(req.params.name, parsed.data.value);
    res.json({ name: req.params.name, value: parsed.data.value });
  });

  router.get('/tables/:table', (req, res) => {
    const query = z.object({ query: z.string().default('') }).safeParse(req.query);
    if (!query.success) return void bad(res, query.error);
    const rows = deps.listRows(req.params.table, query.data.query);
    if (!rows) return void res.status(404).json({ error: `no table ${req.params.table}` });
    res.json({ count: rows.length, rows });
  });

  router.get('/ui-actions', (_req, res) => void res.json({ actions: deps.uiActions.list() }));
  router.post('/ui-actions/:name', async (req, res) => {
    const parsed = UiActionBodySchema.safeParse(req.body ?? {});
    if (!parsed.success) return void bad(res, parsed.error);
    if (!deps.uiActions.list().includes(req.params.name)) {
      return void res.status(404).json({ error: `no UI action ${req.params.name}` });
    }
    const { sys_id: sysId, user, ui, form, dialog } = parsed.data;
    const result = await deps.uiActions.run(req.params.name, {
      sysId,
      ...(user ? { user } : {}),
      ...(ui ? { ui } : {}),
      ...(form ? { form } : {}),
      ...(dialog ? { dialog } : {}),
    });
    res.status(result.ok ? 200 : 409).json(result);
  });

  router.post('/forms/:table/:sysId', async (req, res) => {
    const parsed = FormBodySchema.safeParse(req.body ?? {});
    if (!parsed.success) return void bad(res, parsed.error);
    const view = await deps.forms.open(req.params.table, req.params.sysId, parsed.data.user);
    if (!view.record)
      return void res.status(404).json({ error: `no ${req.params.table} record ${req.params.sysId}` });
    res.json(view);
  });

  router.post('/oauth/expire', (_req, res) => void res.json({ expired: deps.expireAccessTokens() }));
  router.post('/reset', (_req, res) => {
    deps.reset();
    res.status(204).end();
  });
  return router;
}

// Console API for the mapping playground: what is loaded (sources, rules, files), validation errors of
// the files on disk with file:line:col, the same preview as `closeloop mappings preview` and
// POST /v1/mappings/preview, samples to start from, and reload without restart (admin).
import path from 'node:path';
import { z } from 'zod';
import type { HttpContext } from '../http/context.js';
import { lookupSource } from '../http/alarm-source-guard.js';
import { routesWith, type Route } from '../http/route-table.js';
import { jsonBody } from '../http/json-body.js';
import { formatMappingError, sortErrors, type MappingError } from '../mapping/errors.js';
import { formatPreview } from '../mapping/format-preview.js';
import { previewAlarm, previewNormalisedAlarms } from '../mapping/preview.js';
import type { Alarm } from '../model/alarm.js';
import type { ConsoleOptions } from './options.js';
import { builtInSample, recentSamples } from './samples.js';

const PreviewBody = z
  .object({ source: z.string().min(1), payload: z.unknown(), normalised: z.boolean().default(false) })
  .strict();

interface ReloadRecord {
  at: string;
  ok: boolean;
  errors: ReturnType<typeof errorView>[];
}

/** A file as the admin knows it: relative to the mapping directory when it lies inside it. */
function shownFile(file: string, dir: string | undefined): string {
  if (!dir) return file;
  const rel = path.relative(dir, path.resolve(file));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function errorView(e: MappingError, dir: string | undefined) {
  const shown = { ...e, file: shownFile(e.file, dir) };
  return { ...shown, text: formatMappingError(shown) };
}

export function mappingsApi(ctx: HttpContext, opts: ConsoleOptions): Route[] {
  const router = routesWith('console_read');
  const admin = routesWith('console_admin');
  let lastReload: ReloadRecord | null = null;
  const dir = opts.mappingsDir ? path.resolve(opts.mappingsDir) : undefined;
  const shownErrors = (errors: MappingError[]) => sortErrors(errors).map((e) => errorView(e, dir));

  router.get('/console/api/mappings', async (_req, res) => {
    const engine = ctx.engine();
    const m = opts.mappings?.();
    let disk: { checkedAt: string; errors: ReturnType<typeof errorView>[] } | null = null;
    if (opts.validateMappings) {
      disk = { checkedAt: ctx.now().toISOString(), errors: shownErrors(await opts.validateMappings()) };
    }
    res.json({
      sources: Object.entries(engine.sources).map(([name, s]) => ({
        name,
        kind: s.kind,
        description: s.description ?? null,
      })),
      rules: (m?.rules ?? []).map((r) => ({
        name: r.name,
        description: r.spec.description ?? null,
        file: shownFile(r.file, dir),
        close_checks: r.spec.close_checks.length,
      })),
      default_rule: m?.defaultRule?.name ?? null,
      files: (m?.files ?? []).map((f) => shownFile(f, dir)),
      reload_available: !!opts.reloadMappings,
      normalised_preview: !!opts.mappings,
      last_reload: lastReload,
      disk,
    });
  });

  router.post('/console/api/mappings/preview', jsonBody(ctx), (req, res) => {
    const body = PreviewBody.safeParse(req.body);
    if (!body.success) {
      return void res.status(400).json({
        error: 'body must be {"source": "<name>", "payload": <alarm JSON>, "normalised"?: boolean}',
        issues: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    const { source, payload, normalised } = body.data;
    const engine = ctx.engine();
    if (!lookupSource(engine.sources, source))
      return void res.status(404).json({ error: `unknown source "${source}"` });
    const mappings = opts.mappings?.();
    if (!mappings) {
      if (normalised)
        return void res.status(400).json({ error: 'previews of normalised alarms need the loaded mappings' });
      return void res.json({ result: engine.preview(source, payload, ctx.now()), text: null });
    }
    // The same functions `closeloop mappings preview` calls, on the mappings this connector runs.
    const result = normalised
      ? previewNormalisedAlarms(mappings, source, payload)
      : previewAlarm(mappings, source, payload, ctx.now());
    res.json({ result, text: formatPreview(result) });
  });

  router.get('/console/api/mappings/samples', async (_req, res) => {
    const engine = ctx.engine();
    const now = ctx.now();
    const events = await ctx.store.listEvents({ limit: 50 });
    const details = await Promise.all(events.map((e) => ctx.store.getEvent(e.key)));
    const alarms: Alarm[] = details.flatMap((d) => d?.alarms.map((a) => a.alarm) ?? []);
    res.json({
      samples: [
        ...recentSamples(alarms, engine.sources),
        ...Object.entries(engine.sources).map(([name, s]) => builtInSample(name, s, now)),
      ],
    });
  });

  admin.post('/console/api/mappings/reload', async (req, res) => {
    if (!opts.reloadMappings)
      return void res.status(501).json({ error: 'this connector was started without mapping reload' });
    const r = await opts.reloadMappings();
    lastReload = { at: ctx.now().toISOString(), ok: r.ok, errors: r.ok ? [] : shownErrors(r.errors) };
    if (!r.ok) {
      req.log.warn({ errors: r.errors.length }, 'mapping reload refused: the new set is invalid');
      return void res.status(422).json({
        ok: false,
        error: 'the mappings on disk are invalid; the previous set stays active',
        errors: lastReload.errors,
      });
    }
    const m = opts.mappings?.();
    req.log.info('mappings reloaded from the console');
    res.json({ ok: true, rules: m?.rules.length ?? null, files: m?.files.length ?? null });
  });

  return [...router.routes, ...admin.routes];
}

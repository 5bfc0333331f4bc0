// POST /v1/alarms/:source — one alarm or a batch in that source's native format. Nothing is
// acknowledged that was not stored; whatever is refused is kept (raw) for inspection.
import express, { type Request, type Response, type Router } from 'express';
import type { HttpContext } from './context.js';
import { checkSourceAuth } from './source-auth.js';
import { ingestAlarms } from '../service/ingest.js';

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

export function alarmsRouter(ctx: HttpContext): Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: ctx.bodyLimit });

  router.post('/v1/alarms/:source', raw, async (req: Request, res: Response) => {
    const sourceName = String(req.params['source']);
    const receivedAt = ctx.now();
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const contentType = req.header('content-type') ?? null;
    const engine = ctx.engine();
    const source = engine.sources[sourceName];

    const refuse = async (status: number, reason: string, keep: boolean) => {
      ctx.metrics.alarmsRejected.inc({ source: sourceName, reason: String(status) });
      let rejectedId: number | undefined;
      if (keep) {
        try {
          rejectedId = await ctx.store.recordRejected({
            source: sourceName,
            reason,
            contentType,
            body: body.toString('utf8'),
            receivedAt: receivedAt.toISOString(),
          });
        } catch (err) {
          req.log.error({ err }, 'could not keep rejected payload');
        }
      }
      res
        .status(status)
        .json({ error: reason, ...(rejectedId !== undefined ? { rejected_id: rejectedId } : {}) });
    };

    if (!source)
      return refuse(
        404,
        `unknown source "${sourceName}"; configured sources: ${Object.keys(engine.sources).join(', ') || 'none'}`,
        false,
      );
    if (source.kind === 'snmp' || source.kind === 'mqtt') {
      return refuse(
        400,
        `source "${sourceName}" is of kind ${source.kind} and does not accept HTTP posts`,
        false,
      );
    }
    // Unauthenticated bodies are not stored: that would let anyone fill the disk.
    const auth = checkSourceAuth(source.auth, req.headers, body, ctx.env);
    if (!auth.ok) return refuse(auth.status, auth.message, false);
    if (!isJson(contentType ?? undefined)) {
      return refuse(415, `content type must be application/json, got ${contentType ?? 'none'}`, true);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch (err) {
      return refuse(400, `malformed JSON: ${err instanceof Error ? err.message : String(err)}`, true);
    }

    const decoded = engine.decode(sourceName, parsed, receivedAt);
    for (const note of decoded.notes ?? []) req.log.warn({ source: sourceName }, note);
    try {
      const { accepted, refused } = await ingestAlarms(
        ctx.ingest,
        sourceName,
        decoded.alarms,
        decoded.alarms.map((_, i) => i),
      );
      const rejected = [...decoded.errors, ...refused];
      for (const r of rejected) {
        ctx.metrics.alarmsRejected.inc({ source: sourceName, reason: 'invalid_alarm' });
        await ctx.store.recordRejected({
          source: sourceName,
          reason: r.index === null ? r.message : `alarm ${r.index}: ${r.message}`,
          contentType,
          body: r.index === null ? body.toString('utf8') : JSON.stringify(r.raw ?? null),
          receivedAt: receivedAt.toISOString(),
        });
      }
      const payload = {
        accepted: accepted.map((a) => ({
          index: a.index,
          id: a.id,
          outcome: a.outcome,
          event_key: a.eventKey,
        })),
        rejected: rejected.map((r) => ({ index: r.index, message: r.message })),
        ...(decoded.notes?.length ? { notes: decoded.notes } : {}),
      };
      res
        .status(accepted.length ? 202 : 422)
        .json(accepted.length ? payload : { error: 'no alarm in the request could be accepted', ...payload });
    } catch (err) {
      req.log.error({ err }, 'store unavailable: alarms not accepted');
      res
        .status(503)
        .setHeader('Retry-After', '5')
        .json({ error: 'store unavailable; nothing was accepted, retry later' });
    }
  });

  return router;
}

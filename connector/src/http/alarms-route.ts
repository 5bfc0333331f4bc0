// POST /v1/alarms/:source — one alarm or a batch in that source's native format. Nothing is
// acknowledged that was not stored; whatever is refused is kept (raw) for inspection. The route's guard
// (alarm-source-guard.ts) has found the source, checked its credential and read the body by then.
import type { Request, Response } from 'express';
import type { HttpContext } from './context.js';
import type { Route } from './route-table.js';
import { alarmSourceOf } from './alarm-source-guard.js';
import { ingestAlarms } from '../service/ingest.js';

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

export function alarmsRoutes(ctx: HttpContext): Route[] {
  const handle = async (req: Request, res: Response) => {
    const { name: sourceName, body } = alarmSourceOf(res);
    const receivedAt = ctx.now();
    const contentType = req.header('content-type') ?? null;
    const engine = ctx.engine();

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
  };

  return [{ method: 'post', path: '/v1/alarms/:source', auth: 'source', handlers: [handle] }];
}

// POST /v1/alarms/:source — one alarm or a batch in that source's native format. Nothing is
// acknowledged that was not stored; whatever is refused is kept (raw) for inspection. This file finds
// the source and authenticates the sender; alarms-ingest.ts does the rest.
import express, { type Request, type Response, type Router } from 'express';
import type { HttpContext } from './context.js';
import { checkSourceAuth } from './source-auth.js';
import { answerAlarmPost } from './alarms-ingest.js';

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
            body,
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
    return answerAlarmPost(ctx, req, res, { sourceName, body, contentType, receivedAt, engine });
  });

  return router;
}

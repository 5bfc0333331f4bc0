// POST /v1/alarms/:source — one alarm or a batch in that source's native format. Nothing is
// acknowledged that was not stored; whatever is refused is kept (raw) for inspection. The route's guard
// (alarm-source-guard.ts) has found the source, checked its credential and read the body by then;
// alarms-ingest.ts does the rest.
import type { Request, Response } from 'express';
import type { HttpContext } from './context.js';
import type { Route } from './route-table.js';
import { alarmSourceOf } from './alarm-source-guard.js';
import { answerAlarmPost } from './alarms-ingest.js';

export function alarmsRoutes(ctx: HttpContext): Route[] {
  const handle = async (req: Request, res: Response) => {
    const { name: sourceName, body } = alarmSourceOf(res);
    return answerAlarmPost(ctx, req, res, {
      sourceName,
      body,
      contentType: req.header('content-type') ?? null,
      receivedAt: ctx.now(),
      engine: ctx.engine(),
    });
  };
  return [{ method: 'post', path: '/v1/alarms/:source', auth: 'source', handlers: [handle] }];
}

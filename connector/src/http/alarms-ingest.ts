// The part of POST /v1/alarms/:source after the sender is authenticated: parse the raw bytes within
// the limits, decode, ingest, answer. Malformed input is a 4xx and is kept exactly as received;
// 503 (retry) only ever means the store did not take a write.
import type { Request, Response } from 'express';
import type { HttpContext } from './context.js';
import type { Engine } from '../service/engine-types.js';
import type { DecodeResult } from '../sources/types.js';
import { ingestAlarms, type IngestOutcome } from '../service/ingest.js';
import { keepRefused, type Refusal, type RefusalKind } from '../service/rejections.js';
import { parseJsonInput } from '../util/json-input.js';

export interface AlarmPost {
  sourceName: string;
  body: Buffer;
  contentType: string | null;
  receivedAt: Date;
  engine: Engine;
}

function isJson(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

const retryLater = (res: Response, error: string, extra: Record<string, unknown> = {}) =>
  void res
    .status(503)
    .setHeader('Retry-After', '5')
    .json({ error, ...extra });

export async function answerAlarmPost(
  ctx: HttpContext,
  req: Request,
  res: Response,
  post: AlarmPost,
): Promise<void> {
  const { sourceName, body, contentType, receivedAt, engine } = post;
  const limits = ctx.ingest.limits;
  const keep = (kind: RefusalKind, refusals: Refusal[]) =>
    keepRefused(
      {
        store: ctx.store,
        metrics: ctx.metrics,
        logRefusal: ctx.ingest.logRefusal,
        onWrite: (err) => ctx.ingest.health.record(err),
      },
      { source: sourceName, body, contentType, receivedAt, kind, refusals },
    );

  /** Refuses the body as a whole: kept, then answered; 503 when it could not be kept. */
  const refuseBody = async (status: number, kind: RefusalKind, message: string) => {
    let rejectedId: number;
    try {
      rejectedId = await keep(kind, [{ index: null, message }]);
    } catch (err) {
      req.log.error({ err }, 'store unavailable: a refused payload could not be kept');
      return retryLater(
        res,
        `store unavailable: the payload was refused (${message}) and could not be kept; retry later`,
      );
    }
    res.status(status).json({ error: message, rejected_id: rejectedId });
  };

  if (!isJson(contentType))
    return refuseBody(
      415,
      'unsupported_media_type',
      `content type must be application/json, got ${contentType ?? 'none'}`,
    );

  const parsed = parseJsonInput(body, {
    maxDepth: limits.nestingDepth,
    depthSetting: 'limits.nesting_depth',
  });
  if (!parsed.ok) return refuseBody(400, 'malformed', parsed.error.message);

  let decoded: DecodeResult;
  try {
    decoded = await engine.decodeInChunks(sourceName, parsed.value, {
      receivedAt,
      maxItems: limits.alarmsPerBatch,
    });
  } catch (err) {
    // A decoder must not throw; if one does on some input, that input is refused, not the service.
    req.log.error({ err }, 'decoder failed');
    return refuseBody(
      422,
      'invalid_body',
      `the payload could not be decoded: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  for (const note of decoded.notes ?? []) req.log.warn({ source: sourceName }, note);
  const tooMany = decoded.errors.find((e) => e.code === 'too_many_items');
  if (tooMany) return refuseBody(413, 'too_many_items', tooMany.message);
  const wholeBody = decoded.errors.find((e) => e.index === null);
  if (wholeBody && decoded.alarms.length === 0) return refuseBody(422, 'invalid_body', wholeBody.message);

  const outcome: IngestOutcome = await ingestAlarms(
    ctx.ingest,
    sourceName,
    decoded.alarms,
    decoded.positions,
  );
  const refused: Refusal[] = [...decoded.errors, ...outcome.refused]
    .map((r) => ({ index: r.index, message: r.message }))
    .sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
  let rejectedId: number | undefined;
  let keepError: unknown;
  if (refused.length) {
    try {
      rejectedId = await keep('invalid_alarm', refused);
    } catch (err) {
      keepError = err;
    }
  }
  const accepted = outcome.accepted.map((a) => ({
    index: a.index,
    id: a.id,
    outcome: a.outcome,
    event_key: a.eventKey,
  }));
  const rejected = refused.map((r) => ({ index: r.index, message: r.message }));
  const extra = {
    ...(rejectedId !== undefined ? { rejected_id: rejectedId } : {}),
    ...(decoded.notes?.length ? { notes: decoded.notes } : {}),
  };

  if (outcome.storeError !== undefined || keepError !== undefined) {
    req.log.error({ err: outcome.storeError ?? keepError }, 'store unavailable: alarms not accepted');
    const total = decoded.alarms.length;
    const stored = accepted.length;
    const what =
      outcome.storeError === undefined
        ? 'the refused alarms could not be kept'
        : stored
          ? `${stored} of ${total} alarms were stored before it failed, the rest were not`
          : 'nothing was accepted';
    // Sending the whole request again is safe: an alarm already stored is recognised as a repeat.
    return retryLater(res, `store unavailable; ${what}; retry later`, {
      accepted,
      not_stored: outcome.notStored,
      rejected,
      ...extra,
    });
  }
  if (!accepted.length)
    return void res
      .status(422)
      .json({ error: 'no alarm in the request could be accepted', accepted, rejected, ...extra });
  res.status(202).json({ accepted, rejected, ...extra });
}

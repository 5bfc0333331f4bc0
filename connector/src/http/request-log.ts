// A request id per request (taken from X-Request-Id when sent) and one log line when it finishes.
// Refusals anyone can cause (no or wrong credential, unknown path, too large, throttled) are logged at
// most a few times per minute per client and status; the rest are summarised as a count (the metrics
// count every one). Query strings are logged with credential-like values masked (logger.ts).
import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { createLogLimiter } from '../observability/log-limiter.js';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    log: Logger;
  }
}

const OUTSIDER_STATUSES = new Set([400, 401, 403, 404, 405, 409, 413, 415, 429]);

export function requestLog(logger: Logger, opts: { refusalsPerMinute?: number } = {}) {
  const limiter = createLogLimiter({
    perWindow: opts.refusalsPerMinute ?? 10,
    windowMs: 60_000,
    onSuppressed: (key, count) => {
      const [client, status] = key.split('\n');
      logger.warn(
        { client, status: Number(status), count },
        `${count} more refused requests not logged in the last minute`,
      );
    },
  });
  return function requestLogger(req: Request, res: Response, next: NextFunction): void {
    const given = req.header('x-request-id');
    req.id = given && /^[\w.-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    req.log = logger.child({ reqId: req.id });
    res.setHeader('X-Request-Id', req.id);
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const status = res.statusCode;
      if (OUTSIDER_STATUSES.has(status) && !limiter.admit(`${req.socket.remoteAddress ?? '?'}\n${status}`))
        return;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'debug';
      req.log[level](
        { method: req.method, url: req.originalUrl, status, ms: Math.round(ms * 10) / 10 },
        'request',
      );
    });
    next();
  };
}

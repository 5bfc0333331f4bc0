// How every guard answers a missing or wrong credential: the failure is counted (throttle and metric),
// a throttled client gets 429 with Retry-After, anyone else 401. A request whose body has not been read
// is answered with `Connection: close`, so a refused client cannot make the connector read it.
import type { Request, Response } from 'express';
import type { HttpContext } from './context.js';

/** The address failures are counted under (the peer: behind a proxy, the proxy; docs/security.md). */
export function clientAddress(req: Request): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export function closeIfUnread(req: Request, res: Response): void {
  if (!req.complete) res.setHeader('Connection', 'close');
}

/** No credential at all: nothing was guessed, so nothing is counted. */
export function refuseMissing(
  req: Request,
  res: Response,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  closeIfUnread(req, res);
  res.status(401).json({ error: message, ...extra });
}

/** Counts one wrong `credential` from this client and answers; `extra` joins the JSON of a 401. */
export function refuseCredential(
  ctx: Pick<HttpContext, 'throttle' | 'metrics' | 'now'>,
  req: Request,
  res: Response,
  credential: string,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  const { throttled, retryAfterMs } = ctx.throttle.fail(clientAddress(req), credential, ctx.now().getTime());
  ctx.metrics.authFailures.inc({ credential });
  closeIfUnread(req, res);
  if (throttled) {
    const seconds = Math.ceil(retryAfterMs / 1000);
    res.setHeader('Retry-After', String(seconds));
    res
      .status(429)
      .json({ error: `too many failed credentials from this address; try again in ${seconds} s` });
    return;
  }
  res.status(401).json({ error: message, ...extra });
}

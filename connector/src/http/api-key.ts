// The API key that ServiceNow (and admins' tools) send as X-API-Key. Without a configured key the
// read/write API is refused rather than left open. Failures count towards the client's throttle.
import type { NextFunction, Request, Response } from 'express';
import type { HttpContext } from './context.js';
import { closeIfUnread, refuseCredential, refuseMissing } from './credential-refusal.js';
import { constantTimeEqual } from './source-auth.js';

export function requireApiKey(ctx: HttpContext) {
  return function apiKeyGuard(req: Request, res: Response, next: NextFunction): void {
    if (!ctx.apiKey) {
      closeIfUnread(req, res);
      res.status(503).json({ error: 'the connector has no API key configured (set CLOSELOOP_API_KEY)' });
      return;
    }
    const given = req.header('x-api-key');
    if (!given) return refuseMissing(req, res, 'missing or invalid X-API-Key');
    if (!constantTimeEqual(given, ctx.apiKey))
      return refuseCredential(ctx, req, res, 'api_key', 'missing or invalid X-API-Key');
    next();
  };
}

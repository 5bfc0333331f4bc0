// The API key that ServiceNow (and admins' tools) send as X-API-Key. Without a configured key the
// read/write API is refused rather than left open.
import type { NextFunction, Request, Response } from 'express';
import { constantTimeEqual } from './source-auth.js';

export function requireApiKey(apiKey: string | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!apiKey) {
      res.status(503).json({ error: 'the connector has no API key configured (set CLOSELOOP_API_KEY)' });
      return;
    }
    const given = req.header('x-api-key');
    if (!given || !constantTimeEqual(given, apiKey)) {
      res.status(401).json({ error: 'missing or invalid X-API-Key' });
      return;
    }
    next();
  };
}

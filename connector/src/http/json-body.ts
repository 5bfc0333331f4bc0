// JSON request bodies for routes other than alarm posts (previews), parsed from the raw bytes within
// the same limits as alarms (util/json-input.ts): express.json has no depth bound, and a deep body
// made the response's JSON.stringify overflow the stack (a 500).
import express, { type RequestHandler } from 'express';
import type { HttpContext } from './context.js';
import { parseJsonInput } from '../util/json-input.js';

const isJson = (type: string | undefined): boolean => {
  const t = (type ?? '').split(';')[0]!.trim().toLowerCase();
  return t === 'application/json' || t.endsWith('+json');
};

export function jsonBody(ctx: HttpContext): RequestHandler {
  const raw = express.raw({ type: (req) => isJson(req.headers['content-type']), limit: ctx.bodyLimit });
  const parse: RequestHandler = (req, res, next) => {
    if (!Buffer.isBuffer(req.body)) {
      req.body = undefined;
      return next();
    }
    const parsed = parseJsonInput(req.body, {
      maxDepth: ctx.ingest.limits.nestingDepth,
      depthSetting: 'limits.nesting_depth',
    });
    if (!parsed.ok) return void res.status(400).json({ error: parsed.error.message });
    req.body = parsed.value;
    next();
  };
  return (req, res, next) => raw(req, res, (err?: unknown) => (err ? next(err) : parse(req, res, next)));
}

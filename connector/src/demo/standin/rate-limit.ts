// An hourly rate-limit rule as instances apply them: requests per user per clock hour; over the
// limit → 429 with Retry-After (seconds to the next hour) and X-RateLimit-Limit / -Reset (epoch
// seconds) / -Rule (the rule's sys_id). Optional; fault injection covers one-off 429s.
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';

export interface RateLimitRule {
  perHour: number;
  /** sys_id of the rate limit rule, sent as X-RateLimit-Rule. */
  ruleSysId?: string;
}

export interface RateLimitState {
  rule: RateLimitRule;
  /** user → [hour start (ms), count] */
  windows: Map<string, { hourStartMs: number; count: number }>;
  now: () => number;
}

const HOUR_MS = 3_600_000;
const DEFAULT_RULE_SYS_ID = '0c64e0d8db5f3300c8b5f7d5ca9619a1';

export function rateLimitMiddleware(state: RateLimitState) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const user = z.object({ user: z.string() }).safeParse(res.locals.principal);
    const key = user.success ? user.data.user : 'guest';
    const now = state.now();
    const hourStartMs = Math.floor(now / HOUR_MS) * HOUR_MS;
    const window = state.windows.get(key);
    const current = window && window.hourStartMs === hourStartMs ? window : { hourStartMs, count: 0 };
    current.count += 1;
    state.windows.set(key, current);
    if (current.count <= state.rule.perHour) return next();
    const resetMs = hourStartMs + HOUR_MS;
    res
      .status(429)
      .set({
        'Retry-After': String(Math.max(1, Math.ceil((resetMs - now) / 1000))),
        'X-RateLimit-Limit': String(state.rule.perHour),
        'X-RateLimit-Reset': String(Math.floor(resetMs / 1000)),
        'X-RateLimit-Rule': state.rule.ruleSysId ?? DEFAULT_RULE_SYS_ID,
      })
      .json({
        error: {
          message: 'Rate limit exceeded',
          detail: `The maximum number of requests per hour (${state.rule.perHour}) for this rate limit rule has been reached.`,
        },
        status: 'failure',
      });
  };
}

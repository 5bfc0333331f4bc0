// Durations in config and mappings are written as `90s`, `10m`, `2h`, `1d` (or plain seconds) and
// carried as milliseconds everywhere else.
import { z } from 'zod';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return Math.round(n * (UNIT_MS[unit] ?? 1000));
}

export function formatDuration(ms: number): string {
  if (ms % 86_400_000 === 0 && ms > 0) return `${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

/** zod: `"10m"` or `600` (seconds) → 600000 (ms). */
export const DurationSchema = z
  .union([z.string(), z.number().nonnegative()])
  .transform((v, ctx) => {
    const ms = typeof v === 'number' ? Math.round(v * 1000) : parseDuration(v);
    if (ms === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${String(v)}" is not a duration (use e.g. 90s, 10m, 2h, 1d)`,
      });
      return z.NEVER;
    }
    return ms;
  })
  .meta({ description: 'A duration: a number of seconds, or a string such as 90s, 10m, 2h, 1d.' });

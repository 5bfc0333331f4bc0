// Correlation keys become ServiceNow `correlation_id` values and encoded-query operands, so they must be
// non-empty, at most 100 characters and free of `^` (the encoded-query separator) and line breaks.
import { createHash } from 'node:crypto';

export const MAX_CORRELATION_KEY = 100;

export type KeyResult = { ok: true; key: string } | { ok: false; error: string };

/**
 * Cleans a rendered key: runs of whitespace (line breaks too) become one space, other control characters and `^` become `_`. A key
 * longer than 100 characters keeps its readable head and ends in `~` plus 16 hex digits of its SHA-256,
 * so different long keys stay different and the same key always shortens the same way.
 */
export function normaliseCorrelationKey(rendered: string): KeyResult {
  const cleaned = rendered
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f^]/g, '_')
    .trim();
  if (!cleaned) return { ok: false, error: 'correlation key rendered empty' };
  if (cleaned.length <= MAX_CORRELATION_KEY) return { ok: true, key: cleaned };
  const digest = createHash('sha256').update(cleaned).digest('hex').slice(0, 16);
  return { ok: true, key: `${cleaned.slice(0, MAX_CORRELATION_KEY - 17)}~${digest}` };
}

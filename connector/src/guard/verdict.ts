// The verdict over several check results: one failure decides; otherwise any doubt is `unknown`.
import type { CheckStatus } from './types.js';

/** fail if any fails, else unknown if any is unknown, else pass (no checks → pass). */
export function combineVerdict(results: ReadonlyArray<{ status: CheckStatus }>): CheckStatus {
  if (results.some((r) => r.status === 'fail')) return 'fail';
  if (results.some((r) => r.status === 'unknown')) return 'unknown';
  return 'pass';
}

// The verdict over several check results: one failure decides; otherwise any doubt is `unknown`.
import type { Verdict } from '../model/verdict.js';

/** fail if any fails, else unknown if any is unknown, else pass (no checks → pass). */
export function combineVerdict(results: ReadonlyArray<{ status: Verdict }>): Verdict {
  if (results.some((r) => r.status === 'fail')) return 'fail';
  if (results.some((r) => r.status === 'unknown')) return 'unknown';
  return 'pass';
}

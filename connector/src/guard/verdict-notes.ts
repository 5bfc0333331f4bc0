// Work-note text for verdict changes: what a technician needs to know in one or two lines.
import type { EventVerdict } from './event-verdict.js';

export function verdictNote(prev: string | null, v: EventVerdict, stabilizeText: string): string {
  const failing = v.checks.filter((c) => c.status !== 'pass').map((c) => c.message);
  if (v.verdict === 'pass') return `Telemetry back in range and stable for ${stabilizeText} — OK to resolve.`;
  if (v.verdict === 'fail') {
    const again = prev === 'pass' ? ' again' : '';
    return `Not OK to resolve${again}: ${failing.join('; ')}`;
  }
  return `Telemetry verdict unknown (cannot confirm recovery): ${failing.join('; ')}`;
}

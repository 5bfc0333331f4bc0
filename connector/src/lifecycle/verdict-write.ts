// Whether a verdict may still be written: it was evaluated from a snapshot of the event (its alarms,
// its last verdict), and by the time it is written an alarm may have been raised again or another
// replica may have recorded a newer verdict. A verdict judged on a stale snapshot (a pass computed
// while every alarm was clear, written after one came back) must not resolve anything.
import type { EventRecord } from './types.js';

/** What the evaluation read: the event's last alarm time and its verdict time at that moment. */
export interface VerdictBasis {
  lastAlarmAt: string;
  verdictAt: string | null;
}

/** Why a verdict evaluated from `basis` at `evaluatedAt` may not be written over `current`, or null. */
export function staleVerdictReason(
  current: EventRecord,
  basis: VerdictBasis,
  evaluatedAt: string,
): string | null {
  if (current.state !== 'open') return `the event is ${current.state} now`;
  if (current.lastAlarmAt !== basis.lastAlarmAt)
    return 'an alarm of the event changed while it was evaluated';
  if (current.verdictAt !== basis.verdictAt) return 'another verdict was recorded while it was evaluated';
  if (current.verdictAt !== null && Date.parse(evaluatedAt) < Date.parse(current.verdictAt))
    return 'a newer verdict is already recorded';
  return null;
}

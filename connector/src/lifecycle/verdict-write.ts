// Writing a verdict the watcher evaluated, with the operations it asks for (verdict record, note,
// resolve). It was evaluated from a snapshot of the event (its alarms, its last verdict), and by the
// time it is written an alarm may have been raised again or another replica may have recorded a
// newer verdict. A verdict judged on a stale snapshot (a pass computed while every alarm was clear,
// written after one came back) must not resolve anything, so it is written only over that snapshot.
import type { EventRecord } from '../model/event.js';
import type { Operation } from '../model/operation.js';
import type { CheckResult, Verdict } from '../model/verdict.js';
import type { LifecycleStore } from './ports.js';

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

export interface EvaluatedVerdict {
  verdict: Verdict;
  checks: CheckResult[];
  evaluatedAt: string;
}

export type VerdictWrite = { written: true } | { written: false; reason: string };

/**
 * Record a verdict; `ops` (note/verdict/resolve) are enqueued with it, a `resolve` among them closes
 * the event. Written only while the event is as the evaluation read it (`basis`); otherwise nothing
 * is written and the reason is returned.
 */
export function recordVerdict(
  store: LifecycleStore,
  key: string,
  v: EvaluatedVerdict,
  ops: Operation[],
  now: Date,
  basis: VerdictBasis,
): Promise<VerdictWrite> {
  return store.passTx(async (tx): Promise<VerdictWrite> => {
    const e = await tx.lockEvent(key);
    if (!e) return { written: false, reason: 'the event is gone' };
    const stale = staleVerdictReason(e, basis, v.evaluatedAt);
    if (stale) return { written: false, reason: stale };
    const at = now.toISOString();
    const resolves = ops.some((o) => o.op === 'resolve');
    await tx.putEvent({
      ...e,
      verdict: v.verdict,
      verdictAt: v.evaluatedAt,
      verdictChecks: v.checks,
      updatedAt: at,
      ...(resolves ? { state: 'resolved' as const, resolvedAt: at } : {}),
    });
    if (ops.length) await tx.enqueue(key, ops, now);
    return { written: true };
  });
}

// Hold-down and maintenance windows end: a held event whose raise time has come opens its incident
// if one of its alarms is still active, and is discarded if none is.
import type { LifecycleStore } from './ports.js';

/** One pass; returns how many incidents were raised. */
export function raiseDueEvents(store: LifecycleStore, now: Date): Promise<number> {
  return store.passTx(async (tx) => {
    const at = now.toISOString();
    let raised = 0;
    for (const e of await tx.dueHeldEvents(now)) {
      if (e.pendingCreate && (await tx.countActive(e.key, null)) > 0) {
        await tx.putEvent({ ...e, state: 'open', pendingCreate: null, raiseAt: null, updatedAt: at });
        await tx.enqueue(e.key, [e.pendingCreate], now);
        raised++;
      } else {
        await tx.putEvent({ ...e, state: 'discarded', pendingCreate: null, updatedAt: at });
      }
    }
    return raised;
  });
}

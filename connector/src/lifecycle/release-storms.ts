// Storm control, later half: once the rate of new incidents is back under the limit, parked events
// are released as incidents (no faster than the limit) and the storm incident is closed with totals.
import type { LifecycleStore } from './ports.js';
import { creationCount, planRelease, STORM_KIND } from './storm.js';

/** One pass; returns how many parked events were released. */
export function releaseStorms(store: LifecycleStore, now: Date, limitPerMinute: number): Promise<number> {
  return store.passTx(async (tx) => {
    const at = now.toISOString();
    let released = 0;
    for (const storm of await tx.openEventsOfKind(STORM_KIND)) {
      const parked = await tx.parkedUnder(storm.key);
      const rate = await tx.countOutcomes(creationCount(now), null);
      const plan = planRelease(storm, parked, rate, limitPerMinute, now);
      if (!plan) continue;
      for (const e of plan.release) {
        await tx.putEvent({
          ...e,
          state: 'open',
          pendingCreate: null,
          updatedAt: at,
          noise: { ...e.noise, parked: false, mergedInto: null },
        });
        if (e.pendingCreate) await tx.enqueue(e.key, [e.pendingCreate], now);
        // Counted as a new incident, so releases themselves stay within the limit.
        await tx.appendLog({
          identity: `storm-release:${e.key}`,
          eventKey: e.key,
          outcome: 'released',
          state: 'active',
          severity: e.severity,
          receivedAt: at,
          alarm: null,
        });
        released++;
      }
      await tx.putEvent(plan.storm);
      await tx.enqueue(storm.key, plan.stormOps, now);
    }
    return released;
  });
}

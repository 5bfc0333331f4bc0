// "The outbox is idle": nothing left that would still write to ServiceNow without a new alarm.
import type { Store } from '../../connector/src/store/store.js';

export interface SettleOptions {
  timeoutMs: number;
  /** The instance's write count must stay unchanged this long. */
  quietMs: number;
  writes: () => Promise<number>;
  onWait?: (reasons: string[]) => void;
}

export interface Settled {
  settled: boolean;
  waitedMs: number;
  /** What was still outstanding at the end (empty when settled). */
  reasons: string[];
}

/** Reasons the connector may still write: deliveries due, held or parked events, buffered notes, unjudged events. */
export async function outstanding(store: Store): Promise<string[]> {
  const reasons: string[] = [];
  const counts = await store.deliveryCounts();
  if (counts.pending + counts.inflight > 0)
    reasons.push(`${counts.pending} pending and ${counts.inflight} in-flight deliveries`);
  const events = await store.listEvents({ limit: 100_000 });
  const held = events.filter((e) => e.state === 'pending' && (e.raiseAt !== null || e.noise.parked));
  if (held.length) reasons.push(`${held.length} events held (hold-down) or parked (storm control)`);
  const notes = events.filter((e) => e.noise.noteDueAt !== null);
  if (notes.length) reasons.push(`${notes.length} events with buffered notes due`);
  const unjudged = events.filter(
    (e) => e.state === 'open' && e.closeChecks.length > 0 && e.verdictAt === null,
  );
  if (unjudged.length) reasons.push(`${unjudged.length} open events not yet evaluated by the watcher`);
  return reasons;
}

export async function waitSettled(store: Store, o: SettleOptions): Promise<Settled> {
  const start = Date.now();
  let last = await o.writes();
  let lastChange = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const w = await o.writes();
    if (w !== last) {
      last = w;
      lastChange = Date.now();
    }
    const reasons = await outstanding(store);
    if (reasons.length === 0 && Date.now() - lastChange >= o.quietMs)
      return { settled: true, waitedMs: Date.now() - start, reasons };
    if (Date.now() - start > o.timeoutMs) return { settled: false, waitedMs: Date.now() - start, reasons };
    o.onWait?.(reasons);
  }
}

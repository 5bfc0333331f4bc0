// Note economy, later half: buffered work notes whose time has come are written as one summary.
import { flushDue } from './note-economy.js';
import type { LifecycleStore } from './ports.js';

/** One pass; returns how many notes were enqueued. */
export function flushDueNotes(store: LifecycleStore, now: Date): Promise<number> {
  return store.passTx(async (tx) => {
    const at = now.toISOString();
    let notes = 0;
    for (const e of await tx.dueNoteEvents(now)) {
      const f = flushDue(e, now);
      if (!f) continue;
      await tx.putEvent({ ...f.event, updatedAt: at });
      // An event no longer open has no incident to note on (or none yet): the buffer is dropped.
      if (f.op && e.state === 'open') {
        await tx.enqueue(e.key, [f.op], now);
        notes++;
      }
    }
    return notes;
  });
}

// Identical reads close together share one request: fifty people pressing "Resolve" on incidents over
// the same GPUs should cost Prometheus one query, not fifty. In-flight requests are always shared;
// answers are kept `ttlMs` after they arrive. Failures are never kept.

export interface Coalescer<T> {
  /** The answer for `key`: one in flight, one younger than the TTL, or a fresh one from `load`. */
  get(key: string, load: () => Promise<T>, signal: AbortSignal): Promise<T>;
}

const MAX_ENTRIES = 1000;

interface Entry<T> {
  value: Promise<T>;
  /** When the answer arrived; undefined while in flight. */
  settledAt?: number;
}

export function createCoalescer<T>(ttlMs: number, now: () => number = Date.now): Coalescer<T> {
  const entries = new Map<string, Entry<T>>();
  const fresh = (e: Entry<T>, t: number) => e.settledAt === undefined || t - e.settledAt <= ttlMs;

  function start(key: string, load: () => Promise<T>): Entry<T> {
    if (entries.size >= MAX_ENTRIES) {
      const t = now();
      for (const [k, e] of entries) if (!fresh(e, t)) entries.delete(k);
      // Still full of fresh answers: drop the oldest, they are only a cache.
      for (const k of entries.keys()) {
        if (entries.size < MAX_ENTRIES) break;
        entries.delete(k);
      }
    }
    const entry: Entry<T> = { value: load() };
    entries.set(key, entry);
    entry.value.then(
      () => {
        entry.settledAt = now();
        if (ttlMs <= 0 && entries.get(key) === entry) entries.delete(key);
      },
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return entry;
  }

  return {
    get(key, load, signal) {
      const existing = entries.get(key);
      const e = existing && fresh(existing, now()) ? existing : start(key, load);
      // One caller giving up must not cancel the shared request for the others.
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        e.value.then(
          (v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
          },
          (err: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(err);
          },
        );
      });
    },
  };
}

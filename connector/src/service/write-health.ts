// Whether alarms can be stored, as the writes themselves found it. The readiness ping is a tiny
// write that can succeed while real ingests fail (a full disk still rewrites a page in place, but
// cannot grow the file): so a failed ingest or rejected-payload write makes the connector not ready
// until a write succeeds again, or until `holdMs` passed without another failure (then traffic may
// probe the store again; the next failure turns readiness off at once).
export interface WriteHealth {
  /** Record the outcome of a store write: null for success, else the error. */
  record(err: unknown | null): void;
  /** Why alarms cannot be stored right now, or null. */
  problem(): string | null;
}

export function createWriteHealth(opts: { holdMs?: number; now?: () => number } = {}): WriteHealth {
  const holdMs = opts.holdMs ?? 10_000;
  const now = opts.now ?? Date.now;
  let failure: { at: number; message: string } | null = null;
  return {
    record(err) {
      if (err === null) failure = null;
      else failure = { at: now(), message: err instanceof Error ? err.message : String(err) };
    },
    problem() {
      if (!failure) return null;
      if (now() - failure.at >= holdMs) {
        failure = null;
        return null;
      }
      return `alarms could not be stored: the last write failed at ${new Date(failure.at).toISOString()} (${failure.message})`;
    },
  };
}

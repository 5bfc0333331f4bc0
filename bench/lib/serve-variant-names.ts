// Names of the diagnostic store variants serve-variant.ts can run (kept apart so importing them does
// not start a connector).
export const VARIANTS = [
  // SQLite in WAL mode with synchronous=NORMAL instead of FULL: no fsync per commit.
  'sqlite-synchronous-normal',
  // ingest transactions of one event-loop turn handed to the store together (setImmediate), so that
  // its group commit holds every request that arrived in that turn.
  'ingest-per-loop-turn',
  // Both.
  'both',
] as const;
export type Variant = (typeof VARIANTS)[number];

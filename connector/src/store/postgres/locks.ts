// Advisory locks that serialise correlation across replicas. Each lock is named by a text (correlation
// key, alarm identity, topology scope) hashed with hashtext() into the two-int4 key space under our own
// class id, so they never meet the migration lock (one bigint) or other applications' locks.
import type pg from 'pg';

/** Class id of ingest locks: 'cl'. */
export const INGEST_LOCK_CLASS = 0x636c;
/** Class id of worker liveness locks: 'cw'. */
export const WORKER_LOCK_CLASS = 0x6377;

export const lockName = {
  correlation: (key: string) => `k:${key}`,
  alarm: (identity: string) => `a:${identity}`,
  scope: (scope: string) => `s:${scope}`,
};

/**
 * Take transaction-scoped locks on every name, in one statement and in hash order, so two transactions
 * locking overlapping sets cannot each hold what the other waits for.
 */
export async function lockNames(client: pg.ClientBase, names: Iterable<string>): Promise<void> {
  const list = [...new Set(names)];
  if (list.length === 0) return;
  await client.query(
    `SELECT count(pg_advisory_xact_lock($1::int, h)) FROM
       (SELECT DISTINCT hashtext(n) AS h FROM unnest($2::text[]) AS n ORDER BY h) AS ordered`,
    [INGEST_LOCK_CLASS, list],
  );
}

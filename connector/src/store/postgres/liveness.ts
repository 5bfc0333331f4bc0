// Worker liveness: while a replica's outbox worker holds claims, one dedicated connection holds a
// session advisory lock named after the worker. PostgreSQL releases it the moment that connection
// dies (the process was killed, the machine lost), so other replicas take the claims over at once
// instead of waiting for the lease to run out. The lease still bounds a claim whose holder hangs.
import pg from 'pg';
import type { Logger } from 'pino';
import { WORKER_LOCK_CLASS } from './locks.js';

export interface Liveness {
  /** Make sure `worker` is announced as alive; throws when the database cannot be reached. */
  ensure(worker: string): Promise<void>;
  close(): Promise<void>;
}

export function createLiveness(url: string, logger: Logger, connectTimeoutMs = 5000): Liveness {
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  const held = new Set<string>();
  let closed = false;

  const drop = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    held.clear();
  };

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: connectTimeoutMs,
      keepAlive: true,
    });
    c.on('error', (err) => {
      logger.warn({ err: err.message }, 'PostgreSQL liveness connection lost');
      drop(c);
    });
    c.on('end', () => drop(c));
    await c.connect();
    return c;
  }

  return {
    ensure: async (worker) => {
      if (closed) throw new Error('store is closed');
      if (client && held.has(worker)) return;
      if (!client) {
        connecting ??= connect().finally(() => (connecting = null));
        const c = await connecting;
        if (closed) {
          await c.end().catch(() => undefined);
          throw new Error('store is closed');
        }
        client ??= c;
      }
      const c = client;
      const r = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS ok', [
        WORKER_LOCK_CLASS,
        worker,
      ]);
      // Not granted means another live session already announces this worker id (a misconfigured
      // duplicate id): its claims are then protected by that session, which is just as good.
      if (r.rows[0]?.ok !== true)
        logger.warn(
          { worker },
          'another connection already holds this worker id; check worker ids are unique',
        );
      if (client === c) held.add(worker);
    },
    close: async () => {
      closed = true;
      const c = client ?? (connecting ? await connecting.catch(() => null) : null);
      client = null;
      held.clear();
      if (c) await c.end().catch(() => undefined);
    },
  };
}

/** SQL (a CTE body) listing the workers whose liveness lock is held, as oids of hashtext(worker). */
export const LIVE_WORKERS_SQL = `SELECT objid FROM pg_locks
  WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = ${WORKER_LOCK_CLASS}
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

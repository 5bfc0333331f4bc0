// The connection pool and the one way writes run: a transaction that is retried whole when PostgreSQL
// breaks a lock cycle (deadlock) or a serialisation conflict, and that never leaves a broken connection
// in the pool.
import pg from 'pg';
import type { Logger } from 'pino';

export interface PgPoolOptions {
  url: string;
  logger: Logger;
  /** Connections per replica (default 10). */
  max?: number;
  /** Give up connecting after this long, so readiness and ingest fail fast when the server is away. */
  connectTimeoutMs?: number;
  /** Client-side bound on any one statement (a hung network must not hang a request forever). */
  queryTimeoutMs?: number;
}

export function createPgPool(o: PgPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: o.url,
    max: o.max ?? 10,
    connectionTimeoutMillis: o.connectTimeoutMs ?? 10_000,
    query_timeout: o.queryTimeoutMs ?? 30_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  // An idle connection the server closes (restart, pg_terminate_backend) is reported here; without a
  // listener the error would end the process. The pool drops that connection by itself.
  pool.on('error', (err) =>
    o.logger.warn({ err: err.message }, 'PostgreSQL connection lost; reconnecting on demand'),
  );
  // Between leaving the pool and its borrower listening, a client has no 'error' listener for a
  // moment; a server message arriving then (the session being terminated) would be thrown. The query
  // in progress, if any, fails on its own, so this listener only needs to exist.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** SQLSTATEs after which the whole transaction may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);

export function sqlState(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

export interface TransactionOptions {
  /** Whole-transaction attempts when PostgreSQL asks for a retry (default 5). */
  attempts?: number;
  /**
   * 'caller': `fn` sends BEGIN and COMMIT itself, inside its own statements (saves round trips on the
   * hot path); on failure a ROLLBACK is still sent.
   */
  control?: 'wrapper' | 'caller';
}

export async function withTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  o: TransactionOptions = {},
): Promise<T> {
  const attempts = o.attempts ?? 5;
  const wrap = o.control !== 'caller';
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    // A connection that dies while checked out reports it here too; unheard, the error would end the
    // process. The failing query rejects as well, so remembering it (to destroy the client) is enough.
    const onError = (err: Error) => void (broken = err);
    client.on('error', onError);
    try {
      if (wrap) await client.query('BEGIN');
      const result = await fn(client);
      if (wrap) await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackErr) {
        // The connection itself is gone or wedged: destroy it instead of returning it to the pool.
        broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
      }
      const state = sqlState(err);
      if (state === null || !RETRYABLE.has(state) || attempt >= attempts) throw err;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
    // Lock cycles resolve faster when the retries do not collide again at once.
    await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
  }
}

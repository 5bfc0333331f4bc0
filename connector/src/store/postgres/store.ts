// The shared store for several replicas: PostgreSQL behind the same `Store` interface as SQLite.
// Ingest runs the lifecycle's work in one transaction per call (see ingest-tx.ts for the locks that
// serialise a correlation key across replicas). Delivery claims use FOR UPDATE SKIP LOCKED, keep
// each key in order (only the oldest undelivered entry of a key is claimable; a dead one blocks its
// key) and expire: an inflight entry is claimable again when its lease ran out or its worker's
// liveness lock is gone (see liveness.ts). Background passes skip rows another replica is working on
// (pass-tx.ts), so two replicas never raise or release the same event twice.
import type pg from 'pg';
import type { Logger } from 'pino';
import {
  DEFAULT_REJECTED_RETENTION,
  TRIM_REJECTED_SQL,
  type DeliveryCounts,
  type OutboxEntry,
  type RejectedRetention,
  type Store,
} from '../store.js';
import {
  alarmFromRow,
  alarmLogFromRow,
  eventFromRow,
  outboxFromRow,
  rejectedFromRow,
  silenceFromRow,
} from '../rows.js';
import { createPgPool, withTransaction } from './pool.js';
import { migratePostgres } from './migrations.js';
import { openIngestTx } from './ingest-tx.js';
import { createLiveness, LIVE_WORKERS_SQL } from './liveness.js';
import { pgPassTx } from './pass-tx.js';

export interface PostgresStoreOptions {
  /** postgres://… (a `search_path` may be set with `?options=-c search_path=NAME`). */
  url: string;
  logger: Logger;
  /** Pool size per replica (default 10). */
  poolMax?: number;
  /** How long `ping` waits before calling the database unreachable (default 3 s). */
  pingTimeoutMs?: number;
  connectTimeoutMs?: number;
  rejectedRetention?: RejectedRetention;
}

/** Advisory lock key serialising the rejected-row trims of all replicas. */
const TRIM_LOCK_KEY = 0x636c7274; // 'clrt'

const OUTBOX_SELECT = `SELECT o.*, e.incident_sys_id, e.incident_number FROM outbox o LEFT JOIN events e ON e.key = o.event_key`;

/** Thrown inside a settle transaction to roll it back when the claim is no longer ours. */
class ClaimTakenOver extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Connects, applies pending migrations (safely with other replicas starting), and returns the store. */
export async function createPostgresStore(o: PostgresStoreOptions): Promise<Store> {
  const pool = createPgPool({
    url: o.url,
    logger: o.logger,
    max: o.poolMax,
    connectTimeoutMs: o.connectTimeoutMs,
  });
  try {
    const client = await pool.connect();
    try {
      const applied = await migratePostgres(client);
      if (applied.length) o.logger.info({ versions: applied }, 'PostgreSQL migrations applied');
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  const liveness = createLiveness(o.url, o.logger, o.connectTimeoutMs);
  const pingTimeoutMs = o.pingTimeoutMs ?? 3000;
  /**
   * Claims handed to this replica's worker and not yet settled. An inflight entry claimed under our
   * worker id that is not in here was given up (a store closed before its outcome could be recorded,
   * e.g. while the database was away): our worker may take it again at once instead of waiting out
   * its own lease. A settle that failed keeps its claim here: the worker is still trying to record it.
   */
  const held = new Set<number>();
  const tx = <T>(fn: (c: pg.PoolClient) => Promise<T>) => withTransaction(pool, fn);

  return {
    kind: 'postgres',
    ping: async () => {
      await withTimeout(
        pool.query(`UPDATE meta SET value = $1 WHERE key = 'heartbeat'`, [new Date().toISOString()]),
        pingTimeoutMs,
        'PostgreSQL',
      );
    },

    ingestTx: (items, o, work) =>
      withTransaction(
        pool,
        async (c) => {
          const t = await openIngestTx(c, items, o);
          const result = await work(t);
          await t.commit();
          return result;
        },
        { control: 'caller' },
      ),
    passTx: (work) => tx((c) => work(pgPassTx(c))),

    recordRejected: (r) =>
      tx(async (c) => {
        const res = await c.query<{ id: string }>(
          'INSERT INTO rejected (source, reason, content_type, body, received_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
          [r.source, r.reason, r.contentType, Buffer.from(r.body), r.receivedAt],
        );
        const retention = o.rejectedRetention ?? DEFAULT_REJECTED_RETENTION;
        // Concurrent trims would delete the same rows twice: one at a time (they are cheap).
        await c.query('SELECT pg_advisory_xact_lock($1)', [TRIM_LOCK_KEY]);
        await c.query(TRIM_REJECTED_SQL('$1', '$2'), [retention.maxRows, retention.maxBytes]);
        return Number(res.rows[0]!.id);
      }),
    listRejected: async (limit) =>
      (await pool.query('SELECT * FROM rejected ORDER BY id DESC LIMIT $1', [limit])).rows.map(
        rejectedFromRow,
      ),

    listEvents: async (f) => {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (clause: (n: string) => string, arg?: string) => {
        if (arg === undefined) return void where.push(clause(''));
        args.push(arg);
        where.push(clause(`$${args.length}`));
      };
      if (f.state === 'active') add(() => `state IN ('open', 'pending')`);
      else if (f.state) add((p) => `state = ${p}`, f.state);
      if (f.site) add((p) => `site = ${p}`, f.site);
      if (f.source) add((p) => `key IN (SELECT event_key FROM alarms WHERE source = ${p})`, f.source);
      args.push(f.limit ?? 200);
      const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC LIMIT $${args.length}`;
      return (await pool.query(sql, args)).rows.map(eventFromRow);
    },
    getEvent: async (key) => {
      const row = (await pool.query('SELECT * FROM events WHERE key = $1', [key])).rows[0];
      if (!row) return null;
      const [alarms, deliveries] = await Promise.all([
        pool.query('SELECT * FROM alarms WHERE event_key = $1 ORDER BY first_seen_at, identity', [key]),
        pool.query(`${OUTBOX_SELECT} WHERE o.event_key = $1 ORDER BY o.id`, [key]),
      ]);
      return {
        event: eventFromRow(row),
        alarms: alarms.rows.map(alarmFromRow),
        deliveries: deliveries.rows.map(outboxFromRow),
      };
    },
    alarmHistory: async (key, limit) => {
      const res = await pool.query(
        `SELECT id, identity, event_key, outcome, received_at, alarm_json FROM alarm_log
         WHERE outcome != 'released' AND (event_key = $1 OR event_key IN (
           SELECT key FROM events WHERE state = 'merged' AND (noise_json::json ->> 'mergedInto') = $1))
         ORDER BY id DESC LIMIT $2`,
        [key, limit + 1],
      );
      const truncated = res.rows.length > limit;
      const entries = res.rows
        .slice(0, limit)
        .reverse()
        .flatMap((r) => alarmLogFromRow(r) ?? []);
      return { entries, truncated };
    },
    findEventByIncident: async ({ sysId, correlationId }) => {
      const res = correlationId
        ? await pool.query('SELECT * FROM events WHERE key = $1', [correlationId])
        : sysId
          ? await pool.query('SELECT * FROM events WHERE incident_sys_id = $1 LIMIT 1', [sysId])
          : null;
      const row = res?.rows[0];
      return row ? eventFromRow(row) : null;
    },

    claimDeliveries: async (limit, now, worker, leaseMs) => {
      // Announce this worker alive first: its claims must never look abandoned.
      await liveness.ensure(worker);
      const at = now.toISOString();
      const until = new Date(now.getTime() + leaseMs).toISOString();
      const rows = await tx(
        async (c) =>
          (
            await c.query(
              `WITH live AS MATERIALIZED (${LIVE_WORKERS_SQL}),
               picked AS (
                 SELECT o.id, o.event_key FROM outbox o
                 WHERE o.next_attempt_at <= $1
                   AND (o.doubt_until IS NULL OR o.doubt_until <= $1)
                   AND (o.state = 'pending'
                        OR (o.state = 'inflight'
                            AND (o.claimed_until IS NULL OR o.claimed_until <= $1 OR o.claimed_by IS NULL
                                 OR hashtext(o.claimed_by)::oid NOT IN (SELECT objid FROM live)
                                 OR (o.claimed_by = $3 AND o.id <> ALL($5::bigint[])))))
                   AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.event_key = o.event_key AND p.id < o.id
                                     AND p.state NOT IN ('done', 'cancelled'))
                 ORDER BY o.next_attempt_at, o.id
                 LIMIT $2
                 FOR UPDATE OF o SKIP LOCKED)
               UPDATE outbox u SET state = 'inflight', claimed_by = $3, claimed_until = $4, updated_at = $1,
                 claim_seq = u.claim_seq + 1
               FROM picked LEFT JOIN events e ON e.key = picked.event_key
               WHERE u.id = picked.id
               RETURNING u.*, e.incident_sys_id, e.incident_number`,
              [at, limit, worker, until, [...held]],
            )
          ).rows,
      );
      const entries = rows
        .map(outboxFromRow)
        .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.id - b.id);
      for (const e of entries) held.add(e.id);
      return entries;
    },
    // A taken-over claim has a higher claim_seq: the worker that lost it may neither send nor settle.
    markSent: async (c, sentAt, until) =>
      (
        await pool.query(
          `UPDATE outbox SET sent_at = $1, doubt_until = $2 WHERE id = $3 AND claim_seq = $4 AND state = 'inflight'`,
          [sentAt.toISOString(), until.toISOString(), c.id, c.claim],
        )
      ).rowCount === 1,
    // Once recorded (or found taken over) the claim is no longer held (see `held`).
    settleDelivery: (claim, result, next, now) =>
      tx(async (c) => {
        const at = now.toISOString();
        const own = `id = $2 AND claim_seq = $3 AND state = 'inflight'`;
        if (result.ok) {
          // Event row first, then the outbox row: the same order as ingest, so the two never deadlock.
          if (result.link)
            await c.query(
              `UPDATE events SET incident_sys_id = $4, incident_number = $5, updated_at = $1
               WHERE key = (SELECT event_key FROM outbox WHERE ${own})`,
              [at, claim.id, claim.claim, result.link.sysId, result.link.number],
            );
          const done = await c.query(
            `UPDATE outbox SET state = 'done', attempts = attempts + 1, last_error = NULL, last_status = NULL,
               updated_at = $1, claimed_by = NULL, sent_at = NULL, doubt_until = NULL WHERE ${own}`,
            [at, claim.id, claim.claim],
          );
          // Taken over between the two statements: undo the link too.
          if (done.rowCount !== 1) throw new ClaimTakenOver();
          return true;
        }
        const r = await c.query(
          `UPDATE outbox SET state = $4, attempts = attempts + 1, next_attempt_at = $5, last_error = $6,
             last_status = $7, updated_at = $1, claimed_by = NULL, sent_at = $8, doubt_until = $9 WHERE ${own}`,
          [
            at,
            claim.id,
            claim.claim,
            next.dead ? 'dead' : 'pending',
            next.nextAttemptAt.toISOString(),
            result.error,
            result.status ?? null,
            next.doubt?.sentAt.toISOString() ?? null,
            next.doubt?.until.toISOString() ?? null,
          ],
        );
        return r.rowCount === 1;
      })
        .catch((err: unknown) => {
          if (err instanceof ClaimTakenOver) return false;
          // Not recorded: the worker still holds the claim and tries again (see `held`).
          throw err;
        })
        .then((settled) => {
          held.delete(claim.id);
          return settled;
        }),
    listDeliveries: async (state, limit) => {
      const res =
        state === 'all'
          ? await pool.query(`${OUTBOX_SELECT} ORDER BY o.id DESC LIMIT $1`, [limit])
          : await pool.query(`${OUTBOX_SELECT} WHERE o.state = $1 ORDER BY o.id LIMIT $2`, [state, limit]);
      return res.rows.map(outboxFromRow);
    },
    retryDelivery: async (id, now) => {
      const at = now.toISOString();
      const r = await pool.query(
        `UPDATE outbox SET state = 'pending', next_attempt_at = $1, updated_at = $1 WHERE id = $2 AND state = 'dead'`,
        [at, id],
      );
      return r.rowCount === 1;
    },
    countDeadLetters: async (since) => {
      const res = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE state = 'dead' AND updated_at >= $1`,
        [since.toISOString()],
      );
      return Number(res.rows[0]?.n ?? 0);
    },
    deliveryCounts: async () => {
      const counts: DeliveryCounts = { pending: 0, inflight: 0, dead: 0, done: 0, cancelled: 0 };
      const res = await pool.query<{ state: string; n: number }>(
        'SELECT state, count(*)::int AS n FROM outbox GROUP BY state',
      );
      for (const r of res.rows) if (r.state in counts) counts[r.state as keyof DeliveryCounts] = Number(r.n);
      return counts;
    },
    addSilence: async (sl) => {
      await pool.query(
        `INSERT INTO silences (id, starts_at, ends_at, matchers_json, comment, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET starts_at = excluded.starts_at, ends_at = excluded.ends_at,
           matchers_json = excluded.matchers_json, comment = excluded.comment`,
        [sl.id, sl.startsAt, sl.endsAt, JSON.stringify(sl.match), sl.comment, sl.createdBy, sl.createdAt],
      );
    },
    createSilence: async (sl) =>
      (
        await pool.query(
          `INSERT INTO silences (id, starts_at, ends_at, matchers_json, comment, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
          [sl.id, sl.startsAt, sl.endsAt, JSON.stringify(sl.match), sl.comment, sl.createdBy, sl.createdAt],
        )
      ).rowCount === 1,
    listSilences: async () =>
      (await pool.query('SELECT * FROM silences ORDER BY starts_at, id')).rows.map(silenceFromRow),
    deleteSilence: async (id) =>
      (await pool.query('DELETE FROM silences WHERE id = $1', [id])).rowCount === 1,
    revokeSession: async (sid, expiresAt, now) => {
      await pool.query('DELETE FROM revoked_sessions WHERE expires_at <= $1', [now.toISOString()]);
      await pool.query(
        'INSERT INTO revoked_sessions (sid, expires_at) VALUES ($1, $2) ON CONFLICT (sid) DO NOTHING',
        [sid, expiresAt.toISOString()],
      );
    },
    isSessionRevoked: async (sid) =>
      ((await pool.query('SELECT 1 FROM revoked_sessions WHERE sid = $1', [sid])).rowCount ?? 0) > 0,
    close: async () => {
      await liveness.close();
      await pool.end();
    },
  };
}

export type { OutboxEntry };

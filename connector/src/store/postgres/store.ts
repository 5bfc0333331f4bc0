// The shared store for several replicas: PostgreSQL behind the same `Store` interface as SQLite.
// Ingest runs the shared `applyIngest` loop in one transaction per call (see ingest-tx.ts for the
// locks that serialise a correlation key across replicas). Delivery claims use FOR UPDATE SKIP LOCKED,
// keep each key in order (only the oldest undelivered entry of a key is claimable; a dead one blocks
// its key) and expire: an inflight entry is claimable again when its lease ran out or its worker's
// liveness lock is gone (see liveness.ts). Background passes (hold-down, notes, storms) skip rows
// another replica is working on, so two replicas never raise or release the same event twice.
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Operation } from '../../outbox/operations.js';
import { applyIngest } from '../../lifecycle/apply.js';
import type { EventRecord } from '../../lifecycle/types.js';
import { flushDue } from '../../lifecycle/note-economy.js';
import { staleVerdictReason } from '../../lifecycle/verdict-write.js';
import { planRelease } from '../../lifecycle/storm.js';
import type { DeliveryCounts, OutboxEntry, Store } from '../store.js';
import {
  EVENT_COLUMNS,
  alarmFromRow,
  alarmLogFromRow,
  eventFromRow,
  eventToRow,
  outboxFromRow,
  rejectedFromRow,
  silenceFromRow,
} from '../rows.js';
import { createPgPool, withTransaction } from './pool.js';
import { migratePostgres } from './migrations.js';
import { openIngestTx } from './ingest-tx.js';
import { createLiveness, LIVE_WORKERS_SQL } from './liveness.js';

export interface PostgresStoreOptions {
  /** postgres://… (a `search_path` may be set with `?options=-c search_path=NAME`). */
  url: string;
  logger: Logger;
  /** Pool size per replica (default 10). */
  poolMax?: number;
  /** How long `ping` waits before calling the database unreachable (default 3 s). */
  pingTimeoutMs?: number;
  connectTimeoutMs?: number;
}

const OUTBOX_SELECT = `SELECT o.*, e.incident_sys_id, e.incident_number FROM outbox o LEFT JOIN events e ON e.key = o.event_key`;

const PUT_EVENT = (() => {
  const cols = EVENT_COLUMNS.join(', ');
  const vals = EVENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  const set = EVENT_COLUMNS.filter((c) => c !== 'key')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  return `INSERT INTO events (${cols}) VALUES (${vals}) ON CONFLICT (key) DO UPDATE SET ${set}`;
})();

async function putEvent(c: pg.ClientBase, e: EventRecord): Promise<void> {
  const row = eventToRow(e);
  await c.query(
    PUT_EVENT,
    EVENT_COLUMNS.map((col) => row[col] ?? null),
  );
}

async function enqueue(c: pg.ClientBase, key: string, ops: Operation[], now: Date): Promise<void> {
  if (ops.length === 0) return;
  const at = now.toISOString();
  await c.query(
    `INSERT INTO outbox (event_key, op_json, state, attempts, next_attempt_at, created_at, updated_at)
     SELECT $1, op, 'pending', 0, $2, $2, $2 FROM unnest($3::text[]) WITH ORDINALITY AS u(op, n) ORDER BY n`,
    [key, at, ops.map((op) => JSON.stringify(op))],
  );
}

async function countActive(c: pg.ClientBase, key: string): Promise<number> {
  const r = await c.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM alarms WHERE event_key = $1 AND state = 'active'`,
    [key],
  );
  return Number(r.rows[0]?.n ?? 0);
}

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
   * worker id that is not in here was given up (its outcome could not be recorded, e.g. the database
   * was away): our worker may take it again at once instead of waiting out its own lease.
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

    ingest: (items, now, display, policy) =>
      withTransaction(
        pool,
        async (c) => {
          const countCreations = !!(policy?.stormPerSource || policy?.stormGlobal);
          const t = await openIngestTx(c, items, { now, countCreations });
          const results = await applyIngest(t, items, now, display, policy);
          await t.commit();
          return results;
        },
        { control: 'caller' },
      ),

    recordRejected: async (r) => {
      const res = await pool.query<{ id: string }>(
        'INSERT INTO rejected (source, reason, content_type, body, received_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [r.source, r.reason, r.contentType, r.body, r.receivedAt],
      );
      return Number(res.rows[0]!.id);
    },
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

    raiseDueEvents: (now) =>
      tx(async (c) => {
        const at = now.toISOString();
        // SKIP LOCKED: an event another replica (or an ingest) holds is handled by it, or next pass.
        const due = (
          await c.query(
            `SELECT * FROM events WHERE state = 'pending' AND raise_at <= $1 FOR UPDATE SKIP LOCKED`,
            [at],
          )
        ).rows.map(eventFromRow);
        let raised = 0;
        for (const e of due) {
          if ((await countActive(c, e.key)) > 0 && e.pendingCreate) {
            await putEvent(c, { ...e, state: 'open', pendingCreate: null, raiseAt: null, updatedAt: at });
            await enqueue(c, e.key, [e.pendingCreate], now);
            raised++;
          } else {
            await putEvent(c, { ...e, state: 'discarded', pendingCreate: null, updatedAt: at });
          }
        }
        return raised;
      }),
    flushDueNotes: (now) =>
      tx(async (c) => {
        const at = now.toISOString();
        const due = (
          await c.query(
            'SELECT * FROM events WHERE note_due_at IS NOT NULL AND note_due_at <= $1 FOR UPDATE SKIP LOCKED',
            [at],
          )
        ).rows.map(eventFromRow);
        let notes = 0;
        for (const e of due) {
          const f = flushDue(e, now);
          if (!f) continue;
          await putEvent(c, { ...f.event, updatedAt: at });
          if (f.op && e.state === 'open') {
            await enqueue(c, e.key, [f.op], now);
            notes++;
          }
        }
        return notes;
      }),
    releaseStorms: (now, limit) =>
      tx(async (c) => {
        const at = now.toISOString();
        const since = new Date(now.getTime() - 60_000).toISOString();
        const storms = (
          await c.query(
            `SELECT * FROM events WHERE starts_with(correlation_key, 'storm/') AND state = 'open' FOR UPDATE SKIP LOCKED`,
          )
        ).rows.map(eventFromRow);
        let released = 0;
        for (const storm of storms) {
          const parked = (
            await c.query(
              `SELECT * FROM events WHERE state = 'pending' AND (noise_json::jsonb ->> 'parked')::boolean
                 AND noise_json::jsonb ->> 'mergedInto' = $1
               FOR UPDATE SKIP LOCKED`,
              [storm.key],
            )
          ).rows.map(eventFromRow);
          const rate = Number(
            (
              await c.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM alarm_log WHERE outcome IN ('created', 'parked', 'released') AND received_at >= $1`,
                [since],
              )
            ).rows[0]?.n ?? 0,
          );
          const plan = planRelease(storm, parked, rate, limit, now);
          if (!plan) continue;
          for (const e of plan.release) {
            await putEvent(c, {
              ...e,
              state: 'open',
              pendingCreate: null,
              updatedAt: at,
              noise: { ...e.noise, parked: false, mergedInto: null },
            });
            if (e.pendingCreate) await enqueue(c, e.key, [e.pendingCreate], now);
            await c.query(
              `INSERT INTO alarm_log (identity, event_key, outcome, state, severity, received_at, alarm_json)
               VALUES ($1, $2, 'released', 'active', $3, $4, '{}')`,
              [`storm-release:${e.key}`, e.key, e.severity, at],
            );
            released++;
          }
          await putEvent(c, plan.storm);
          await enqueue(c, storm.key, plan.stormOps, now);
        }
        return released;
      }),
    recordVerdict: (key, v, ops, now, basis) =>
      tx(async (c): Promise<{ written: true } | { written: false; reason: string }> => {
        const at = now.toISOString();
        const row = (await c.query('SELECT * FROM events WHERE key = $1 FOR UPDATE', [key])).rows[0];
        if (!row) return { written: false, reason: 'the event is gone' };
        const e = eventFromRow(row);
        const stale = staleVerdictReason(e, basis, v.evaluatedAt);
        if (stale) return { written: false, reason: stale };
        const resolves = ops.some((op) => op.op === 'resolve');
        await putEvent(c, {
          ...e,
          verdict: v.verdict,
          verdictAt: v.evaluatedAt,
          verdictChecks: v.checks,
          updatedAt: at,
          ...(resolves ? { state: 'resolved' as const, resolvedAt: at } : {}),
        });
        await enqueue(c, key, ops, now);
        return { written: true };
      }),

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
               UPDATE outbox u SET state = 'inflight', claimed_by = $3, claimed_until = $4, updated_at = $1
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
    // Settled or not, the claim is no longer held once this returns (see `held`).
    settleDelivery: (id, result, next, now) =>
      tx(async (c) => {
        const at = now.toISOString();
        if (result.ok) {
          // Event row first, then the outbox row: the same order as ingest, so the two never deadlock.
          if (result.link)
            await c.query(
              `UPDATE events SET incident_sys_id = $1, incident_number = $2, updated_at = $3
               WHERE key = (SELECT event_key FROM outbox WHERE id = $4)`,
              [result.link.sysId, result.link.number, at, id],
            );
          await c.query(
            `UPDATE outbox SET state = 'done', attempts = attempts + 1, last_error = NULL, last_status = NULL,
               updated_at = $1, claimed_by = NULL WHERE id = $2`,
            [at, id],
          );
          return;
        }
        await c.query(
          `UPDATE outbox SET state = $1, attempts = attempts + 1, next_attempt_at = $2, last_error = $3,
             last_status = $4, updated_at = $5, claimed_by = NULL WHERE id = $6`,
          [
            next.dead ? 'dead' : 'pending',
            next.nextAttemptAt.toISOString(),
            result.error,
            result.status ?? null,
            at,
            id,
          ],
        );
      }).finally(() => void held.delete(id)),
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

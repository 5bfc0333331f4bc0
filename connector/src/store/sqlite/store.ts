// The embedded default store: one SQLite file. Writes are serialised on one connection; concurrent
// ingest calls are group-committed (one transaction, one fsync, a savepoint each) so single-alarm
// requests are not bound by disk latency. Reads use a second connection (WAL lets them run alongside).
import type { IngestTx } from '../../lifecycle/ports.js';
import {
  DEFAULT_REJECTED_RETENTION,
  TRIM_REJECTED_SQL,
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
import { sqliteLifecycleTx } from './lifecycle-tx.js';
import { openSqlite, type Db } from './open.js';

/** One ingest call waiting for the next group commit. */
interface PendingIngest {
  work: (tx: IngestTx) => Promise<unknown>;
  resolve: (r: unknown) => void;
  reject: (e: unknown) => void;
}

const OUTBOX_SELECT = `SELECT o.*, e.incident_sys_id, e.incident_number FROM outbox o LEFT JOIN events e ON e.key = o.event_key`;

export interface SqliteStoreOptions {
  synchronous?: 'FULL' | 'NORMAL';
  rejectedRetention?: RejectedRetention;
}

export function createSqliteStore(file: string, opts: SqliteStoreOptions = {}): Store {
  const db: Db = openSqlite(file, opts);
  const retention = opts.rejectedRetention ?? DEFAULT_REJECTED_RETENTION;
  const reject = db.prepare(
    'INSERT INTO rejected (source, reason, content_type, body, received_at) VALUES (?, ?, ?, ?, ?)',
  );
  const trimRejected = db.prepare(TRIM_REJECTED_SQL('?', '?'));
  const reader: Db = file === ':memory:' ? db : openSqlite(file, opts);
  // Crash recovery: claims held by a process that died are due again; one that had sent a write keeps
  // its doubt (sent_at, doubt_until), so the claim waits until that write can no longer land.
  db.prepare(
    `UPDATE outbox SET state = 'pending', claimed_by = NULL, claimed_until = NULL WHERE state = 'inflight'`,
  ).run();
  const heartbeat = db.prepare(`UPDATE meta SET value = ? WHERE key = 'heartbeat'`);
  const tx = sqliteLifecycleTx(db);

  // One writer at a time, in arrival order.
  let writeChain: Promise<unknown> = Promise.resolve();
  function serialWrite<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = writeChain.then(fn, fn);
    writeChain = run.catch(() => undefined);
    return run;
  }

  let pending: PendingIngest[] = [];
  let flushScheduled = false;

  async function flushIngest(): Promise<void> {
    const groups = pending;
    pending = [];
    flushScheduled = false;
    const settled: Array<() => void> = [];
    try {
      db.exec('BEGIN IMMEDIATE');
      for (const g of groups) {
        db.exec('SAVEPOINT g');
        try {
          const result = await g.work(tx);
          db.exec('RELEASE g');
          settled.push(() => g.resolve(result));
        } catch (err) {
          // Some errors (disk full) make SQLite roll the whole transaction back itself: then the
          // savepoint is gone and every group fails with the real error.
          if (!db.inTransaction) throw err;
          db.exec('ROLLBACK TO g');
          db.exec('RELEASE g');
          settled.push(() => g.reject(err));
        }
      }
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const g of groups) g.reject(err);
      return;
    }
    for (const s of settled) s();
  }

  /** A background pass's transaction: the writer is free (serialWrite), so BEGIN IMMEDIATE never waits. */
  async function passTransaction<T>(work: () => Promise<T>): Promise<T> {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      db.exec('COMMIT');
      return result;
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  }

  return {
    kind: 'sqlite',
    ping: () => serialWrite(() => void heartbeat.run(new Date().toISOString())),

    // Nothing to lock ahead on SQLite: the writer is serialised. Calls queued in the same turn of the
    // event loop share one commit.
    ingestTx: (_items, _o, work) =>
      new Promise((resolve, reject) => {
        pending.push({ work, resolve: resolve as (r: unknown) => void, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          void serialWrite(flushIngest);
        }
      }),
    passTx: (work) => serialWrite(() => passTransaction(() => work(tx))),

    // One transaction (one fsync) for the row and the trim of what retention no longer keeps.
    recordRejected: (r) =>
      serialWrite(() =>
        db
          .transaction(() => {
            const id = Number(
              reject.run(r.source, r.reason, r.contentType, Buffer.from(r.body), r.receivedAt)
                .lastInsertRowid,
            );
            trimRejected.run(retention.maxRows, retention.maxBytes);
            return id;
          })
          .immediate(),
      ),
    listRejected: async (limit) =>
      reader.prepare('SELECT * FROM rejected ORDER BY id DESC LIMIT ?').all(limit).map(rejectedFromRow),

    listEvents: async (f) => {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (clause: string, arg?: string) => {
        where.push(clause);
        if (arg !== undefined) args.push(arg);
      };
      if (f.state === 'active') add(`state IN ('open', 'pending')`);
      else if (f.state) add('state = ?', f.state);
      if (f.site) add('site = ?', f.site);
      if (f.source) add('key IN (SELECT event_key FROM alarms WHERE source = ?)', f.source);
      const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC LIMIT ?`;
      return reader
        .prepare(sql)
        .all(...args, f.limit ?? 200)
        .map(eventFromRow);
    },
    getEvent: async (key) => {
      const row = reader.prepare('SELECT * FROM events WHERE key = ?').get(key);
      if (!row) return null;
      return {
        event: eventFromRow(row),
        alarms: reader
          .prepare('SELECT * FROM alarms WHERE event_key = ? ORDER BY first_seen_at')
          .all(key)
          .map(alarmFromRow),
        deliveries: reader
          .prepare(`${OUTBOX_SELECT} WHERE o.event_key = ? ORDER BY o.id`)
          .all(key)
          .map(outboxFromRow),
      };
    },
    alarmHistory: async (key, limit) => {
      const rows = reader
        .prepare(
          `SELECT id, identity, event_key, outcome, received_at, alarm_json FROM alarm_log
           WHERE outcome != 'released' AND (event_key = @key OR event_key IN (
             SELECT key FROM events WHERE state = 'merged' AND json_extract(noise_json, '$.mergedInto') = @key))
           ORDER BY id DESC LIMIT @n`,
        )
        .all({ key, n: limit + 1 });
      const truncated = rows.length > limit;
      const entries = rows
        .slice(0, limit)
        .reverse()
        .flatMap((r) => alarmLogFromRow(r) ?? []);
      return { entries, truncated };
    },
    findEventByIncident: async ({ sysId, correlationId }) => {
      const row = correlationId
        ? reader.prepare('SELECT * FROM events WHERE key = ?').get(correlationId)
        : sysId
          ? reader.prepare('SELECT * FROM events WHERE incident_sys_id = ?').get(sysId)
          : undefined;
      return row ? eventFromRow(row) : null;
    },
    claimDeliveries: (limit, now, worker, leaseMs) =>
      serialWrite(() => {
        const at = now.toISOString();
        const until = new Date(now.getTime() + leaseMs).toISOString();
        const claim = db.transaction(() => {
          const rows = db
            .prepare(
              `${OUTBOX_SELECT}
               WHERE o.state = 'pending' AND o.next_attempt_at <= ?
                 AND (o.doubt_until IS NULL OR o.doubt_until <= ?)
                 AND o.id = (SELECT min(o2.id) FROM outbox o2 WHERE o2.event_key = o.event_key AND o2.state NOT IN ('done', 'cancelled'))
               ORDER BY o.next_attempt_at, o.id LIMIT ?`,
            )
            .all(at, at, limit);
          const mark = db.prepare(
            `UPDATE outbox SET state = 'inflight', claimed_by = ?, claimed_until = ?, claim_seq = claim_seq + 1, updated_at = ? WHERE id = ?`,
          );
          return rows.map((r) => {
            const entry = outboxFromRow(r);
            mark.run(worker, until, at, entry.id);
            return { ...entry, state: 'inflight' as const, claim: entry.claim + 1 };
          });
        });
        return claim.immediate();
      }),
    markSent: (c, sentAt, until) =>
      serialWrite(
        () =>
          db
            .prepare(
              `UPDATE outbox SET sent_at = ?, doubt_until = ? WHERE id = ? AND claim_seq = ? AND state = 'inflight'`,
            )
            .run(sentAt.toISOString(), until.toISOString(), c.id, c.claim).changes === 1,
      ),
    settleDelivery: (c, result, next, now) =>
      serialWrite(() => {
        const at = now.toISOString();
        const sentAt = next.doubt?.sentAt.toISOString() ?? null;
        const doubtUntil = next.doubt?.until.toISOString() ?? null;
        return db
          .transaction(() => {
            if (result.ok) {
              const done = db
                .prepare(
                  `UPDATE outbox SET state = 'done', attempts = attempts + 1, last_error = NULL, last_status = NULL, updated_at = ?, claimed_by = NULL, sent_at = NULL, doubt_until = NULL WHERE id = ? AND claim_seq = ? AND state = 'inflight'`,
                )
                .run(at, c.id, c.claim);
              if (done.changes !== 1) return false;
              if (result.link) {
                db.prepare(
                  `UPDATE events SET incident_sys_id = ?, incident_number = ?, updated_at = ? WHERE key = (SELECT event_key FROM outbox WHERE id = ?)`,
                ).run(result.link.sysId, result.link.number, at, c.id);
              }
              return true;
            }
            return (
              db
                .prepare(
                  `UPDATE outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?, last_status = ?, updated_at = ?, claimed_by = NULL, sent_at = ?, doubt_until = ? WHERE id = ? AND claim_seq = ? AND state = 'inflight'`,
                )
                .run(
                  next.dead ? 'dead' : 'pending',
                  next.nextAttemptAt.toISOString(),
                  result.error,
                  result.status ?? null,
                  at,
                  sentAt,
                  doubtUntil,
                  c.id,
                  c.claim,
                ).changes === 1
            );
          })
          .immediate();
      }),
    listDeliveries: async (state, limit) => {
      const rows =
        state === 'all'
          ? reader.prepare(`${OUTBOX_SELECT} ORDER BY o.id DESC LIMIT ?`).all(limit)
          : reader.prepare(`${OUTBOX_SELECT} WHERE o.state = ? ORDER BY o.id LIMIT ?`).all(state, limit);
      return rows.map(outboxFromRow);
    },
    retryDelivery: (id, now) =>
      serialWrite(() => {
        const at = now.toISOString();
        const r = db
          .prepare(
            `UPDATE outbox SET state = 'pending', next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'dead'`,
          )
          .run(at, at, id);
        return r.changes === 1;
      }),
    countDeadLetters: async (since) =>
      Number(
        (
          reader
            .prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'dead' AND updated_at >= ?`)
            .get(since.toISOString()) as { n: number }
        ).n,
      ),
    deliveryCounts: async () => {
      const counts = { pending: 0, inflight: 0, dead: 0, done: 0, cancelled: 0 };
      for (const r of reader.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as {
        state: string;
        n: number;
      }[]) {
        if (r.state in counts) counts[r.state as keyof typeof counts] = Number(r.n);
      }
      return counts;
    },
    addSilence: (sl) =>
      serialWrite(() => {
        db.prepare(
          `INSERT INTO silences (id, starts_at, ends_at, matchers_json, comment, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET starts_at = excluded.starts_at, ends_at = excluded.ends_at, matchers_json = excluded.matchers_json, comment = excluded.comment`,
        ).run(
          sl.id,
          sl.startsAt,
          sl.endsAt,
          JSON.stringify(sl.match),
          sl.comment,
          sl.createdBy,
          sl.createdAt,
        );
      }),
    createSilence: (sl) =>
      serialWrite(
        () =>
          db
            .prepare(
              `INSERT INTO silences (id, starts_at, ends_at, matchers_json, comment, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO NOTHING`,
            )
            .run(
              sl.id,
              sl.startsAt,
              sl.endsAt,
              JSON.stringify(sl.match),
              sl.comment,
              sl.createdBy,
              sl.createdAt,
            ).changes === 1,
      ),
    listSilences: async () =>
      reader.prepare('SELECT * FROM silences ORDER BY starts_at').all().map(silenceFromRow),
    deleteSilence: (id) =>
      serialWrite(() => db.prepare('DELETE FROM silences WHERE id = ?').run(id).changes === 1),
    revokeSession: (sid, expiresAt, now) =>
      serialWrite(() => {
        db.prepare('DELETE FROM revoked_sessions WHERE expires_at <= ?').run(now.toISOString());
        db.prepare('INSERT OR IGNORE INTO revoked_sessions (sid, expires_at) VALUES (?, ?)').run(
          sid,
          expiresAt.toISOString(),
        );
      }),
    isSessionRevoked: async (sid) =>
      reader.prepare('SELECT 1 FROM revoked_sessions WHERE sid = ?').get(sid) !== undefined,
    close: async () => {
      await writeChain;
      if (reader !== db) reader.close();
      db.close();
    },
  };
}

export type { OutboxEntry };

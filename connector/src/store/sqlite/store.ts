// The embedded default store: one SQLite file. Writes are serialised on one connection; concurrent
// ingest calls are group-committed (one transaction, one fsync, a savepoint each) so single-alarm
// requests are not bound by disk latency. Reads use a second connection (WAL lets them run alongside).
import type { Operation } from '../../outbox/operations.js';
import { applyIngest, type IngestTx } from '../../lifecycle/apply.js';
import type { AlarmRecord, EventRecord, NoisePolicy } from '../../lifecycle/types.js';
import { flushDue } from '../../lifecycle/note-economy.js';
import { staleVerdictReason } from '../../lifecycle/verdict-write.js';
import { planRelease } from '../../lifecycle/storm.js';
import type { IngestItem, IngestResult, OutboxEntry, Store } from '../store.js';
import {
  ALARM_COLUMNS,
  EVENT_COLUMNS,
  alarmFromRow,
  alarmLogFromRow,
  alarmToRow,
  eventFromRow,
  eventToRow,
  outboxFromRow,
  rejectedFromRow,
  silenceFromRow,
} from '../rows.js';
import { openSqlite, type Db } from './open.js';

interface PendingIngest {
  items: IngestItem[];
  now: Date;
  display: string;
  policy: NoisePolicy | undefined;
  resolve: (r: IngestResult[]) => void;
  reject: (e: unknown) => void;
}

const OUTBOX_SELECT = `SELECT o.*, e.incident_sys_id, e.incident_number FROM outbox o LEFT JOIN events e ON e.key = o.event_key`;

function upsertSql(table: string, columns: string[], pk: string): string {
  const cols = columns.join(', ');
  const vals = columns.map((c) => `@${c}`).join(', ');
  const set = columns
    .filter((c) => c !== pk)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  return `INSERT INTO ${table} (${cols}) VALUES (${vals}) ON CONFLICT(${pk}) DO UPDATE SET ${set}`;
}

export function createSqliteStore(file: string, opts: { synchronous?: 'FULL' | 'NORMAL' } = {}): Store {
  const db: Db = openSqlite(file, opts);
  const reader: Db = file === ':memory:' ? db : openSqlite(file, opts);
  // Crash recovery: claims held by a process that died are simply due again.
  db.prepare(
    `UPDATE outbox SET state = 'pending', claimed_by = NULL, claimed_until = NULL WHERE state = 'inflight'`,
  ).run();

  const q = {
    getAlarm: db.prepare('SELECT * FROM alarms WHERE identity = ?'),
    getEvent: db.prepare('SELECT * FROM events WHERE key = ?'),
    latestEvent: db.prepare(
      'SELECT * FROM events WHERE correlation_key = ? ORDER BY generation DESC LIMIT 1',
    ),
    countActive: db.prepare(
      `SELECT count(*) AS n FROM alarms WHERE event_key = ? AND state = 'active' AND identity != ?`,
    ),
    putAlarm: db.prepare(upsertSql('alarms', ALARM_COLUMNS, 'identity')),
    logAlarm: db.prepare(
      'INSERT INTO alarm_log (identity, event_key, outcome, state, severity, received_at, alarm_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    putEvent: db.prepare(upsertSql('events', EVENT_COLUMNS, 'key')),
    enqueue: db.prepare(
      `INSERT INTO outbox (event_key, op_json, state, attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, 'pending', 0, ?, ?, ?)`,
    ),
    heartbeat: db.prepare(`UPDATE meta SET value = ? WHERE key = 'heartbeat'`),
    liveEffects: db.prepare(
      `SELECT * FROM events WHERE state IN ('open', 'pending') AND role = 'effect'
         AND EXISTS (SELECT 1 FROM json_each(json_extract(events.noise_json, '$.scopes')) WHERE value = ?)`,
    ),
    moveAlarms: db.prepare('UPDATE alarms SET event_key = ? WHERE event_key = ?'),
    recentAll: db.prepare(
      `SELECT count(*) AS n FROM alarm_log WHERE outcome IN ('created', 'parked', 'released') AND received_at >= ?`,
    ),
    recentBySource: db.prepare(
      // A prefix compared as text: LIKE would read "_" in a source name as a wildcard.
      `SELECT count(*) AS n FROM alarm_log WHERE outcome IN ('created', 'parked', 'released') AND received_at >= @since AND substr(identity, 1, length(@prefix)) = @prefix`,
    ),
    undelivered: db.prepare(
      `SELECT id, op_json, state FROM outbox WHERE event_key = ? AND state != 'cancelled'`,
    ),
    cancel: db.prepare(
      `UPDATE outbox SET state = 'cancelled', last_error = ?, updated_at = ? WHERE event_key = ? AND state IN ('pending', 'dead')`,
    ),
  };

  const tx: IngestTx = {
    getAlarm: (id) => {
      const row = q.getAlarm.get(id);
      return row ? alarmFromRow(row) : null;
    },
    getEvent: (key) => {
      const row = q.getEvent.get(key);
      return row ? eventFromRow(row) : null;
    },
    latestEventFor: (ck) => {
      const row = q.latestEvent.get(ck);
      return row ? eventFromRow(row) : null;
    },
    countActive: (key, except) => Number((q.countActive.get(key, except) as { n: number }).n),
    liveCauseFor: (scopes) => {
      if (scopes.length === 0) return null;
      const marks = scopes.map(() => '?').join(', ');
      const row = db
        .prepare(
          `SELECT * FROM events WHERE role = 'cause' AND state IN ('open', 'pending') AND scope IN (${marks}) ORDER BY created_at LIMIT 1`,
        )
        .get(...scopes);
      return row ? eventFromRow(row) : null;
    },
    recentCreates: (since, source) =>
      Number(
        (
          (source ? q.recentBySource.get({ since, prefix: `${source}:` }) : q.recentAll.get(since)) as {
            n: number;
          }
        ).n,
      ),
    liveEffectsIn: (scope) => q.liveEffects.all(scope).map(eventFromRow),
    moveAlarms: (from, to) => void q.moveAlarms.run(to, from),
    cancelUndelivered: (key, reason, now) => {
      const rows = q.undelivered.all(key) as { id: number; op_json: string; state: string }[];
      // The create went out if it was delivered or is being delivered right now.
      const createDelivered = rows.some(
        (r) => r.op_json.startsWith('{"op":"create"') && (r.state === 'done' || r.state === 'inflight'),
      );
      q.cancel.run(reason, now.toISOString(), key);
      return { createDelivered };
    },
    putAlarm: (a: AlarmRecord, d) => {
      q.putAlarm.run(alarmToRow(a));
      if (d.outcome !== 'repeat') {
        // A stale update is logged as it came; the record keeps the newer state.
        const logged = d.stale?.update ?? a.alarm;
        q.logAlarm.run(
          a.identity,
          a.eventKey,
          d.outcome,
          logged.state,
          logged.severity,
          a.lastReceivedAt,
          JSON.stringify(logged),
        );
      }
    },
    putEvent: (e: EventRecord) => void q.putEvent.run(eventToRow(e)),
    enqueue: (key, ops: Operation[], now) => {
      const at = now.toISOString();
      for (const op of ops) q.enqueue.run(key, JSON.stringify(op), at, at, at);
    },
  };

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
          const results = await applyIngest(tx, g.items, g.now, g.display, g.policy);
          db.exec('RELEASE g');
          settled.push(() => g.resolve(results));
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

  return {
    kind: 'sqlite',
    ping: () => serialWrite(() => void q.heartbeat.run(new Date().toISOString())),

    ingest: (items, now, display, policy) =>
      new Promise<IngestResult[]>((resolve, reject) => {
        pending.push({ items, now, display, policy, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          void serialWrite(flushIngest);
        }
      }),

    recordRejected: (r) =>
      serialWrite(() =>
        Number(
          db
            .prepare(
              'INSERT INTO rejected (source, reason, content_type, body, received_at) VALUES (?, ?, ?, ?, ?)',
            )
            .run(r.source, r.reason, r.contentType, r.body, r.receivedAt).lastInsertRowid,
        ),
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
    raiseDueEvents: (now) =>
      serialWrite(() => {
        const at = now.toISOString();
        const due = db
          .prepare(`SELECT * FROM events WHERE state = 'pending' AND raise_at <= ?`)
          .all(at)
          .map(eventFromRow);
        const raise = db.transaction(() => {
          let raised = 0;
          for (const e of due) {
            const active = Number((q.countActive.get(e.key, '') as { n: number }).n);
            if (active > 0 && e.pendingCreate) {
              q.putEvent.run(
                eventToRow({ ...e, state: 'open', pendingCreate: null, raiseAt: null, updatedAt: at }),
              );
              tx.enqueue(e.key, [e.pendingCreate], now);
              raised++;
            } else {
              q.putEvent.run(eventToRow({ ...e, state: 'discarded', pendingCreate: null, updatedAt: at }));
            }
          }
          return raised;
        });
        return raise.immediate();
      }),
    flushDueNotes: (now) =>
      serialWrite(() => {
        const at = now.toISOString();
        const due = db
          .prepare('SELECT * FROM events WHERE note_due_at IS NOT NULL AND note_due_at <= ?')
          .all(at)
          .map(eventFromRow);
        return db
          .transaction(() => {
            let notes = 0;
            for (const e of due) {
              const f = flushDue(e, now);
              if (!f) continue;
              q.putEvent.run(eventToRow({ ...f.event, updatedAt: at }));
              if (f.op && e.state === 'open') {
                tx.enqueue(e.key, [f.op], now);
                notes++;
              }
            }
            return notes;
          })
          .immediate();
      }),
    releaseStorms: (now, limit) =>
      serialWrite(() => {
        const at = now.toISOString();
        const since = new Date(now.getTime() - 60_000).toISOString();
        return db
          .transaction(() => {
            let released = 0;
            const storms = db
              .prepare(`SELECT * FROM events WHERE correlation_key LIKE 'storm/%' AND state = 'open'`)
              .all()
              .map(eventFromRow);
            for (const storm of storms) {
              const parked = db
                .prepare(
                  `SELECT * FROM events WHERE state = 'pending' AND json_extract(noise_json, '$.parked') = 1 AND json_extract(noise_json, '$.mergedInto') = ?`,
                )
                .all(storm.key)
                .map(eventFromRow);
              const rate = Number((q.recentAll.get(since) as { n: number }).n);
              const plan = planRelease(storm, parked, rate, limit, now);
              if (!plan) continue;
              for (const e of plan.release) {
                q.putEvent.run(
                  eventToRow({
                    ...e,
                    state: 'open',
                    pendingCreate: null,
                    updatedAt: at,
                    noise: { ...e.noise, parked: false, mergedInto: null },
                  }),
                );
                if (e.pendingCreate) tx.enqueue(e.key, [e.pendingCreate], now);
                q.logAlarm.run(`storm-release:${e.key}`, e.key, 'released', 'active', e.severity, at, '{}');
                released++;
              }
              q.putEvent.run(eventToRow(plan.storm));
              tx.enqueue(storm.key, plan.stormOps, now);
            }
            return released;
          })
          .immediate();
      }),
    recordVerdict: (key, v, ops, now, basis) =>
      serialWrite(() => {
        const at = now.toISOString();
        return db
          .transaction((): { written: true } | { written: false; reason: string } => {
            const row = q.getEvent.get(key);
            if (!row) return { written: false, reason: 'the event is gone' };
            const e = eventFromRow(row);
            const stale = staleVerdictReason(e, basis, v.evaluatedAt);
            if (stale) return { written: false, reason: stale };
            const resolves = ops.some((o) => o.op === 'resolve');
            q.putEvent.run(
              eventToRow({
                ...e,
                verdict: v.verdict,
                verdictAt: v.evaluatedAt,
                verdictChecks: v.checks,
                updatedAt: at,
                ...(resolves ? { state: 'resolved' as const, resolvedAt: at } : {}),
              }),
            );
            tx.enqueue(key, ops, now);
            return { written: true };
          })
          .immediate();
      }),

    claimDeliveries: (limit, now, worker, leaseMs) =>
      serialWrite(() => {
        const at = now.toISOString();
        const until = new Date(now.getTime() + leaseMs).toISOString();
        const claim = db.transaction(() => {
          const rows = db
            .prepare(
              `${OUTBOX_SELECT}
               WHERE o.state = 'pending' AND o.next_attempt_at <= ?
                 AND o.id = (SELECT min(o2.id) FROM outbox o2 WHERE o2.event_key = o.event_key AND o2.state NOT IN ('done', 'cancelled'))
               ORDER BY o.next_attempt_at, o.id LIMIT ?`,
            )
            .all(at, limit);
          const mark = db.prepare(
            `UPDATE outbox SET state = 'inflight', claimed_by = ?, claimed_until = ?, updated_at = ? WHERE id = ?`,
          );
          return rows.map((r) => {
            const entry = outboxFromRow(r);
            mark.run(worker, until, at, entry.id);
            return { ...entry, state: 'inflight' as const };
          });
        });
        return claim.immediate();
      }),
    settleDelivery: (id, result, next, now) =>
      serialWrite(() => {
        const at = now.toISOString();
        db.transaction(() => {
          if (result.ok) {
            db.prepare(
              `UPDATE outbox SET state = 'done', attempts = attempts + 1, last_error = NULL, last_status = NULL, updated_at = ?, claimed_by = NULL WHERE id = ?`,
            ).run(at, id);
            if (result.link) {
              db.prepare(
                `UPDATE events SET incident_sys_id = ?, incident_number = ?, updated_at = ? WHERE key = (SELECT event_key FROM outbox WHERE id = ?)`,
              ).run(result.link.sysId, result.link.number, at, id);
            }
            return;
          }
          db.prepare(
            `UPDATE outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?, last_status = ?, updated_at = ?, claimed_by = NULL WHERE id = ?`,
          ).run(
            next.dead ? 'dead' : 'pending',
            next.nextAttemptAt.toISOString(),
            result.error,
            result.status ?? null,
            at,
            id,
          );
        }).immediate();
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

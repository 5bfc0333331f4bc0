// The lifecycle's reads and writes on SQLite (lifecycle/ports.ts), as prepared statements on the one
// writer connection. SQLite serialises writers, so the same object serves ingest and the background
// passes: there is nothing another writer could hold, and "skip what is locked" never skips anything.
import type Database from 'better-sqlite3';
import type { IngestTx, PassTx } from '../../lifecycle/ports.js';
import type { EventKind } from '../../model/event.js';
import { ALARM_COLUMNS, EVENT_COLUMNS, alarmFromRow, alarmToRow, eventFromRow, eventToRow } from '../rows.js';
import type { Db } from './open.js';

type Statement = Database.Statement<unknown[]>;

function upsertSql(table: string, columns: string[], pk: string): string {
  const cols = columns.join(', ');
  const vals = columns.map((c) => `@${c}`).join(', ');
  const set = columns
    .filter((c) => c !== pk)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  return `INSERT INTO ${table} (${cols}) VALUES (${vals}) ON CONFLICT(${pk}) DO UPDATE SET ${set}`;
}

const count = (row: unknown): number => Number((row as { n: number }).n);

export function sqliteLifecycleTx(db: Db): IngestTx & PassTx {
  const q = {
    getAlarm: db.prepare('SELECT * FROM alarms WHERE identity = ?'),
    getEvent: db.prepare('SELECT * FROM events WHERE key = ?'),
    latestEvent: db.prepare(
      'SELECT * FROM events WHERE correlation_key = ? ORDER BY generation DESC LIMIT 1',
    ),
    countActive: db.prepare(
      `SELECT count(*) AS n FROM alarms WHERE event_key = @key AND state = 'active'
         AND (@except IS NULL OR identity != @except)`,
    ),
    putAlarm: db.prepare(upsertSql('alarms', ALARM_COLUMNS, 'identity')),
    appendLog: db.prepare(
      'INSERT INTO alarm_log (identity, event_key, outcome, state, severity, received_at, alarm_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    putEvent: db.prepare(upsertSql('events', EVENT_COLUMNS, 'key')),
    enqueue: db.prepare(
      `INSERT INTO outbox (event_key, op_kind, op_json, state, attempts, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, 'pending', 0, ?, ?, ?)`,
    ),
    liveEffects: db.prepare(
      `SELECT * FROM events WHERE state IN ('open', 'pending') AND role = 'effect'
         AND EXISTS (SELECT 1 FROM json_each(json_extract(events.noise_json, '$.scopes')) WHERE value = ?)`,
    ),
    moveAlarms: db.prepare('UPDATE alarms SET event_key = ? WHERE event_key = ?'),
    createDelivered: db.prepare(
      `SELECT EXISTS (SELECT 1 FROM outbox WHERE event_key = ? AND op_kind = 'create'
         AND (state IN ('done', 'inflight') OR sent_at IS NOT NULL)) AS n`,
    ),
    cancel: db.prepare(
      `UPDATE outbox SET state = 'cancelled', last_error = ?, updated_at = ? WHERE event_key = ? AND state IN ('pending', 'dead') AND sent_at IS NULL`,
    ),
    dueHeld: db.prepare(`SELECT * FROM events WHERE state = 'pending' AND raise_at <= ?`),
    dueNotes: db.prepare('SELECT * FROM events WHERE note_due_at IS NOT NULL AND note_due_at <= ?'),
    openOfKind: db.prepare(`SELECT * FROM events WHERE kind = ? AND state = 'open'`),
    parkedUnder: db.prepare(
      `SELECT * FROM events WHERE state = 'pending' AND json_extract(noise_json, '$.parked') = 1
         AND json_extract(noise_json, '$.mergedInto') = ?`,
    ),
  };

  const outcomeCounts = new Map<string, Statement>();
  /** Log rows with one of n outcomes since a time, optionally of one source (prepared once per shape). */
  const outcomeCount = (n: number, bySource: boolean): Statement => {
    const shape = `${n}/${bySource}`;
    let st = outcomeCounts.get(shape);
    if (!st) {
      const marks = Array.from({ length: n }, () => '?').join(', ');
      // A prefix compared as text: LIKE would read "_" in a source name as a wildcard.
      const source = bySource ? ' AND substr(identity, 1, length(?)) = ?' : '';
      st = db.prepare<unknown[]>(
        `SELECT count(*) AS n FROM alarm_log WHERE outcome IN (${marks}) AND received_at >= ?${source}`,
      );
      outcomeCounts.set(shape, st);
    }
    return st;
  };

  return {
    getAlarm: (id) => {
      const row = q.getAlarm.get(id);
      return row ? alarmFromRow(row) : null;
    },
    getEvent: (key) => {
      const row = q.getEvent.get(key);
      return row ? eventFromRow(row) : null;
    },
    lockEvent: (key) => {
      const row = q.getEvent.get(key);
      return row ? eventFromRow(row) : null;
    },
    latestEventFor: (ck) => {
      const row = q.latestEvent.get(ck);
      return row ? eventFromRow(row) : null;
    },
    countActive: (key, except) => count(q.countActive.get({ key, except })),
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
    liveEffectsIn: (scope) => q.liveEffects.all(scope).map(eventFromRow),
    countOutcomes: ({ sinceIso, outcomes }, source) => {
      const args = [...outcomes, sinceIso, ...(source === null ? [] : [`${source}:`, `${source}:`])];
      return count(outcomeCount(outcomes.length, source !== null).get(...args));
    },
    moveAlarms: (from, to) => void q.moveAlarms.run(to, from),
    cancelUndelivered: (key, reason, now) => {
      // The create went out if it was delivered, is being delivered right now, or an attempt whose
      // outcome is unknown sent it (that entry is kept: it finds or makes the incident, in order).
      const createDelivered = count(q.createDelivered.get(key)) === 1;
      q.cancel.run(reason, now.toISOString(), key);
      return { createDelivered };
    },
    putAlarm: (a) => void q.putAlarm.run(alarmToRow(a)),
    appendLog: (l) =>
      void q.appendLog.run(
        l.identity,
        l.eventKey,
        l.outcome,
        l.state,
        l.severity,
        l.receivedAt,
        l.alarm ? JSON.stringify(l.alarm) : '{}',
      ),
    putEvent: (e) => void q.putEvent.run(eventToRow(e)),
    enqueue: (key, ops, now) => {
      const at = now.toISOString();
      for (const op of ops) q.enqueue.run(key, op.op, JSON.stringify(op), at, at, at);
    },
    dueHeldEvents: (now) => q.dueHeld.all(now.toISOString()).map(eventFromRow),
    dueNoteEvents: (now) => q.dueNotes.all(now.toISOString()).map(eventFromRow),
    openEventsOfKind: (kind: EventKind) => q.openOfKind.all(kind).map(eventFromRow),
    parkedUnder: (stormKey) => q.parkedUnder.all(stormKey).map(eventFromRow),
  };
}

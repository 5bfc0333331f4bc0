// The reads and writes of a background pass on PostgreSQL (lifecycle/ports.ts, PassTx), on the
// client of one transaction. The due/open/parked reads take FOR UPDATE SKIP LOCKED: rows another
// replica's pass (or an ingest) holds are left to it, so two replicas never raise or release the
// same event twice.
import type pg from 'pg';
import type { PassTx } from '../../lifecycle/ports.js';
import { EVENT_COLUMNS, eventFromRow, eventToRow } from '../rows.js';

const PUT_EVENT = (() => {
  const cols = EVENT_COLUMNS.join(', ');
  const vals = EVENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  const set = EVENT_COLUMNS.filter((c) => c !== 'key')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  return `INSERT INTO events (${cols}) VALUES (${vals}) ON CONFLICT (key) DO UPDATE SET ${set}`;
})();

export function pgPassTx(c: pg.ClientBase): PassTx {
  const events = async (sql: string, args: unknown[]) => (await c.query(sql, args)).rows.map(eventFromRow);
  return {
    dueHeldEvents: (now) =>
      events(`SELECT * FROM events WHERE state = 'pending' AND raise_at <= $1 FOR UPDATE SKIP LOCKED`, [
        now.toISOString(),
      ]),
    dueNoteEvents: (now) =>
      events(
        'SELECT * FROM events WHERE note_due_at IS NOT NULL AND note_due_at <= $1 FOR UPDATE SKIP LOCKED',
        [now.toISOString()],
      ),
    openEventsOfKind: (kind) =>
      events(`SELECT * FROM events WHERE kind = $1 AND state = 'open' FOR UPDATE SKIP LOCKED`, [kind]),
    parkedUnder: (stormKey) =>
      events(
        `SELECT * FROM events WHERE state = 'pending' AND (noise_json::jsonb ->> 'parked')::boolean
           AND noise_json::jsonb ->> 'mergedInto' = $1
         FOR UPDATE SKIP LOCKED`,
        [stormKey],
      ),
    lockEvent: async (key) =>
      (await events('SELECT * FROM events WHERE key = $1 FOR UPDATE', [key]))[0] ?? null,
    countActive: async (key, except) => {
      const r = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM alarms WHERE event_key = $1 AND state = 'active'
           AND ($2::text IS NULL OR identity <> $2::text)`,
        [key, except],
      );
      return Number(r.rows[0]?.n ?? 0);
    },
    countOutcomes: async ({ sinceIso, outcomes }, source) => {
      const r = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM alarm_log
         WHERE outcome = ANY($1::text[]) AND received_at >= $2
           AND ($3::text IS NULL OR starts_with(identity, $3::text || ':'))`,
        [outcomes, sinceIso, source],
      );
      return Number(r.rows[0]?.n ?? 0);
    },
    appendLog: async (l) => {
      await c.query(
        `INSERT INTO alarm_log (identity, event_key, outcome, state, severity, received_at, alarm_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          l.identity,
          l.eventKey,
          l.outcome,
          l.state,
          l.severity,
          l.receivedAt,
          l.alarm ? JSON.stringify(l.alarm) : '{}',
        ],
      );
    },
    putEvent: async (e) => {
      const row = eventToRow(e);
      await c.query(
        PUT_EVENT,
        EVENT_COLUMNS.map((col) => row[col] ?? null),
      );
    },
    enqueue: async (key, ops, now) => {
      if (ops.length === 0) return;
      const at = now.toISOString();
      await c.query(
        `INSERT INTO outbox (event_key, op_kind, op_json, state, attempts, next_attempt_at, created_at, updated_at)
         SELECT $1, kind, op, 'pending', 0, $2, $2, $2
         FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS u(kind, op, n) ORDER BY n`,
        [key, at, ops.map((op) => op.op), ops.map((op) => JSON.stringify(op))],
      );
    },
  };
}

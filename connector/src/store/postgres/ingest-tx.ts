// The reads and writes of one ingest transaction on PostgreSQL (lifecycle/ports.ts, IngestTx).
// Opening it takes the advisory locks of every correlation key, alarm identity and (for causes and
// effects) topology scope the batch touches, then loads the alarms and latest events with FOR UPDATE:
// the same key arriving at two replicas at once is decided by one, then the other sees its result.
// Writes are kept in memory and sent as one statement when the batch ends, or before any query whose
// answer depends on them, so a batch costs a handful of round trips rather than several per alarm.
import type pg from 'pg';
import type { AlarmLogEntry, IngestTx, IngestTxOptions, OutcomeCount } from '../../lifecycle/ports.js';
import type { AlarmRecord } from '../../model/alarm-record.js';
import type { EventRecord } from '../../model/event.js';
import type { IngestItem } from '../../model/ingest.js';
import { ALARM_COLUMNS, EVENT_COLUMNS, alarmFromRow, alarmToRow, eventFromRow, eventToRow } from '../rows.js';
import { INGEST_LOCK_CLASS, lockName, lockNames } from './locks.js';

export interface PgIngestTx extends IngestTx {
  /** Send the writes still held in memory and COMMIT, in one round trip. */
  commit(): Promise<void>;
}

interface LogRow {
  identity: string;
  event_key: string | null;
  outcome: string;
  state: string;
  severity: string;
  received_at: string;
  alarm_json: string;
}

interface OutboxRow {
  event_key: string;
  op_kind: string;
  op_json: string;
  at: string;
}

function upsert(table: string, columns: string[], pk: string, rows: string): string {
  const cols = columns.join(', ');
  const set = columns
    .filter((c) => c !== pk)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  return `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM json_populate_recordset(null::${table}, ${rows})
          ON CONFLICT (${pk}) DO UPDATE SET ${set}`;
}

/**
 * A string as an SQL literal. Dollar quoting needs no escaping (only a tag the text does not contain),
 * which matters for the large JSON documents a batch writes: quote-doubling them costs more than the
 * statement itself. Tags are plain identifiers, so no setting (standard_conforming_strings) changes it.
 */
export function literal(text: string): string {
  let tag = '$cl$';
  // The closing tag must be the first place the tag occurs, also across the end of the text ("…$cl").
  for (let n = 0; `${text}${tag}`.indexOf(tag) !== text.length; n++) tag = `$cl${n}$`;
  return `${tag}${text}${tag}`;
}

const LOG_COLUMNS = 'identity, event_key, outcome, state, severity, received_at, alarm_json';

/** The lock names a batch needs before it reads anything. */
export function batchLocks(items: IngestItem[]): string[] {
  const names: string[] = [];
  for (const { alarm, plan } of items) {
    names.push(lockName.alarm(`${alarm.source}:${alarm.id}`));
    if (!plan) continue;
    names.push(lockName.correlation(plan.correlationKey));
    // A cause adopts the effects in its scope; an effect looks for a cause in any of its scopes.
    if (plan.role === 'cause' && plan.scope) names.push(lockName.scope(plan.scope));
    if (plan.role === 'effect') for (const s of plan.scopes ?? []) names.push(lockName.scope(s));
  }
  return names;
}

/** The cache key of a count (and source; '' = all sources) `countOutcomes` answers. */
const countKey = (count: OutcomeCount, source: string | null) =>
  `${count.sinceIso}\u0000${count.outcomes.join(',')}\u0000${source ?? ''}`;

/**
 * Begins the transaction and opens the batch in ONE round trip: BEGIN, the advisory locks, then the
 * reads (each a statement of its own, so each sees what the lock holders committed before us).
 * Values are inlined as escaped literals because only the simple protocol carries several statements.
 */
export async function openIngestTx(
  client: pg.ClientBase,
  items: IngestItem[],
  o: IngestTxOptions,
): Promise<PgIngestTx> {
  const locked = new Set(batchLocks(items));
  const identities = [...new Set(items.map((i) => `${i.alarm.source}:${i.alarm.id}`))];
  const cks = [...new Set(items.flatMap((i) => (i.plan ? [i.plan.correlationKey] : [])))];
  const sources = [...new Set(items.map((i) => i.alarm.source))];
  // Literal arrays (not subqueries over JSON) so the planner sees the values and uses the indexes.
  const arr = (values: string[]) =>
    values.length ? `ARRAY[${values.map((v) => literal(v)).join(', ')}]::text[]` : `'{}'::text[]`;
  const statements = [
    'BEGIN',
    `SELECT count(pg_advisory_xact_lock(${INGEST_LOCK_CLASS}, h)) FROM
       (SELECT DISTINCT hashtext(n) AS h FROM unnest(${arr([...locked])}) AS n ORDER BY h) AS ordered`,
    `SELECT * FROM alarms WHERE identity = ANY(${arr(identities)})`,
    // The events of those alarms, and the newest event of each correlation key.
    `SELECT * FROM events WHERE key = ANY(ARRAY(
       SELECT event_key FROM alarms WHERE identity = ANY(${arr(identities)}) AND event_key IS NOT NULL
       UNION ALL
       SELECT (SELECT e.key FROM events e WHERE e.correlation_key = ck ORDER BY e.generation DESC LIMIT 1)
       FROM unnest(${arr(cks)}) AS ck))
     FOR UPDATE`,
  ];
  const pre = o.precount;
  if (pre)
    statements.push(
      `SELECT count(*)::int AS n_all, ${
        sources
          .map(
            (src, i) =>
              `(count(*) FILTER (WHERE starts_with(identity, ${literal(`${src}:`)})))::int AS n_${i}`,
          )
          .join(', ') || '0 AS none'
      }
       FROM alarm_log WHERE outcome = ANY(${arr([...pre.outcomes])}) AND received_at >= ${literal(pre.sinceIso)}`,
    );
  const results = (await client.query(statements.join(';\n'))) as unknown as pg.QueryResult[];

  const alarms = new Map<string, AlarmRecord | null>();
  const events = new Map<string, EventRecord | null>();
  /** Correlation key → key of its newest event (null: none), where known. */
  const latestKey = new Map<string, string | null>();
  for (const id of identities) alarms.set(id, null);
  for (const row of results[2]!.rows) {
    const a = alarmFromRow(row);
    alarms.set(a.identity, a);
  }
  for (const a of alarms.values()) if (a?.eventKey) events.set(a.eventKey, null);
  for (const ck of cks) latestKey.set(ck, null);
  for (const e of results[3]!.rows.map(eventFromRow)) {
    events.set(e.key, e);
    if (!latestKey.has(e.correlationKey)) continue;
    const known = latestKey.get(e.correlationKey);
    const knownGen = known ? (events.get(known)?.generation ?? 0) : 0;
    if (e.generation >= knownGen) latestKey.set(e.correlationKey, e.key);
  }
  const recentBase = new Map<string, { count: number; seen: number }>();
  if (pre) {
    const counts = results[4]!.rows[0] as Record<string, number>;
    recentBase.set(countKey(pre, null), { count: Number(counts['n_all'] ?? 0), seen: 0 });
    sources.forEach((src, i) =>
      recentBase.set(countKey(pre, src), { count: Number(counts[`n_${i}`] ?? 0), seen: 0 }),
    );
  }

  const dirtyAlarms = new Map<string, AlarmRecord>();
  const dirtyEvents = new Map<string, EventRecord>();
  let logs: LogRow[] = [];
  let outbox: OutboxRow[] = [];
  /** Every log row written by this transaction, for counting recent creations without a query. */
  const allLogs: LogRow[] = [];

  /** The pending writes as one statement (values inlined, see openIngestTx), or null when none. */
  function writes(): string | null {
    if (!dirtyAlarms.size && !logs.length && !dirtyEvents.size && !outbox.length) return null;
    const json = (value: unknown) => `${literal(JSON.stringify(value))}::json`;
    const parts: string[] = [];
    if (dirtyAlarms.size)
      parts.push(
        upsert('alarms', ALARM_COLUMNS, 'identity', json([...dirtyAlarms.values()].map(alarmToRow))),
      );
    if (logs.length)
      parts.push(
        `INSERT INTO alarm_log (${LOG_COLUMNS}) SELECT ${LOG_COLUMNS} FROM json_populate_recordset(null::alarm_log, ${json(logs)})`,
      );
    if (dirtyEvents.size)
      parts.push(upsert('events', EVENT_COLUMNS, 'key', json([...dirtyEvents.values()].map(eventToRow))));
    if (outbox.length)
      parts.push(
        `INSERT INTO outbox (event_key, op_kind, op_json, state, attempts, next_attempt_at, created_at, updated_at)
         SELECT event_key, op_kind, op_json, 'pending', 0, at, at, at
         FROM json_to_recordset(${json(outbox)}) AS r(event_key text, op_kind text, op_json text, at text)`,
      );
    dirtyAlarms.clear();
    dirtyEvents.clear();
    logs = [];
    outbox = [];
    return `WITH ${parts.map((p, i) => `w${i} AS (${p})`).join(',\n')} SELECT 1`;
  }

  async function flush(): Promise<void> {
    const sql = writes();
    if (sql) await client.query(sql);
  }

  const remember = (rows: unknown[]): EventRecord[] =>
    rows.map((row) => {
      const e = eventFromRow(row);
      events.set(e.key, e);
      return e;
    });

  return {
    commit: async () => {
      const sql = writes();
      await client.query(sql ? `${sql};\nCOMMIT` : 'COMMIT');
    },
    getAlarm: async (identity) => {
      const known = alarms.get(identity);
      if (known !== undefined) return known;
      const row = (await client.query('SELECT * FROM alarms WHERE identity = $1', [identity])).rows[0];
      const a = row ? alarmFromRow(row) : null;
      alarms.set(identity, a);
      return a;
    },
    getEvent: async (key) => {
      const known = events.get(key);
      if (known !== undefined) return known;
      const row = (await client.query('SELECT * FROM events WHERE key = $1 FOR UPDATE', [key])).rows[0];
      const e = row ? eventFromRow(row) : null;
      events.set(key, e);
      return e;
    },
    latestEventFor: async (ck) => {
      const known = latestKey.get(ck);
      if (known !== undefined) return known === null ? null : (events.get(known) ?? null);
      // A key the batch did not announce (the storm incident of a site): lock it now, then read.
      const name = lockName.correlation(ck);
      if (!locked.has(name)) {
        await lockNames(client, [name]);
        locked.add(name);
      }
      await flush();
      const row = (
        await client.query(
          'SELECT * FROM events WHERE correlation_key = $1 ORDER BY generation DESC LIMIT 1 FOR UPDATE',
          [ck],
        )
      ).rows[0];
      const e = row ? remember([row])[0]! : null;
      latestKey.set(ck, e ? e.key : null);
      return e;
    },
    countActive: async (key, except) => {
      await flush();
      const r = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM alarms WHERE event_key = $1 AND state = 'active'
           AND ($2::text IS NULL OR identity <> $2::text)`,
        [key, except],
      );
      return Number(r.rows[0]?.n ?? 0);
    },
    liveCauseFor: async (scopes) => {
      if (scopes.length === 0) return null;
      await flush();
      const rows = (
        await client.query(
          `SELECT * FROM events WHERE role = 'cause' AND state IN ('open', 'pending') AND scope = ANY($1::text[])
           ORDER BY created_at LIMIT 1 FOR UPDATE`,
          [scopes],
        )
      ).rows;
      return remember(rows)[0] ?? null;
    },
    liveEffectsIn: async (scope) => {
      await flush();
      const rows = (
        await client.query(
          `SELECT * FROM events WHERE state IN ('open', 'pending') AND role = 'effect'
             AND (noise_json::jsonb -> 'scopes') ? $1
           ORDER BY created_at FOR UPDATE`,
          [scope],
        )
      ).rows;
      return remember(rows);
    },
    countOutcomes: async (count, source) => {
      const cacheKey = countKey(count, source);
      let base = recentBase.get(cacheKey);
      if (!base) {
        await flush();
        const r = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM alarm_log
           WHERE outcome = ANY($1::text[]) AND received_at >= $2
             AND ($3::text IS NULL OR starts_with(identity, $3::text || ':'))`,
          [count.outcomes, count.sinceIso, source],
        );
        base = { count: Number(r.rows[0]?.n ?? 0), seen: allLogs.length };
        recentBase.set(cacheKey, base);
      }
      const outcomes = new Set<string>(count.outcomes);
      const later = allLogs
        .slice(base.seen)
        .filter(
          (l) =>
            outcomes.has(l.outcome) &&
            l.received_at >= count.sinceIso &&
            (source === null || l.identity.startsWith(`${source}:`)),
        ).length;
      return base.count + later;
    },
    moveAlarms: async (from, to) => {
      await flush();
      await client.query('UPDATE alarms SET event_key = $1 WHERE event_key = $2', [to, from]);
      for (const [id, a] of alarms) if (a?.eventKey === from) alarms.set(id, { ...a, eventKey: to });
    },
    cancelUndelivered: async (key, reason, now) => {
      await flush();
      // Cancel first (waiting for a claim being taken right now), then look: an entry a worker claimed
      // meanwhile is inflight and counts as gone out. An entry whose write is in doubt is not cancelled
      // (it may have reached ServiceNow): it stays, finds what it did, and counts as gone out.
      await client.query(
        `UPDATE outbox SET state = 'cancelled', last_error = $1, updated_at = $2
         WHERE event_key = $3 AND state IN ('pending', 'dead') AND sent_at IS NULL`,
        [reason, now.toISOString(), key],
      );
      const r = await client.query<{ delivered: boolean }>(
        `SELECT coalesce(bool_or(state IN ('done', 'inflight') OR sent_at IS NOT NULL), false) AS delivered FROM outbox
         WHERE event_key = $1 AND op_kind = 'create'`,
        [key],
      );
      return { createDelivered: r.rows[0]?.delivered === true };
    },
    putAlarm: (a) => {
      alarms.set(a.identity, a);
      dirtyAlarms.set(a.identity, a);
    },
    appendLog: (l: AlarmLogEntry) => {
      const log: LogRow = {
        identity: l.identity,
        event_key: l.eventKey,
        outcome: l.outcome,
        state: l.state,
        severity: l.severity,
        received_at: l.receivedAt,
        alarm_json: l.alarm ? JSON.stringify(l.alarm) : '{}',
      };
      logs.push(log);
      allLogs.push(log);
    },
    putEvent: (e) => {
      events.set(e.key, e);
      dirtyEvents.set(e.key, e);
      if (!latestKey.has(e.correlationKey)) return;
      const known = latestKey.get(e.correlationKey);
      const knownGen = known ? (events.get(known)?.generation ?? 0) : 0;
      if (e.generation >= knownGen) latestKey.set(e.correlationKey, e.key);
    },
    enqueue: (key, ops, now) => {
      const at = now.toISOString();
      for (const op of ops) outbox.push({ event_key: key, op_kind: op.op, op_json: JSON.stringify(op), at });
    },
  };
}

// PostgreSQL schema as numbered migrations, applied at start. Several replicas may start at once: the
// whole run holds a session advisory lock, so one replica migrates while the others wait, then find
// every version recorded in `schema_migrations` and do nothing. Each version commits on its own.
// Timestamps are ISO-8601 text, as in SQLite, so rows parse through the same rows.ts and compare in
// order as strings.
import type pg from 'pg';

/** Advisory lock key held while migrating (one bigint; ingest locks use the two-int form). */
export const MIGRATION_LOCK_KEY = 0x636c6f6f70; // 'cloop'

export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE alarms (
     identity text PRIMARY KEY, source text NOT NULL, alarm_id text NOT NULL, state text NOT NULL,
     severity text NOT NULL, type text NOT NULL, event_key text, rule text, first_seen_at text NOT NULL,
     last_change_at text NOT NULL, last_received_at text NOT NULL, change_count integer NOT NULL,
     alarm_json text NOT NULL, extra_json text NOT NULL DEFAULT '{}');
   CREATE INDEX alarms_event ON alarms(event_key, state);
   CREATE INDEX alarms_source ON alarms(source, event_key);
   CREATE TABLE alarm_log (
     id bigserial PRIMARY KEY, identity text NOT NULL, event_key text, outcome text NOT NULL,
     state text NOT NULL, severity text NOT NULL, received_at text NOT NULL, alarm_json text NOT NULL);
   CREATE INDEX alarm_log_event ON alarm_log(event_key, id);
   CREATE INDEX alarm_log_outcome ON alarm_log(outcome, received_at);
   CREATE TABLE events (
     key text PRIMARY KEY, correlation_key text NOT NULL, generation integer NOT NULL, rule text NOT NULL,
     state text NOT NULL, severity text NOT NULL, site text, title text NOT NULL, created_at text NOT NULL,
     updated_at text NOT NULL, last_alarm_at text NOT NULL, raise_at text, resolved_at text,
     incident_sys_id text, incident_number text, close_checks_json text NOT NULL,
     behaviour_json text NOT NULL, pending_create_json text, verdict text, verdict_at text,
     verdict_checks_json text, role text NOT NULL DEFAULT 'standalone', scope text, note_due_at text,
     noise_json text NOT NULL DEFAULT '{}');
   CREATE INDEX events_correlation ON events(correlation_key, generation);
   CREATE INDEX events_state ON events(state, updated_at);
   CREATE INDEX events_incident ON events(incident_sys_id);
   CREATE INDEX events_scope ON events(scope, state);
   CREATE INDEX events_note_due ON events(note_due_at) WHERE note_due_at IS NOT NULL;
   CREATE INDEX events_raise ON events(raise_at) WHERE state = 'pending';
   CREATE TABLE outbox (
     id bigserial PRIMARY KEY, event_key text NOT NULL, op_json text NOT NULL, state text NOT NULL,
     attempts integer NOT NULL DEFAULT 0, next_attempt_at text NOT NULL, last_error text,
     last_status integer, created_at text NOT NULL, updated_at text NOT NULL, claimed_by text,
     claimed_until text);
   CREATE INDEX outbox_key ON outbox(event_key, id);
   CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
   CREATE INDEX outbox_open ON outbox(event_key, id) WHERE state NOT IN ('done', 'cancelled');
   CREATE TABLE rejected (
     id bigserial PRIMARY KEY, source text NOT NULL, reason text NOT NULL, content_type text,
     body text NOT NULL, received_at text NOT NULL);
   CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
   INSERT INTO meta(key, value) VALUES ('heartbeat', '');
   CREATE TABLE silences (
     id text PRIMARY KEY, starts_at text NOT NULL, ends_at text NOT NULL, matchers_json text NOT NULL,
     comment text NOT NULL, created_by text NOT NULL, created_at text NOT NULL);`,
  // 2: console sessions ended by logout before their expiry.
  `CREATE TABLE revoked_sessions (sid text PRIMARY KEY, expires_at text NOT NULL);`,
  // 3: fencing (see the SQLite schema, version 5).
  `ALTER TABLE outbox ADD COLUMN claim_seq integer NOT NULL DEFAULT 0;
   ALTER TABLE outbox ADD COLUMN sent_at text;
   ALTER TABLE outbox ADD COLUMN doubt_until text;`,
  // 4: event kind and operation kind as columns (see the SQLite schema, version 6).
  `ALTER TABLE events ADD COLUMN kind text NOT NULL DEFAULT 'alarms';
   UPDATE events SET kind = 'storm' WHERE rule = 'storm-control' AND starts_with(correlation_key, 'storm/');
   CREATE INDEX events_kind ON events(kind, state);
   ALTER TABLE outbox ADD COLUMN op_kind text;
   UPDATE outbox SET op_kind = op_json::jsonb ->> 'op';
   ALTER TABLE outbox ALTER COLUMN op_kind SET NOT NULL;`,
  // 5: rejected payloads keep their original bytes (text cannot hold bytes that are not UTF-8).
  `ALTER TABLE rejected ALTER COLUMN body TYPE bytea USING convert_to(body, 'UTF8');`,
];

/** Apply the migrations not yet recorded; returns the versions applied by this call. */
export async function migratePostgres(
  client: pg.ClientBase,
  migrations: readonly string[] = POSTGRES_MIGRATIONS,
): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at text NOT NULL)',
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) =>
        Number(r.version),
      ),
    );
    const applied: number[] = [];
    for (const [i, sql] of migrations.entries()) {
      const version = i + 1;
      if (done.has(version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          version,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new Error(
          `PostgreSQL migration ${version} failed: ${err instanceof Error ? err.message : String(err)}`,
          { cause: err },
        );
      }
      applied.push(version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
  }
}

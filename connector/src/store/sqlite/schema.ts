// SQLite schema, as numbered migrations applied in order at open; `schema_migrations` records them.
export const SQLITE_MIGRATIONS: string[] = [
  `CREATE TABLE alarms (
     identity TEXT PRIMARY KEY, source TEXT NOT NULL, alarm_id TEXT NOT NULL, state TEXT NOT NULL,
     severity TEXT NOT NULL, type TEXT NOT NULL, event_key TEXT, rule TEXT, first_seen_at TEXT NOT NULL,
     last_change_at TEXT NOT NULL, last_received_at TEXT NOT NULL, change_count INTEGER NOT NULL,
     alarm_json TEXT NOT NULL);
   CREATE INDEX alarms_event ON alarms(event_key, state);
   CREATE TABLE alarm_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT, identity TEXT NOT NULL, event_key TEXT, outcome TEXT NOT NULL,
     state TEXT NOT NULL, severity TEXT NOT NULL, received_at TEXT NOT NULL, alarm_json TEXT NOT NULL);
   CREATE INDEX alarm_log_event ON alarm_log(event_key, id);
   CREATE TABLE events (
     key TEXT PRIMARY KEY, correlation_key TEXT NOT NULL, generation INTEGER NOT NULL, rule TEXT NOT NULL,
     state TEXT NOT NULL, severity TEXT NOT NULL, site TEXT, title TEXT NOT NULL, created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL, last_alarm_at TEXT NOT NULL, raise_at TEXT, resolved_at TEXT,
     incident_sys_id TEXT, incident_number TEXT, close_checks_json TEXT NOT NULL, behaviour_json TEXT NOT NULL,
     pending_create_json TEXT, verdict TEXT, verdict_at TEXT, verdict_checks_json TEXT);
   CREATE INDEX events_correlation ON events(correlation_key, generation);
   CREATE INDEX events_state ON events(state, updated_at);
   CREATE INDEX events_incident ON events(incident_sys_id);
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT, event_key TEXT NOT NULL, op_json TEXT NOT NULL, state TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, last_error TEXT, last_status INTEGER,
     created_at TEXT NOT NULL, updated_at TEXT NOT NULL, claimed_by TEXT, claimed_until TEXT);
   CREATE INDEX outbox_key ON outbox(event_key, id);
   CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
   CREATE TABLE rejected (
     id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, reason TEXT NOT NULL, content_type TEXT,
     body TEXT NOT NULL, received_at TEXT NOT NULL);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   INSERT INTO meta(key, value) VALUES ('heartbeat', '');`,
  // 2: noise control — roles/scopes for topology correlation, note economy, flapping, silences.
  `ALTER TABLE alarms ADD COLUMN extra_json TEXT NOT NULL DEFAULT '{}';
   ALTER TABLE events ADD COLUMN role TEXT NOT NULL DEFAULT 'standalone';
   ALTER TABLE events ADD COLUMN scope TEXT;
   ALTER TABLE events ADD COLUMN note_due_at TEXT;
   ALTER TABLE events ADD COLUMN noise_json TEXT NOT NULL DEFAULT '{}';
   CREATE INDEX events_scope ON events(scope, state);
   CREATE INDEX events_note_due ON events(note_due_at);
   CREATE TABLE silences (
     id TEXT PRIMARY KEY, starts_at TEXT NOT NULL, ends_at TEXT NOT NULL, matchers_json TEXT NOT NULL,
     comment TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL);`,
  // 3: storm control counts recent creations.
  `CREATE INDEX alarm_log_outcome ON alarm_log(outcome, received_at);`,
  // 4: console sessions ended by logout before their expiry.
  `CREATE TABLE revoked_sessions (sid TEXT PRIMARY KEY, expires_at TEXT NOT NULL);`,
  // 5: fencing. claim_seq tells a worker whether its claim still stands; sent_at/doubt_until keep a
  // write whose outcome is unknown (it may still land at ServiceNow until doubt_until).
  `ALTER TABLE outbox ADD COLUMN claim_seq INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE outbox ADD COLUMN sent_at TEXT;
   ALTER TABLE outbox ADD COLUMN doubt_until TEXT;`,
  // 6: what an event is (kind: 'alarms', or 'storm' for the storm incident) and what an outbox entry
  // does (op_kind) become columns, so no query reads them out of a key prefix or a JSON text.
  `ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT 'alarms';
   UPDATE events SET kind = 'storm' WHERE rule = 'storm-control' AND substr(correlation_key, 1, 6) = 'storm/';
   CREATE INDEX events_kind ON events(kind, state);
   ALTER TABLE outbox ADD COLUMN op_kind TEXT NOT NULL DEFAULT '';
   UPDATE outbox SET op_kind = json_extract(op_json, '$.op');`,
  // 7: rejected payloads keep their original bytes (a body that is not UTF-8 is refused, and kept as
  // it came); TEXT cannot hold them, so the table is rebuilt with a BLOB body.
  `CREATE TABLE rejected_v7 (
     id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL, reason TEXT NOT NULL, content_type TEXT,
     body BLOB NOT NULL, received_at TEXT NOT NULL);
   INSERT INTO rejected_v7 (id, source, reason, content_type, body, received_at)
     SELECT id, source, reason, content_type, CAST(body AS BLOB), received_at FROM rejected;
   DROP TABLE rejected;
   ALTER TABLE rejected_v7 RENAME TO rejected;`,
];

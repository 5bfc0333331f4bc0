// One behaviour suite, two databases: SQLite in a temp file, PostgreSQL in a fresh schema per test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { createSqliteStore } from '../../../connector/src/store/sqlite/store.js';
import { createPostgresStore } from '../../../connector/src/store/postgres/store.js';
import { createTestSchema, requirePostgres } from '../../support/postgres.js';
import { storeContract, type AlarmLogRow } from './store-contract.js';

const LOG_SQL = (p: string) =>
  `SELECT outcome, state, event_key, alarm_json FROM alarm_log WHERE identity = ${p} ORDER BY id`;
type LogRow = Omit<AlarmLogRow, 'raised_at'> & { alarm_json: string };
const logRows = (rows: LogRow[]): AlarmLogRow[] =>
  rows.map(({ alarm_json, ...r }) => ({
    ...r,
    raised_at: (JSON.parse(alarm_json) as { raisedAt: string }).raisedAt,
  }));

const logger = pino({ level: process.env['CLOSELOOP_TEST_LOG'] ?? 'silent' });

storeContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-contract-'));
  const file = path.join(dir, 'closeloop.db');
  return {
    open: async (opts) => createSqliteStore(file, opts),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    alarmLog: async (identity) => {
      const db = new Database(file, { readonly: true });
      try {
        return logRows(db.prepare(LOG_SQL('?')).all(identity) as LogRow[]);
      } finally {
        db.close();
      }
    },
    sql: async (text, params = []) => {
      const db = new Database(file);
      try {
        // Parameters are numbered in the order they appear in these tests' statements.
        const st = db.prepare(text.replace(/\$\d+/g, '?'));
        return st.reader ? (st.all(...params) as Record<string, unknown>[]) : (st.run(...params), []);
      } finally {
        db.close();
      }
    },
  };
});

storeContract('PostgreSQL', async (ctx) => {
  await requirePostgres(ctx, 'the PostgreSQL store contract');
  const schema = await createTestSchema();
  return {
    open: (opts) => createPostgresStore({ url: schema.url, logger, ...opts }),
    cleanup: () => schema.drop(),
    alarmLog: async (identity) => logRows(await schema.query<LogRow>(LOG_SQL('$1'), [identity])),
    sql: (text, params = []) => schema.query(text, params),
  };
});

// Upgrading a database written before the event kind and the operation kind were columns: the
// migration back-fills both, so rows the previous version wrote behave as new ones (SQLite and
// PostgreSQL, each from the schema version just before).
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import pino from 'pino';
import { releaseStorms } from '../../../connector/src/lifecycle/release-storms.js';
import type { EventRecord } from '../../../connector/src/model/event.js';
import type { Operation } from '../../../connector/src/model/operation.js';
import { migratePostgres, POSTGRES_MIGRATIONS } from '../../../connector/src/store/postgres/migrations.js';
import { createPostgresStore } from '../../../connector/src/store/postgres/store.js';
import { eventToRow } from '../../../connector/src/store/rows.js';
import { SQLITE_MIGRATIONS } from '../../../connector/src/store/sqlite/schema.js';
import { createSqliteStore } from '../../../connector/src/store/sqlite/store.js';
import type { Store } from '../../../connector/src/store/store.js';
import { at } from '../../support/alarms.js';
import { eventRecord } from '../../support/events.js';
import { createTestSchema, requirePostgres } from '../../support/postgres.js';

const logger = pino({ level: 'silent' });

/** The migrations before the one that adds the kind columns. */
const before = (all: readonly string[]) =>
  all.slice(
    0,
    all.findIndex((m) => m.includes('op_kind')),
  );

const stormEvent = eventRecord({
  key: 'storm/DC1',
  correlationKey: 'storm/DC1',
  rule: 'storm-control',
  noise: { ...eventRecord().noise, stormParked: 1 },
});
/** A rule's event whose key happens to look like a storm key. */
const lookalike = eventRecord({ key: 'storm/DC9', correlationKey: 'storm/DC9' });
const create: Operation = { op: 'create', fields: { short_description: 'x' }, references: {} };
const note: Operation = { op: 'note', text: 'Joined: CRAH-2.' };

/** An events row as the previous version wrote it: every column but `kind`. */
function oldEventRow(e: EventRecord): Record<string, string | number | null> {
  const { kind: _kind, ...row } = eventToRow(e);
  return row;
}

interface Old {
  /** Runs one statement with `?` parameters on the not-yet-upgraded database. */
  run(sql: string, params: unknown[]): Promise<void>;
  open(): Promise<Store>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
}

async function writeOldRows(db: Old): Promise<void> {
  for (const e of [stormEvent, lookalike]) {
    const row = oldEventRow(e);
    const cols = Object.keys(row);
    await db.run(`INSERT INTO events (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, [
      ...Object.values(row),
    ]);
  }
  for (const [key, op] of [
    ['storm/DC9', create],
    ['storm/DC9', note],
  ] as const)
    await db.run(
      `INSERT INTO outbox (event_key, op_json, state, attempts, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, 'pending', 0, ?, ?, ?)`,
      [key, JSON.stringify(op), at(0).toISOString(), at(0).toISOString(), at(0).toISOString()],
    );
}

function upgradeContract(
  name: string,
  setup: (ctx: Mocha.Context) => Promise<Old & { cleanup(): Promise<void> }>,
) {
  describe(`migration to kind columns: ${name}`, function () {
    this.timeout(20_000);
    it('back-fills the event kind and the operation kind of rows written before', async function () {
      const db = await setup(this);
      let store: Store | undefined;
      try {
        await writeOldRows(db);
        store = await db.open();
        expect(
          (await db.rows('SELECT key, kind FROM events ORDER BY key')).map((r) => [r['key'], r['kind']]),
        ).to.deep.equal([
          ['storm/DC1', 'storm'],
          ['storm/DC9', 'alarms'],
        ]);
        expect(
          (await db.rows('SELECT op_kind FROM outbox ORDER BY id')).map((r) => r['op_kind']),
        ).to.deep.equal(['create', 'note']);
        // And they behave as rows written now: the storm pass resolves the storm incident only.
        expect(await releaseStorms(store, at(120), 5)).to.equal(0);
        expect((await store.getEvent('storm/DC1'))!.event.state).to.equal('resolved');
        expect((await store.getEvent('storm/DC9'))!.event.state).to.equal('open');
      } finally {
        await store?.close();
        await db.cleanup();
      }
    });
  });
}

upgradeContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-upgrade-'));
  const file = path.join(dir, 'closeloop.db');
  const db = new Database(file);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  before(SQLITE_MIGRATIONS).forEach((sql, i) => {
    db.exec(sql);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
      i + 1,
      at(0).toISOString(),
    );
  });
  return {
    run: async (sql, params) => void db.prepare(sql).run(...params),
    open: async () => {
      db.close();
      return createSqliteStore(file);
    },
    rows: async (sql) => {
      const r = new Database(file, { readonly: true });
      try {
        return r.prepare(sql).all() as Record<string, unknown>[];
      } finally {
        r.close();
      }
    },
    cleanup: async () => {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

upgradeContract('PostgreSQL', async (ctx) => {
  await requirePostgres(ctx, 'the PostgreSQL upgrade test');
  const schema = await createTestSchema();
  const client = new pg.Client({ connectionString: schema.url });
  await client.connect();
  await migratePostgres(client, before(POSTGRES_MIGRATIONS));
  return {
    run: async (sql, params) => {
      let n = 0;
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      );
    },
    open: () => createPostgresStore({ url: schema.url, logger }),
    rows: (sql) => schema.query(sql),
    cleanup: async () => {
      await client.end();
      await schema.drop();
    },
  };
});

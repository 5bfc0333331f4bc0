// Rejected payloads written as text by earlier versions survive the migration to byte columns.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import pino from 'pino';
import { SQLITE_MIGRATIONS } from '../../../connector/src/store/sqlite/schema.js';
import { createSqliteStore } from '../../../connector/src/store/sqlite/store.js';
import { migratePostgres, POSTGRES_MIGRATIONS } from '../../../connector/src/store/postgres/migrations.js';
import { createPostgresStore } from '../../../connector/src/store/postgres/store.js';
import { createTestSchema, requirePostgres } from '../../support/postgres.js';

const OLD_ROW = ['bms', 'malformed JSON', 'application/json', '{"id": "é", oops', '2026-11-25T10:00:00.000Z'];

describe('rejected payloads: migration from text to bytes', () => {
  it('SQLite: a row written before migration 4 reads back with the same text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-migrate-'));
    const file = path.join(dir, 'closeloop.db');
    try {
      const db = new Database(file);
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      SQLITE_MIGRATIONS.slice(0, 3).forEach((sql, i) => {
        db.exec(sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(i + 1, 'then');
      });
      db.prepare(
        'INSERT INTO rejected (source, reason, content_type, body, received_at) VALUES (?, ?, ?, ?, ?)',
      ).run(...OLD_ROW);
      db.close();
      const store = createSqliteStore(file);
      try {
        const [row] = await store.listRejected(1);
        expect(row!.body.toString('utf8')).to.equal(OLD_ROW[3]);
        const next = await store.recordRejected({
          source: 'bms',
          reason: 'r',
          contentType: null,
          body: Uint8Array.from([0xff]),
          receivedAt: OLD_ROW[4]!,
        });
        expect(next).to.be.greaterThan(row!.id);
      } finally {
        await store.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PostgreSQL: a row written before migration 2 reads back with the same text', async function () {
    await requirePostgres(this, 'the PostgreSQL migration test');
    const schema = await createTestSchema();
    try {
      const c = new pg.Client({ connectionString: schema.url });
      await c.connect();
      try {
        await migratePostgres(c, POSTGRES_MIGRATIONS.slice(0, 1));
        await c.query(
          'INSERT INTO rejected (source, reason, content_type, body, received_at) VALUES ($1, $2, $3, $4, $5)',
          OLD_ROW,
        );
      } finally {
        await c.end();
      }
      const store = await createPostgresStore({ url: schema.url, logger: pino({ level: 'silent' }) });
      try {
        const [row] = await store.listRejected(1);
        expect(row!.body.toString('utf8')).to.equal(OLD_ROW[3]);
      } finally {
        await store.close();
      }
    } finally {
      await schema.drop();
    }
  });
});

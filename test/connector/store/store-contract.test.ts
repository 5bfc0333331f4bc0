// One behaviour suite, two databases: SQLite in a temp file, PostgreSQL in a fresh schema per test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createSqliteStore } from '../../../connector/src/store/sqlite/store.js';
import { createPostgresStore } from '../../../connector/src/store/postgres/store.js';
import { createTestSchema, requirePostgres } from '../../support/postgres.js';
import { storeContract } from './store-contract.js';

const logger = pino({ level: process.env['CLOSELOOP_TEST_LOG'] ?? 'silent' });

storeContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-contract-'));
  const file = path.join(dir, 'closeloop.db');
  return {
    open: async (opts) => createSqliteStore(file, opts),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

storeContract('PostgreSQL', async (ctx) => {
  await requirePostgres(ctx, 'the PostgreSQL store contract');
  const schema = await createTestSchema();
  return {
    open: (opts) => createPostgresStore({ url: schema.url, logger, ...opts }),
    cleanup: () => schema.drop(),
  };
});

// A fresh PostgreSQL schema per benchmark phase, created and dropped the way the tests do it
// (test/support/postgres.ts); the server is CLOSELOOP_DATABASE_URL, else the local test database.
import type { TestSchema } from '../../test/support/postgres.js';

export const BENCH_DATABASE_URL =
  process.env['CLOSELOOP_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';

export async function freshSchema(): Promise<TestSchema> {
  // test/support/postgres.ts reads CLOSELOOP_TEST_DATABASE_URL when it loads, hence the late import.
  process.env['CLOSELOOP_TEST_DATABASE_URL'] = BENCH_DATABASE_URL;
  const { createTestSchema } = await import('../../test/support/postgres.js');
  return createTestSchema();
}

// PostgreSQL for tests: the server at CLOSELOOP_TEST_DATABASE_URL (default: the local one on
// 127.0.0.1:5432, database `test`). Each test gets its own schema `t_<random>`, selected through the
// connection string (`options=-c search_path=…`), and drops it afterwards, so tests never see each
// other's rows and never touch anyone else's tables.
import crypto from 'node:crypto';
import pg from 'pg';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const fromEnv = process.env['CLOSELOOP_TEST_DATABASE_URL'];
export const TEST_DATABASE_URL = fromEnv || DEFAULT_TEST_DATABASE_URL;

let availability: Promise<string | null> | null = null;

/** null when the server answers; else why not. */
export function postgresUnavailable(): Promise<string | null> {
  availability ??= (async () => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    } finally {
      await c.end().catch(() => undefined);
    }
  })();
  return availability;
}

/**
 * For a `before` hook: skip the suite when no server is configured and the default one is not there;
 * fail when CLOSELOOP_TEST_DATABASE_URL names a server that does not answer (CI must not pass silently).
 */
export async function requirePostgres(ctx: Mocha.Context, what: string): Promise<void> {
  const reason = await postgresUnavailable();
  if (reason === null) return;
  if (fromEnv) throw new Error(`CLOSELOOP_TEST_DATABASE_URL=${fromEnv} does not answer: ${reason}`);
  console.warn(
    `  SKIPPED ${what}: no PostgreSQL at ${DEFAULT_TEST_DATABASE_URL} (${reason}); set CLOSELOOP_TEST_DATABASE_URL to run it`,
  );
  ctx.skip();
}

export function withParams(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

export interface TestSchema {
  schema: string;
  /** application_name of every connection made through `url`. */
  applicationName: string;
  /** Connection string whose sessions use the schema. */
  url: string;
  /** A client on the schema, for looking at rows directly. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

export async function createTestSchema(): Promise<TestSchema> {
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  // Named after the schema, so cleaning up ends only this test's connections.
  const applicationName = `closeloop-${schema}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = withParams(TEST_DATABASE_URL, {
    options: `-c search_path=${schema}`,
    application_name: applicationName,
  });
  const reader = new pg.Pool({ connectionString: url, max: 2 });
  // Tests may terminate this schema's sessions (an outage); the next query reconnects.
  reader.on('error', () => undefined);
  return {
    schema,
    applicationName,
    url,
    query: async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
      (await reader.query<R>(sql, params)).rows,
    drop: async () => {
      await reader.end();
      // A replica killed in a test may leave a backend for a moment; end it so DROP does not wait.
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE pid <> pg_backend_pid() AND datname = current_database() AND application_name = $1`,
        [applicationName],
      );
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

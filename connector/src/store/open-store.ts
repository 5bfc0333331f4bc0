// Chooses the store from configuration: a postgres:// URL selects PostgreSQL (several replicas share
// it), no URL the embedded SQLite file `<dataDir>/closeloop.db`. Any other URL is refused rather than
// silently falling back to a local file the other replicas would not see.
import path from 'node:path';
import type { Logger } from 'pino';
import type { RejectedRetention, Store } from './store.js';
import { createSqliteStore } from './sqlite/store.js';
import { createPostgresStore } from './postgres/store.js';

export interface OpenStoreOptions {
  databaseUrl?: string;
  dataDir: string;
  logger: Logger;
  rejectedRetention?: RejectedRetention;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Describes the URL without its password, for logs and errors. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export async function openStore(o: OpenStoreOptions): Promise<Store> {
  const url = o.databaseUrl?.trim();
  if (url) {
    if (!isPostgresUrl(url))
      throw new Error(
        `database_url must start with postgres:// or postgresql:// (got ${describeDatabaseUrl(url)}); leave it unset for SQLite`,
      );
    try {
      return await createPostgresStore({
        url,
        logger: o.logger.child({ component: 'store' }),
        ...(o.rejectedRetention ? { rejectedRetention: o.rejectedRetention } : {}),
      });
    } catch (err) {
      // pg errors may quote the connection string; name the database without the password instead.
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`cannot open PostgreSQL at ${describeDatabaseUrl(url)}: ${reason}`, { cause: err });
    }
  }
  return createSqliteStore(
    path.join(o.dataDir, 'closeloop.db'),
    o.rejectedRetention ? { rejectedRetention: o.rejectedRetention } : {},
  );
}

// Start a connector in-process on a free loopback port with a temp SQLite file, for HTTP tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ConfigSchema, type Config } from '../../connector/src/config/schema.js';
import { createSqliteStore } from '../../connector/src/store/sqlite/store.js';
import {
  startConnector,
  type ConnectorDeps,
  type RunningConnector,
} from '../../connector/src/service/start.js';
import type { Store } from '../../connector/src/store/store.js';
import type { Engine } from '../../connector/src/service/engine-types.js';

export interface TestConnector extends RunningConnector {
  store: Store;
  dir: string;
  stop(): Promise<void>;
}

export async function startTestConnector(opts: {
  engine: Engine;
  deliver?: ConnectorDeps['deliver'];
  config?: Record<string, unknown>;
  env?: Record<string, string>;
  routers?: ConnectorDeps['routers'];
  /** Default: silent (or CLOSELOOP_TEST_LOG). */
  logger?: pino.Logger;
  /** Wraps the SQLite store (e.g. to make some of its writes fail). */
  wrapStore?: (store: Store) => Store;
}): Promise<TestConnector> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-http-'));
  const config: Config = ConfigSchema.parse({
    server: { host: '127.0.0.1', port: 0, body_limit: '64kb' },
    data_dir: dir,
    api_key: 'test-api-key',
    outbox: { poll_interval: 0.02, base_delay: 0.02, max_delay: 0.2 },
    ...opts.config,
  });
  const sqlite = createSqliteStore(path.join(dir, 'closeloop.db'));
  const store = opts.wrapStore ? opts.wrapStore(sqlite) : sqlite;
  const running = await startConnector({
    config,
    env: opts.env ?? {},
    logger: opts.logger ?? pino({ level: process.env['CLOSELOOP_TEST_LOG'] ?? 'silent' }),
    store,
    engine: () => opts.engine,
    deliver:
      opts.deliver ?? (async () => ({ ok: false, retryable: true, error: 'no ServiceNow in this test' })),
    routers: opts.routers,
  });
  return {
    ...running,
    store,
    dir,
    stop: async () => {
      await running.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// One connector replica for fault tests: the real service wiring (startConnector), the store chosen as
// in production (openStore: postgres:// shared, else SQLite in dataDir), real ServiceNow delivery (the
// Table API client and deliverOperation) to the stand-in, and the tiny test engine (one incident per
// `asset.site`). Started in-process, or in a child process by replica-runner.ts so it can be killed.
import pino from 'pino';
import { z } from 'zod';
import { ConfigSchema } from '../../../connector/src/config/schema.js';
import { SourceSchema } from '../../../connector/src/mapping/schema.js';
import { createServiceNowClient } from '../../../connector/src/itsm/servicenow/client.js';
import { deliverOperation } from '../../../connector/src/itsm/servicenow/deliver.js';
import { startConnector, type RunningConnector } from '../../../connector/src/service/start.js';
import { openStore } from '../../../connector/src/store/open-store.js';
import type { Store } from '../../../connector/src/store/store.js';
import { tinyEngine } from '../../support/tiny-engine.js';

export const ReplicaConfigSchema = z.object({
  /** postgres://… for the shared store; absent: SQLite `<dataDir>/closeloop.db`. */
  databaseUrl: z.string().optional(),
  dataDir: z.string(),
  workerId: z.string(),
  servicenowUrl: z.string(),
  port: z.number().int().default(0),
  logLevel: z.string().default('silent'),
  bodyLimit: z.string().default('1mb'),
  /** How long one ServiceNow request may take (a replica that must hold its claims waits longer). */
  servicenowTimeout: z.string().default('2s'),
  /** servicenow.request_lifetime: just above the stand-in's transaction quota (FAULT_STANDIN). */
  servicenowRequestLifetime: z.string().default('4s'),
});
export type ReplicaConfig = z.input<typeof ReplicaConfigSchema>;

/**
 * Stand-in options for fault tests: a 3 s REST transaction quota instead of 60 s, so that a write in
 * doubt is settled in seconds (the replicas' request_lifetime, 4 s, is just above it).
 */
export const FAULT_STANDIN = { port: 0, transactionQuotaMs: 3000 } as const;

export const API_KEY = 'fault-test-key';

/** Alarms are posted to /v1/alarms/bms already normalised (see tiny-engine.ts). */
export const SOURCES = {
  bms: SourceSchema.parse({
    kind: 'webhook',
    fields: { id: '$.id', state: '$.state', severity: '$.severity', type: '$.type' },
  }),
};

export interface Replica {
  url: string;
  store: Store;
  connector: RunningConnector;
  close(): Promise<void>;
}

export async function startReplica(input: ReplicaConfig): Promise<Replica> {
  const c = ReplicaConfigSchema.parse(input);
  const logger = pino({ level: c.logLevel, base: { replica: c.workerId } });
  const config = ConfigSchema.parse({
    server: { host: '127.0.0.1', port: c.port, body_limit: c.bodyLimit },
    data_dir: c.dataDir,
    api_key: API_KEY,
    servicenow: {
      instance_url: c.servicenowUrl,
      auth: { type: 'basic', username: 'admin', password: 'admin' },
      timeout: c.servicenowTimeout,
      request_lifetime: c.servicenowRequestLifetime,
    },
    outbox: { concurrency: 8, max_attempts: 100, base_delay: 0.05, max_delay: 0.5, poll_interval: 0.05 },
    // Every note at once and no storm control: the outcome must not depend on timing.
    noise: { note_interval: 0, storm_per_source: 1_000_000, storm_global: 1_000_000 },
  });
  const store = await openStore({ databaseUrl: c.databaseUrl, dataDir: c.dataDir, logger });
  const servicenow = createServiceNowClient({ config: config.servicenow });
  try {
    const connector = await startConnector({
      config,
      env: {},
      logger,
      store,
      engine: () => tinyEngine(SOURCES),
      workerId: c.workerId,
      deliver: (entry, attempt) =>
        deliverOperation(servicenow, {
          key: entry.eventKey,
          link: entry.link,
          op: entry.op,
          config: config.servicenow,
          attempt,
        }),
      timerIntervalMs: 200,
    });
    return {
      url: connector.url,
      store,
      connector,
      close: async () => {
        await connector.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

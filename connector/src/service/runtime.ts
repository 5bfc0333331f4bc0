// The whole connector as `closeloop serve` runs it: configuration and mappings in, every component
// wired (store, ServiceNow delivery, telemetry, watcher, closure checks), one `close` out.
import type { Logger } from 'pino';
import type { Config } from '../config/schema.js';
import { formatMappingError, type MappingError } from '../mapping/errors.js';
import { loadMappings } from '../mapping/load.js';
import { providerKindsOf } from '../mapping/query/language.js';
import type { Mappings } from '../mapping/compiled.js';
import { addLogSecrets, createLogger } from '../observability/logger.js';
import { consoleSecrets, sourceSecrets, weakSourceAuth } from './credentials.js';
import { observeProvider, observeServiceNow, type Metrics } from '../observability/metrics.js';
import { createServiceNowClient, type ServiceNowClient } from '../itsm/servicenow/client.js';
import { deliverOperation } from '../itsm/servicenow/deliver.js';
import type { DeliveryAttempt, DeliveryResult } from '../outbox/operations.js';
import type { OutboxEntry, Store } from '../store/store.js';
import pRetry from 'p-retry';
import { describeDatabaseUrl, isPostgresUrl, openStore } from '../store/open-store.js';
import { closeProviders, createProviders } from '../telemetry/create.js';
import type { TelemetryProvider } from '../telemetry/types.js';
import { startWatcher, type Watcher } from '../guard/watcher.js';
import { closureRoutes } from '../http/closure-route.js';
import type { HttpContext } from '../http/context.js';
import type { RouteModule } from '../http/route-table.js';
import { createEngine } from './engine.js';
import type { Engine } from './engine-types.js';
import { startConnector, type RunningConnector } from './start.js';
import { startListeners, type Listeners } from './listeners.js';

export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

export interface RuntimeOptions {
  config: Config;
  env: Record<string, string | undefined>;
  secrets: readonly string[];
  logger?: Logger;
  /** Replaces the store chosen from config (tests, benchmarks). */
  store?: Store;
  /** Extra routes (the console), each declaring its credential (http/route-table.ts). */
  routers?: (ctx: HttpContext, rt: RuntimeHandles) => RouteModule | RouteModule[];
  workerId?: string;
  /** Start SNMP/MQTT listeners of the mappings' sources (default true). */
  listeners?: boolean;
}

export interface RuntimeHandles {
  config: Config;
  store: Store;
  providers: Map<string, TelemetryProvider>;
  engine: () => Engine;
  mappings: () => Mappings;
  /** Reload mappings from disk; the old set stays active when the new one is invalid. */
  reloadMappings(): { ok: true } | { ok: false; errors: MappingError[] };
  servicenow: ServiceNowClient | null;
}

export interface Runtime extends RuntimeHandles {
  connector: RunningConnector;
  watcher: Watcher;
  logger: Logger;
  close(): Promise<void>;
}

function loadOrFail(config: Config): { mappings: Mappings; warnings: MappingError[] } {
  const r = loadMappings(config.mappings_dir, { providerKinds: providerKindsOf(config.telemetry.providers) });
  if (!r.ok)
    throw new StartupError(
      `mappings in ${config.mappings_dir} are invalid`,
      r.errors.map(formatMappingError),
    );
  return r;
}

function logWarnings(logger: Logger, warnings: readonly MappingError[]): void {
  for (const w of warnings) logger.warn({ mapping: formatMappingError(w) }, 'mapping warning');
}

export async function startRuntime(o: RuntimeOptions): Promise<Runtime> {
  const { config } = o;
  const logger = o.logger ?? createLogger({ level: config.log_level, secrets: o.secrets });
  const loaded = loadOrFail(config);
  let mappings = loaded.mappings;
  logWarnings(logger, loaded.warnings);
  let engine = createEngine(mappings);
  addLogSecrets(logger, [...consoleSecrets(o.env), ...sourceSecrets(mappings.sources, o.env)]);
  for (const w of weakSourceAuth(mappings.sources)) logger.warn(w);
  if (config.database_url && !isPostgresUrl(config.database_url)) {
    throw new StartupError(
      `database_url must start with postgres:// (got ${describeDatabaseUrl(config.database_url)}); leave it unset for SQLite`,
    );
  }
  // The database may still be starting next to us (a compose file, a rebooted host): wait a little.
  const store =
    o.store ??
    (await pRetry(
      () =>
        openStore({
          databaseUrl: config.database_url,
          dataDir: config.data_dir,
          logger,
          rejectedRetention: { maxRows: config.limits.rejected_rows, maxBytes: config.limits.rejected_bytes },
        }),
      {
        retries: 5,
        minTimeout: 500,
        maxTimeout: 5000,
        onFailedAttempt: (e) =>
          logger.warn(
            {
              attempt: e.attemptNumber,
              left: e.retriesLeft,
              store: config.database_url ? describeDatabaseUrl(config.database_url) : 'sqlite',
            },
            `store not available yet: ${e.message}`,
          ),
      },
    ));
  const providers = createProviders(config.telemetry.providers);

  let metrics: Metrics | null = null;
  const servicenow = config.servicenow.instance_url
    ? createServiceNowClient({
        config: config.servicenow,
        logger: logger.child({ component: 'servicenow' }),
        onResponse: (r) => {
          if (metrics) observeServiceNow(metrics, r);
        },
      })
    : null;
  if (!servicenow)
    logger.warn('servicenow.instance_url is not set: alarms are stored and queued, nothing is delivered');

  const deliver = async (entry: OutboxEntry, attempt: DeliveryAttempt): Promise<DeliveryResult> =>
    servicenow
      ? deliverOperation(servicenow, {
          key: entry.eventKey,
          link: entry.link,
          op: entry.op,
          config: config.servicenow,
          attempt,
        })
      : { ok: false, retryable: true, error: 'ServiceNow is not configured (set SERVICENOW_INSTANCE_URL)' };

  const handles: RuntimeHandles = {
    config,
    store,
    providers,
    engine: () => engine,
    mappings: () => mappings,
    reloadMappings: () => {
      const r = loadMappings(config.mappings_dir, {
        providerKinds: providerKindsOf(config.telemetry.providers),
      });
      if (!r.ok) return { ok: false, errors: r.errors };
      mappings = r.mappings;
      engine = createEngine(mappings);
      logWarnings(logger, r.warnings);
      addLogSecrets(logger, sourceSecrets(mappings.sources, o.env));
      for (const w of weakSourceAuth(mappings.sources)) logger.warn(w);
      logger.info({ rules: mappings.rules.length, files: mappings.files.length }, 'mappings reloaded');
      return { ok: true };
    },
    servicenow,
  };

  let listeners: Listeners | null = null;
  const connector = await startConnector({
    notReadyReasons: () => listeners?.problems ?? [],
    config,
    env: o.env,
    logger,
    store,
    engine: () => engine,
    deliver,
    workerId: o.workerId,
    routers: (ctx) => {
      const extra = o.routers?.(ctx, handles) ?? [];
      const closure = closureRoutes(ctx, {
        providers,
        budgetMs: config.guard.budget,
        publicUrl: config.server.public_url,
      });
      return [{ routes: closure }, ...(Array.isArray(extra) ? extra : [extra])];
    },
  });
  metrics = connector.metrics;
  if (o.listeners !== false) listeners = await startListeners(mappings, connector.ctx.ingest, o.env, logger);

  const watcher = startWatcher({
    store,
    providers,
    intervalMs: config.guard.watch_interval,
    budgetMs: config.guard.budget,
    concurrency: config.guard.concurrency,
    logger: logger.child({ component: 'watcher' }),
    kick: () => connector.worker.kick(),
    onProvider: (name, up) => {
      if (metrics) observeProvider(metrics, name, up);
    },
  });

  return {
    ...handles,
    connector,
    watcher,
    logger,
    close: async () => {
      await watcher.stop();
      await listeners?.close();
      await connector.close();
      await closeProviders(providers);
      if (!o.store) await store.close();
    },
  };
}

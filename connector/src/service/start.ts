// Wires one connector instance: store, HTTP API, outbox worker, the lifecycle's scheduler. Every dependency can be
// injected (tests, the demo, several replicas in one process); `close` stops everything in order.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import type { DeliveryAttempt, DeliveryResult } from '../outbox/operations.js';
import type { OutboxEntry } from '../store/store.js';
import { createApp } from '../http/app.js';
import type { HttpContext } from '../http/context.js';
import { createMetrics, type Metrics } from '../observability/metrics.js';
import { startOutboxWorker, type OutboxWorker } from '../outbox/worker.js';
import { startLifecycleScheduler } from '../lifecycle/scheduler.js';
import type { Engine } from './engine-types.js';
import type { IngestDeps } from './ingest.js';
import { silencesRoutes } from '../http/silences-routes.js';
import type { Silence } from '../correlation/silences.js';
import type { RouteModule } from '../http/route-table.js';
import { createCredentialThrottle } from '../http/credential-throttle.js';
import { parseByteSize } from '../util/byte-size.js';
import { limitsFromConfig } from './limits.js';
import { createRefusalLog } from './rejections.js';
import { createWriteHealth } from './write-health.js';
import { createHealthSampler } from '../observability/health-sample.js';

export interface ConnectorDeps {
  config: Config;
  env: Record<string, string | undefined>;
  logger: Logger;
  store: Store;
  /** Returns the current engine (mappings can be reloaded without restart). */
  engine: () => Engine;
  deliver: (entry: OutboxEntry, attempt: DeliveryAttempt, metrics: Metrics) => Promise<DeliveryResult>;
  workerId?: string;
  now?: () => Date;
  /** Extra routes (closure checks, the console), each declaring its credential (http/route-table.ts). */
  routers?: (ctx: HttpContext) => RouteModule | RouteModule[];
  notReadyReasons?: () => string[];
  /** How often the lifecycle's background passes run (raise held events, …); tests shorten it. */
  timerIntervalMs?: number;
}

export interface RunningConnector {
  url: string;
  port: number;
  /** The Express application (its router holds the route table as mounted). */
  app: Express;
  metrics: Metrics;
  worker: OutboxWorker;
  ctx: HttpContext;
  close(): Promise<void>;
}

function byteSize(key: string, value: string | number): number {
  const n = parseByteSize(value);
  if (n === undefined || n < 1)
    throw new Error(`${key}: "${String(value)}" is not a size (use e.g. 64kb, 1mb)`);
  return n;
}

export async function startConnector(d: ConnectorDeps): Promise<RunningConnector> {
  const now = d.now ?? (() => new Date());
  const bodyLimitBytes = byteSize('server.body_limit', d.config.server.body_limit);
  const security = d.config.security;
  const metrics = createMetrics(d.store);
  const workerId = d.workerId ?? `${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const worker = startOutboxWorker({
    store: d.store,
    deliver: (entry, attempt) => d.deliver(entry, attempt, metrics),
    writeLifetimeMs: d.config.servicenow.request_lifetime,
    policy: {
      maxAttempts: d.config.outbox.max_attempts,
      baseDelayMs: d.config.outbox.base_delay,
      maxDelayMs: d.config.outbox.max_delay,
    },
    concurrency: d.config.outbox.concurrency,
    pollIntervalMs: d.config.outbox.poll_interval,
    workerId,
    logger: d.logger.child({ component: 'outbox' }),
    now,
    onSettled: (entry, result) => {
      metrics.recent.delivery(
        result.ok
          ? { at: now().getTime(), ok: true }
          : {
              at: now().getTime(),
              ok: false,
              error: result.error,
              ...(result.status !== undefined ? { status: result.status } : {}),
            },
      );
      if (!result.ok) return;
      if (entry.op.op === 'create') metrics.incidentsCreated.inc();
      else metrics.incidentsUpdated.inc({ op: entry.op.op });
    },
  });
  // Silences change rarely and are read on every ingest: cache them briefly, drop the cache on change.
  let silenceCache: { at: number; list: Silence[] } | null = null;
  const silences = async (): Promise<Silence[]> => {
    const t = Date.now();
    if (!silenceCache || t - silenceCache.at > 2000)
      silenceCache = { at: t, list: await d.store.listSilences() };
    return silenceCache.list;
  };
  const ingestLogger = d.logger.child({ component: 'ingest' });
  const health = createWriteHealth();
  const ingest: IngestDeps = {
    store: d.store,
    engine: d.engine,
    metrics,
    logger: ingestLogger,
    correlationDisplay: d.config.servicenow.correlation_display,
    kick: () => worker.kick(),
    now,
    policy: {
      noteIntervalMs: d.config.noise.note_interval,
      flapChanges: d.config.noise.flap_changes,
      flapWindowMs: d.config.noise.flap_window,
      stormPerSource: d.config.noise.storm_per_source,
      stormGlobal: d.config.noise.storm_global,
    },
    silences,
    limits: limitsFromConfig(d.config),
    health,
    logRefusal: createRefusalLog(ingestLogger),
  };
  const ctx: HttpContext = {
    store: d.store,
    engine: d.engine,
    metrics,
    logger: d.logger,
    env: d.env,
    apiKey: d.config.api_key,
    bodyLimit: d.config.server.body_limit,
    bodyLimitBytes,
    ingest,
    notReadyReasons: () => {
      const stored = health.problem();
      return [...(d.notReadyReasons?.() ?? []), ...(stored ? [stored] : [])];
    },
    // Whatever ctx.notReadyReasons reports (listeners, a store that refuses writes) makes it not ready.
    health: createHealthSampler({
      store: d.store,
      recent: metrics.recent,
      notReadyReasons: () => ctx.notReadyReasons(),
      sources: () => Object.keys(d.engine().sources),
      servicenow: d.config.servicenow.instance_url ?? null,
      providers: Object.entries(d.config.telemetry.providers).map(([name, p]) => ({ name, kind: p.kind })),
      now,
    }),
    now,
    throttle: createCredentialThrottle({
      maxFailures: security.failed_credentials,
      maxCredentialFailures: security.failed_credentials_all_clients,
      windowMs: security.failure_window,
    }),
    unverifiedBodies: {
      maxBytes: byteSize('security.unverified_body_bytes', security.unverified_body_bytes),
      timeoutMs: security.unverified_body_timeout,
    },
  };
  const extra = d.routers?.(ctx) ?? [];
  const silenceModule = { routes: silencesRoutes(ctx, () => (silenceCache = null)) };
  const app = createApp(ctx, [silenceModule, ...(Array.isArray(extra) ? extra : [extra])]);
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(d.config.server.port, d.config.server.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const scheduler = startLifecycleScheduler({
    store: d.store,
    intervalMs: d.timerIntervalMs ?? 1000,
    stormLimitPerMinute: d.config.noise.storm_global,
    now,
    onEnqueued: () => worker.kick(),
    logger: d.logger.child({ component: 'lifecycle' }),
  });

  const host = d.config.server.host.includes(':') ? `[${d.config.server.host}]` : d.config.server.host;
  d.logger.info({ port, store: d.store.kind, worker: workerId }, 'closeloop connector listening');
  return {
    url: `http://${host}:${port}`,
    port,
    app,
    metrics,
    worker,
    ctx,
    close: async () => {
      await scheduler.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await worker.stop();
    },
  };
}

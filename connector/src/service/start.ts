// Wires one connector instance: store, HTTP API, outbox worker, hold-down timer. Every dependency can be
// injected (tests, the demo, several replicas in one process); `close` stops everything in order.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config/schema.js';
import type { Store } from '../store/store.js';
import type { DeliveryResult } from '../outbox/operations.js';
import type { OutboxEntry } from '../store/store.js';
import { createApp } from '../http/app.js';
import type { HttpContext } from '../http/context.js';
import { createMetrics, type Metrics } from '../observability/metrics.js';
import { startOutboxWorker, type OutboxWorker } from '../outbox/worker.js';
import type { Engine } from './engine-types.js';
import type { IngestDeps } from './ingest.js';
import { silencesRouter } from '../http/silences-routes.js';
import type { Silence } from '../correlation/silences.js';
import { limitsFromConfig } from './limits.js';
import { createRefusalLog } from './rejections.js';
import { createWriteHealth } from './write-health.js';

export interface ConnectorDeps {
  config: Config;
  env: Record<string, string | undefined>;
  logger: Logger;
  store: Store;
  /** Returns the current engine (mappings can be reloaded without restart). */
  engine: () => Engine;
  deliver: (entry: OutboxEntry, metrics: Metrics) => Promise<DeliveryResult>;
  workerId?: string;
  now?: () => Date;
  /** Extra routers mounted behind the API key (closure checks, console API) or open (console assets). */
  routers?: (ctx: HttpContext) => { protectedRouters?: Router[]; openRouters?: Router[] };
  notReadyReasons?: () => string[];
  /** Delay raising held events etc.; tests shorten it. */
  timerIntervalMs?: number;
}

export interface RunningConnector {
  url: string;
  port: number;
  metrics: Metrics;
  worker: OutboxWorker;
  ctx: HttpContext;
  close(): Promise<void>;
}

export async function startConnector(d: ConnectorDeps): Promise<RunningConnector> {
  const now = d.now ?? (() => new Date());
  const metrics = createMetrics(d.store);
  const workerId = d.workerId ?? `${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const worker = startOutboxWorker({
    store: d.store,
    deliver: (entry) => d.deliver(entry, metrics),
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
    ingest,
    notReadyReasons: () => {
      const stored = health.problem();
      return [...(d.notReadyReasons?.() ?? []), ...(stored ? [stored] : [])];
    },
    now,
  };
  const extra = d.routers?.(ctx) ?? {};
  const silenceApi = silencesRouter(ctx, () => (silenceCache = null));
  const app = createApp(ctx, {
    openRouters: extra.openRouters,
    protectedRouters: [silenceApi, ...(extra.protectedRouters ?? [])],
  });
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(d.config.server.port, d.config.server.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  // Hold-down and maintenance windows: raise held events when their time comes; note economy: write
  // buffered summaries when due.
  const timer = setInterval(() => {
    d.store
      .raiseDueEvents(now())
      .then((n) => n > 0 && worker.kick())
      .catch((err: unknown) => d.logger.error({ err }, 'could not raise held events'));
    d.store
      .releaseStorms(now(), d.config.noise.storm_global)
      .then((n) => n > 0 && worker.kick())
      .catch((err: unknown) => d.logger.error({ err }, 'could not release parked events'));
    d.store
      .flushDueNotes(now())
      .then((n) => n > 0 && worker.kick())
      .catch((err: unknown) => d.logger.error({ err }, 'could not write buffered notes'));
  }, d.timerIntervalMs ?? 1000);
  timer.unref();

  const host = d.config.server.host.includes(':') ? `[${d.config.server.host}]` : d.config.server.host;
  d.logger.info({ port, store: d.store.kind, worker: workerId }, 'closeloop connector listening');
  return {
    url: `http://${host}:${port}`,
    port,
    metrics,
    worker,
    ctx,
    close: async () => {
      clearInterval(timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await worker.stop();
    },
  };
}

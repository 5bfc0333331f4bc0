// Everything `closeloop demo` runs, started on loopback and stopped in reverse order: the ServiceNow
// stand-in (running the plugin's built business rules and UI actions, its properties pointing at the
// connector with the API key), the scripted site feed, and the connector itself (startRuntime on
// a temporary data directory with the embedded SQLite store). Logs of all three go to one file in
// that directory, so the terminal shows only the story.
import crypto from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import { ConfigSchema, type Config } from '../config/schema.js';
import { consoleOptionsFromRuntime, consoleRouters } from '../console/index.js';
import { createLogger } from '../observability/logger.js';
import { startRuntime, type Runtime } from '../service/runtime.js';
import { startStandin, type SeedUser, type Standin } from './standin/index.js';
import { startSiteFeed, type SiteFeed } from './site-feed.js';
import { demoTimeline } from './site.js';
import type { Timeline } from './timeline.js';

export const DEMO_MAPPINGS_DIR = fileURLToPath(new URL('./mappings', import.meta.url));

export interface DemoUser extends SeedUser {
  name: string;
  password: string;
  roles: string[];
}

/** The stand-in's people: who the connector writes as, who fixes things, who may override. */
export const DEMO_USERS = {
  admin: { username: 'admin', password: 'admin', name: 'System Administrator', roles: ['admin'] },
  integration: {
    username: 'closeloop.integration',
    password: 'closeloop-demo',
    name: 'Closeloop Integration',
    roles: ['itil', 'x_closeloop.connector'],
  },
  technician: { username: 'alex.tech', password: 'alex-demo', name: 'Alex Rivera', roles: ['itil'] },
  lead: {
    username: 'sam.lead',
    password: 'sam-demo',
    name: 'Sam Chen',
    roles: ['itil', 'x_closeloop.closure_override'],
  },
} satisfies Record<string, DemoUser>;

/** The demo instance's REST transaction quota (60 s on a real one). */
const DEMO_TRANSACTION_QUOTA_MS = 8000;

/** Environment variables the demo mappings read their source tokens from. */
export const SOURCE_TOKEN_ENV = {
  bms: 'CLOSELOOP_BMS_TOKEN',
  alertmanager: 'CLOSELOOP_ALERTMANAGER_TOKEN',
  redfish: 'CLOSELOOP_REDFISH_TOKEN',
} as const;
export type DemoSource = keyof typeof SOURCE_TOKEN_ENV;

export interface DemoEnvironmentOptions {
  /** The plugin's build output (default plugin/dist/app). */
  appDir?: string;
  /** Connector and stand-in log level (default info; the log goes to `logFile`). */
  logLevel?: Config['log_level'];
  /** How often the watcher re-evaluates open events (default 1 s). */
  watchIntervalMs?: number;
  /** Fixed ports (0 = any free port, the default). */
  ports?: { standin?: number; feed?: number; connector?: number };
}

export interface DemoEnvironment {
  standin: Standin;
  feed: SiteFeed;
  runtime: Runtime;
  timeline: Timeline;
  /** When the demo's clock started (the site's history ends here). */
  startedAt: number;
  connectorUrl: string;
  apiKey: string;
  sourceTokens: Record<DemoSource, string>;
  dataDir: string;
  logFile: string;
  /** Stops the connector, the feed and the stand-in (with its plugin workers); removes the data directory unless `keepFiles`. */
  close(options?: { keepFiles?: boolean }): Promise<void>;
}

const secret = () => crypto.randomBytes(18).toString('base64url');

export function demoConfig(o: {
  dataDir: string;
  standinUrl: string;
  feedUrl: string;
  apiKey: string;
  logLevel: Config['log_level'];
  watchIntervalMs: number;
  port: number;
}): Config {
  return ConfigSchema.parse({
    server: { host: '127.0.0.1', port: o.port },
    data_dir: o.dataDir,
    mappings_dir: DEMO_MAPPINGS_DIR,
    api_key: o.apiKey,
    log_level: o.logLevel,
    servicenow: {
      instance_url: o.standinUrl,
      auth: {
        type: 'basic',
        username: DEMO_USERS.integration.username,
        password: DEMO_USERS.integration.password,
      },
      timeout: 5,
      // The demo's instance cancels REST transactions after DEMO_TRANSACTION_QUOTA_MS, not 60 s: a
      // write that got no answer holds its incident back for seconds only.
      request_lifetime: (DEMO_TRANSACTION_QUOTA_MS + 2000) / 1000,
    },
    // Quick retries: the demo's ServiceNow is on loopback.
    outbox: { poll_interval: 0.05, base_delay: 0.2, max_delay: 2 },
    telemetry: {
      providers: { prometheus: { kind: 'prometheus', url: o.feedUrl, step: 1, timeout: 2, coalesce: 0 } },
    },
    guard: { watch_interval: o.watchIntervalMs / 1000, budget: 3 },
    // Every work note at once (the shipped default summarises to one note a minute): the story is short.
    noise: { note_interval: 0 },
  });
}

export async function startDemoEnvironment(options: DemoEnvironmentOptions = {}): Promise<DemoEnvironment> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'closeloop-demo-'));
  const logFile = path.join(dataDir, 'demo.log');
  const apiKey = secret();
  const sourceTokens: Record<DemoSource, string> = {
    bms: secret(),
    alertmanager: secret(),
    redfish: secret(),
  };
  const logLevel = options.logLevel ?? 'info';
  const destination = pino.destination({ dest: logFile, sync: true });
  const standinLogger: Logger = pino({ name: 'servicenow-standin', level: logLevel }, destination);

  const started: { close: () => Promise<void> }[] = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await s.close().catch(() => undefined);
    started.length = 0;
  };
  try {
    const startedAt = Date.now();
    const timeline = demoTimeline(startedAt);
    const feed = await startSiteFeed({ timeline, port: options.ports?.feed ?? 0 });
    started.push(feed);

    const standin = await startStandin({
      port: options.ports?.standin ?? 0,
      users: Object.values(DEMO_USERS),
      logger: standinLogger,
      plugin: options.appDir ? { appDir: options.appDir } : true,
      transactionQuotaMs: DEMO_TRANSACTION_QUOTA_MS,
    });
    started.push(standin);

    const config = demoConfig({
      dataDir,
      standinUrl: standin.url,
      feedUrl: feed.url,
      apiKey,
      logLevel,
      watchIntervalMs: options.watchIntervalMs ?? 1000,
      port: options.ports?.connector ?? 0,
    });
    const env: Record<string, string> = {
      [SOURCE_TOKEN_ENV.bms]: sourceTokens.bms,
      [SOURCE_TOKEN_ENV.alertmanager]: sourceTokens.alertmanager,
      [SOURCE_TOKEN_ENV.redfish]: sourceTokens.redfish,
    };
    const secrets = [apiKey, DEMO_USERS.integration.password, ...Object.values(sourceTokens)];
    const runtime = await startRuntime({
      config,
      env,
      secrets,
      logger: createLogger({ level: logLevel, secrets, destination }),
      // The admin console (log in with the API key): where the guard's "See why" link leads.
      routers: (ctx, rt) => consoleRouters(ctx, consoleOptionsFromRuntime(rt)),
    });
    started.push(runtime);

    // The plugin asks this connector, with this key, when someone resolves a guarded incident.
    standin.properties.set('x_closeloop.connector.url', runtime.connector.url);
    standin.properties.set('x_closeloop.connector.api_key', apiKey);
    standin.properties.set('x_closeloop.connector.timeout_seconds', '8');

    return {
      standin,
      feed,
      runtime,
      timeline,
      startedAt,
      connectorUrl: runtime.connector.url,
      apiKey,
      sourceTokens,
      dataDir,
      logFile,
      close: async ({ keepFiles = false } = {}) => {
        await stopAll();
        destination.flushSync();
        if (!keepFiles) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopAll();
    destination.flushSync();
    const tail = logTail(logFile);
    rmSync(dataDir, { recursive: true, force: true });
    throw new DemoStartError(error instanceof Error ? error.message : String(error), tail);
  }
}

/** Starting failed; `logTail` holds the last lines the components logged. */
export class DemoStartError extends Error {
  override readonly name = 'DemoStartError';
  constructor(
    message: string,
    readonly logTail: string[],
  ) {
    super(message);
  }
}

/** The last `lines` lines of a log file (none when it cannot be read). */
export function logTail(file: string, lines = 20): string[] {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
  } catch {
    return [];
  }
}

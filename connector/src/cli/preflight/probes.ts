// What only a connection can tell: is the store there, does ServiceNow answer and let us in, does each
// telemetry provider answer. Each probe is bounded in time and turns every failure into a sentence;
// the error itself (with its stack) goes to the log at debug, never to the terminal.
import dgram from 'node:dgram';
import { isIPv6 } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import pRetry from 'p-retry';
import type { Config, ProviderConfig } from '../../config/schema.js';
import { createServiceNowClient } from '../../itsm/servicenow/client.js';
import { isServiceNowError } from '../../itsm/servicenow/errors.js';
import type { DependencyState } from '../../model/dependency.js';
import { describeDatabaseUrl, openStore } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import { createMqttProvider } from '../../telemetry/mqtt/provider.js';
import { createPrometheusProvider } from '../../telemetry/prometheus/provider.js';
import { createRedfishClient } from '../../telemetry/redfish/client.js';
import type { SourceConfig } from '../../mapping/schema.js';
import { mqttClientOptions } from '../../sources/mqtt/subscriber.js';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs `work` with an AbortSignal that fires after `ms`. */
export async function within<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), ms);
  try {
    return await work(ac.signal);
  } finally {
    clearTimeout(timer);
  }
}

export type ProbeOutcome = { ok: true; detail: string } | { ok: false; problem: string };

/** One cheap request per provider kind, through the provider's own client code. */
export async function probeProvider(
  name: string,
  cfg: ProviderConfig,
  timeoutMs: number,
): Promise<ProbeOutcome> {
  const ms = Math.min(timeoutMs, 'timeout' in cfg ? cfg.timeout : timeoutMs);
  try {
    switch (cfg.kind) {
      case 'prometheus': {
        const p = createPrometheusProvider(name, cfg);
        try {
          const now = Date.now();
          await within(ms, (signal) =>
            p.queryRange('vector(1)', { startMs: now - 60_000, endMs: now }, signal),
          );
          return { ok: true, detail: 'answers queries' };
        } finally {
          await p.close();
        }
      }
      case 'redfish': {
        const client = createRedfishClient(name, cfg);
        try {
          // With session auth this logs in first, so the credentials are proven too.
          await within(ms, (signal) => client.get('/redfish/v1/', signal));
          return { ok: true, detail: cfg.auth === 'session' ? 'answers; session login accepted' : 'answers' };
        } finally {
          await client.close();
        }
      }
      case 'mqtt': {
        const p = createMqttProvider(name, cfg);
        try {
          await within(ms, async (signal) => {
            // The provider reconnects forever; the first connection error is answer enough here.
            let poll: NodeJS.Timeout | undefined;
            const failed = new Promise<never>((_, reject) => {
              poll = setInterval(() => {
                const e = p.lastError();
                if (e) reject(new Error(e));
              }, 50);
            });
            try {
              await Promise.race([p.ready(signal), failed]);
            } finally {
              clearInterval(poll);
            }
          });
          return { ok: true, detail: `connected and subscribed to ${cfg.topics.join(', ')}` };
        } finally {
          await p.close();
        }
      }
    }
  } catch (e) {
    return { ok: false, problem: messageOf(e) };
  }
}

export type ServiceNowProbe =
  | { reachable: true; authenticated: true }
  | { reachable: true; authenticated: false; problem: string }
  | { reachable: false; problem: string };

/** A cheap authenticated read (one incident sys_id): reachable, and are we let in. */
export async function probeServiceNow(config: Config, timeoutMs: number): Promise<ServiceNowProbe> {
  const sn = { ...config.servicenow, timeout: Math.min(config.servicenow.timeout, timeoutMs) };
  try {
    await createServiceNowClient({ config: sn }).ping();
    return { reachable: true, authenticated: true };
  } catch (e) {
    // Any HTTP status means the instance is there; only "no answer" means it is not.
    if (isServiceNowError(e) && e.status !== undefined)
      return { reachable: true, authenticated: false, problem: e.message };
    return { reachable: false, problem: messageOf(e) };
  }
}

export interface StoreProbe {
  state: DependencyState;
  /** The opened store, handed to the runtime so it is opened once. */
  store: Store | null;
}

/** Opens the store as the runtime would, waiting a little for a database that is still starting. */
export async function openStoreProbed(
  config: Config,
  logger: Logger,
  o: { retries: number } = { retries: 5 },
): Promise<StoreProbe> {
  const url = config.database_url?.trim();
  const detail = url ? `PostgreSQL ${describeDatabaseUrl(url)}` : `SQLite ${config.data_dir}/closeloop.db`;
  try {
    const store = await pRetry(() => openStore({ databaseUrl: url, dataDir: config.data_dir, logger }), {
      retries: o.retries,
      minTimeout: 500,
      maxTimeout: 5000,
      onFailedAttempt: (e) =>
        logger.warn(
          { attempt: e.attemptNumber, left: e.retriesLeft },
          `store not available yet: ${e.message}`,
        ),
    });
    return {
      state: { kind: 'store', name: 'store', health: 'ok', detail: `${detail}, writable`, problems: [] },
      store,
    };
  } catch (e) {
    logger.debug({ err: e }, 'store probe failed');
    return {
      state: {
        kind: 'store',
        name: 'store',
        health: 'missing',
        detail,
        problems: [`cannot open the store: ${messageOf(e)}`],
      },
      store: null,
    };
  }
}

/**
 * Can the listener of a source start? SNMP: the UDP port can be bound (in use, or below 1024 without
 * the privilege, it cannot). MQTT: the broker answers and accepts the source's login. HTTP kinds share
 * the connector's own port and need nothing here.
 */
export async function probeSourceTransport(
  name: string,
  source: SourceConfig,
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs: number,
): Promise<ProbeOutcome> {
  if (source.kind === 'snmp') {
    const socket = dgram.createSocket(isIPv6(source.bind) ? 'udp6' : 'udp4');
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.bind(source.port, source.bind, () => resolve());
      });
      return { ok: true, detail: `udp ${source.bind}:${source.port} can be bound` };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === 'EADDRINUSE'
          ? 'is in use by another process'
          : code === 'EACCES'
            ? 'needs privileges (ports below 1024: run as root or with CAP_NET_BIND_SERVICE, or use a higher port)'
            : `cannot be bound (${messageOf(e)})`;
      return { ok: false, problem: `udp ${source.bind}:${source.port} ${why}` };
    } finally {
      await new Promise<void>((resolve) => {
        try {
          socket.close(() => resolve());
        } catch {
          resolve(); // never bound
        }
      });
    }
  }
  if (source.kind === 'mqtt') {
    let client: MqttClient | undefined;
    try {
      client = await mqtt.connectAsync(source.url, {
        ...mqttClientOptions(name, source, env as NodeJS.ProcessEnv),
        reconnectPeriod: 0,
        connectTimeout: timeoutMs,
      });
      return { ok: true, detail: 'broker accepts the login' };
    } catch (e) {
      return { ok: false, problem: `broker ${source.url}: ${messageOf(e)}` };
    } finally {
      await client?.endAsync(true).catch(() => undefined);
    }
  }
  return { ok: true, detail: '' };
}

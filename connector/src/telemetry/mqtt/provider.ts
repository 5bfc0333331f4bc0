// MQTT provider: subscribes to the configured topics and keeps the last values and a bounded history
// per topic (per metric for Sparkplug B). queryRange answers from that history; no polling needed.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { z } from 'zod';
import type { MqttProviderSchema } from '../../config/schema.js';
import { appendSample, samplesBetween, type History } from '../history.js';
import { TelemetryError, type Series, type TelemetryProvider } from '../types.js';
import { decodeMessage, newSparkplugState, type DecodeOptions } from './decode.js';
import { hasWildcard, parseMqttQuery, topicMatches } from './topic.js';

export type MqttProviderConfig = z.output<typeof MqttProviderSchema>;

export interface MqttProvider extends TelemetryProvider {
  /** Resolves once connected and subscribed (rejects on `signal` abort). */
  ready(signal?: AbortSignal): Promise<void>;
  /** The last decode problem, for diagnostics (`doctor`, logs). */
  lastError(): string | undefined;
}

const SEP = '\u0000';
const keyOf = (topic: string, metric: string | undefined) =>
  metric === undefined ? topic : `${topic}${SEP}${metric}`;
function splitKey(key: string): { topic: string; metric: string | undefined } {
  const i = key.indexOf(SEP);
  return i < 0 ? { topic: key, metric: undefined } : { topic: key.slice(0, i), metric: key.slice(i + 1) };
}

export function createMqttProvider(
  name: string,
  cfg: MqttProviderConfig,
  deps: { now?: () => number; clientId?: string } = {},
): MqttProvider {
  const now = deps.now ?? Date.now;
  const history: History = new Map();
  const sparkplug = newSparkplugState();
  const decodeOpts: DecodeOptions = {
    format: cfg.format,
    valuePath: cfg.value_path,
    timePath: cfg.time_path,
  };
  let subscribed = false;
  let everSubscribed = false;
  let lastError: string | undefined;
  const waiters = new Set<() => void>();

  const options: IClientOptions = {
    reconnectPeriod: 1000,
    connectTimeout: 5000,
    clientId: deps.clientId ?? `closeloop-${name}-${Math.random().toString(16).slice(2, 10)}`,
    ...(cfg.username !== undefined ? { username: cfg.username } : {}),
    ...(cfg.password !== undefined ? { password: cfg.password } : {}),
  };
  const client: MqttClient = mqtt.connect(cfg.url, options);

  client.on('connect', () => {
    client.subscribe(cfg.topics, { qos: 0 }, (err) => {
      if (err) {
        lastError = `${name}: subscribe failed: ${err.message}`;
        return;
      }
      subscribed = true;
      everSubscribed = true;
      for (const w of waiters) w();
      waiters.clear();
    });
  });
  client.on('close', () => {
    subscribed = false;
  });
  client.on('error', (err) => {
    lastError = `${name}: ${err.message}`;
  });
  client.on('message', (topic, payload, packet) => {
    const arrival = now();
    // A retained message is the broker's copy of the last one published, handed over on every
    // (re)subscription however old it is: a sensor that died days ago would look fresh after each
    // reconnect or restart. Only a reading that carries its own time (time_path, Sparkplug timestamps)
    // is kept from it; readings that would be stamped with the arrival time get no time at all (NaN).
    // Their topic is still known to exist: a wildcard query answers it with no samples ("no data")
    // rather than leaving a dead sensor out.
    const retained = packet.retain;
    const decoded = decodeMessage(topic, payload, retained ? Number.NaN : arrival, decodeOpts, sparkplug);
    if (!decoded.ok) {
      lastError = decoded.message;
      return;
    }
    if (decoded.problem) lastError = decoded.problem;
    for (const r of decoded.readings) {
      const key = keyOf(r.topic, r.metric);
      if (Number.isFinite(r.sample.t)) appendSample(history, key, r.sample, cfg.history);
      else if (!history.has(key)) history.set(key, []);
    }
    // A dead node's metrics have no valid reading from now on (until it is born again).
    const death = { t: arrival, v: null, invalid: `Sparkplug ${decoded.deathOf ?? 'DEATH'} (node offline)` };
    for (const filter of decoded.deaths ?? []) {
      for (const key of history.keys()) {
        if (topicMatches(filter, splitKey(key).topic)) appendSample(history, key, death, cfg.history);
      }
    }
  });

  function ready(signal?: AbortSignal): Promise<void> {
    if (subscribed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        waiters.delete(done);
        reject(
          new TelemetryError(
            name,
            'aborted',
            `${name}: not subscribed to ${cfg.url} yet${lastError ? ` (${lastError})` : ''}`,
          ),
        );
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      waiters.add(done);
    });
  }

  return {
    name,
    kind: 'mqtt',
    ready,
    lastError: () => lastError,
    async queryRange(query, w) {
      const q = parseMqttQuery(query);
      const keys = hasWildcard(q.filter)
        ? [...history.keys()].filter((k) => {
            const { topic, metric } = splitKey(k);
            return metric === q.metric && topicMatches(q.filter, topic);
          })
        : history.has(keyOf(q.filter, q.metric))
          ? [keyOf(q.filter, q.metric)]
          : [];
      if (keys.length === 0 && !everSubscribed) {
        throw new TelemetryError(
          name,
          'unreachable',
          `${name}: not connected to ${cfg.url}${lastError ? ` (${lastError})` : ''}`,
        );
      }
      return keys.sort().map((k): Series => {
        const { topic, metric } = splitKey(k);
        return {
          labels: metric === undefined ? { topic } : { topic, metric },
          samples: samplesBetween(history.get(k) ?? [], w.startMs, w.endMs),
        };
      });
    },
    async close() {
      for (const w of waiters) w();
      waiters.clear();
      await client.endAsync(true);
    },
  };
}

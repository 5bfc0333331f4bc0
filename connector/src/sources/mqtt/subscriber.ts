// MQTT transport of a `kind: mqtt` source: subscribes its topics (QoS 1) in a persistent session and
// hands each message's decoded alarms to onAlarms, in arrival order. Credentials come from the
// environment.
//
// Nothing is lost while the connector is down or its store fails: the session is persistent (stable
// client id, clean: false), so the broker queues QoS 1 messages while we are away, and a message is
// acknowledged only once onAlarms has stored it. When the store fails, the message is not
// acknowledged and the connection is dropped, so the broker delivers it again after the reconnect;
// a message that still cannot be stored after `storeAttempts` tries is kept as a rejected payload
// (onUnstorable) and acknowledged, so one poisonous message cannot block the topic forever.
import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import mqtt, { type IClientOptions, type IPublishPacket, type MqttClient } from 'mqtt';
import {
  silentLogger,
  type OnAlarms,
  type OnUnstorable,
  type ReceivedInput,
  type SourceLogger,
  type TransportLimits,
} from '../listener-types.js';
import { bodyError, decodeInChunks, type DecodeResult } from '../types.js';
import { prepare, type MqttSourceConfig } from './decode.js';
import { newSparkplugState } from './sparkplug.js';
import { matchesAny } from './topic-filter.js';

export type MqttSource = { close(): Promise<void> };
export type MqttSourceOptions = {
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** How long to wait for the first connection and subscription (default 10 s). */
  connectTimeoutMs?: number;
  limits?: TransportLimits;
  /** Keeps a message that could not be stored after `storeAttempts` tries; without it, retried forever. */
  onUnstorable?: OnUnstorable;
  /** Deliveries of one message that failed to store before it goes to onUnstorable (default 5). */
  storeAttempts?: number;
  /** Reconnect delay, also the pause between redeliveries of a message that failed to store (default 2 s). */
  reconnectPeriodMs?: number;
};

export const DEFAULT_TRANSPORT_LIMITS: TransportLimits = {
  nestingDepth: 64,
  alarmsPerBatch: 5000,
  messageBytes: 1024 * 1024,
};

/** The session's client id: `client_id`, else `closeloop-<source name>` (stable across restarts). */
export function mqttClientId(sourceName: string, config: MqttSourceConfig): string {
  return config.client_id ?? `closeloop-${sourceName}`;
}

export function mqttClientOptions(
  sourceName: string,
  config: MqttSourceConfig,
  env: NodeJS.ProcessEnv,
): IClientOptions {
  const need = (name: string): string => {
    const v = env[name];
    if (v === undefined || v === '')
      throw new Error(`environment variable ${name} (MQTT credentials of source ${sourceName}) is not set`);
    return v;
  };
  return {
    clientId: mqttClientId(sourceName, config),
    clean: false,
    // Subscriptions are ours to renew (only when the broker lost the session), see startMqttSource.
    resubscribe: false,
    reconnectPeriod: 2000,
    connectTimeout: 10_000,
    ...(config.username_env ? { username: need(config.username_env) } : {}),
    ...(config.password_env ? { password: need(config.password_env) } : {}),
  };
}

export async function startMqttSource(
  sourceName: string,
  config: MqttSourceConfig,
  onAlarms: OnAlarms,
  logger: SourceLogger = silentLogger,
  opts: MqttSourceOptions = {},
): Promise<MqttSource> {
  const options = {
    ...mqttClientOptions(sourceName, config, opts.env ?? process.env),
    ...(opts.reconnectPeriodMs !== undefined ? { reconnectPeriod: opts.reconnectPeriodMs } : {}),
  };
  const now = opts.now ?? (() => new Date());
  const limits = opts.limits ?? DEFAULT_TRANSPORT_LIMITS;
  const storeAttempts = opts.storeAttempts ?? 5;
  const log = { source: sourceName, url: redactUrl(config.url), client_id: options.clientId };
  const sparkplug = newSparkplugState();
  const contentType = config.format === 'sparkplugb' ? 'application/octet-stream' : 'application/json';
  /** Failed store attempts per message (topic + payload hash), until it is stored or given up. */
  const failures = new Map<string, number>();
  let subscribed = false;
  let onSubscribed: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    onSubscribed = resolve;
  });
  let closing = false;
  let handling: Promise<unknown> = Promise.resolve();
  /** Counts connections, so an acknowledgement is never sent on a later connection than its message's. */
  let connection = 0;

  const client: MqttClient = mqtt.connect(config.url, options);

  const decodeMessage = async (topic: string, payload: Buffer, receivedAt: Date): Promise<DecodeResult> => {
    if (payload.length > limits.messageBytes)
      return bodyError(
        `${topic}: message of ${payload.length} bytes exceeds the limit of ${limits.messageBytes} bytes (limits.message_bytes); not kept`,
        null,
        'too_large',
      );
    try {
      const prepared = prepare(
        sourceName,
        config,
        { topic, payload },
        { receivedAt, maxItems: limits.alarmsPerBatch, maxDepth: limits.nestingDepth },
        sparkplug,
      );
      return await decodeInChunks(prepared, () => yieldToEventLoop());
    } catch (err) {
      // A decoder must not throw; if one does on some message, that message is refused, not the service.
      return bodyError(
        `${topic}: could not be decoded: ${err instanceof Error ? err.message : String(err)}`,
        null,
      );
    }
  };

  /** True when the message may be acknowledged. */
  const handle = async (packet: IPublishPacket): Promise<boolean> => {
    const topic = packet.topic;
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    // A persistent session keeps subscriptions the configuration no longer has: ignore their messages.
    if (!matchesAny(config.topics, topic)) {
      logger.debug({ ...log, topic }, 'MQTT message on a topic no longer configured, ignored');
      return true;
    }
    const receivedAt = now();
    const result = await decodeMessage(topic, payload, receivedAt);
    const tooLarge = result.errors.some((e) => e.code === 'too_large');
    const input: ReceivedInput = {
      body: tooLarge ? new Uint8Array() : payload,
      contentType,
      origin: `topic ${topic}`,
      receivedAt,
    };
    const key = `${topic}\u0000${createHash('sha1').update(payload).digest('hex')}`;
    try {
      await onAlarms(result, input);
      failures.delete(key);
      return true;
    } catch (err) {
      const attempts = (failures.get(key) ?? 0) + 1;
      if (failures.size > 1000) failures.clear();
      failures.set(key, attempts);
      logger.error(
        { ...log, topic, attempts, err },
        'MQTT message could not be stored; not acknowledged, the broker delivers it again',
      );
      if (opts.onUnstorable && attempts >= storeAttempts) {
        try {
          await opts.onUnstorable(input, err);
          failures.delete(key);
          return true;
        } catch (keepErr) {
          logger.error({ ...log, topic, err: keepErr }, 'MQTT message could not be kept as rejected either');
        }
      }
      return false;
    }
  };

  // MQTT.js acknowledges a QoS 1 message when handleMessage calls back, and reads the next packet
  // only then: messages are handled one at a time, in order.
  client.handleMessage = (packet, done) => {
    if (closing) return; // not acknowledged: the broker delivers it to the next session
    const conn = connection;
    const settle = (ack: boolean) => {
      if (ack) {
        if (conn === connection && client.connected) done();
      } else if (packet.qos > 0 && conn === connection) {
        // No acknowledgement; a new connection makes the broker deliver it again.
        client.stream.destroy();
      } else done();
    };
    const run = handle(packet).then(settle, (err: unknown) => {
      logger.error({ ...log, err }, 'MQTT message handling failed');
      settle(false);
    });
    handling = run;
  };
  client.on('error', (err) => logger.warn({ ...log, reason: err.message }, 'MQTT client error'));
  client.on('reconnect', () => logger.info(log, 'MQTT reconnecting'));
  client.on('connect', (connack) => {
    connection++;
    // A persistent session keeps our subscriptions; subscribe when the broker has none for us (first
    // start, or it lost the session) and once at start to learn what it granted.
    if (subscribed && connack.sessionPresent) return;
    client.subscribe(config.topics, { qos: 1 }, (err, granted) => {
      if (err) logger.error({ ...log, reason: err.message }, 'MQTT subscribe failed');
      const refused = (granted ?? []).filter((g) => g.qos === 128).map((g) => g.topic);
      if (refused.length) logger.error({ ...log, topics: refused }, 'MQTT broker refused subscriptions');
      else if (!err) {
        subscribed = true;
        onSubscribed();
      }
    });
  });

  const timeoutMs = opts.connectTimeoutMs ?? 10_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `MQTT source ${sourceName}: not connected and subscribed to ${log.url} within ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    await Promise.race([ready, timedOut]);
  } catch (err) {
    closing = true;
    await client.endAsync(true);
    throw err;
  } finally {
    clearTimeout(timer);
  }
  logger.info(
    { ...log, topics: config.topics, format: config.format },
    'MQTT source subscribed (persistent session)',
  );

  let closed: Promise<void> | null = null;
  return {
    close: () => {
      closed ??= (async () => {
        closing = true;
        // The message being stored is acknowledged (or not) first; later ones wait at the broker.
        await handling;
        await client.endAsync();
      })();
      return closed;
    },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

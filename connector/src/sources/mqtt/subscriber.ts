// MQTT transport of a `kind: mqtt` source: subscribes its topics (QoS 1) and hands each message's
// decoded alarms to onAlarms, in arrival order. Credentials come from the environment.
import { randomBytes } from 'node:crypto';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { silentLogger, serialQueue, type OnAlarms, type SourceLogger } from '../listener-types.js';
import { decode, type MqttSourceConfig } from './decode.js';
import { newSparkplugState } from './sparkplug.js';

export type MqttSource = { close(): Promise<void> };
export type MqttSourceOptions = {
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** How long to wait for the first connection and subscription (default 10 s). */
  connectTimeoutMs?: number;
};

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
    clientId: `closeloop-${sourceName}-${randomBytes(4).toString('hex')}`,
    clean: true,
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
  const options = mqttClientOptions(sourceName, config, opts.env ?? process.env);
  const now = opts.now ?? (() => new Date());
  const log = { source: sourceName, url: redactUrl(config.url) };
  const queue = serialQueue((err) => logger.error({ ...log, err }, 'MQTT alarm delivery failed'));
  const sparkplug = newSparkplugState();
  let subscribed: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    subscribed = resolve;
  });
  const client: MqttClient = mqtt.connect(config.url, options);

  client.on('message', (topic, payload) => {
    const result = decode(sourceName, config, { topic, payload }, { receivedAt: now() }, sparkplug);
    const raw = rawOf(config, topic, payload);
    queue.push(() => onAlarms(result, raw));
  });
  client.on('error', (err) => logger.warn({ ...log, reason: err.message }, 'MQTT client error'));
  client.on('reconnect', () => logger.info(log, 'MQTT reconnecting'));
  // clean sessions forget subscriptions: subscribe again on every (re)connect.
  client.on('connect', () => {
    client.subscribe(config.topics, { qos: 1 }, (err, granted) => {
      if (err) logger.error({ ...log, reason: err.message }, 'MQTT subscribe failed');
      const refused = (granted ?? []).filter((g) => g.qos === 128).map((g) => g.topic);
      if (refused.length) logger.error({ ...log, topics: refused }, 'MQTT broker refused subscriptions');
      else if (!err) subscribed();
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
    await client.endAsync(true);
    throw err;
  } finally {
    clearTimeout(timer);
  }
  logger.info({ ...log, topics: config.topics, format: config.format }, 'MQTT source subscribed');

  let closed: Promise<void> | null = null;
  return {
    close: () => {
      closed ??= client.endAsync().then(() => queue.drain());
      return closed;
    },
  };
}

/** What gets stored as the message: parsed JSON when it parses, else text; Sparkplug as base64. */
function rawOf(config: MqttSourceConfig, topic: string, payload: Buffer): unknown {
  if (config.format === 'sparkplugb')
    return { topic, bytes: payload.length, base64: payload.toString('base64') };
  const text = payload.toString('utf8');
  try {
    return { topic, payload: JSON.parse(text) as unknown };
  } catch {
    return { topic, payload: text };
  }
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

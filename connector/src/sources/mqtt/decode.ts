// One MQTT message of a `kind: mqtt` source → alarms: JSON through the source's field map (as the
// webhook source), or Sparkplug B alarm metrics.
import type { SourceConfig } from '../../mapping/schema.js';
import { decodeMapped } from '../mapped-record.js';
import { bodyError, type DecodeOptions, type DecodeResult } from '../types.js';
import { decodeSparkplug, type SparkplugState } from './sparkplug.js';

export type MqttSourceConfig = Extract<SourceConfig, { kind: 'mqtt' }>;
export type MqttMessage = { topic: string; payload: Uint8Array };

export function decode(
  sourceName: string,
  config: MqttSourceConfig,
  message: MqttMessage,
  opts: DecodeOptions,
  state: SparkplugState,
): DecodeResult {
  if (config.format === 'sparkplugb') {
    return decodeSparkplug(sourceName, config, message.topic, message.payload, opts, state);
  }
  const text = Buffer.from(message.payload).toString('utf8');
  if (!config.fields) {
    return bodyError(`source "${sourceName}" (format json) has no fields map`, {
      topic: message.topic,
      payload: text,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return bodyError(`${message.topic}: payload is not JSON (${why})`, {
      topic: message.topic,
      payload: text,
    });
  }
  const result = decodeMapped(
    sourceName,
    'mqtt',
    { fields: config.fields, state_values: config.state_values, severity_values: config.severity_values },
    body,
    opts,
  );
  // The topic often names the device; keep it for rules (labels.mqtt_topic).
  return {
    ...result,
    alarms: result.alarms.map((a) => ({ ...a, labels: { mqtt_topic: message.topic, ...a.labels } })),
  };
}

// One MQTT message of a `kind: mqtt` source → alarms: JSON through the source's field map (as the
// webhook source), or Sparkplug B alarm metrics.
import type { SourceConfig } from '../../mapping/schema.js';
import { parseJsonInput } from '../../util/json-input.js';
import type { Alarm } from '../../model/alarm.js';
import { prepareMapped } from '../mapped-record.js';
import { bodyError, decodeAll, type DecodeOptions, type DecodeResult, type Prepared } from '../types.js';
import { decodeSparkplug, type SparkplugState } from './sparkplug.js';

export type MqttSourceConfig = Extract<SourceConfig, { kind: 'mqtt' }>;
export type MqttMessage = { topic: string; payload: Uint8Array };

/** Nesting bound when the caller passes none (the subscriber passes limits.nesting_depth). */
const DEFAULT_MAX_DEPTH = 64;

export function decode(
  sourceName: string,
  config: MqttSourceConfig,
  message: MqttMessage,
  opts: DecodeOptions,
  state: SparkplugState,
): DecodeResult {
  return decodeAll(prepare(sourceName, config, message, opts, state));
}

/** decode, as a batch the subscriber decodes in chunks (JSON); Sparkplug B decodes at once. */
export function prepare(
  sourceName: string,
  config: MqttSourceConfig,
  message: MqttMessage,
  opts: DecodeOptions,
  state: SparkplugState,
): Prepared {
  if (config.format === 'sparkplugb') {
    return { result: decodeSparkplug(sourceName, config, message.topic, message.payload, opts, state) };
  }
  const raw = { topic: message.topic, bytes: message.payload.length };
  if (!config.fields)
    return { result: bodyError(`source "${sourceName}" (format json) has no fields map`, raw) };
  const parsed = parseJsonInput(message.payload, {
    maxDepth: opts.maxDepth ?? DEFAULT_MAX_DEPTH,
    depthSetting: 'limits.nesting_depth',
  });
  if (!parsed.ok) {
    const why =
      parsed.error.code === 'malformed'
        ? `payload is not JSON (${parsed.error.message})`
        : parsed.error.message;
    return { result: bodyError(`${message.topic}: ${why}`, raw, 'malformed') };
  }
  const mapped = prepareMapped(
    sourceName,
    'mqtt',
    { fields: config.fields, state_values: config.state_values, severity_values: config.severity_values },
    parsed.value,
    opts,
  );
  if ('result' in mapped) return mapped;
  // The topic often names the device; keep it for rules (labels.mqtt_topic).
  const withTopic = (a: Alarm): Alarm => ({ ...a, labels: { mqtt_topic: message.topic, ...a.labels } });
  return {
    batch: {
      ...mapped.batch,
      item: (i) => {
        const r = mapped.batch.item(i);
        return r.ok ? { ok: true, alarms: r.alarms.map(withTopic) } : r;
      },
    },
  };
}

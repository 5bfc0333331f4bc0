// Generic vendor webhook: JSON mapped to alarms by the source's field map.
import type { SourceConfig } from '../../mapping/schema.js';
import { decodeMapped, prepareMapped } from '../mapped-record.js';
import type { DecodeOptions, DecodeResult, Prepared } from '../types.js';

export type WebhookSourceConfig = Extract<SourceConfig, { kind: 'webhook' }>;

export function decode(
  sourceName: string,
  config: WebhookSourceConfig,
  body: unknown,
  opts: DecodeOptions,
): DecodeResult {
  return decodeMapped(sourceName, 'webhook', config, body, opts);
}

export function prepare(
  sourceName: string,
  config: WebhookSourceConfig,
  body: unknown,
  opts: DecodeOptions,
): Prepared {
  return prepareMapped(sourceName, 'webhook', config, body, opts);
}

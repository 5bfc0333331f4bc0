// Entry point for HTTP-posted sources: dispatches a body to its kind's pure decoder.
import type { SourceConfig } from '../mapping/schema.js';
import { decode as decodeAlertmanager } from './alertmanager/decode.js';
import { decode as decodeRedfish } from './redfish/decode.js';
import { decode as decodeWebhook } from './webhook/decode.js';
import { bodyError, type DecodeOptions, type DecodeResult } from './types.js';

export type { DecodeError, DecodeOptions, DecodeResult } from './types.js';

/** Kinds whose alarms arrive on `POST /v1/alarms/:source`. */
export const HTTP_SOURCE_KINDS = ['webhook', 'alertmanager', 'redfish'] as const;

export function decodePayload(
  sourceName: string,
  source: SourceConfig,
  body: unknown,
  opts: DecodeOptions,
): DecodeResult {
  switch (source.kind) {
    case 'webhook':
      return decodeWebhook(sourceName, source, body, opts);
    case 'alertmanager':
      return decodeAlertmanager(sourceName, source, body, opts);
    case 'redfish':
      return decodeRedfish(sourceName, source, body, opts);
    case 'snmp':
    case 'mqtt':
      return bodyError(
        `source "${sourceName}" is of kind ${source.kind}; its alarms do not arrive over HTTP`,
        body,
      );
  }
}

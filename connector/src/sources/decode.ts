// Entry point for HTTP-posted sources: dispatches a body to its kind's pure decoder.
import type { SourceConfig } from '../mapping/schema.js';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { prepare as prepareAlertmanager } from './alertmanager/decode.js';
import { prepare as prepareRedfish } from './redfish/decode.js';
import { prepare as prepareWebhook } from './webhook/decode.js';
import {
  bodyError,
  decodeAll,
  decodeInChunks,
  type DecodeOptions,
  type DecodeResult,
  type Prepared,
} from './types.js';

export type { DecodeError, DecodeOptions, DecodeResult } from './types.js';

/** Kinds whose alarms arrive on `POST /v1/alarms/:source`. */
export const HTTP_SOURCE_KINDS = ['webhook', 'alertmanager', 'redfish'] as const;

function preparePayload(
  sourceName: string,
  source: SourceConfig,
  body: unknown,
  opts: DecodeOptions,
): Prepared {
  switch (source.kind) {
    case 'webhook':
      return prepareWebhook(sourceName, source, body, opts);
    case 'alertmanager':
      return prepareAlertmanager(sourceName, source, body, opts);
    case 'redfish':
      return prepareRedfish(sourceName, source, body, opts);
    case 'snmp':
    case 'mqtt':
      return {
        result: bodyError(
          `source "${sourceName}" is of kind ${source.kind}; its alarms do not arrive over HTTP`,
          body,
        ),
      };
  }
}

export function decodePayload(
  sourceName: string,
  source: SourceConfig,
  body: unknown,
  opts: DecodeOptions,
): DecodeResult {
  return decodeAll(preparePayload(sourceName, source, body, opts));
}

/** decodePayload for the ingest path: a big batch is decoded in chunks, yielding in between. */
export function decodePayloadInChunks(
  sourceName: string,
  source: SourceConfig,
  body: unknown,
  opts: DecodeOptions,
): Promise<DecodeResult> {
  return decodeInChunks(preparePayload(sourceName, source, body, opts), () => yieldToEventLoop());
}

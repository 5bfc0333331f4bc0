// What every telemetry provider answers with: time-stamped samples per series. Values are already
// parsed numbers; a sample the source sent that is not a real reading (NaN, ±Inf, a DCGM blank
// sentinel, a null or non-numeric value, a Sparkplug DEATH) is `null` with `invalid` saying what it was.
// A scrape that never happened is simply no sample.

import type { Sample } from '../model/sample.js';

export type { Sample };

export interface Series {
  /** Identifies the series within the answer (Prometheus labels, `{topic}`, `{uri, property}`). */
  labels: Record<string, string>;
  /** Oldest first. */
  samples: Sample[];
}

export interface RangeWindow {
  startMs: number;
  endMs: number;
  /** Resolution wanted; absent = the provider's configured default. Providers with raw samples may ignore it. */
  stepMs?: number;
  /**
   * Also answer, with no samples, every series the query selected since this time that has none in the
   * window: a sensor that stopped reporting must stay in the answer (and be judged "no data"), not drop
   * out of it. Providers that keep every series they have seen (MQTT) need not look.
   */
  seriesSinceMs?: number;
}

export type ProviderKind = 'prometheus' | 'redfish' | 'mqtt';

export interface TelemetryProvider {
  readonly name: string;
  readonly kind: ProviderKind;
  /** Samples of every series the query selects within [startMs, endMs]; [] when there is no data. Rejects with TelemetryError. */
  queryRange(query: string, window: RangeWindow, signal: AbortSignal): Promise<Series[]>;
  /**
   * Only for providers without history of their own (Redfish): read the current value now and keep it.
   * The watcher calls it periodically so that a stabilisation window can be judged later.
   */
  sample?(query: string, signal: AbortSignal): Promise<void>;
  /** Stop background work, log out, disconnect. Idempotent. */
  close(): Promise<void>;
}

export type TelemetryErrorKind =
  'not_configured' | 'unreachable' | 'timeout' | 'aborted' | 'rejected' | 'bad_query' | 'bad_response';

/** A provider failure: the kind says what went wrong, the message says it in the provider's words. */
export class TelemetryError extends Error {
  override readonly name = 'TelemetryError';
  constructor(
    readonly provider: string,
    readonly kind: TelemetryErrorKind,
    message: string,
  ) {
    super(message);
  }
}

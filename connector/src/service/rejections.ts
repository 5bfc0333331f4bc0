// Refused input is kept, counted and logged the same way whichever transport brought it (HTTP post,
// MQTT message, SNMP trap): one rejected row holding the input exactly as received, a counter per
// refused alarm (or per refused body), one log line (rate-limited per source, so a flood of junk
// cannot flood the log).
import type { Logger } from 'pino';
import type { Metrics } from '../observability/metrics.js';
import type { Store } from '../store/store.js';

/**
 * Why something was refused, as the `reason` label of closeloop_alarms_rejected_total: a closed set,
 * so hostile input cannot grow the metric.
 */
export type RefusalKind =
  | 'malformed' // not JSON, not UTF-8, nested too deep, not a protobuf …
  | 'unsupported_media_type'
  | 'too_large' // more bytes than allowed
  | 'too_many_items' // more alarms in one body or message than allowed
  | 'invalid_body' // parses, but is not this source's format
  | 'invalid_alarm' // one alarm of the body could not be decoded or mapped
  | 'not_stored'; // valid, but the store kept failing (MQTT after its attempts)

export interface Refusal {
  /** Position in the posted batch; null for the body as a whole. */
  index: number | null;
  message: string;
}

export interface RefusedInput {
  source: string;
  /** The body or message exactly as received (empty when it is not kept, e.g. too large). */
  body: Uint8Array;
  contentType: string | null;
  receivedAt: Date;
  /** Where it came from, put before the reason (an MQTT topic, an SNMP agent). */
  origin?: string;
  kind: RefusalKind;
  refusals: Refusal[];
}

export interface RejectionDeps {
  store: Store;
  metrics: Metrics;
  logRefusal: RefusalLog;
  /** Told about every write, so readiness knows whether the store takes writes. */
  onWrite?: (err: unknown | null) => void;
}

/** Longest reason kept in a rejected row; the full list went back to the sender. */
const MAX_REASON = 4000;

export function refusalReason(refusals: readonly Refusal[], origin?: string): string {
  const lines = refusals.map((r) => (r.index === null ? r.message : `alarm ${r.index}: ${r.message}`));
  let text = '';
  let shown = 0;
  for (const line of lines) {
    if (text.length + line.length + 1 > MAX_REASON && shown > 0) break;
    text += (shown ? '\n' : '') + line;
    shown++;
  }
  if (shown < lines.length) text += `\n… and ${lines.length - shown} more`;
  return origin ? `${origin}: ${text}` : text;
}

/**
 * Keeps one refused body or message (one row, however many of its alarms were refused), counts and
 * logs it. Returns the rejected row's id; throws when the store cannot keep it (the caller must then
 * not acknowledge the input).
 */
export async function keepRefused(deps: RejectionDeps, input: RefusedInput): Promise<number> {
  const count = input.refusals.filter((r) => r.index !== null).length || 1;
  deps.metrics.alarmsRejected.inc({ source: input.source, reason: input.kind }, count);
  const reason = refusalReason(input.refusals, input.origin);
  deps.logRefusal(input, reason);
  try {
    const id = await deps.store.recordRejected({
      source: input.source,
      reason,
      contentType: input.contentType,
      body: input.body,
      receivedAt: input.receivedAt.toISOString(),
    });
    deps.onWrite?.(null);
    return id;
  } catch (err) {
    deps.onWrite?.(err);
    throw err;
  }
}

/** Logs refusals, at most LOG_BURST lines per source per minute; the next line says how many were not logged. */
export type RefusalLog = (input: RefusedInput, reason: string) => void;

const LOG_WINDOW_MS = 60_000;
const LOG_BURST = 20;

export function createRefusalLog(logger: Pick<Logger, 'warn'>, now: () => number = Date.now): RefusalLog {
  const windows = new Map<string, { start: number; logged: number; skipped: number }>();
  return (input, reason) => {
    const t = now();
    let w = windows.get(input.source);
    if (!w || t - w.start >= LOG_WINDOW_MS) {
      const skipped = w?.skipped ?? 0;
      w = { start: t, logged: 0, skipped: 0 };
      windows.set(input.source, w);
      if (skipped)
        logger.warn(
          { source: input.source, skipped },
          `${skipped} refusals in the last minute were not logged`,
        );
    }
    if (w.logged >= LOG_BURST) {
      w.skipped++;
      return;
    }
    w.logged++;
    logger.warn(
      { source: input.source, kind: input.kind, bytes: input.body.length },
      `refused input kept: ${reason.length > 300 ? `${reason.slice(0, 297)}...` : reason}`,
    );
  };
}

// Sources that are not HTTP posts (SNMP traps, MQTT topics) run their own listeners; what they decode
// takes the same ingest path as an HTTP post, and what they refuse is kept, counted and logged as an
// HTTP refusal is (service/rejections.ts). A listener that cannot start makes the connector not
// ready rather than silently deaf.
import type { Logger } from 'pino';
import type { Mappings } from '../mapping/compiled.js';
import { startSnmpListener } from '../sources/snmp/listener.js';
import { startMqttSource } from '../sources/mqtt/subscriber.js';
import type { OnAlarms, OnUnstorable, ReceivedInput } from '../sources/listener-types.js';
import type { DecodeResult } from '../sources/types.js';
import { ingestAlarms, type IngestDeps } from './ingest.js';
import { keepRefused, type Refusal, type RefusalKind, type RejectionDeps } from './rejections.js';

export interface Listeners {
  problems: string[];
  close(): Promise<void>;
}

function refusalKind(r: DecodeResult): RefusalKind {
  const whole = r.errors.find((e) => e.index === null);
  if (!whole) return 'invalid_alarm';
  if (whole.code === 'too_many_items' || whole.code === 'too_large' || whole.code === 'malformed')
    return whole.code;
  return 'invalid_body';
}

/** What a listener does with one decoded message: ingest its alarms, keep what was refused. */
export function messageHandler(
  deps: IngestDeps,
  sourceName: string,
): { onAlarms: OnAlarms; onUnstorable: OnUnstorable } {
  const rejections: RejectionDeps = {
    store: deps.store,
    metrics: deps.metrics,
    logRefusal: deps.logRefusal,
    onWrite: (err) => deps.health.record(err),
  };
  const keep = (input: ReceivedInput, kind: RefusalKind, refusals: Refusal[]) =>
    keepRefused(rejections, { source: sourceName, ...input, kind, refusals });
  return {
    onAlarms: async (r, input) => {
      const outcome = r.alarms.length
        ? await ingestAlarms(deps, sourceName, r.alarms, r.positions)
        : { accepted: [], refused: [], notStored: [] };
      // Not stored: the transport must not acknowledge; the refusals are kept when it comes again.
      if (outcome.storeError !== undefined) throw outcome.storeError;
      const refused: Refusal[] = [...r.errors, ...outcome.refused]
        .map((e) => ({ index: e.index, message: e.message }))
        .sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
      if (refused.length) await keep(input, refusalKind(r), refused);
    },
    onUnstorable: (input, err) =>
      keep(input, 'not_stored', [
        {
          index: null,
          message: `could not be stored after repeated attempts: ${err instanceof Error ? err.message : String(err)}`,
        },
      ]).then(() => undefined),
  };
}

export async function startListeners(
  mappings: Mappings,
  deps: IngestDeps,
  env: Record<string, string | undefined>,
  logger: Logger,
): Promise<Listeners> {
  const closers: Array<() => Promise<void>> = [];
  const problems: string[] = [];
  for (const [name, source] of Object.entries(mappings.sources)) {
    const { onAlarms, onUnstorable } = messageHandler(deps, name);
    // The listeners name their source in every line themselves (and log their own start, once).
    try {
      if (source.kind === 'snmp') {
        const l = await startSnmpListener(name, source, onAlarms, logger, {
          env,
          onRefused: (reason) => deps.metrics.snmpRefused.inc({ source: name, reason }),
        });
        closers.push(() => l.close());
      } else if (source.kind === 'mqtt') {
        const m = await startMqttSource(name, source, onAlarms, logger, {
          env,
          limits: deps.limits,
          onUnstorable,
        });
        closers.push(() => m.close());
      }
    } catch (err) {
      const msg = `${source.kind} source "${name}" could not start: ${err instanceof Error ? err.message : String(err)}`;
      problems.push(msg);
      logger.error({ err, source: name }, msg);
    }
  }
  return {
    problems,
    close: async () => {
      await Promise.allSettled(closers.map((c) => c()));
    },
  };
}

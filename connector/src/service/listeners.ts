// Sources that are not HTTP posts (SNMP traps, MQTT topics) run their own listeners; what they decode
// takes the same ingest path as an HTTP post. A listener that cannot start makes the connector not
// ready rather than silently deaf.
import type { Logger } from 'pino';
import type { Mappings } from '../mapping/compiled.js';
import { startSnmpListener } from '../sources/snmp/listener.js';
import { startMqttSource } from '../sources/mqtt/subscriber.js';
import type { DecodeResult } from '../sources/types.js';
import { ingestAlarms, type IngestDeps } from './ingest.js';

export interface Listeners {
  problems: string[];
  close(): Promise<void>;
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
    const onAlarms = async (r: DecodeResult, raw: unknown): Promise<void> => {
      for (const e of r.errors) {
        deps.metrics.alarmsRejected.inc({ source: name, reason: 'invalid_alarm' });
        await deps.store.recordRejected({
          source: name,
          reason: e.message,
          contentType: null,
          body: JSON.stringify(e.raw ?? raw ?? null),
          receivedAt: new Date().toISOString(),
        });
      }
      if (r.alarms.length)
        await ingestAlarms(
          deps,
          name,
          r.alarms,
          r.alarms.map((_, i) => i),
        );
    };
    // The listeners name their source in every line themselves (and log their own start, once).
    try {
      if (source.kind === 'snmp') {
        const l = await startSnmpListener(name, source, onAlarms, logger, {
          env,
          onRefused: (reason) => deps.metrics.snmpRefused.inc({ source: name, reason }),
        });
        closers.push(() => l.close());
      } else if (source.kind === 'mqtt') {
        const m = await startMqttSource(name, source, onAlarms, logger, { env });
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

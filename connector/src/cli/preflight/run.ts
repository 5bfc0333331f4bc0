// The whole check before `serve` listens: the configuration evaluated, then every probe at once
// (store, ServiceNow, telemetry providers), merged into one list of dependency states.
import type { Logger } from 'pino';
import type { DependencyState } from '../../model/dependency.js';
import type { Store } from '../../store/store.js';
import { evaluateConfiguration, type PreflightInput } from './evaluate.js';
import { openStoreProbed, probeProvider, probeServiceNow, probeSourceTransport } from './probes.js';

export interface Preflight {
  states: DependencyState[];
  /** Every problem that keeps the connector from starting, in report order. */
  missing: string[];
  /** The opened store when it could be opened (the caller owns it). */
  store: Store | null;
}

export interface PreflightOptions {
  logger: Logger;
  /** Longest any one network probe may take (default 5 s). */
  probeTimeoutMs?: number;
  /** Store opening attempts after the first (default 5, as the runtime). */
  storeRetries?: number;
}

export async function runPreflight(input: PreflightInput, o: PreflightOptions): Promise<Preflight> {
  const timeout = o.probeTimeoutMs ?? 5000;
  const configured = evaluateConfiguration(input);
  const store = configured.find((s) => s.kind === 'store' && s.health !== 'ok')
    ? null
    : openStoreProbed(input.config, o.logger, { retries: o.storeRetries ?? 5 });
  const states = await Promise.all(
    configured.map(async (s): Promise<DependencyState> => {
      if (s.health !== 'ok') return s;
      if (s.kind === 'store' && store) return (await store).state;
      if (s.kind === 'source') {
        const source = input.mappings.sources[s.name];
        if (!source || (source.kind !== 'snmp' && source.kind !== 'mqtt')) return s;
        const r = await probeSourceTransport(s.name, source, input.env, timeout);
        if (r.ok) return { ...s, detail: `${s.detail}: ${r.detail}` };
        // A port that cannot be bound stays unbindable; a broker may come up, and the listener retries.
        return source.kind === 'snmp'
          ? { ...s, health: 'missing', problems: [`source ${s.name}: ${r.problem}`] }
          : {
              ...s,
              health: 'degraded',
              problems: [`source ${s.name}: ${r.problem}; the connector starts not ready until it connects`],
            };
      }
      if (s.kind === 'provider') {
        const cfg = input.config.telemetry.providers[s.name];
        if (!cfg) return s;
        const r = await probeProvider(s.name, cfg, timeout);
        return r.ok
          ? { ...s, detail: `${s.detail}: ${r.detail}` }
          : {
              ...s,
              health: 'degraded',
              problems: [
                `provider ${s.name} (${cfg.url}): ${r.problem}; its close checks answer unknown until it does`,
              ],
            };
      }
      if (s.kind === 'servicenow') {
        const r = await probeServiceNow(input.config, timeout);
        if (r.reachable && r.authenticated) return { ...s, detail: `${s.detail}: reachable, authenticated` };
        return {
          ...s,
          health: 'degraded',
          problems: [
            `ServiceNow ${r.reachable ? 'refused us' : 'is not reachable'}: ${r.problem}; alarms are stored and deliveries wait in the outbox`,
          ],
        };
      }
      return s;
    }),
  );
  for (const s of states) if (s.health !== 'ok') o.logger.debug({ dependency: s }, 'preflight');
  return {
    states,
    missing: states.filter((s) => s.health === 'missing').flatMap((s) => s.problems),
    store: store ? (await store).store : null,
  };
}

// What the connector depends on and in which state each part is: sources, telemetry providers, the
// store, ServiceNow and its own settings. `closeloop serve` (before listening) and `closeloop doctor`
// report in this shape; the running connector's health (`/readyz`, the console, metrics) reports in it
// too (observability/health-decision.ts).

/** `outbox`: the running connector's dead letters (health only). */
export type DependencyKind = 'config' | 'source' | 'provider' | 'store' | 'servicenow' | 'outbox';

/**
 * - `ok`: usable;
 * - `disabled`: switched off on purpose (`enabled: false`), not needed;
 * - `degraded`: the connector runs and keeps every alarm, but this part does not work yet (ServiceNow
 *   unreachable: deliveries wait in the outbox; a provider unreachable: its close checks say unknown);
 * - `missing`: something the connector needs is not configured or not available, so it does not start
 *   (or, once running, is not ready: alarms are refused with 503 until it is back).
 */
export type DependencyHealth = 'ok' | 'disabled' | 'degraded' | 'missing';

export interface DependencyState {
  kind: DependencyKind;
  /** The source or provider name; `store`, `servicenow`, `api_key` for the others. */
  name: string;
  health: DependencyHealth;
  /** One line describing it (transport, port, auth, where it points), never a secret. */
  detail: string;
  /** What is wrong, each an instruction an operator can follow; empty when ok or disabled. */
  problems: string[];
}

/** Worst first: the order summaries and exit codes use. */
export const HEALTH_ORDER: readonly DependencyHealth[] = ['missing', 'degraded', 'ok', 'disabled'];

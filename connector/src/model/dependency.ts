// What the connector depends on and in which state each part is: sources, telemetry providers, the
// store, ServiceNow and its own settings. `closeloop serve` (before listening) and `closeloop doctor`
// report in this shape; health and metrics can report the same states.

export type DependencyKind = 'config' | 'source' | 'provider' | 'store' | 'servicenow';

/**
 * - `ok`: usable;
 * - `disabled`: switched off on purpose (`enabled: false`), not needed;
 * - `degraded`: the connector runs and keeps every alarm, but this part does not work yet (ServiceNow
 *   unreachable: deliveries wait in the outbox; a provider unreachable: its close checks say unknown);
 * - `missing`: something the connector needs is not configured or not available, so it does not start.
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

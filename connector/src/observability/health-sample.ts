// Samples the signals health is decided on, at the edges: the store's ping, dead letters, what intake
// reports, and what this process saw lately of ServiceNow and the providers. The decision itself is
// health-decision.ts. Nothing is cached: a load balancer polling /readyz must see a store outage at once.
import type { DeliveryCounts } from '../model/delivery.js';

/** What health reads from the store (a narrow view, so observability does not depend on store/). */
export interface HealthStoreView {
  readonly kind: 'sqlite' | 'postgres';
  ping(): Promise<void>;
  deliveryCounts(): Promise<DeliveryCounts>;
  countDeadLetters(since: Date): Promise<number>;
}
import {
  DEFAULT_HEALTH_POLICY,
  decideHealth,
  type HealthPolicy,
  type HealthReport,
  type HealthSignals,
} from './health-decision.js';
import type { RecentOutcomes } from './recent-outcomes.js';

export interface HealthSamplerDeps {
  store: HealthStoreView;
  recent: RecentOutcomes;
  /** Problems that stop alarms being taken in (listeners, a store that refuses writes, …). */
  notReadyReasons: () => string[];
  sources: () => string[];
  /** The instance URL, or null when none is configured. */
  servicenow: string | null;
  providers: readonly { name: string; kind: string }[];
  now: () => Date;
  policy?: HealthPolicy;
}

export type HealthSampler = () => Promise<HealthReport>;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function sampleHealth(d: HealthSamplerDeps): Promise<HealthSignals> {
  const policy = d.policy ?? DEFAULT_HEALTH_POLICY;
  const nowMs = d.now().getTime();
  const [ping, dead] = await Promise.all([
    d.store.ping().then(
      () => null,
      (e: unknown) => messageOf(e),
    ),
    Promise.all([
      d.store.deliveryCounts(),
      d.store.countDeadLetters(new Date(nowMs - policy.deadLetterWindowMs)),
    ]).then(
      ([counts, recent]) => ({ total: counts.dead, recent }),
      (e: unknown) => ({ problem: messageOf(e) }),
    ),
  ]);
  return {
    nowMs,
    store: { kind: d.store.kind, problem: ping },
    intake: { sources: d.sources(), problems: d.notReadyReasons() },
    servicenow: d.servicenow ? { instance: d.servicenow } : null,
    recent: d.recent.snapshot(nowMs, policy.windowMs),
    providers: d.providers,
    deadLetters: dead,
  };
}

export function createHealthSampler(d: HealthSamplerDeps): HealthSampler {
  return async () => decideHealth(await sampleHealth(d), d.policy ?? DEFAULT_HEALTH_POLICY);
}

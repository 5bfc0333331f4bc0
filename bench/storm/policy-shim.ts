// Bench-only variant, reported separately and labelled as such: a store wrapper that hands the
// configured noise policy to `ingest` when the caller passes none. connector/src/service/ingest.ts
// calls store.ingest(items, now, display) without `deps.policy`, so the runtime ingests with the
// lifecycle's DEFAULT_POLICY (no note interval, no storm caps) whatever closeloop.yaml says. This
// shows what passing it would change; when the call passes a policy, the wrapper changes nothing.
import type { Config } from '../../connector/src/config/schema.js';
import type { NoisePolicy } from '../../connector/src/lifecycle/types.js';
import type { Store } from '../../connector/src/store/store.js';

export function configuredPolicy(config: Config): NoisePolicy {
  return {
    noteIntervalMs: config.noise.note_interval,
    flapChanges: config.noise.flap_changes,
    flapWindowMs: config.noise.flap_window,
    stormPerSource: config.noise.storm_per_source,
    stormGlobal: config.noise.storm_global,
  };
}

/**
 * Counts ingest calls that come without a policy; with `apply`, hands them `policy`. Without `apply`
 * the wrapper only counts (the as-is run).
 */
export function withNoisePolicy(
  store: Store,
  policy: NoisePolicy,
  apply: boolean,
): { store: Store; withoutPolicy: () => number } {
  let missing = 0;
  return {
    store: {
      ...store,
      ingest: (items, now, display, given) => {
        if (given === undefined) missing++;
        return store.ingest(items, now, display, given ?? (apply ? policy : undefined));
      },
    },
    withoutPolicy: () => missing,
  };
}

// Everything the routes need, passed explicitly.
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { Metrics } from '../observability/metrics.js';
import type { Engine } from '../service/engine-types.js';
import type { IngestDeps } from '../service/ingest.js';
import type { CredentialThrottle } from './credential-throttle.js';
import type { HealthSampler } from '../observability/health-sample.js';

export interface HttpContext {
  store: Store;
  engine: () => Engine;
  metrics: Metrics;
  logger: Logger;
  env: Record<string, string | undefined>;
  apiKey: string | undefined;
  /** Largest alarm post / preview body, as configured (`1mb`) and in bytes. */
  bodyLimit: string;
  bodyLimitBytes: number;
  ingest: IngestDeps;
  /** Readiness beyond the store: e.g. mappings loaded. Empty list = ready. */
  notReadyReasons: () => string[];
  /** Ready or not, degraded or not, each dependency's state and why (observability/health-decision.ts). */
  health: HealthSampler;
  now: () => Date;
  /** Failed credentials of every endpoint, per client and per credential. */
  throttle: CredentialThrottle;
  /** Bodies read before their signature is verified (HMAC sources): bytes held at once, read deadline. */
  unverifiedBodies: { maxBytes: number; timeoutMs: number };
}

// Everything the routes need, passed explicitly.
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { Metrics } from '../observability/metrics.js';
import type { Engine } from '../service/engine-types.js';
import type { IngestDeps } from '../service/ingest.js';

export interface HttpContext {
  store: Store;
  engine: () => Engine;
  metrics: Metrics;
  logger: Logger;
  env: Record<string, string | undefined>;
  apiKey: string | undefined;
  bodyLimit: string;
  ingest: IngestDeps;
  /** Readiness beyond the store: e.g. mappings loaded. Empty list = ready. */
  notReadyReasons: () => string[];
  now: () => Date;
}

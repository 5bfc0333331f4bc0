// The bounds on input every transport applies (closeloop.yaml `limits`, docs/limits.md).
import type { Config } from '../config/schema.js';

export interface Limits {
  /** Deepest nesting of arrays/objects (JSON) or messages (Sparkplug B) in one body or message. */
  nestingDepth: number;
  /** Most alarms one HTTP body or one MQTT message may carry. */
  alarmsPerBatch: number;
  /** Largest MQTT message taken (HTTP bodies: server.body_limit). */
  messageBytes: number;
}

export const limitsFromConfig = (c: Config): Limits => ({
  nestingDepth: c.limits.nesting_depth,
  alarmsPerBatch: c.limits.alarms_per_batch,
  messageBytes: c.limits.message_bytes,
});

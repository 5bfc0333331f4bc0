// The outbox's vocabulary: the operations it delivers and what a delivery attempt answers. Both are
// model types (the lifecycle writes operations, the stores keep them), re-exported for the outbox;
// what the worker tells one attempt (`DeliveryAttempt`) is the outbox's own.
export {
  IncidentLinkSchema,
  OperationSchema,
  ReferenceSchema,
  type IncidentLink,
  type Operation,
  type OperationKind,
  type Reference,
} from '../model/operation.js';
export type { DeliveryResult, WriteDoubt } from '../model/delivery.js';

/** What the outbox worker tells one delivery attempt. */
export interface DeliveryAttempt {
  /**
   * An earlier attempt sent a write (at `sentAt`) whose outcome is unknown and which can no longer
   * land now: look at what it did before writing the same thing again. Null when nothing is in doubt.
   */
  doubt: { sentAt: Date } | null;
  /**
   * Call immediately before each write request is sent. It records the write (so a crash leaves its
   * doubt behind) and throws when this worker's claim was taken over: then the write must not be sent.
   */
  beforeWrite(): Promise<void>;
}

// The outbox's vocabulary: the operations it delivers and what a delivery attempt answers. Both are
// model types (the lifecycle writes operations, the stores keep them), re-exported for the outbox.
export {
  IncidentLinkSchema,
  OperationSchema,
  ReferenceSchema,
  type IncidentLink,
  type Operation,
  type OperationKind,
  type Reference,
} from '../model/operation.js';
export type { DeliveryResult } from '../model/delivery.js';

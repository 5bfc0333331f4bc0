// What one delivery attempt of an outbox entry says back (the outbox worker alone decides when to
// retry), and how many entries the outbox holds in each state.
import type { IncidentLink } from './operation.js';

/**
 * What became of a write that failed after it was sent: `pending` = no answer came, so it may still be
 * applied later (until the instance cancels it); `visible` = the instance answered, but the write may
 * have been applied in part or whole, and whatever it did can be seen now. Absent: nothing was applied.
 */
export type WriteDoubt = 'pending' | 'visible';

export type DeliveryResult =
  | { ok: true; link?: IncidentLink }
  | {
      ok: false;
      retryable: boolean;
      retryAfterMs?: number;
      status?: number;
      error: string;
      doubt?: WriteDoubt;
    };

export interface DeliveryCounts {
  pending: number;
  inflight: number;
  dead: number;
  done: number;
  cancelled: number;
}

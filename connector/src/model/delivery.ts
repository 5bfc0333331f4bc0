// What one delivery attempt of an outbox entry says back (the outbox worker alone decides when to
// retry), and how many entries the outbox holds in each state.
import type { IncidentLink } from './operation.js';

export type DeliveryResult =
  | { ok: true; link?: IncidentLink }
  | { ok: false; retryable: boolean; retryAfterMs?: number; status?: number; error: string };

export interface DeliveryCounts {
  pending: number;
  inflight: number;
  dead: number;
  done: number;
  cancelled: number;
}

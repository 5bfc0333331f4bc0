// What the lifecycle asks to be written to ServiceNow. Each operation is stored in the outbox in the
// same transaction as the alarm that caused it and delivered in order per event key.
import { z } from 'zod';

export const IncidentLinkSchema = z.object({ sysId: z.string().min(1), number: z.string().min(1) });
export type IncidentLink = z.infer<typeof IncidentLinkSchema>;

/** Reference lookups resolved at delivery time (cached): field → {table, field, value}. */
export const ReferenceSchema = z.object({ table: z.string(), field: z.string(), value: z.string() });
export type Reference = z.infer<typeof ReferenceSchema>;

export const OperationSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('create'),
    /** Plain incident fields (short_description, impact, urgency, category, correlation_id, …). */
    fields: z.record(z.string(), z.union([z.string(), z.number()])),
    /** Reference fields to resolve to sys_ids before the insert (cmdb_ci, assignment_group). */
    references: z.record(z.string(), ReferenceSchema).default({}),
  }),
  z.object({ op: z.literal('note'), text: z.string().min(1) }),
  z.object({
    op: z.literal('update'),
    fields: z.record(z.string(), z.union([z.string(), z.number()])),
    /** Reference fields to resolve and set (a cause taking over: assignment_group, cmdb_ci). */
    references: z.record(z.string(), ReferenceSchema).optional(),
    note: z.string().optional(),
  }),
  z.object({ op: z.literal('resolve'), note: z.string().optional() }),
  z.object({ op: z.literal('reopen'), note: z.string().min(1) }),
  z.object({
    op: z.literal('verdict'),
    verdict: z.enum(['pass', 'fail', 'unknown']),
    checks: z.array(z.unknown()),
    evaluatedAt: z.string(),
    note: z.string().optional(),
  }),
]);
export type Operation = z.infer<typeof OperationSchema>;

/**
 * What became of a write that failed after it was sent: `pending` = no answer came, so it may still be
 * applied later (until the instance cancels it); `visible` = the instance answered, but the write may
 * have been applied in part or whole, and whatever it did can be seen now. Absent: nothing was applied.
 */
export type WriteDoubt = 'pending' | 'visible';

/** What a delivery attempt says back: the outbox worker alone decides when to retry. */
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

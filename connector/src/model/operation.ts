// What the lifecycle asks to be written to ServiceNow. Each operation is stored in the outbox in the
// same transaction as the change that caused it, and delivered in order per event key.
import { z } from 'zod';
import { CheckResultSchema, VerdictSchema } from './verdict.js';

export const IncidentLinkSchema = z.object({ sysId: z.string().min(1), number: z.string().min(1) });
/** The ServiceNow record an event's create produced. */
export type IncidentLink = z.infer<typeof IncidentLinkSchema>;

/** Reference lookups resolved at delivery time (cached): field → {table, field, value}. */
export const ReferenceSchema = z.object({ table: z.string(), field: z.string(), value: z.string() });
export type Reference = z.infer<typeof ReferenceSchema>;

const FieldsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const OperationSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('create'),
    /** Plain incident fields (short_description, impact, urgency, category, correlation_id, …). */
    fields: FieldsSchema,
    /** Reference fields to resolve to sys_ids before the insert (cmdb_ci, assignment_group). */
    references: z.record(z.string(), ReferenceSchema).default({}),
  }),
  z.object({ op: z.literal('note'), text: z.string().min(1) }),
  z.object({
    op: z.literal('update'),
    fields: FieldsSchema,
    /** Reference fields to resolve and set (a cause taking over: assignment_group, cmdb_ci). */
    references: z.record(z.string(), ReferenceSchema).optional(),
    note: z.string().optional(),
  }),
  z.object({ op: z.literal('resolve'), note: z.string().optional() }),
  z.object({ op: z.literal('reopen'), note: z.string().min(1) }),
  z.object({
    op: z.literal('verdict'),
    verdict: VerdictSchema,
    checks: z.array(CheckResultSchema),
    evaluatedAt: z.string(),
    note: z.string().optional(),
  }),
]);
export type Operation = z.infer<typeof OperationSchema>;

/** The kind of an operation; the outbox keeps it in a column of its own (`op_kind`). */
export type OperationKind = Operation['op'];

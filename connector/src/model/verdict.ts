// The verdict on an event's close checks, and the result of one check: what the watcher records with
// the event, the outbox sends to ServiceNow and the closure route answers with.
import { z } from 'zod';
import { SampleSchema } from './sample.js';

/** pass: every check in range for its window; fail: one out of range; unknown: any doubt. */
export const VerdictSchema = z.enum(['pass', 'fail', 'unknown']);
export type Verdict = z.infer<typeof VerdictSchema>;

/** Why a check is `unknown` (machine-readable; the message says it for people). */
export const UnknownReasonSchema = z.enum([
  'no_provider',
  'provider_error',
  'timeout',
  'no_data',
  'stale',
  'not_covered',
  'gap',
  'too_few',
  // The check was refused when its query was rendered: an alarm value could not be placed safely.
  'unsafe_query',
  // The source sent an explicit invalid reading (NaN, ±Inf, a vendor sentinel, null) inside the window.
  'invalid',
]);
export type UnknownReason = z.infer<typeof UnknownReasonSchema>;

const LabelsSchema = z.record(z.string(), z.string());

export const CheckResultSchema = z.object({
  name: z.string(),
  status: VerdictSchema,
  /** Current reading as text, e.g. "24.1 °C" ("no data" when there is none). */
  observed: z.string(),
  /** The condition as text, e.g. "18–27 °C", "≤ 85 °C", "bits 3, 5, 6, 7 clear". */
  expected: z.string(),
  /** The stabilisation window as text, e.g. "10 min". */
  window: z.string(),
  /** Valid (non-missing) samples judged in the window, over all series. */
  samples: z.number(),
  /** One line for people: "CRAH-2 supply air 29.4 °C > 27 °C at 10:42, needs 10 min in 18–27 °C". */
  message: z.string(),
  provider: z.string().optional(),
  query: z.string().optional(),
  /** Current reading as a number (null = missing). */
  observedValue: z.number().nullable().optional(),
  /** How many series the query returned (e.g. 8 GPUs). */
  series: z.number().optional(),
  /** The furthest-out-of-range sample of a failing check. */
  worst: z.object({ value: z.number(), at: z.string(), labels: LabelsSchema.optional() }).optional(),
  /** The newest explicit invalid reading that makes the check unknown ("NaN", "+Inf", "DCGM … sentinel"). */
  invalid: z
    .object({ value: z.string(), at: z.string(), count: z.number(), labels: LabelsSchema.optional() })
    .optional(),
  /** The window's samples of the series the message talks about, oldest first (for a chart). */
  points: z.array(SampleSchema).optional(),
  /** When the check will pass if values stay in range (absent when that cannot be said). */
  satisfiedAt: z.string().optional(),
  reason: UnknownReasonSchema.optional(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

// A close check: the telemetry condition that must hold, for a while, before an incident may close.
// Rules declare them (mapping/schema.ts parses the YAML into CloseCheckSpec); the plan renders their
// templates for one alarm (RenderedCheck), which the event keeps and the guard evaluates.
import { z } from 'zod';

export const ConditionSchema = z.union(
  [
    z.object({ range: z.tuple([z.number(), z.number()]) }).strict(),
    z.object({ max: z.number() }).strict(),
    z.object({ min: z.number() }).strict(),
    z.object({ equals: z.number() }).strict(),
    z
      .object({ bits_clear: z.array(z.number().int().min(0).max(63)).min(1) })
      .strict()
      .describe('Bit positions that must be 0.'),
    z.object({ no_increase: z.literal(true) }).strict(),
  ],
  {
    error:
      'one of {range: [min, max]}, {max: n}, {min: n}, {equals: n}, {bits_clear: [bit, …]}, {no_increase: true}',
  },
);
export type Condition = z.infer<typeof ConditionSchema>;

/** A rule's close check as configured, durations in milliseconds; `query` and `label` are templates. */
export interface CloseCheckSpec {
  name: string;
  provider: string;
  query: string;
  label?: string | undefined;
  unit?: string | undefined;
  expect: Condition;
  stabilize: number;
  max_age: number;
  min_samples: number;
  step?: number | undefined;
}

/**
 * A close check with `query` and `label` rendered for one alarm (label defaults to the check name).
 * `refused`: a value of the alarm cannot be placed safely in the query (see mapping/query/render-query.ts);
 * `query` then keeps the unrendered template, the check is never run and its verdict is `unknown`.
 */
export const RenderedCheckSchema = z.object({
  name: z.string(),
  provider: z.string(),
  query: z.string(),
  label: z.string(),
  unit: z.string().optional(),
  expect: ConditionSchema,
  stabilize: z.number(),
  max_age: z.number(),
  min_samples: z.number(),
  step: z.number().optional(),
  refused: z.string().optional(),
});
export type RenderedCheck = z.infer<typeof RenderedCheckSchema>;

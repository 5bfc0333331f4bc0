// Response shapes of the Prometheus HTTP API (/api/v1/query, /api/v1/query_range). Only what we read.
import { z } from 'zod';

/** [unix seconds (float), value as text] — Prometheus sends values as strings ("NaN", "+Inf" included). */
export const WireSampleSchema = z.tuple([z.number(), z.string()]);
const Labels = z.record(z.string(), z.string());

export const WireDataSchema = z.discriminatedUnion('resultType', [
  z.object({
    resultType: z.literal('matrix'),
    result: z.array(z.object({ metric: Labels, values: z.array(WireSampleSchema).default([]) })),
  }),
  z.object({
    resultType: z.literal('vector'),
    result: z.array(z.object({ metric: Labels, value: WireSampleSchema.optional() })),
  }),
  z.object({ resultType: z.literal('scalar'), result: WireSampleSchema }),
  z.object({ resultType: z.literal('string'), result: z.tuple([z.number(), z.string()]) }),
]);
export type WireData = z.infer<typeof WireDataSchema>;

export const WireSuccessSchema = z.object({
  status: z.literal('success'),
  data: WireDataSchema,
  warnings: z.array(z.string()).optional(),
});

export const WireErrorSchema = z.object({
  status: z.literal('error'),
  errorType: z.string().default('error'),
  error: z.string().default(''),
});

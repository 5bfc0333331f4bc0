// One time-stamped reading of a telemetry series, as providers answer and as a check result keeps
// the window it judged (for a chart).
import { z } from 'zod';

export const SampleSchema = z.object({
  /** Epoch milliseconds. */
  t: z.number(),
  /** The reading, or null when the source sent an invalid one (see `invalid`). */
  v: z.number().nullable(),
  /** For `v: null`: what the source sent instead of a reading ("NaN", "+Inf", "DCGM NOT_SUPPORTED sentinel …"). */
  invalid: z.string().optional(),
});
export type Sample = z.infer<typeof SampleSchema>;

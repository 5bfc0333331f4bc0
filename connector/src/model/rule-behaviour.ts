// How a rule's events behave over time: taken from the rule when an event opens, kept with it.
import { z } from 'zod';

export const RuleBehaviourSchema = z.object({
  /** Resolve when every alarm cleared (and, with close checks, the verdict is pass). */
  autoResolve: z.boolean(),
  /** A new alarm for a key resolved within this reopens that incident instead of opening another. */
  reopenWindowMs: z.number(),
  /** An alarm that clears within this never opens an incident. */
  holdDownMs: z.number(),
});
export type RuleBehaviour = z.infer<typeof RuleBehaviourSchema>;

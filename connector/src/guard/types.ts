// Options of close-check evaluation. Its inputs (RenderedCheck) and outputs (CheckResult, Verdict) are
// model types, re-exported here for the guard's modules.
export type { Condition, RenderedCheck } from '../model/close-check.js';
export type { CheckResult, UnknownReason, Verdict } from '../model/verdict.js';

export interface EvaluateCheckOptions {
  /** IANA zone for times in messages ("10:42"); default: the host's zone. */
  timeZone?: string;
}

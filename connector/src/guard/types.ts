// Inputs and outputs of close-check evaluation. A RenderedCheck is a mapping rule's close check with
// its templates (query, label) already filled from the event's alarms and topology.
import type { CloseCheckSpec, Condition } from '../mapping/schema.js';
import type { Sample } from '../telemetry/types.js';

/**
 * A CloseCheckSpec whose `query` and `label` are final strings (no `{{…}}` left), or, with `refused`,
 * a check an alarm value made unsafe to run: it is never sent to its provider and is always `unknown`.
 */
export type RenderedCheck = CloseCheckSpec & { refused?: string };
export type { Condition };

export type CheckStatus = 'pass' | 'fail' | 'unknown';

/** Why a check is `unknown` (machine-readable; the message says it for people). */
export type UnknownReason =
  | 'no_provider'
  | 'provider_error'
  | 'timeout'
  | 'no_data'
  | 'stale'
  | 'not_covered'
  | 'gap'
  | 'too_few'
  /** The check was refused when its query was rendered: an alarm value could not be placed safely. */
  | 'unsafe_query'
  /** The source sent an explicit invalid reading (NaN, ±Inf, a vendor sentinel, null) inside the window. */
  | 'invalid';

export interface CheckResult {
  name: string;
  status: CheckStatus;
  /** Current reading as text, e.g. "24.1 °C" ("no data" when there is none). */
  observed: string;
  /** The condition as text, e.g. "18–27 °C", "≤ 85 °C", "bits 3, 5, 6, 7 clear". */
  expected: string;
  /** The stabilisation window as text, e.g. "10 min". */
  window: string;
  /** Valid (non-missing) samples judged in the window, over all series. */
  samples: number;
  /** One line for people: "CRAH-2 supply air 29.4 °C > 27 °C at 10:42, needs 10 min in 18–27 °C". */
  message: string;
  provider?: string;
  query?: string;
  /** Current reading as a number (null = missing). */
  observedValue?: number | null;
  /** How many series the query returned (e.g. 8 GPUs). */
  series?: number;
  /** The furthest-out-of-range sample of a failing check. */
  worst?: { value: number; at: string; labels?: Record<string, string> };
  /** The newest explicit invalid reading that makes the check unknown ("NaN", "+Inf", "DCGM … sentinel"). */
  invalid?: { value: string; at: string; count: number; labels?: Record<string, string> };
  /** The window's samples of the series the message talks about, oldest first (for a chart). */
  points?: Sample[];
  /** When the check will pass if values stay in range (absent when that cannot be said). */
  satisfiedAt?: string;
  reason?: UnknownReason;
}

export interface EvaluateCheckOptions {
  /** IANA zone for times in messages ("10:42"); default: the host's zone. */
  timeZone?: string;
}

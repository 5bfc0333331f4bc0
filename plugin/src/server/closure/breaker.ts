// Circuit breaker and per-transaction budget for live calls. A slow or dead connector must not hold
// the instance: after N failed calls in a row no call is made for a while (the pushed verdict and
// the fail mode decide), and one transaction (a list "Update Selected", a parent incident syncing
// its children, an import) makes at most a few calls. Pure: the state is read and written by the
// adapters (a row of x_closeloop_connector_state; the session's client data).
import type { BreakerState, ConnectorReply, GuardSettings } from './types.ts';
import { describeAge } from './timestamps.ts';

export const CLOSED_BREAKER: BreakerState = { failures: 0, openUntilMs: 0, lastError: '' };

/** Calls within this window of the first one count as one transaction (no transaction id in scope). */
export const TRANSACTION_WINDOW_MS = 10_000;

/** null when a call may be made, else why not. */
export function breakerRefusal(state: BreakerState, nowMs: number): string | null {
  if (state.openUntilMs > nowMs) {
    return `connector calls paused for ${describeAge(state.openUntilMs - nowMs)} after ${state.failures} failed calls in a row (last: ${state.lastError || 'unknown'})`;
  }
  return null;
}

/** Whether a reply means the connector is not answering properly (counts towards opening). */
export function isFailure(reply: ConnectorReply): boolean {
  return reply.kind === 'failure' || reply.statusCode >= 500 || reply.statusCode === 401 || reply.statusCode === 403;
}

/** The breaker after a call; null when it does not change (nothing to write). */
export function breakerAfter(
  state: BreakerState,
  reply: ConnectorReply,
  settings: GuardSettings,
  nowMs: number,
): BreakerState | null {
  if (!isFailure(reply)) {
    return state.failures === 0 && state.openUntilMs === 0 ? null : { ...CLOSED_BREAKER };
  }
  const failures = state.failures + 1;
  const lastError = reply.kind === 'failure' ? `${reply.reason}: ${reply.detail}`.slice(0, 200) : `HTTP ${reply.statusCode}`;
  const open = settings.breakerFailures > 0 && failures >= settings.breakerFailures;
  return { failures, openUntilMs: open ? nowMs + settings.breakerOpenSeconds * 1000 : 0, lastError };
}

export function parseBreaker(failures: string, openUntil: string, lastError: string): BreakerState {
  const count = /^\d+$/.test(failures.trim()) ? parseInt(failures.trim(), 10) : 0;
  const until = /^\d+$/.test(openUntil.trim()) ? parseInt(openUntil.trim(), 10) : 0;
  return { failures: count, openUntilMs: until, lastError };
}

/** The session's live-call count as stored ("<window start ms>:<count>"). */
export interface CallBudget {
  windowStartMs: number;
  count: number;
}

export function parseBudget(text: string): CallBudget {
  const match = /^(\d+):(\d+)$/.exec(text.trim());
  return match ? { windowStartMs: Number(match[1]), count: Number(match[2]) } : { windowStartMs: 0, count: 0 };
}

export function formatBudget(budget: CallBudget): string {
  return `${budget.windowStartMs}:${budget.count}`;
}

/** Spends one call of the budget: the new budget, or null when the transaction has used it up. */
export function spendCall(budget: CallBudget, settings: GuardSettings, nowMs: number): CallBudget | null {
  const fresh = nowMs - budget.windowStartMs > TRANSACTION_WINDOW_MS || nowMs < budget.windowStartMs;
  const current = fresh ? { windowStartMs: nowMs, count: 0 } : budget;
  if (current.count >= settings.maxLiveCalls) return null;
  return { windowStartMs: current.windowStartMs, count: current.count + 1 };
}

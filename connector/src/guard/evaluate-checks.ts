// Evaluating an event's close checks against live providers: every window is fetched concurrently,
// each within its own time limit and all within the overall budget, so a provider that never answers
// makes its check `unknown` in time instead of holding the caller.
import { TelemetryError, type Series, type TelemetryProvider } from '../telemetry/types.js';
import { formatDuration } from '../util/duration.js';
import { evaluateCheck, lookbackMs } from './evaluate-check.js';
import type { RenderedCheck } from '../model/close-check.js';
import type { CheckResult } from '../model/verdict.js';

export { combineVerdict } from './verdict.js';
export { evaluateCheck } from './evaluate-check.js';

export interface EvaluateChecksOptions {
  /** Everything is answered within this (ms). */
  budgetMs: number;
  /** "Now" for the windows (ms); default Date.now(). */
  nowMs?: number;
  /** Limit for one check's fetch (ms); default = budgetMs. */
  perCheckMs?: number;
  /** Take a fresh reading first from providers without history (Redfish), so the window ends now. */
  sampleFirst?: boolean;
  /** Zone for clock times in messages; default the host's. */
  timeZone?: string;
  /** Cancels everything (e.g. the HTTP client went away). */
  signal?: AbortSignal;
  /**
   * Series the queries selected since this time (ms; the event's start) are judged even when they no
   * longer report: a sensor that died is "no data", not a series that left the answer.
   */
  seriesSinceMs?: number;
}

const timeoutError = (provider: string, limitMs: number) =>
  new TelemetryError(provider, 'timeout', `no answer from ${provider} within ${formatDuration(limitMs)}`);

/**
 * Run `work` with a signal that aborts after `limitMs` or with `parent` (whose reason, a TelemetryError,
 * is passed on); settles by then even if `work` ignores its signal.
 */
async function withinLimit<T>(
  provider: string,
  limitMs: number,
  parent: AbortSignal,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(timeoutError(provider, limitMs)), limitMs);
  const onParent = () => ac.abort(parent.reason);
  if (parent.aborted) onParent();
  else parent.addEventListener('abort', onParent, { once: true });
  try {
    const aborted = new Promise<never>((_, reject) => {
      const fail = () =>
        reject(ac.signal.reason instanceof Error ? ac.signal.reason : timeoutError(provider, limitMs));
      if (ac.signal.aborted) fail();
      else ac.signal.addEventListener('abort', fail, { once: true });
    });
    const running = work(ac.signal);
    running.catch(() => {}); // it may reject after we have given up on it
    return await Promise.race([running, aborted]);
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParent);
  }
}

/** Evaluate `checks` (results in the same order). Never rejects: failures become `unknown` results. */
export async function evaluateChecks(
  checks: readonly RenderedCheck[],
  providers: ReadonlyMap<string, TelemetryProvider>,
  opts: EvaluateChecksOptions,
): Promise<CheckResult[]> {
  const nowMs = opts.nowMs ?? Date.now();
  // One signal per provider name carries the overall budget (or the caller's cancel) with a message naming it.
  const budgets = new Map<string, AbortController>();
  const budgetFor = (provider: string): AbortSignal => {
    let ac = budgets.get(provider);
    if (!ac) {
      ac = new AbortController();
      budgets.set(provider, ac);
    }
    return ac.signal;
  };
  const stopAll = (reason: (provider: string) => TelemetryError) => {
    for (const [provider, ac] of budgets) ac.abort(reason(provider));
  };
  const budgetTimer = setTimeout(() => stopAll((p) => timeoutError(p, opts.budgetMs)), opts.budgetMs);
  const onCaller = () => stopAll((p) => new TelemetryError(p, 'aborted', `${p}: evaluation cancelled`));
  opts.signal?.addEventListener('abort', onCaller, { once: true });
  const perCheck = Math.min(opts.perCheckMs ?? opts.budgetMs, opts.budgetMs);
  // Checks reading the same window of the same query (e.g. a min and a max on one sensor) share one fetch.
  const fetches = new Map<string, Promise<Series[] | Error>>();

  function fetchWindow(check: RenderedCheck): Promise<Series[] | Error> {
    // A refused check's query holds an alarm value that is unsafe there: it is never sent.
    if (check.refused !== undefined) return Promise.resolve([]);
    const provider = providers.get(check.provider);
    if (!provider) {
      return Promise.resolve(
        new TelemetryError(
          check.provider,
          'not_configured',
          `no telemetry provider named "${check.provider}"`,
        ),
      );
    }
    const window = {
      startMs: nowMs - lookbackMs(check),
      endMs: nowMs,
      ...(check.step !== undefined ? { stepMs: check.step } : {}),
      ...(opts.seriesSinceMs !== undefined ? { seriesSinceMs: opts.seriesSinceMs - lookbackMs(check) } : {}),
    };
    const key = JSON.stringify([check.provider, check.query, window]);
    let f = fetches.get(key);
    if (!f) {
      if (opts.signal?.aborted) {
        return Promise.resolve(
          new TelemetryError(provider.name, 'aborted', `${provider.name}: evaluation cancelled`),
        );
      }
      f = withinLimit(provider.name, perCheck, budgetFor(provider.name), async (signal) => {
        if (opts.sampleFirst && provider.sample) await provider.sample(check.query, signal);
        return provider.queryRange(check.query, window, signal);
      }).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
      fetches.set(key, f);
    }
    return f;
  }

  try {
    return await Promise.all(
      checks.map(async (check) =>
        evaluateCheck(check, await fetchWindow(check), nowMs, { timeZone: opts.timeZone }),
      ),
    );
  } finally {
    clearTimeout(budgetTimer);
    opts.signal?.removeEventListener('abort', onCaller);
  }
}

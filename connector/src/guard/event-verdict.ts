// The verdict for one event: its alarms must all be clear AND every close check must pass over its
// stabilisation window. Stale or missing telemetry is `unknown`, never `pass`.
import type { EventDetail } from '../store/store.js';
import type { TelemetryProvider } from '../telemetry/types.js';
import { combineVerdict, evaluateChecks } from './evaluate-checks.js';
import type { CheckResult, RenderedCheck } from './types.js';

export type Verdict = 'pass' | 'fail' | 'unknown';

export interface EventVerdict {
  verdict: Verdict;
  checks: CheckResult[];
  evaluatedAt: string;
}

/** A synthetic check that fails while any attached alarm is active, naming them. */
export function alarmStateCheck(detail: EventDetail): CheckResult {
  const active = detail.alarms.filter((a) => a.state === 'active');
  const names = active.map(
    (a) =>
      `${a.alarm.asset.equipmentName ?? a.alarm.asset.equipmentId ?? a.alarm.asset.rack ?? a.source} ${a.type}`,
  );
  return {
    name: 'alarms-cleared',
    status: active.length ? 'fail' : 'pass',
    observed: active.length ? `${active.length} active` : 'all clear',
    expected: 'every attached alarm cleared',
    window: '0 s',
    samples: detail.alarms.length,
    message: active.length
      ? `Alarm still active: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`
      : `All ${detail.alarms.length} alarm(s) cleared`,
  };
}

export async function evaluateEvent(
  detail: EventDetail,
  providers: Map<string, TelemetryProvider>,
  opts: { budgetMs: number; nowMs: number },
): Promise<EventVerdict> {
  const checks = detail.event.closeChecks as RenderedCheck[];
  // Every series the checks selected since the event began is judged, also one that stopped reporting.
  const since = Date.parse(detail.event.createdAt);
  const telemetry = checks.length
    ? await evaluateChecks(checks, providers, {
        ...opts,
        ...(Number.isFinite(since) ? { seriesSinceMs: since } : {}),
      })
    : [];
  const results = [alarmStateCheck(detail), ...telemetry];
  return {
    verdict: combineVerdict(results),
    checks: results,
    evaluatedAt: new Date(opts.nowMs).toISOString(),
  };
}

// The verdict for one event: its alarms must all be clear AND every close check must pass over its
// stabilisation window. Stale or missing telemetry is `unknown`, never `pass`.
import type { CheckResult, Verdict } from '../model/verdict.js';
import type { EventRecord } from '../model/event.js';
import type { EventDetail } from '../store/store.js';
import type { TelemetryProvider } from '../telemetry/types.js';
import { combineVerdict, evaluateChecks } from './evaluate-checks.js';

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

/**
 * Every series the checks selected since the event began is judged, also one that stopped reporting:
 * whoever evaluates an event's checks (the guard, the watcher, the console) passes this.
 */
export function seriesSince(event: Pick<EventRecord, 'createdAt'>): { seriesSinceMs?: number } {
  const since = Date.parse(event.createdAt);
  return Number.isFinite(since) ? { seriesSinceMs: since } : {};
}

export async function evaluateEvent(
  detail: EventDetail,
  providers: Map<string, TelemetryProvider>,
  opts: { budgetMs: number; nowMs: number },
): Promise<EventVerdict> {
  const checks = detail.event.closeChecks;
  const telemetry = checks.length
    ? await evaluateChecks(checks, providers, { ...opts, ...seriesSince(detail.event) })
    : [];
  const results = [alarmStateCheck(detail), ...telemetry];
  return {
    verdict: combineVerdict(results),
    checks: results,
    evaluatedAt: new Date(opts.nowMs).toISOString(),
  };
}

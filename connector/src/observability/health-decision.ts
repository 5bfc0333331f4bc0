// Which signals make which state, decided over plain data (the sampling is in health-sample.ts).
//
// Two questions, answered apart because a load balancer must keep sending alarms while the second one
// is bad:
// - **ready**: can the connector accept alarms? The store answers, and nothing that takes alarms in
//   (listeners, mappings, a store that cannot write) reports a problem. Not ready = 503.
// - **degraded**: does what comes after work? ServiceNow answers and lets us in (else deliveries wait in
//   the outbox), every telemetry provider answered its last query (else its close checks say unknown),
//   no new dead letters (writes that will not be retried without a person).
// Each dependency gets a DependencyState (the shape `serve`'s summary and `doctor --json` use) with the
// reason in words and as a bounded code for metrics.
import type { DependencyState } from '../model/dependency.js';
import type { RecentSnapshot, ResponseSample } from './recent-outcomes.js';

/** Why a dependency is not ok, as a metrics label (a fixed set). */
export type HealthReason =
  | 'store_unavailable'
  | 'intake'
  | 'not_configured'
  | 'unreachable'
  | 'auth'
  | 'rate_limited'
  | 'server_errors'
  | 'deliveries_failing'
  | 'provider_unreachable'
  | 'dead_letters'
  | 'unreadable';

export const HEALTH_REASONS: readonly HealthReason[] = [
  'store_unavailable',
  'intake',
  'not_configured',
  'unreachable',
  'auth',
  'rate_limited',
  'server_errors',
  'deliveries_failing',
  'provider_unreachable',
  'dead_letters',
  'unreadable',
];

export interface DependencyStatus extends DependencyState {
  /** Null when ok. */
  reason: HealthReason | null;
}

export interface HealthSignals {
  nowMs: number;
  /** The store's answer to a ping: null when it answered. */
  store: { kind: string; problem: string | null };
  /**
   * What stops alarms being taken in, as the parts that take them in report it: listeners that could
   * not start, a store that refuses writes, … Any problem here makes the connector not ready.
   */
  intake: { sources: readonly string[]; problems: readonly string[] };
  /** Null when no instance is configured. */
  servicenow: { instance: string } | null;
  /** What this process saw lately (responses, delivery attempts, provider answers). */
  recent: RecentSnapshot;
  providers: readonly { name: string; kind: string }[];
  /** Dead letters in all and those made within the dead-letter window; or why they could not be read. */
  deadLetters: { total: number; recent: number } | { problem: string };
}

export interface HealthPolicy {
  /** How far back ServiceNow's answers and delivery attempts count. */
  windowMs: number;
  /** New dead letters within this long make the connector degraded. */
  deadLetterWindowMs: number;
  /** Fewest requests in the window before a share of failures is judged. */
  minRequests: number;
  /** Share of failed requests in the window that makes ServiceNow degraded. */
  failingShare: number;
  /**
   * This many newest requests all working (or a delivery since the last failure) means recovered,
   * whatever the share of failures in the window.
   */
  recoveredAfter: number;
}

export const DEFAULT_HEALTH_POLICY: HealthPolicy = {
  windowMs: 5 * 60_000,
  deadLetterWindowMs: 15 * 60_000,
  minRequests: 4,
  failingShare: 0.5,
  recoveredAfter: 3,
};

export type HealthStatus = 'ready' | 'degraded' | 'not_ready';

export interface HealthReport {
  status: HealthStatus;
  /** Alarms are accepted (status `ready` or `degraded`). */
  ready: boolean;
  /** Why alarms are not accepted; empty when ready. */
  notReady: string[];
  /** Why it is degraded; empty when everything works. */
  degraded: string[];
  dependencies: DependencyStatus[];
}

type Failure = Exclude<HealthReason, 'store_unavailable' | 'intake' | 'not_configured'>;

/**
 * What a status says about the instance. No answer, refused credentials, rate limiting and server
 * errors mean it is not working for us; other 4xx are answers to one request (a deleted incident, a
 * field the instance refuses): the instance works, and those writes show up as dead letters.
 */
export function statusFailure(status: number): Failure | null {
  if (status === 0) return 'unreachable';
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_errors';
  return null;
}

/** "45 s", "3 min", "2 h". */
export function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  if (s < 48 * 3600) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function failureWords(kind: Failure, n: number, statuses: string): string {
  switch (kind) {
    case 'unreachable':
      return `ServiceNow is not reachable: ${n === 1 ? 'the request' : `${n} requests`} got no answer (refused, unreachable or timed out)`;
    case 'auth':
      return `ServiceNow refuses the connector's credentials (${statuses}): check servicenow.auth`;
    case 'rate_limited':
      return `ServiceNow is rate limiting the connector (${statuses})`;
    case 'server_errors':
      return `ServiceNow answers with server errors (${statuses})`;
    default:
      return `ServiceNow is failing (${statuses})`;
  }
}

function statusList(samples: readonly ResponseSample[]): string {
  const by = new Map<number, number>();
  for (const s of samples) by.set(s.status, (by.get(s.status) ?? 0) + 1);
  return [...by.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([status, n]) => `${status === 0 ? 'no answer' : `HTTP ${status}`} ×${n}`)
    .join(', ');
}

/** The most frequent failure among samples (ties: the newest). */
function dominant(samples: readonly ResponseSample[]): Failure {
  const by = new Map<Failure, { n: number; at: number }>();
  for (const s of samples) {
    const f = statusFailure(s.status);
    if (!f) continue;
    const c = by.get(f) ?? { n: 0, at: 0 };
    by.set(f, { n: c.n + 1, at: Math.max(c.at, s.at) });
  }
  return [...by.entries()].sort((a, b) => b[1].n - a[1].n || b[1].at - a[1].at)[0]?.[0] ?? 'server_errors';
}

export function serviceNowState(
  sn: HealthSignals['servicenow'],
  recent: RecentSnapshot,
  nowMs: number,
  p: HealthPolicy,
): DependencyStatus {
  const base = { kind: 'servicenow' as const, name: 'servicenow' };
  if (!sn)
    return {
      ...base,
      health: 'degraded',
      detail: 'not configured',
      reason: 'not_configured',
      problems: [
        'ServiceNow is not configured (servicenow.instance_url): alarms are stored and their incidents queued, nothing is delivered',
      ],
    };
  const window = ago(p.windowMs);
  const inWindow = recent.responses;
  const failing = inWindow.filter((s) => statusFailure(s.status) !== null);
  const working = (s: ResponseSample) => statusFailure(s.status) === null;
  const lastWorking = Math.max(-Infinity, ...recent.lastByStatus.filter(working).map((s) => s.at));
  const lastFailing = recent.lastByStatus
    .filter((s) => !working(s))
    .reduce<ResponseSample | null>((a, s) => (!a || s.at > a.at ? s : a), null);

  const newest = recent.lastByStatus.reduce<ResponseSample | null>(
    (a, s) => (!a || s.at > a.at ? s : a),
    null,
  );
  const detail = [
    sn.instance,
    newest
      ? `last request ${ago(nowMs - newest.at)} ago (${newest.status === 0 ? 'no answer' : `HTTP ${newest.status}`})`
      : 'no request yet',
    `last ${window}: ${plural(inWindow.length, 'request')}${inWindow.length ? `, ${failing.length} failed` : ''}`,
  ].join('; ');

  const problems: string[] = [];
  let reason: HealthReason | null = null;
  // Nothing has worked for a whole window (or ever) and it has failed since.
  const stuck = lastFailing !== null && lastWorking < lastFailing.at && nowMs - lastWorking >= p.windowMs;
  const share = inWindow.length ? failing.length / inWindow.length : 0;
  // Recovered: the newest requests all worked, or a write got through since the last failure.
  const newestN = inWindow.slice(-p.recoveredAfter);
  const recovered =
    (newestN.length === p.recoveredAfter && newestN.every(working)) ||
    (lastFailing !== null && (recent.lastDeliveryOk ?? -Infinity) > lastFailing.at);
  if (stuck || (inWindow.length >= p.minRequests && share >= p.failingShare && !recovered)) {
    const kind = failing.length ? dominant(failing) : statusFailure(lastFailing!.status)!;
    const statuses = failing.length ? statusList(failing) : statusList([lastFailing!]);
    const extent = failing.length
      ? `${Math.round(share * 100)} % of ${plural(inWindow.length, 'request')} in the last ${window} failed`
      : `the last request (${ago(nowMs - lastFailing!.at)} ago) failed and none has worked since`;
    reason = kind;
    problems.push(
      `${failureWords(kind, failing.length || 1, statuses)}; ${extent}. Alarms are stored; deliveries wait in the outbox`,
    );
  }
  // The instance answers, yet no write gets through (an HTML page with 200 from a hibernating instance,
  // every create refused by a field rule, …).
  const d = recent.deliveries;
  const dFailed = d.filter((x) => !x.ok);
  const lastOk = recent.lastDeliveryOk ?? -Infinity;
  const lastBad = recent.lastDeliveryFailure;
  if (!reason && lastBad && dFailed.length && lastOk < lastBad.at && nowMs - lastOk >= p.windowMs) {
    reason = 'deliveries_failing';
    problems.push(
      `no write has reached ServiceNow in the last ${window}: ${plural(dFailed.length, 'delivery attempt')} failed. Alarms are stored; deliveries wait in the outbox`,
    );
  }
  const lastError = lastBad && lastBad.error ? `; last delivery error: ${lastBad.error}` : '';
  return {
    ...base,
    health: reason ? 'degraded' : 'ok',
    detail: reason ? `${detail}${lastError}` : detail,
    reason,
    problems,
  };
}

export function providerStates(
  providers: HealthSignals['providers'],
  recent: RecentSnapshot,
  nowMs: number,
): DependencyStatus[] {
  return [...providers]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => {
      const o = recent.providers.find((x) => x.name === p.name);
      const base = { kind: 'provider' as const, name: p.name };
      if (!o)
        return {
          ...base,
          health: 'ok',
          detail: `${p.kind}: not queried since start`,
          reason: null,
          problems: [],
        };
      if (o.up)
        return {
          ...base,
          health: 'ok',
          detail: `${p.kind}: answered ${ago(nowMs - o.at)} ago`,
          reason: null,
          problems: [],
        };
      return {
        ...base,
        health: 'degraded',
        detail: `${p.kind}: no answer ${ago(nowMs - o.at)} ago, failing for ${ago(nowMs - o.since)}`,
        reason: 'provider_unreachable',
        problems: [
          `telemetry provider ${p.name} did not answer its last query (${ago(nowMs - o.at)} ago): its close checks answer unknown, so closures wait`,
        ],
      };
    });
}

export function deadLetterState(d: HealthSignals['deadLetters'], p: HealthPolicy): DependencyStatus {
  const base = { kind: 'outbox' as const, name: 'dead_letters' };
  if ('problem' in d)
    return {
      ...base,
      health: 'degraded',
      detail: 'dead letters could not be counted',
      reason: 'unreadable',
      problems: [`dead letters could not be counted: ${d.problem}`],
    };
  const window = ago(p.deadLetterWindowMs);
  if (d.recent > 0)
    return {
      ...base,
      health: 'degraded',
      detail: `${plural(d.total, 'dead letter')}, ${d.recent} new in the last ${window}`,
      reason: 'dead_letters',
      problems: [
        `${plural(d.recent, 'write')} became ${d.recent === 1 ? 'a dead letter' : 'dead letters'} in the last ${window} (${d.total} in all): ${d.recent === 1 ? 'it is' : 'they are'} not tried again until someone retries (console: Deliveries)`,
      ],
    };
  return {
    ...base,
    health: 'ok',
    detail: d.total ? `${plural(d.total, 'dead letter')}, none new in the last ${window}` : 'no dead letters',
    reason: null,
    problems: [],
  };
}

export function decideHealth(s: HealthSignals, p: HealthPolicy = DEFAULT_HEALTH_POLICY): HealthReport {
  const store: DependencyStatus = s.store.problem
    ? {
        kind: 'store',
        name: 'store',
        health: 'missing',
        detail: s.store.kind,
        reason: 'store_unavailable',
        problems: [`store unavailable: ${s.store.problem}`],
      }
    : {
        kind: 'store',
        name: 'store',
        health: 'ok',
        detail: `${s.store.kind}: answers`,
        reason: null,
        problems: [],
      };
  const intake: DependencyStatus = {
    kind: 'source',
    name: 'intake',
    health: s.intake.problems.length ? 'missing' : 'ok',
    detail: s.intake.sources.length ? `sources ${s.intake.sources.join(', ')}` : 'no sources configured',
    reason: s.intake.problems.length ? 'intake' : null,
    problems: [...s.intake.problems],
  };
  const dependencies = [
    intake,
    store,
    serviceNowState(s.servicenow, s.recent, s.nowMs, p),
    ...providerStates(s.providers, s.recent, s.nowMs),
    deadLetterState(s.deadLetters, p),
  ];
  const notReady = dependencies.filter((d) => d.health === 'missing').flatMap((d) => d.problems);
  const degraded = dependencies.filter((d) => d.health === 'degraded').flatMap((d) => d.problems);
  return {
    status: notReady.length ? 'not_ready' : degraded.length ? 'degraded' : 'ready',
    ready: notReady.length === 0,
    notReady,
    degraded,
    dependencies,
  };
}

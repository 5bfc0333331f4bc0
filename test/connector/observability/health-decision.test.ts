import { expect } from 'chai';
import {
  DEFAULT_HEALTH_POLICY,
  decideHealth,
  statusFailure,
  type HealthSignals,
} from '../../../connector/src/observability/health-decision.js';
import type { RecentSnapshot, ResponseSample } from '../../../connector/src/observability/recent-outcomes.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0);
const MIN = 60_000;

function recent(over: Partial<RecentSnapshot> = {}): RecentSnapshot {
  return {
    responses: [],
    deliveries: [],
    lastByStatus: [],
    lastDeliveryOk: null,
    lastDeliveryFailure: null,
    providers: [],
    ...over,
  };
}

/** Responses as the recorder keeps them: the window's samples and the newest of each status. */
function responses(list: [minutesAgo: number, status: number][], windowMin = 5): Partial<RecentSnapshot> {
  const samples: ResponseSample[] = list.map(([m, status]) => ({
    at: NOW - m * MIN,
    status,
    operation: 'create incident',
    ms: 3,
  }));
  const last = new Map<number, ResponseSample>();
  for (const s of samples) if ((last.get(s.status)?.at ?? -Infinity) < s.at) last.set(s.status, s);
  return {
    responses: samples.filter((s) => s.at >= NOW - windowMin * MIN).sort((a, b) => a.at - b.at),
    lastByStatus: [...last.values()],
  };
}

function signals(over: Partial<HealthSignals> = {}): HealthSignals {
  return {
    nowMs: NOW,
    store: { kind: 'sqlite', problem: null },
    intake: { sources: ['bms', 'alertmanager'], problems: [] },
    servicenow: { instance: 'https://example.service-now.com' },
    recent: recent(),
    providers: [{ name: 'prometheus', kind: 'prometheus' }],
    deadLetters: { total: 0, recent: 0 },
    ...over,
  };
}

const sn = (s: HealthSignals) => decideHealth(s).dependencies.find((d) => d.kind === 'servicenow')!;

describe('health decision', () => {
  it('is ready when everything answers, with one state per dependency', () => {
    const r = decideHealth(
      signals({
        recent: recent(
          responses([
            [1, 201],
            [0.5, 200],
          ]),
        ),
      }),
    );
    expect(r).to.include({ status: 'ready', ready: true });
    expect(r.notReady).to.deep.equal([]);
    expect(r.degraded).to.deep.equal([]);
    expect(r.dependencies.map((d) => [d.kind, d.name, d.health])).to.deep.equal([
      ['source', 'intake', 'ok'],
      ['store', 'store', 'ok'],
      ['servicenow', 'servicenow', 'ok'],
      ['provider', 'prometheus', 'ok'],
      ['outbox', 'dead_letters', 'ok'],
    ]);
    expect(
      sn(
        signals({
          recent: recent(
            responses([
              [1, 201],
              [0.5, 200],
            ]),
          ),
        }),
      ).detail,
    ).to.match(/last request 30 s ago \(HTTP 200\); last 5 min: 2 requests, 0 failed/);
  });

  it('is not ready when the store does not answer or intake reports a problem; degraded reasons still listed', () => {
    const r = decideHealth(
      signals({
        store: { kind: 'postgres', problem: 'connect ECONNREFUSED' },
        intake: { sources: ['snmp'], problems: ['snmp source "snmp" could not start: port in use'] },
        servicenow: null,
      }),
    );
    expect(r).to.include({ status: 'not_ready', ready: false });
    expect(r.notReady).to.deep.equal([
      'snmp source "snmp" could not start: port in use',
      'store unavailable: connect ECONNREFUSED',
    ]);
    expect(r.degraded).to.have.length(1);
    expect(r.degraded[0]).to.match(/ServiceNow is not configured/);
    expect(r.dependencies.filter((d) => d.reason).map((d) => d.reason)).to.deep.equal([
      'intake',
      'store_unavailable',
      'not_configured',
    ]);
  });

  it('ServiceNow failing at 100 % over the last minutes: degraded, still ready, with the class of failure', () => {
    const all503 = responses([
      [4, 503],
      [3, 503],
      [2, 503],
      [1, 503],
    ]);
    const r = decideHealth(signals({ recent: recent(all503) }));
    expect(r).to.include({ status: 'degraded', ready: true });
    expect(r.degraded).to.deep.equal([
      'ServiceNow answers with server errors (HTTP 503 ×4); 100 % of 4 requests in the last 5 min failed. Alarms are stored; deliveries wait in the outbox',
    ]);
    expect(sn(signals({ recent: recent(all503) })).reason).to.equal('server_errors');

    const refused = sn(
      signals({
        recent: recent(
          responses([
            [2, 0],
            [1, 0],
            [0.5, 0],
            [0.1, 0],
          ]),
        ),
      }),
    );
    expect(refused.reason).to.equal('unreachable');
    expect(refused.problems[0]).to.match(/^ServiceNow is not reachable: 4 requests got no answer/);

    const auth = sn(
      signals({
        recent: recent(
          responses([
            [10, 201],
            [2, 401],
            [1, 401],
            [0.5, 401],
            [0.1, 401],
          ]),
        ),
      }),
    );
    expect(auth.reason).to.equal('auth');
    expect(auth.problems[0]).to.match(/refuses the connector's credentials \(HTTP 401 ×4\)/);
    expect(
      sn(
        signals({
          recent: recent(
            responses([
              [2, 429],
              [1, 429],
              [0.5, 429],
              [0.2, 201],
            ]),
          ),
        }),
      ).reason,
    ).to.equal('rate_limited');
  });

  it('a first failure with no success ever is degraded at once; one failure after recent successes is not', () => {
    expect(sn(signals({ recent: recent(responses([[0.1, 0]])) })).health).to.equal('degraded');
    expect(
      sn(
        signals({
          recent: recent(
            responses([
              [1, 201],
              [0.5, 201],
              [0.1, 503],
            ]),
          ),
        }),
      ).health,
    ).to.equal('ok');
    // A share under half in the window is not degraded either.
    const mixed = responses([
      [4, 201],
      [3, 503],
      [2, 201],
      [1, 201],
      [0.5, 503],
    ]);
    expect(sn(signals({ recent: recent(mixed) })).health).to.equal('ok');
    // Half or more of at least four requests is.
    const half = responses([
      [4, 201],
      [3, 503],
      [2, 201],
      [1, 503],
    ]);
    expect(sn(signals({ recent: recent(half) })).health).to.equal('degraded');
    // Recovered: the newest three all worked, whatever the share in the window.
    const back = responses([
      [4, 503],
      [3, 503],
      [2.5, 503],
      [2, 503],
      [1, 201],
      [0.5, 200],
      [0.2, 201],
    ]);
    expect(sn(signals({ recent: recent(back) })).health).to.equal('ok');
    expect(sn(signals({ recent: recent(back) })).detail).to.match(/last 5 min: 7 requests, 4 failed/);
    // Or a write got through after the last failure.
    const once = responses([
      [4, 503],
      [3, 503],
      [2, 503],
      [1, 200],
      [0.9, 201],
    ]);
    expect(sn(signals({ recent: recent(once) })).health).to.equal('degraded');
    expect(sn(signals({ recent: recent({ ...once, lastDeliveryOk: NOW - 0.9 * MIN }) })).health).to.equal(
      'ok',
    );
  });

  it('nothing has worked for a whole window and the last request failed: degraded even with no request in the window', () => {
    // The outbox backs off for longer than the window: the last answer is 8 min old and was a failure.
    const r = sn(
      signals({
        recent: recent(
          responses([
            [20, 201],
            [8, 503],
          ]),
        ),
      }),
    );
    expect(r.health).to.equal('degraded');
    expect(r.problems[0]).to.match(/the last request \(8 min ago\) failed and none has worked since/);
    // Other 4xx are answers to one request: the instance works.
    expect(
      sn(
        signals({
          recent: recent(
            responses([
              [2, 400],
              [1, 404],
              [0.5, 400],
              [0.1, 400],
            ]),
          ),
        }),
      ).health,
    ).to.equal('ok');
    expect(statusFailure(404)).to.equal(null);
    expect(statusFailure(0)).to.equal('unreachable');
  });

  it('the instance answers but no write gets through for a window: degraded, with the last error in the detail', () => {
    const r = sn(
      signals({
        recent: recent({
          ...responses([
            [3, 200],
            [1, 200],
          ]),
          deliveries: [
            { at: NOW - 3 * MIN, ok: false, error: 'HTTP 200 with a non-JSON body (instance hibernating?)' },
            { at: NOW - MIN, ok: false, error: 'HTTP 200 with a non-JSON body (instance hibernating?)' },
          ],
          lastDeliveryOk: NOW - 30 * MIN,
          lastDeliveryFailure: {
            at: NOW - MIN,
            ok: false,
            error: 'HTTP 200 with a non-JSON body (instance hibernating?)',
          },
        }),
      }),
    );
    expect(r.reason).to.equal('deliveries_failing');
    expect(r.problems[0]).to.match(
      /^no write has reached ServiceNow in the last 5 min: 2 delivery attempts failed/,
    );
    expect(r.detail).to.match(/last delivery error: HTTP 200 with a non-JSON body/);
  });

  it('a provider that did not answer its last query is degraded; one never queried is not', () => {
    const r = decideHealth(
      signals({
        providers: [
          { name: 'prometheus', kind: 'prometheus' },
          { name: 'redfish-cdu', kind: 'redfish' },
          { name: 'mqtt', kind: 'mqtt' },
        ],
        recent: recent({
          providers: [
            { name: 'prometheus', up: false, at: NOW - 2 * MIN, since: NOW - 10 * MIN },
            { name: 'redfish-cdu', up: true, at: NOW - MIN, since: NOW - 60 * MIN },
          ],
        }),
      }),
    );
    expect(r.status).to.equal('degraded');
    const p = Object.fromEntries(r.dependencies.filter((d) => d.kind === 'provider').map((d) => [d.name, d]));
    expect(p['prometheus']).to.include({ health: 'degraded', reason: 'provider_unreachable' });
    expect(p['prometheus']!.problems[0]).to.equal(
      'telemetry provider prometheus did not answer its last query (2 min ago): its close checks answer unknown, so closures wait',
    );
    expect(p['prometheus']!.detail).to.equal('prometheus: no answer 2 min ago, failing for 10 min');
    expect(p['redfish-cdu']).to.include({ health: 'ok', detail: 'redfish: answered 60 s ago' });
    expect(p['mqtt']).to.include({ health: 'ok', detail: 'mqtt: not queried since start' });
  });

  it('dead letters growing make it degraded; old ones alone do not', () => {
    const grow = decideHealth(signals({ deadLetters: { total: 5, recent: 2 } }));
    expect(grow.status).to.equal('degraded');
    expect(grow.degraded).to.deep.equal([
      '2 writes became dead letters in the last 15 min (5 in all): they are not tried again until someone retries (console: Deliveries)',
    ]);
    const old = decideHealth(signals({ deadLetters: { total: 5, recent: 0 } }));
    expect(old.status).to.equal('ready');
    expect(old.dependencies.find((d) => d.kind === 'outbox')!.detail).to.equal(
      '5 dead letters, none new in the last 15 min',
    );
    expect(decideHealth(signals({ deadLetters: { problem: 'database is locked' } })).degraded).to.deep.equal([
      'dead letters could not be counted: database is locked',
    ]);
  });

  it('windows are the policy’s', () => {
    const p = { ...DEFAULT_HEALTH_POLICY, windowMs: 60_000 };
    // With a one-minute window a failure 2 min after the last success is already "nothing worked".
    const s = signals({
      recent: recent(
        responses(
          [
            [3, 201],
            [0.5, 503],
          ],
          1,
        ),
      ),
    });
    expect(decideHealth(s, p).dependencies.find((d) => d.kind === 'servicenow')!.health).to.equal('degraded');
    expect(sn(s).health).to.equal('ok');
  });
});

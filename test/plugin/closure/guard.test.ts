import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';
import {
  FAILING_CHECK,
  PASSING_CHECK,
  UNKNOWN_CHECK,
  fakeEnvironment,
  incident,
  minutesAgo,
  pushedRow,
  verdictBody,
} from '../support/closure-fixtures.js';

const { guard } = loadClosureModules();
const { planResolution, planTelemetryCheck, planFailure, prepareResolution, completeResolution } = guard;

const ok = (body: string) => ({ kind: 'response' as const, statusCode: 200, body });
const timeout = { kind: 'failure' as const, reason: 'timeout' as const, detail: 'Read timed out' };

function guarded(plan: ReturnType<typeof planResolution>) {
  if (plan.kind !== 'guarded') throw new Error(`expected a guarded plan, got ${plan.kind}`);
  return plan;
}

describe('plugin closure/guard', () => {
  describe('planResolution: which updates are checked', () => {
    it('ignores updates that are not a transition into Resolved (e.g. Resolved→Closed)', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK])) });
      expect(planResolution(env, incident({ stateBefore: '6', stateAfter: '7' })).kind).to.equal('ignore');
      expect(planResolution(env, incident({ stateBefore: '2', stateAfter: '3' })).kind).to.equal('ignore');
      expect(env.sent).to.have.length(0);
    });

    it('lets incidents Closeloop does not guard through without a call, clearing a stray override request', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK])) });
      const plan = planResolution(env, incident({ correlationDisplay: 'Other', overrideRequested: true }));
      expect(plan).to.deep.equal({ kind: 'unguarded', consumeOverride: true, warnings: [] });
      expect(env.sent).to.have.length(0);
    });

    it('guards by CI class when configured, looking the class up only then', () => {
      const env = fakeEnvironment({
        properties: { 'x_closeloop.guard.ci_classes': 'cmdb_ci_ups, cmdb_ci_computer_room_ac' },
        ciClass: 'cmdb_ci_computer_room_ac',
        reply: ok(verdictBody('pass', [PASSING_CHECK])),
      });
      const plan = planResolution(env, incident({ correlationDisplay: '', cmdbCi: 'ci-1' }));
      expect(plan.kind).to.equal('guarded');
      expect(env.ciLookups).to.deep.equal(['ci-1']);
    });

    it('does not look up the CI class when correlation_display already decides', () => {
      const env = fakeEnvironment({
        properties: { 'x_closeloop.guard.ci_classes': 'cmdb_ci_ups' },
        reply: ok(verdictBody('pass', [])),
      });
      planResolution(env, incident({ cmdbCi: 'ci-1' }));
      expect(env.ciLookups).to.deep.equal([]);
    });

    it('survives a CI lookup that throws (warns, treats as not guarded by class)', () => {
      const env = fakeEnvironment({ properties: { 'x_closeloop.guard.ci_classes': 'cmdb_ci_ups' } });
      env.lookupCiClass = () => {
        throw new Error('boom');
      };
      const plan = planResolution(env, incident({ correlationDisplay: '', cmdbCi: 'ci-1' }));
      expect(plan.kind).to.equal('unguarded');
      expect(plan.warnings.join()).to.contain('boom');
    });
  });

  describe('planResolution: verdict sources', () => {
    it('live fail → blocked, audit row records verdict, checks JSON, user and time', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK, PASSING_CHECK])) });
      const plan = guarded(planResolution(env, incident()));
      expect(plan.decision).to.include({ outcome: 'blocked', abort: true, source: 'live' });
      expect(plan.audit).to.include({
        incidentSysId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        outcome: 'blocked',
        resolutionBlocked: true,
        verdict: 'fail',
        source: 'live',
        userId: 'user-42',
        checkedAt: '2025-06-01 12:00:00',
        justification: '',
      });
      expect(JSON.parse(plan.audit.checksJson)).to.deep.equal([FAILING_CHECK, PASSING_CHECK]);
      expect(plan.audit.message).to.contain(FAILING_CHECK.message).and.to.contain('See why: https://');
      expect(env.pushedLookups).to.deep.equal([]);
    });

    it('live pass → allowed', () => {
      const plan = guarded(planResolution(fakeEnvironment({ reply: ok(verdictBody('pass', [PASSING_CHECK])) }), incident()));
      expect(plan.decision).to.include({ outcome: 'allowed', abort: false });
      expect(plan.audit).to.include({ outcome: 'allowed', resolutionBlocked: false });
    });

    it('live not_applicable → allowed', () => {
      const plan = guarded(planResolution(fakeEnvironment({ reply: ok(verdictBody('not_applicable')) }), incident()));
      expect(plan.decision).to.include({ outcome: 'allowed', verdict: 'not_applicable' });
    });

    for (const [failMode, outcome, abort] of [
      ['block', 'blocked', true],
      ['allow', 'allowed', false],
    ] as const) {
      it(`live unknown under fail mode ${failMode} → ${outcome}`, () => {
        const env = fakeEnvironment({
          properties: { 'x_closeloop.guard.fail_mode': failMode },
          reply: ok(verdictBody('unknown', [UNKNOWN_CHECK])),
        });
        expect(guarded(planResolution(env, incident())).decision).to.include({ outcome, abort });
      });
    }

    it('connector down + fresh pushed verdict → the pushed verdict decides', () => {
      const env = fakeEnvironment({ pushed: pushedRow('fail', [FAILING_CHECK], minutesAgo(4)) });
      const plan = guarded(planResolution(env, incident()));
      expect(plan.decision).to.include({ outcome: 'blocked', source: 'pushed', verdict: 'fail' });
      expect(plan.audit.detail).to.contain('connector could not be reached (Connection refused)');
      expect(env.pushedLookups).to.deep.equal(['dc1/hall-a/crah-3/supply-temp']);
    });

    it('connector down + fresh pushed pass → allowed on the pushed verdict', () => {
      const env = fakeEnvironment({ pushed: pushedRow('pass', [PASSING_CHECK], minutesAgo(1)) });
      expect(guarded(planResolution(env, incident())).decision).to.include({ outcome: 'allowed', source: 'pushed' });
    });

    it('connector down + stale pushed verdict → no verdict → fail mode block', () => {
      const env = fakeEnvironment({ pushed: pushedRow('pass', [PASSING_CHECK], minutesAgo(42)) });
      const plan = guarded(planResolution(env, incident()));
      expect(plan.decision).to.include({ outcome: 'unavailable', abort: true, source: 'none' });
      expect(plan.audit.detail).to.contain('stale (42 min old, maximum 15 min)');
    });

    it('connector down + stale pushed verdict under fail mode allow → unavailable, let through', () => {
      const env = fakeEnvironment({
        properties: { 'x_closeloop.guard.fail_mode': 'allow' },
        pushed: pushedRow('fail', [FAILING_CHECK], minutesAgo(42)),
      });
      expect(guarded(planResolution(env, incident())).decision).to.include({ outcome: 'unavailable', abort: false });
    });

    it('connector down + no pushed verdict → fail mode', () => {
      const plan = guarded(planResolution(fakeEnvironment(), incident()));
      expect(plan.decision).to.include({ outcome: 'unavailable', abort: true });
      expect(plan.decision.detail).to.contain('no pushed verdict for this incident');
    });

    it('timeout → falls back to the pushed verdict', () => {
      const env = fakeEnvironment({ reply: timeout, pushed: pushedRow('pass', [PASSING_CHECK], minutesAgo(2)) });
      const plan = guarded(planResolution(env, incident()));
      expect(plan.decision).to.include({ outcome: 'allowed', source: 'pushed' });
      expect(plan.audit.detail).to.contain('did not answer in time');
    });

    it('malformed connector response → never trusted, falls back', () => {
      const env = fakeEnvironment({
        reply: ok('{"verdict":"pass","checks":"all good"}'),
        pushed: pushedRow('fail', [FAILING_CHECK], minutesAgo(2)),
      });
      const plan = guarded(planResolution(env, incident()));
      expect(plan.decision).to.include({ outcome: 'blocked', source: 'pushed' });
      expect(plan.audit.detail).to.contain('malformed connector response: checks must be an array');
    });

    it('HTTP error from the connector → falls back', () => {
      const env = fakeEnvironment({ reply: { kind: 'response', statusCode: 401, body: '{"error":"bad api key"}' } });
      expect(guarded(planResolution(env, incident())).decision.detail).to.contain('connector answered HTTP 401');
    });

    it('an adapter that throws is treated as the connector being down', () => {
      const env = fakeEnvironment({
        reply: () => {
          throw new Error('java.lang.NullPointerException');
        },
      });
      expect(guarded(planResolution(env, incident())).decision.detail).to.contain('NullPointerException');
    });

    it('no correlation_id → no pushed lookup (an empty key is never queried)', () => {
      const env = fakeEnvironment({ properties: { 'x_closeloop.guard.ci_classes': 'cmdb_ci_ups' }, ciClass: 'cmdb_ci_ups' });
      const plan = guarded(planResolution(env, incident({ correlationId: '', correlationDisplay: '', cmdbCi: 'ci-9' })));
      expect(env.pushedLookups).to.deep.equal([]);
      expect(plan.decision.detail).to.contain('no correlation_id');
    });

    it('connector URL not configured → no call, pushed verdict and fail mode decide', () => {
      const env = fakeEnvironment({ properties: { 'x_closeloop.connector.url': '' } });
      const plan = guarded(planResolution(env, incident()));
      expect(env.sent).to.have.length(0);
      expect(plan.decision.detail).to.contain('connector URL is not configured');
    });

    it('the ATF stub property answers without any call', () => {
      const env = fakeEnvironment({
        properties: { 'x_closeloop.connector.stub_response': verdictBody('fail', [FAILING_CHECK]) },
      });
      const plan = guarded(planResolution(env, incident()));
      expect(env.sent).to.have.length(0);
      expect(plan.decision).to.include({ outcome: 'blocked', source: 'stub' });
    });
  });

  describe('planResolution: transport', () => {
    it('direct: POST <connector>/v1/closure-checks with X-API-Key, body and timeout from the properties', () => {
      const env = fakeEnvironment({
        properties: { 'x_closeloop.connector.timeout_seconds': '5' },
        reply: ok(verdictBody('pass')),
      });
      planResolution(env, incident({ cmdbCi: 'ci-7' }));
      expect(env.sent).to.have.length(1);
      const request = env.sent[0]!;
      expect(request.url).to.equal('https://closeloop.dc1.example.com:8080/v1/closure-checks');
      expect(request.headers['X-API-Key']).to.equal('secret-key-123');
      expect(JSON.parse(request.body)).to.deep.equal({
        incident: {
          sys_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
          number: 'INC0010042',
          correlation_id: 'dc1/hall-a/crah-3/supply-temp',
          cmdb_ci: 'ci-7',
        },
      });
      expect(request.transport).to.deep.equal({ kind: 'direct', timeoutMs: 5000 });
    });

    it('MID path: through the named MID Server, waiting the timeout in seconds', () => {
      const env = fakeEnvironment({
        properties: { 'x_closeloop.connector.mid_server': 'mid-dc1', 'x_closeloop.connector.timeout_seconds': '12' },
        reply: ok(verdictBody('pass')),
      });
      planResolution(env, incident());
      expect(env.sent[0]?.transport).to.deep.equal({ kind: 'mid', midServer: 'mid-dc1', waitSeconds: 12 });
    });
  });

  describe('planResolution: override', () => {
    it('records the justification on an overridden resolution', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK])), roles: ['x_closeloop.closure_override'] });
      const plan = guarded(
        planResolution(env, incident({ overrideRequested: true, justification: '  Sensor B faulty, floor is dry  ' })),
      );
      expect(plan.decision).to.include({ outcome: 'overridden', abort: false, consumeOverride: true });
      expect(plan.audit).to.include({ outcome: 'overridden', justification: 'Sensor B faulty, floor is dry' });
    });

    it('does not ask for the role when no override was requested', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK])) });
      let asked = false;
      env.hasRole = () => {
        asked = true;
        return true;
      };
      expect(guarded(planResolution(env, incident())).decision.outcome).to.equal('blocked');
      expect(asked).to.equal(false);
    });
  });

  describe('planResolution: settings and audit limits', () => {
    it('reports bad property values as warnings and falls back to block', () => {
      const env = fakeEnvironment({ properties: { 'x_closeloop.guard.fail_mode': 'maybe' } });
      const plan = guarded(planResolution(env, incident()));
      expect(plan.warnings.join()).to.contain('must be "block" or "allow"');
      expect(plan.decision.abort).to.equal(true);
    });

    it('keeps the checks column valid JSON within its size by dropping checks', () => {
      const many = Array.from({ length: 150 }, (_, i) => ({ ...FAILING_CHECK, name: `check_${i}`, message: 'x'.repeat(80) }));
      const plan = guarded(planResolution(fakeEnvironment({ reply: ok(verdictBody('fail', many)) }), incident()));
      expect(plan.audit.checksJson.length).to.be.at.most(guard.MAX_CHECKS_JSON);
      expect(JSON.parse(plan.audit.checksJson)).to.be.an('array').with.length.greaterThan(0);
      expect(plan.audit.detail).to.match(/\d+ checks omitted/);
    });
  });

  describe('planTelemetryCheck', () => {
    it('shows the verdict with every check, calling the connector', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK, PASSING_CHECK])) });
      const { message } = planTelemetryCheck(env, incident({ stateAfter: '2' }));
      expect(message.items).to.have.length(2);
      expect(env.sent).to.have.length(1);
    });

    it('says when the incident is not guarded', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('not_applicable')) });
      const { message } = planTelemetryCheck(env, incident({ correlationDisplay: 'Manual' }));
      expect(message.footer.join(' ')).to.contain('not guarded');
    });
  });

  describe('planFailure', () => {
    it('blocks under block, allows under allow, always with the error text', () => {
      expect(planFailure('block', incident(), 'TypeError: x')).to.include({ outcome: 'unavailable', abort: true });
      const allowed = planFailure('allow', incident({ overrideRequested: true }), 'TypeError: x');
      expect(allowed).to.include({ abort: false, consumeOverride: true });
      expect(allowed.message?.items).to.deep.equal(['TypeError: x']);
    });
  });

  describe('prepareResolution + completeResolution (hosts that cannot block on HTTP)', () => {
    it('phase 1 says what to send; phase 2 with the reply decides exactly like planResolution', async () => {
      const reply = ok(verdictBody('fail', [FAILING_CHECK]));
      const env = fakeEnvironment({ reply });
      const prepared = prepareResolution(env, incident());
      if (prepared.kind !== 'guarded') throw new Error(prepared.kind);
      expect(prepared.request?.url).to.equal('https://closeloop.dc1.example.com:8080/v1/closure-checks');
      expect(env.sent).to.have.length(0);
      // The host sends it however it likes, e.g. asynchronously.
      const asyncReply = await Promise.resolve(reply);
      const plan = completeResolution(env, incident(), prepared, asyncReply);
      expect(plan).to.deep.equal(planResolution(fakeEnvironment({ reply }), incident()));
    });

    it('nothing to send for the ATF stub or an unconfigured connector', () => {
      const stubbed = prepareResolution(
        fakeEnvironment({ properties: { 'x_closeloop.connector.stub_response': verdictBody('pass') } }),
        incident(),
      );
      expect(stubbed.kind === 'guarded' && stubbed.request).to.equal(null);
      const unconfigured = prepareResolution(fakeEnvironment({ properties: { 'x_closeloop.connector.url': '' } }), incident());
      if (unconfigured.kind !== 'guarded') throw new Error(unconfigured.kind);
      expect(unconfigured.request).to.equal(null);
      const plan = completeResolution(fakeEnvironment(), incident(), unconfigured, null);
      expect(plan.kind === 'guarded' && plan.decision.detail).to.contain('connector URL is not configured');
    });

    it('phase 1 passes through ignored and unguarded updates', () => {
      expect(prepareResolution(fakeEnvironment(), incident({ stateBefore: '6', stateAfter: '7' })).kind).to.equal('ignore');
      expect(prepareResolution(fakeEnvironment(), incident({ correlationDisplay: 'x' })).kind).to.equal('unguarded');
    });
  });
});

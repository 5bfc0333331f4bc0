import { expect } from 'chai';
import { loadClosureModules, type BeforePlan } from '../support/plugin-modules.js';
import {
  CORRELATION_ID,
  FAILING_CHECK,
  INCIDENT_SYS_ID,
  NOW_MS,
  PASSING_CHECK,
  TABLE_ROWS,
  UNKNOWN_CHECK,
  fakeEnvironment,
  minutesAgo,
  pushedRow,
  row,
  snapshot,
  update,
  verdictBody,
} from '../support/closure-fixtures.js';

const { guard } = loadClosureModules();
const { planBeforeUpdate, planAfterUpdate, planTelemetryCheck, planFormStatus, planFailure, pendingKey } = guard;

const ok = (body: string) => ({ kind: 'response' as const, statusCode: 200, body });
const timeout = { kind: 'failure' as const, reason: 'timeout' as const, detail: 'Read timed out' };

function decided(plan: BeforePlan) {
  if (plan.kind !== 'decided') throw new Error(`expected a decision, got ${plan.kind}`);
  return plan;
}
/** The audit row of a plan: written now (refusal) or handed to the after rule. */
const auditOf = (plan: BeforePlan) => {
  const d = decided(plan);
  const entry = d.auditNow ?? d.pending?.audit;
  if (!entry) throw new Error('no audit entry');
  return entry;
};

describe('plugin closure/guard', () => {
  describe('planBeforeUpdate: which updates are checked', () => {
    it('checks open→Resolved and open→Closed, but not Resolved→Closed (the autoclose job)', () => {
      const reply = ok(verdictBody('fail', [FAILING_CHECK]));
      expect(decided(planBeforeUpdate(fakeEnvironment({ reply }), update({ state: '6' }))).decision.outcome).to.equal('blocked');
      expect(decided(planBeforeUpdate(fakeEnvironment({ reply }), update({ state: '7' }))).decision.outcome).to.equal('blocked');
      const env = fakeEnvironment({ reply });
      expect(planBeforeUpdate(env, update({ state: '7' }, { state: '6' })).kind).to.equal('ignore');
      expect(planBeforeUpdate(env, update({ state: '3' }, { state: '2' })).kind).to.equal('ignore');
      expect(env.sent).to.have.length(0);
    });

    it('ignores tables that are not configured, or whose row is inactive, without a call', () => {
      const env = fakeEnvironment({ tables: { ...TABLE_ROWS, incident: row('incident', '6,7', '8', { active: 'false' }) } });
      expect(planBeforeUpdate(env, update()).kind).to.equal('ignore');
      expect(planBeforeUpdate(env, update({ table: 'problem', state: '3' }, { table: 'problem' })).kind).to.equal('ignore');
      expect(env.sent).to.have.length(0);
    });

    it('an unusable configuration row is a guard failure (fail mode decides), never "not guarded"', () => {
      const env = fakeEnvironment({ tables: { incident: row('incident', '6,7', '6') } });
      expect(() => planBeforeUpdate(env, update())).to.throw(/both a closing and a cancel state/);
    });

    it('lets records Closeloop does not guard through without a call', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK])) });
      const plan = planBeforeUpdate(env, update({ correlationDisplay: 'Other' }, { correlationDisplay: 'Other' }));
      expect(plan.kind).to.equal('ignore');
      expect(env.sent).to.have.length(0);
    });

    it('clearing correlation_display in the same update that resolves does not switch the guard off', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('pass', [PASSING_CHECK])), roles: ['itil'] });
      const plan = decided(planBeforeUpdate(env, update({ correlationDisplay: '' })));
      expect(plan.decision).to.include({ outcome: 'blocked', abort: true });
      expect(plan.auditNow).to.include({ outcome: 'blocked', correlationId: CORRELATION_ID });
      expect(plan.auditNow?.detail).to.contain('correlation_display changed in the same update');
      // The connector may: then the stored values decide whether it is guarded.
      const connector = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK])), roles: ['x_closeloop.connector'] });
      expect(decided(planBeforeUpdate(connector, update({ correlationDisplay: '' }))).decision.outcome).to.equal('blocked');
    });

    it('asks about the stored correlation_id when the same update points it at another event', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('pass')), roles: ['x_closeloop.connector'] });
      planBeforeUpdate(env, update({ correlationId: 'dc1/other/event' }));
      const body = JSON.parse(env.sent[0]?.body ?? '{}');
      expect(body.record.correlation_id).to.equal(CORRELATION_ID);
    });

    it('guards by CI class when configured, looking the class up only then', () => {
      const env = fakeEnvironment({
        properties: { 'x_closeloop.guard.ci_classes': 'cmdb_ci_ups, cmdb_ci_computer_room_ac' },
        ciClass: 'cmdb_ci_computer_room_ac',
        reply: ok(verdictBody('pass', [PASSING_CHECK])),
      });
      const plan = planBeforeUpdate(env, update({ correlationDisplay: '', cmdbCi: 'ci-1' }, { correlationDisplay: '', cmdbCi: 'ci-1' }));
      expect(plan.kind).to.equal('decided');
      expect(env.ciLookups).to.deep.equal(['ci-1']);
    });

    it('a change closed "successful" is checked; closed "unsuccessful" is not', () => {
      const change = (closeCode: string) =>
        update({ table: 'change_request', number: 'CHG0040021', state: '3', closeCode }, { table: 'change_request', state: '-1' });
      const env = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK])) });
      const plan = decided(planBeforeUpdate(env, change('successful')));
      expect(plan.decision.outcome).to.equal('blocked');
      expect(plan.decision.message?.title).to.contain('CHG0040021 cannot be closed yet');
      expect(planBeforeUpdate(env, change('unsuccessful')).kind).to.equal('ignore');
    });
  });

  describe('planBeforeUpdate: records guarded through another record', () => {
    const incidentRow = snapshot({ sysId: INCIDENT_SYS_ID });
    const orderId = 'b'.repeat(32);
    const order = snapshot({ table: 'wm_order', sysId: orderId, number: 'WO0010001', correlationId: '', correlationDisplay: '', via: INCIDENT_SYS_ID });

    it('a work order initiated from a guarded incident is checked with the incident\'s correlation', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK])), records: { [INCIDENT_SYS_ID]: incidentRow } });
      const plan = decided(planBeforeUpdate(env, { previous: order, current: { ...order, state: '3' } }));
      expect(plan.decision).to.include({ outcome: 'blocked', abort: true });
      expect(plan.auditNow).to.include({ table: 'wm_order', recordSysId: orderId, correlationId: CORRELATION_ID, toState: '3' });
      expect(plan.auditNow?.detail).to.contain('wm_order WO0010001 via initiated_from: incident INC0010042 correlation_display is Closeloop');
      const body = JSON.parse(env.sent[0]?.body ?? '{}');
      expect(body.record).to.include({ table: 'wm_order', sys_id: orderId });
      expect(body.guarded_by).to.include({ table: 'incident', sys_id: INCIDENT_SYS_ID, correlation_id: CORRELATION_ID });
    });

    it('a work order task is guarded through its work order and so the incident (two hops)', () => {
      const taskId = 'c'.repeat(32);
      const task = snapshot({ table: 'wm_task', sysId: taskId, number: 'WOT0010001', correlationId: '', correlationDisplay: '', via: orderId });
      const env = fakeEnvironment({
        reply: ok(verdictBody('fail', [FAILING_CHECK])),
        records: { [INCIDENT_SYS_ID]: incidentRow, [orderId]: order },
      });
      const plan = decided(planBeforeUpdate(env, { previous: task, current: { ...task, state: '3' } }));
      expect(plan.auditNow?.correlationId).to.equal(CORRELATION_ID);
      expect(env.loads).to.deep.equal([orderId, INCIDENT_SYS_ID]);
    });

    it('an order initiated from an unguarded incident, or from nothing, is not checked', () => {
      const env = fakeEnvironment({ records: { [INCIDENT_SYS_ID]: snapshot({ correlationDisplay: 'Manual' }) } });
      expect(planBeforeUpdate(env, { previous: order, current: { ...order, state: '3' } }).kind).to.equal('ignore');
      const orphan = { ...order, via: '' };
      expect(planBeforeUpdate(env, { previous: orphan, current: { ...orphan, state: '3' } }).kind).to.equal('ignore');
    });

    it('stops at a reference loop', () => {
      const a = 'd'.repeat(32);
      const b = 'e'.repeat(32);
      const env = fakeEnvironment({
        records: {
          [a]: snapshot({ table: 'wm_task', sysId: a, correlationDisplay: '', via: b }),
          [b]: snapshot({ table: 'wm_task', sysId: b, correlationDisplay: '', via: a }),
        },
      });
      const start = snapshot({ table: 'wm_task', sysId: 'f'.repeat(32), correlationDisplay: '', via: a });
      expect(planBeforeUpdate(env, { previous: start, current: { ...start, state: '3' } }).kind).to.equal('ignore');
      expect(env.loads.length).to.be.at.most(3);
    });
  });

  describe('planBeforeUpdate: verdict sources', () => {
    it('live fail → blocked, audited at once (the update will not happen)', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK, PASSING_CHECK])) });
      const plan = decided(planBeforeUpdate(env, update()));
      expect(plan.decision).to.include({ outcome: 'blocked', abort: true, source: 'live' });
      expect(plan.pending).to.equal(null);
      expect(plan.auditNow).to.include({
        table: 'incident',
        recordSysId: INCIDENT_SYS_ID,
        number: 'INC0010042',
        assignmentGroup: 'group-cooling',
        fromState: '2',
        toState: '6',
        outcome: 'blocked',
        resolutionBlocked: true,
        verdict: 'fail',
        source: 'live',
        userId: 'user-42',
        checkedAt: '2025-06-01 12:00:00',
        justification: '',
      });
      expect(JSON.parse(plan.auditNow?.checksJson ?? '')).to.deep.equal([FAILING_CHECK, PASSING_CHECK]);
      expect(plan.auditNow?.message).to.contain(FAILING_CHECK.message).and.to.contain('See why: https://');
      expect(env.pushedLookups).to.deep.equal([]);
    });

    it('live pass → allowed, and the audit row is handed to the after rule (not written now)', () => {
      const plan = decided(planBeforeUpdate(fakeEnvironment({ reply: ok(verdictBody('pass', [PASSING_CHECK])) }), update()));
      expect(plan.decision).to.include({ outcome: 'allowed', abort: false });
      expect(plan.auditNow).to.equal(null);
      expect(plan.pending?.audit).to.include({ outcome: 'allowed', resolutionBlocked: false });
      expect(plan.pendingKey).to.equal(`x_closeloop.pending.incident.${INCIDENT_SYS_ID}`);
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
        expect(decided(planBeforeUpdate(env, update())).decision).to.include({ outcome, abort });
      });
    }

    it('a guarded table may set its own fail mode', () => {
      const env = fakeEnvironment({ tables: { incident: row('incident', '6,7', '8', { failMode: 'allow' }) } });
      expect(decided(planBeforeUpdate(env, update())).decision).to.include({ outcome: 'unavailable', abort: false });
    });

    it('connector down + fresh pushed verdict → the pushed verdict decides', () => {
      const env = fakeEnvironment({ pushed: pushedRow('fail', [FAILING_CHECK], minutesAgo(4)) });
      const plan = decided(planBeforeUpdate(env, update()));
      expect(plan.decision).to.include({ outcome: 'blocked', source: 'pushed', verdict: 'fail' });
      expect(plan.auditNow?.detail).to.contain('connector could not be reached (Connection refused)');
      expect(env.pushedLookups).to.deep.equal([CORRELATION_ID]);
    });

    it('connector down + stale pushed verdict → no verdict → fail mode block', () => {
      const env = fakeEnvironment({ pushed: pushedRow('pass', [PASSING_CHECK], minutesAgo(42)) });
      const plan = decided(planBeforeUpdate(env, update()));
      expect(plan.decision).to.include({ outcome: 'unavailable', abort: true, source: 'none' });
      expect(plan.auditNow?.detail).to.contain('stale (42 min old, maximum 15 min)');
    });

    it('timeout, malformed answers and HTTP errors fall back to the pushed verdict', () => {
      const pushed = pushedRow('pass', [PASSING_CHECK], minutesAgo(2));
      for (const [reply, why] of [
        [timeout, 'did not answer in time'],
        [ok('{"verdict":"pass","checks":"all good"}'), 'malformed connector response: checks must be an array'],
        [{ kind: 'response' as const, statusCode: 401, body: '{"error":"bad api key"}' }, 'connector answered HTTP 401'],
      ] as const) {
        const plan = decided(planBeforeUpdate(fakeEnvironment({ reply, pushed }), update()));
        expect(plan.decision, why).to.include({ outcome: 'allowed', source: 'pushed' });
        expect(plan.pending?.audit.detail, why).to.contain(why);
      }
    });

    it('an adapter that throws is treated as the connector being down', () => {
      const env = fakeEnvironment({
        reply: () => {
          throw new Error('java.lang.NullPointerException');
        },
      });
      expect(decided(planBeforeUpdate(env, update())).decision.detail).to.contain('NullPointerException');
    });

    it('connector not configured → no call; plain http → no call, with the reason', () => {
      const none = fakeEnvironment({ endpoint: null });
      expect(decided(planBeforeUpdate(none, update())).decision.detail).to.contain('connector URL is not configured');
      expect(none.sent).to.have.length(0);
      const http = fakeEnvironment({ endpoint: { url: 'http://closeloop:8080', apiKey: 'k', midServer: '', origin: 'properties' } });
      const plan = decided(planBeforeUpdate(http, update()));
      expect(http.sent).to.have.length(0);
      expect(plan.warnings.join()).to.contain('plain http');
    });
  });

  describe('planBeforeUpdate: the connector\'s own resolve (item 3)', () => {
    it('the connector role with a fresh pushed pass resolves on it, without a live call', () => {
      const env = fakeEnvironment({
        roles: ['x_closeloop.connector'],
        pushed: pushedRow('pass', [PASSING_CHECK], minutesAgo(0.1)),
        // A live answer would be "unknown" (the evaluation budget ran out): it must not be asked.
        reply: ok(verdictBody('unknown', [UNKNOWN_CHECK])),
        interactive: false,
      });
      const plan = decided(planBeforeUpdate(env, update()));
      expect(plan.decision).to.include({ outcome: 'allowed', source: 'pushed', verdict: 'pass' });
      expect(env.sent).to.have.length(0);
      expect(plan.pending?.audit.detail).to.contain('the connector resolves on the pass it pushed');
    });

    it('not for a pushed fail or a stale pass, and not for anyone else', () => {
      const live = ok(verdictBody('fail', [FAILING_CHECK]));
      for (const [roles, pushed] of [
        [['x_closeloop.connector'], pushedRow('fail', [FAILING_CHECK], minutesAgo(0.1))],
        [['x_closeloop.connector'], pushedRow('pass', [PASSING_CHECK], minutesAgo(30))],
        [['itil'], pushedRow('pass', [PASSING_CHECK], minutesAgo(0.1))],
        // Admins pass every hasRole check: an admin is not taken for the connector.
        [['admin'], pushedRow('pass', [PASSING_CHECK], minutesAgo(0.1))],
      ] as const) {
        const env = fakeEnvironment({ roles: [...roles], pushed, reply: live });
        const plan = decided(planBeforeUpdate(env, update()));
        expect(env.sent, JSON.stringify(roles)).to.have.length(1);
        expect(plan.decision.source).to.equal('live');
      }
    });
  });

  describe('planBeforeUpdate: a slow or dead connector does not hold the instance (item 4)', () => {
    it('opens the circuit after N failures in a row; then no call is made while it is open', () => {
      const env = fakeEnvironment({ properties: { 'x_closeloop.connector.breaker_failures': '2' }, reply: timeout });
      planBeforeUpdate(env, update());
      expect(env.breakerWrites.at(-1)).to.include({ failures: 1, openUntilMs: 0 });
      planBeforeUpdate(env, update());
      expect(env.breakerWrites.at(-1)).to.include({ failures: 2, openUntilMs: NOW_MS + 60_000 });
      env.session.clear();
      const plan = decided(planBeforeUpdate(env, update()));
      expect(env.sent).to.have.length(2);
      expect(plan.decision.detail).to.contain('connector calls paused for 1 min after 2 failed calls in a row');
    });

    it('a success closes the circuit again', () => {
      const env = fakeEnvironment({ breaker: { failures: 2, openUntilMs: 0, lastError: 'timeout' }, reply: ok(verdictBody('pass')) });
      planBeforeUpdate(env, update());
      expect(env.breakerWrites).to.deep.equal([{ failures: 0, openUntilMs: 0, lastError: '' }]);
    });

    it('one transaction makes at most max_live_calls_per_transaction calls', () => {
      const env = fakeEnvironment({ reply: timeout, properties: { 'x_closeloop.connector.breaker_failures': '0' } });
      const outcomes = Array.from({ length: 5 }, () => decided(planBeforeUpdate(env, update())).decision.detail);
      expect(env.sent).to.have.length(3);
      expect(outcomes[3]).to.contain('this transaction already made 3 live calls');
    });

    it('non-interactive updates (REST, imports, flows) use a fresh pushed verdict without calling', () => {
      const env = fakeEnvironment({ interactive: false, pushed: pushedRow('fail', [FAILING_CHECK], minutesAgo(3)), reply: ok(verdictBody('pass')) });
      const plan = decided(planBeforeUpdate(env, update()));
      expect(env.sent).to.have.length(0);
      expect(plan.decision).to.include({ outcome: 'blocked', source: 'pushed' });
      // Without a fresh pushed verdict they still ask the connector.
      const fresh = fakeEnvironment({ interactive: false, reply: ok(verdictBody('pass')) });
      expect(decided(planBeforeUpdate(fresh, update())).decision.source).to.equal('live');
    });
  });

  describe('planBeforeUpdate: override', () => {
    const request = { sysId: 'req-1', justification: '  Sensor B faulty, floor is dry  ', requestedAtMs: NOW_MS - 30_000 };

    it('the override role with a fresh request → overridden, with a work note and the request to mark used', () => {
      const env = fakeEnvironment({
        reply: ok(verdictBody('fail', [FAILING_CHECK])),
        roles: ['x_closeloop.closure_override'],
        overrideRequest: request,
      });
      const plan = decided(planBeforeUpdate(env, update()));
      expect(plan.decision).to.include({ outcome: 'overridden', abort: false });
      expect(plan.pending).to.include({ overrideRequestId: 'req-1', override: true });
      expect(plan.pending?.audit).to.include({ outcome: 'overridden', justification: 'Sensor B faulty, floor is dry' });
      expect(plan.workNote).to.contain('resolved despite telemetry').and.contain('Sensor B faulty').and.contain(FAILING_CHECK.message);
    });

    it('a request without the role is refused', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK])), roles: ['itil'], overrideRequest: request });
      const plan = decided(planBeforeUpdate(env, update()));
      expect(plan.decision).to.include({ outcome: 'blocked', abort: true });
      expect(plan.decision.message?.footer.join(' ')).to.contain('requires the x_closeloop.closure_override role');
    });
  });

  describe('planBeforeUpdate: canceling', () => {
    it('is audited (after the save), not checked, by default', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK])) });
      const plan = decided(planBeforeUpdate(env, update({ state: '8' })));
      expect(plan.decision).to.include({ outcome: 'canceled', abort: false });
      expect(plan.pending?.audit).to.include({ outcome: 'canceled', toState: '8' });
      expect(env.sent).to.have.length(0);
    });

    it('is checked like a resolution with x_closeloop.guard.cancel true', () => {
      const env = fakeEnvironment({ properties: { 'x_closeloop.guard.cancel': 'true' }, reply: ok(verdictBody('fail', [FAILING_CHECK])) });
      const plan = decided(planBeforeUpdate(env, update({ state: '8' })));
      expect(plan.decision).to.include({ outcome: 'blocked', abort: true });
      expect(plan.decision.message?.title).to.contain('cannot be canceled yet');
    });
  });

  describe('planBeforeUpdate: the correlation fields of a guarded record', () => {
    it('a person cannot change them; the connector can', () => {
      const change = update({ state: '2', correlationDisplay: '' });
      const refused = planBeforeUpdate(fakeEnvironment({ roles: ['itil'] }), change);
      expect(refused.kind).to.equal('refuse');
      expect(refused.kind === 'refuse' && refused.message.title).to.contain('correlation_display may be changed only by the Closeloop connector');
      expect(planBeforeUpdate(fakeEnvironment({ roles: ['x_closeloop.connector'] }), change).kind).to.equal('ignore');
    });

    it('on records they do not guard, they are anyone\'s', () => {
      const change = update({ state: '2', correlationDisplay: 'Closeloop' }, { correlationDisplay: '' });
      expect(planBeforeUpdate(fakeEnvironment({ roles: ['itil'] }), change).kind).to.equal('ignore');
    });
  });

  describe('planBeforeUpdate: settings and audit limits', () => {
    it('reports bad property values as warnings and falls back to block', () => {
      const env = fakeEnvironment({ properties: { 'x_closeloop.guard.fail_mode': 'maybe' } });
      const plan = decided(planBeforeUpdate(env, update()));
      expect(plan.warnings.join()).to.contain('must be "block" or "allow"');
      expect(plan.decision.abort).to.equal(true);
    });

    it('keeps the checks column valid JSON within its size by dropping checks', () => {
      const many = Array.from({ length: 150 }, (_, i) => ({ ...FAILING_CHECK, name: `check_${i}`, message: 'x'.repeat(80) }));
      const entry = auditOf(planBeforeUpdate(fakeEnvironment({ reply: ok(verdictBody('fail', many)) }), update()));
      expect(entry.checksJson.length).to.be.at.most(guard.MAX_CHECKS_JSON);
      expect(JSON.parse(entry.checksJson)).to.be.an('array').with.length.greaterThan(0);
      expect(entry.detail).to.match(/\d+ checks omitted/);
    });
  });

  describe('planAfterUpdate', () => {
    const pending = () => decided(planBeforeUpdate(fakeEnvironment({ reply: ok(verdictBody('pass')) }), update())).pending!;

    it('accepts the before rule\'s hand-over for the same record and state', () => {
      const text = JSON.stringify(pending());
      expect(planAfterUpdate(text, snapshot({ state: '6' }), NOW_MS + 50)?.audit.outcome).to.equal('allowed');
    });

    it('refuses a hand-over for another record, another state, too old, or unreadable', () => {
      const text = JSON.stringify(pending());
      expect(planAfterUpdate(text, snapshot({ state: '6', sysId: 'x'.repeat(32) }), NOW_MS)).to.equal(null);
      expect(planAfterUpdate(text, snapshot({ state: '7' }), NOW_MS)).to.equal(null);
      expect(planAfterUpdate(text, snapshot({ state: '6' }), NOW_MS + guard.PENDING_MAX_AGE_MS + 1)).to.equal(null);
      expect(planAfterUpdate('{"audit":1}', snapshot({ state: '6' }), NOW_MS)).to.equal(null);
      expect(planAfterUpdate('not json', snapshot({ state: '6' }), NOW_MS)).to.equal(null);
      expect(planAfterUpdate('', snapshot({ state: '6' }), NOW_MS)).to.equal(null);
    });

    it('keys hand-overs by table and sys_id', () => {
      expect(pendingKey({ table: 'wm_order', sysId: 'abc' })).to.equal('x_closeloop.pending.wm_order.abc');
    });
  });

  describe('planTelemetryCheck', () => {
    it('shows the verdict with every check, calling the connector', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('fail', [FAILING_CHECK, PASSING_CHECK])) });
      const { message, guarded } = planTelemetryCheck(env, snapshot());
      expect(guarded).to.equal(true);
      expect(message.items).to.have.length(2);
      expect(env.sent).to.have.length(1);
      expect(JSON.parse(env.sent[0]?.body ?? '{}').record.target_state).to.equal('6');
    });

    it('says when the record is not guarded, without a call', () => {
      const env = fakeEnvironment({ reply: ok(verdictBody('not_applicable')) });
      const result = planTelemetryCheck(env, snapshot({ correlationDisplay: 'Manual' }));
      expect(result.guarded).to.equal(false);
      expect(result.message.title).to.contain('not guarded');
      expect(env.sent).to.have.length(0);
    });
  });

  describe('planFormStatus (on load, pushed verdict only)', () => {
    it('says resolving will be blocked, with the failing readings', () => {
      const env = fakeEnvironment({ pushed: pushedRow('fail', [FAILING_CHECK], minutesAgo(3)) });
      const status = planFormStatus(env, snapshot());
      expect(status?.message.level).to.equal('error');
      expect(status?.message.title).to.equal(`Closeloop: resolving will be blocked: ${FAILING_CHECK.message} (verdict from 3 min ago).`);
      expect(env.sent).to.have.length(0);
    });

    it('a pass says so; no pushed verdict says resolving asks the connector', () => {
      expect(planFormStatus(fakeEnvironment({ pushed: pushedRow('pass', [], minutesAgo(1)) }), snapshot())?.message.title).to.contain(
        'telemetry supports resolving',
      );
      expect(planFormStatus(fakeEnvironment(), snapshot())?.message.title).to.contain('asks the connector');
    });

    it('nothing for unguarded or closed records', () => {
      expect(planFormStatus(fakeEnvironment(), snapshot({ correlationDisplay: '' }))).to.equal(null);
      expect(planFormStatus(fakeEnvironment(), snapshot({ state: '6' }))).to.equal(null);
    });
  });

  describe('planFailure', () => {
    it('blocks under block, allows under allow, always with the error text', () => {
      expect(planFailure('block', 'INC1', 'TypeError: x')).to.include({ outcome: 'unavailable', abort: true });
      const allowed = planFailure('allow', 'INC1', 'TypeError: x');
      expect(allowed).to.include({ abort: false });
      expect(allowed.message?.items).to.deep.equal(['TypeError: x']);
    });
  });
});

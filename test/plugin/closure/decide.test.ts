import { expect } from 'chai';
import { loadClosureModules, type ParseResult, type PushedResult } from '../support/plugin-modules.js';
import {
  FAILING_CHECK,
  PASSING_CHECK,
  UNKNOWN_CHECK,
  NOW_ISO,
  CONNECTOR_URL,
  CORRELATION_ID,
} from '../support/closure-fixtures.js';
import type { ClosureVerdict, VerdictChoice } from '../../../plugin/src/server/closure/types.js';

const { decide, messages } = loadClosureModules();
const { chooseVerdict, decideResolution, describeVerdict } = decide;

const verdict = (value: ClosureVerdict['verdict'], checks = [FAILING_CHECK]): ClosureVerdict => ({
  verdict: value,
  checks,
  evaluatedAt: NOW_ISO,
});
const live = (v: ClosureVerdict): VerdictChoice => ({ source: 'live', verdict: v, problems: [] });
const none: VerdictChoice = {
  source: 'none',
  verdict: null,
  problems: ['connector did not answer in time', 'no pushed verdict for this incident'],
};
const noOverride = { requested: false, hasRole: false, justification: '', requestId: '' };

describe('plugin closure/decide', () => {
  describe('chooseVerdict', () => {
    const liveOk: ParseResult = { ok: true, verdict: verdict('pass', [PASSING_CHECK]) };
    const liveDown: ParseResult = { ok: false, problem: 'connector could not be reached' };
    const fresh: PushedResult = { ok: true, verdict: verdict('fail'), ageMs: 60_000 };
    const stale: PushedResult = { ok: false, problem: 'pushed verdict is stale (42 min old, maximum 15 min)' };

    it('uses the live verdict and never looks at the pushed one', () => {
      let asked = false;
      const choice = chooseVerdict(liveOk, () => {
        asked = true;
        return fresh;
      });
      expect(choice).to.deep.equal({ source: 'live', verdict: liveOk.ok && liveOk.verdict, problems: [] });
      expect(asked).to.equal(false);
    });

    it('connector down + fresh pushed verdict → pushed, with the live problem kept', () => {
      const choice = chooseVerdict(liveDown, () => fresh);
      expect(choice.source).to.equal('pushed');
      expect(choice.verdict?.verdict).to.equal('fail');
      expect(choice.problems).to.deep.equal(['connector could not be reached']);
    });

    it('connector down + stale pushed verdict → none, with both problems', () => {
      const choice = chooseVerdict(liveDown, () => stale);
      expect(choice).to.deep.equal({ source: 'none', verdict: null, problems: [liveDown.problem, stale.problem] });
    });
  });

  describe('decideResolution', () => {
    const decideWith = (
      choice: VerdictChoice,
      failMode: 'block' | 'allow' = 'block',
      override: typeof noOverride = noOverride,
      overrides: Partial<Parameters<typeof decideResolution>[0]> = {},
    ) =>
      decideResolution({
        failMode,
        connectorUrl: CONNECTOR_URL,
        correlationId: CORRELATION_ID,
        label: 'INC0010042',
        verb: 'resolved',
        choice,
        override,
        ...overrides,
      });

    it('fail → blocked: abort, error listing each failing check message and the "see why" link', () => {
      const decision = decideWith(live(verdict('fail', [FAILING_CHECK, PASSING_CHECK, { ...FAILING_CHECK, name: 'b', message: 'Leak zone B wet' }])));
      expect(decision).to.include({ outcome: 'blocked', abort: true, source: 'live', verdict: 'fail' });
      expect(decision.message?.level).to.equal('error');
      expect(decision.message?.items).to.deep.equal([FAILING_CHECK.message, 'Leak zone B wet']);
      expect(decision.message?.link).to.deep.equal({
        label: 'See why',
        url: 'https://closeloop.dc1.example.com:8080/console/events/dc1%2Fhall-a%2Fcrah-3%2Fsupply-temp',
      });
      expect(decision.message?.footer).to.include(messages.OVERRIDE_HINT);
    });

    it('fail is blocked under fail mode allow too (fail mode only covers missing or unknown verdicts)', () => {
      expect(decideWith(live(verdict('fail')), 'allow')).to.include({ outcome: 'blocked', abort: true });
    });

    it('pass → allowed without abort, with an info message', () => {
      const decision = decideWith(live(verdict('pass', [PASSING_CHECK])));
      expect(decision).to.include({ outcome: 'allowed', abort: false, verdict: 'pass' });
      expect(decision.message?.level).to.equal('info');
      expect(decision.message?.title).to.contain('telemetry supports this: INC0010042 resolved');
    });

    it('not_applicable → allowed silently', () => {
      const decision = decideWith(live(verdict('not_applicable', [])));
      expect(decision).to.include({ outcome: 'allowed', abort: false, verdict: 'not_applicable' });
      expect(decision.message).to.equal(null);
    });

    it('unknown under block → blocked, listing the checks that could not be confirmed', () => {
      const decision = decideWith(live(verdict('unknown', [PASSING_CHECK, UNKNOWN_CHECK])), 'block');
      expect(decision).to.include({ outcome: 'blocked', abort: true, verdict: 'unknown' });
      expect(decision.message?.items).to.deep.equal([UNKNOWN_CHECK.message]);
      expect(decision.message?.title).to.contain('could not confirm');
    });

    it('unknown under allow → allowed, with an info message naming the fail mode', () => {
      const decision = decideWith(live(verdict('unknown', [UNKNOWN_CHECK])), 'allow');
      expect(decision).to.include({ outcome: 'allowed', abort: false, verdict: 'unknown' });
      expect(decision.message?.level).to.equal('info');
      expect(decision.message?.title).to.contain('fail mode "allow"');
    });

    it('no verdict under block → unavailable and aborted, explaining why', () => {
      const decision = decideWith(none, 'block');
      expect(decision).to.include({ outcome: 'unavailable', abort: true, source: 'none', verdict: '' });
      expect(decision.message?.items).to.deep.equal(none.problems);
      expect(decision.detail).to.equal(none.problems.join('; '));
    });

    it('no verdict under allow → unavailable but let through', () => {
      const decision = decideWith(none, 'allow');
      expect(decision).to.include({ outcome: 'unavailable', abort: false, source: 'none' });
      expect(decision.message?.level).to.equal('info');
    });

    it('a pushed verdict says so in the message', () => {
      const choice: VerdictChoice = { source: 'pushed', verdict: verdict('fail'), problems: ['connector did not answer in time'] };
      const footer = decideWith(choice).message?.footer.join(' ') ?? '';
      expect(footer).to.contain('last pushed by the connector').and.to.contain('connector did not answer in time');
    });

    it('no link without a correlation_id', () => {
      const decision = decideWith(live(verdict('fail')), 'block', noOverride, { correlationId: '' });
      expect(decision.message?.link).to.equal(null);
    });

    describe('override', () => {
      it('role + justification → overridden, let through once (request consumed)', () => {
        const decision = decideWith(live(verdict('fail')), 'block', {
          requested: true,
          hasRole: true,
          justification: 'Sensor faulty, facilities confirmed',
          requestId: 'req-1',
        });
        expect(decision).to.include({ outcome: 'overridden', abort: false, verdict: 'fail' });
        expect(decision.message?.items).to.deep.equal([FAILING_CHECK.message]);
      });

      it('without the role → blocked, saying the override needs the role', () => {
        const decision = decideWith(live(verdict('fail')), 'block', { requested: true, hasRole: false, justification: 'x', requestId: 'req-1' });
        expect(decision).to.include({ outcome: 'blocked', abort: true });
        expect(decision.message?.footer.join(' ')).to.contain('requires the x_closeloop.closure_override role');
      });

      it('without a justification → blocked, saying a justification is required', () => {
        const decision = decideWith(live(verdict('fail')), 'block', { requested: true, hasRole: true, justification: '  ', requestId: 'req-1' });
        expect(decision).to.include({ outcome: 'blocked', abort: true });
        expect(decision.message?.footer.join(' ')).to.contain('justification is required');
      });

      it('a refused request on a pass is simply an allowed closure', () => {
        const decision = decideWith(live(verdict('pass', [])), 'block', { requested: true, hasRole: false, justification: '', requestId: 'r' });
        expect(decision).to.include({ outcome: 'allowed', abort: false });
      });

      it('says what was closed: a work order is "closed", a cancellation "canceled"', () => {
        expect(decideWith(live(verdict('fail')), 'block', noOverride, { verb: 'closed', label: 'WO0010001' }).message?.title).to.equal(
          'Closeloop: WO0010001 cannot be closed yet: telemetry does not support it.',
        );
      });

      it('overrides a missing verdict too', () => {
        const decision = decideWith(none, 'block', { requested: true, hasRole: true, justification: 'Connector down for maintenance', requestId: 'r' });
        expect(decision).to.include({ outcome: 'overridden', abort: false, source: 'none' });
      });
    });
  });

  describe('describeVerdict (Check telemetry)', () => {
    it('lists every check with its status, and links to the console', () => {
      const message = describeVerdict({ connectorUrl: CONNECTOR_URL, correlationId: CORRELATION_ID, failMode: 'block', choice: live(verdict('fail', [FAILING_CHECK, PASSING_CHECK])) });
      expect(message.level).to.equal('error');
      expect(message.title).to.contain('FAIL');
      expect(message.items).to.deep.equal([`FAIL: ${FAILING_CHECK.message}`, `PASS: ${PASSING_CHECK.message}`]);
      expect(message.link?.url).to.contain('/console/events/');
    });

    it('pass is an info message', () => {
      expect(describeVerdict({ connectorUrl: CONNECTOR_URL, correlationId: CORRELATION_ID, failMode: 'block', choice: live(verdict('pass', [PASSING_CHECK])) }).level).to.equal('info');
    });

    it('no verdict says why and names the fail mode', () => {
      const message = describeVerdict({ connectorUrl: CONNECTOR_URL, correlationId: CORRELATION_ID, failMode: 'allow', choice: none });
      expect(message.items).to.deep.equal(none.problems);
      expect(message.footer).to.deep.equal(['Fail mode is "allow".']);
    });
  });
});

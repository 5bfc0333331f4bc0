import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';
import { guardedTable, NOW_MS } from '../support/closure-fixtures.js';

const { override } = loadClosureModules();

describe('plugin closure/override', () => {
  const ask = (overrides: Partial<Parameters<typeof override.planOverrideRequest>[0]> = {}) =>
    override.planOverrideRequest({
      hasRole: true,
      justification: ' Sensor faulty ',
      state: '2',
      table: guardedTable(),
      guarded: true,
      ...overrides,
    });

  it('an override request names the closing state the form moves to', () => {
    expect(ask()).to.deep.equal({ ok: true, justification: 'Sensor faulty', targetState: '6' });
    expect(ask({ table: guardedTable({ table: 'wm_order', closingStates: ['3'], cancelStates: ['7'] }) })).to.include({
      targetState: '3',
    });
  });

  it('needs the role, a justification, a guarded record not yet closed', () => {
    const title = (plan: ReturnType<typeof ask>) => (plan.ok ? 'ok' : plan.message.title);
    expect(title(ask({ hasRole: false }))).to.contain('requires the x_closeloop.closure_override role');
    expect(title(ask({ justification: '   ' }))).to.contain('enter a justification');
    expect(title(ask({ justification: 'x'.repeat(override.MAX_JUSTIFICATION + 1) }))).to.contain('longer than 4000');
    expect(title(ask({ guarded: false }))).to.contain('not guarded');
    expect(title(ask({ table: null }))).to.contain('not guarded');
    for (const state of ['6', '7', '8']) expect(title(ask({ state }))).to.contain('already resolved');
  });

  describe('overrideFor', () => {
    const row = (ageMs: number) => ({ sysId: 'req-1', justification: 'J', requestedAtMs: NOW_MS - ageMs });

    it('a fresh pending request is an override request', () => {
      expect(override.overrideFor(row(60_000), true, NOW_MS)).to.deep.equal({
        requested: true,
        hasRole: true,
        justification: 'J',
        requestId: 'req-1',
      });
    });

    it('an old one (over 10 min), one from the future, or none is not', () => {
      for (const value of [row(11 * 60_000), row(-5 * 60_000), null]) {
        expect(override.overrideFor(value, true, NOW_MS).requested).to.equal(false);
      }
    });
  });
});

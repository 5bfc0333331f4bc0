import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';

const { override } = loadClosureModules();

describe('plugin closure/override', () => {
  it('needs the role, a justification and an incident not yet resolved', () => {
    expect(override.planOverrideRequest({ hasRole: true, justification: 'Sensor faulty', state: '2' })).to.deep.equal({ ok: true });
    const refusals = [
      { hasRole: false, justification: 'x', state: '2' },
      { hasRole: true, justification: '   ', state: '2' },
      { hasRole: true, justification: 'x', state: '6' },
      { hasRole: true, justification: 'x', state: '7' },
    ].map((ask) => {
      const plan = override.planOverrideRequest(ask);
      return plan.ok ? 'ok' : plan.message.title;
    });
    expect(refusals[0]).to.contain('requires the x_closeloop.closure_override role');
    expect(refusals[1]).to.contain('Override justification');
    expect(refusals[2]).to.contain('already resolved');
    expect(refusals[3]).to.contain('already resolved');
  });
});

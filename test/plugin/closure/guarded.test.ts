import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';
import { incident, settings } from '../support/closure-fixtures.js';

const { guarded } = loadClosureModules();

describe('plugin closure/guarded', () => {
  it('a resolution is a change into state 6, not 6→7 or 6→6', () => {
    expect(guarded.isResolutionTransition('2', '6')).to.equal(true);
    expect(guarded.isResolutionTransition('', '6')).to.equal(true);
    expect(guarded.isResolutionTransition('6', '7')).to.equal(false);
    expect(guarded.isResolutionTransition('6', '6')).to.equal(false);
    expect(guarded.isResolutionTransition('2', '7')).to.equal(false);
  });

  it('guards incidents whose correlation_display matches, case-insensitively', () => {
    expect(guarded.guardReason(settings(), incident({ correlationDisplay: ' closeloop ' }), '')).to.equal(
      'correlation_display is Closeloop',
    );
    expect(guarded.guardReason(settings(), incident({ correlationDisplay: 'Other' }), '')).to.equal(null);
    expect(guarded.guardReason(settings({ guardedCorrelationDisplay: '' }), incident({ correlationDisplay: '' }), '')).to.equal(null);
  });

  it('guards by CI class when listed', () => {
    const s = settings({ guardedCiClasses: ['cmdb_ci_ups'] });
    expect(guarded.guardReason(s, incident({ correlationDisplay: '' }), 'cmdb_ci_UPS')).to.equal('CI class cmdb_ci_UPS is guarded');
    expect(guarded.guardReason(s, incident({ correlationDisplay: '' }), 'cmdb_ci_server')).to.equal(null);
    expect(guarded.needsCiClass(s, incident({ cmdbCi: 'x' }))).to.equal(true);
    expect(guarded.needsCiClass(s, incident({ cmdbCi: '' }))).to.equal(false);
    expect(guarded.needsCiClass(settings(), incident({ cmdbCi: 'x' }))).to.equal(false);
  });
});

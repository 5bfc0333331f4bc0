// The "Resolve despite telemetry" UI action end to end on the fakes: the action saves the incident,
// the real guard rule runs inside that save, exactly as on the instance.
import { expect } from 'chai';
import { loadEntryModules } from '../support/plugin-modules.js';
import { FakeGlideRecord, world } from '../support/glide-fakes.js';
import {
  auditRows,
  configureApp,
  connectorAnswers,
  redirectRecorder,
  registerGuardRule,
  storeIncident,
} from '../support/incident-world.js';
import { FAILING_CHECK } from '../support/closure-fixtures.js';

const { resolveDespiteTelemetry, guardResolution } = loadEntryModules();

/** The form as submitted: the stored incident plus what the user typed. */
function formWith(values: Record<string, string>) {
  const stored = storeIncident();
  const current = FakeGlideRecord.positionedOn('incident', {
    ...stored,
    close_code: 'Solution provided',
    close_notes: 'Sensor replaced',
    ...values,
  });
  return { stored, current };
}

describe('plugin entry/resolve-despite-telemetry (UI action, Glide fakes)', () => {
  beforeEach(() => {
    world.reset();
    configureApp();
    registerGuardRule(guardResolution.guardIncidentResolution);
    connectorAnswers('fail', [FAILING_CHECK]);
  });

  it('role + justification: resolves, the guard records "overridden" with the justification, the request is cleared', () => {
    world.roles.add('x_closeloop.closure_override');
    const { stored, current } = formWith({ x_closeloop_override_justification: 'Leak sensor B faulty; floor dry' });
    const action = redirectRecorder();

    resolveDespiteTelemetry.resolveDespiteTelemetry(current, action);

    expect(stored).to.include({
      state: '6',
      x_closeloop_override_requested: 'false',
      x_closeloop_override_justification: '',
    });
    expect(auditRows()).to.have.length(1);
    expect(auditRows()[0]).to.include({
      incident: stored.sys_id,
      outcome: 'overridden',
      verdict: 'fail',
      justification: 'Leak sensor B faulty; floor dry',
    });
    expect(world.errorMessages).to.deep.equal([]);
    expect(action.targets).to.deep.equal([current]);
  });

  it('a later resolution after reopening is guarded again (the override was one-shot)', () => {
    world.roles.add('x_closeloop.closure_override');
    const { stored, current } = formWith({ x_closeloop_override_justification: 'Once' });
    resolveDespiteTelemetry.resolveDespiteTelemetry(current, redirectRecorder());
    stored.state = '2';
    const again = FakeGlideRecord.positionedOn('incident', { ...stored, state: '6' });
    expect(again.update()).to.equal(null);
    expect(auditRows().map((r) => r.outcome)).to.deep.equal(['overridden', 'blocked']);
  });

  it('without the role: refused before saving anything', () => {
    const { stored, current } = formWith({ x_closeloop_override_justification: 'Please' });
    resolveDespiteTelemetry.resolveDespiteTelemetry(current, redirectRecorder());
    expect(stored.state).to.equal('2');
    expect(auditRows()).to.have.length(0);
    expect(world.errorMessages[0]).to.contain('requires the x_closeloop.closure_override role');
  });

  it('without a justification: refused before saving anything', () => {
    world.roles.add('x_closeloop.closure_override');
    const { stored, current } = formWith({ x_closeloop_override_justification: '   ' });
    resolveDespiteTelemetry.resolveDespiteTelemetry(current, redirectRecorder());
    expect(stored.state).to.equal('2');
    expect(world.errorMessages[0]).to.contain('Override justification');
  });

  it('setting the request by hand without the role does not get past the guard', () => {
    const { stored, current } = formWith({
      state: '6',
      x_closeloop_override_requested: 'true',
      x_closeloop_override_justification: 'Sneaky',
    });
    expect(current.update()).to.equal(null);
    expect(stored.state).to.equal('2');
    expect(auditRows()[0]).to.include({ outcome: 'blocked' });
  });
});

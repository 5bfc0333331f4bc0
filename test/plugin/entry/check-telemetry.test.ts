import { expect } from 'chai';
import { loadEntryModules } from '../support/plugin-modules.js';
import { FakeGlideRecord, world } from '../support/glide-fakes.js';
import { auditRows, configureApp, connectorAnswers, redirectRecorder, storeIncident } from '../support/incident-world.js';
import { FAILING_CHECK, PASSING_CHECK } from '../support/closure-fixtures.js';

const { checkTelemetry } = loadEntryModules();

describe('plugin entry/check-telemetry (UI action, Glide fakes)', () => {
  beforeEach(() => {
    world.reset();
    configureApp();
  });

  it('shows the verdict and every check as an error message, without changing the incident', () => {
    connectorAnswers('fail', [FAILING_CHECK, PASSING_CHECK]);
    const stored = storeIncident();
    const before = { ...stored };
    const current = FakeGlideRecord.positionedOn('incident', stored);
    const action = redirectRecorder();

    checkTelemetry.checkTelemetry(current, action);

    expect(world.errorMessages).to.have.length(1);
    expect(world.errorMessages[0]).to.contain('FAIL').and.to.contain(FAILING_CHECK.message).and.to.contain(PASSING_CHECK.message);
    expect(stored).to.deep.equal(before);
    expect(auditRows()).to.have.length(0);
    expect(action.targets).to.deep.equal([current]);
  });

  it('pass is shown as an info message', () => {
    connectorAnswers('pass', [PASSING_CHECK]);
    checkTelemetry.checkTelemetry(FakeGlideRecord.positionedOn('incident', storeIncident()), null);
    expect(world.infoMessages[0]).to.contain('PASS');
  });

  it('says why no verdict is available', () => {
    world.connector = () => ({ unreachable: 'java.net.ConnectException: Connection refused' });
    checkTelemetry.checkTelemetry(FakeGlideRecord.positionedOn('incident', storeIncident()), null);
    expect(world.errorMessages[0]).to.contain('no telemetry verdict').and.to.contain('Connection refused');
  });

  it('never throws', () => {
    const current = FakeGlideRecord.positionedOn('incident', storeIncident());
    current.getValue = () => {
      throw new Error('boom');
    };
    expect(() => checkTelemetry.checkTelemetry(current, null)).not.to.throw();
    expect(world.errorMessages[0]).to.contain('failed unexpectedly');
  });
});

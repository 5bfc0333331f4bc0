// The real business-rule module, loaded in Node with the Glide fakes in place of @servicenow/glide.
import { expect } from 'chai';
import { loadEntryModules } from '../support/plugin-modules.js';
import { world } from '../support/glide-fakes.js';
import { hookHits } from '../support/glide-require-hook.js';
import {
  CONNECTOR_URL,
  auditRows,
  configureApp,
  connectorAnswers,
  pushVerdict,
  storeIncident,
  updating,
} from '../support/incident-world.js';
import { FAILING_CHECK, PASSING_CHECK, UNKNOWN_CHECK } from '../support/closure-fixtures.js';

const { guardResolution } = loadEntryModules();
const { guardIncidentResolution } = guardResolution;

const CORRELATION = 'dc1/hall-a/crah-3/supply-temp';

describe('plugin entry/guard-resolution (business rule, Glide fakes)', () => {
  beforeEach(() => {
    world.reset();
    configureApp();
  });

  it('runs against the fakes swapped in for @servicenow/glide', () => {
    expect(hookHits['@servicenow/glide']).to.be.greaterThan(0);
  });

  it('verdict fail: aborts, shows each failing check and the "see why" link, records a blocked audit row', () => {
    connectorAnswers('fail', [FAILING_CHECK, PASSING_CHECK]);
    const stored = storeIncident();
    const { current, previous } = updating(stored);

    guardIncidentResolution(current, previous);

    expect(current.isActionAborted()).to.equal(true);
    expect(world.errorMessages).to.have.length(1);
    const html = world.errorMessages[0] as string;
    expect(html).to.contain('INC0010042 cannot be resolved yet');
    expect(html).to.contain('CRAH-3 supply air is 29.4 °C, expected 18–27 °C for 10m');
    expect(html).not.to.contain(PASSING_CHECK.message);
    expect(html).to.contain(`<a href="${CONNECTOR_URL}/console/events/dc1%2Fhall-a%2Fcrah-3%2Fsupply-temp"`);
    expect(html).to.contain('See why');

    expect(auditRows()).to.have.length(1);
    const row = auditRows()[0]!;
    expect(row).to.include({
      incident: stored.sys_id,
      correlation_id: CORRELATION,
      outcome: 'blocked',
      resolution_blocked: 'true',
      verdict: 'fail',
      source: 'live',
      user: 'user-1',
    });
    expect(JSON.parse(row.checks as string)).to.deep.equal([FAILING_CHECK, PASSING_CHECK]);
    expect(row.message).to.contain(FAILING_CHECK.message);

    const request = world.requests[0]!;
    expect(request).to.deep.include({
      endpoint: `${CONNECTOR_URL}/v1/closure-checks`,
      method: 'post',
      httpTimeoutMs: 8000,
      mode: 'execute',
      midServer: null,
    });
    expect(request.headers['X-API-Key']).to.equal('secret-key-123');
    expect(JSON.parse(request.body)).to.deep.equal({
      incident: { sys_id: stored.sys_id, number: 'INC0010042', correlation_id: CORRELATION, cmdb_ci: '' },
    });
  });

  it('verdict pass: no abort, an allowed audit row', () => {
    connectorAnswers('pass', [PASSING_CHECK]);
    const { current, previous } = updating(storeIncident());
    guardIncidentResolution(current, previous);
    expect(current.isActionAborted()).to.equal(false);
    expect(world.errorMessages).to.deep.equal([]);
    expect(world.infoMessages.join()).to.contain('telemetry supports resolving');
    expect(auditRows().map((r) => [r.outcome, r.resolution_blocked, r.verdict])).to.deep.equal([['allowed', 'false', 'pass']]);
  });

  it('verdict not_applicable: no abort, no message, an allowed audit row', () => {
    connectorAnswers('not_applicable');
    const { current, previous } = updating(storeIncident());
    guardIncidentResolution(current, previous);
    expect(current.isActionAborted()).to.equal(false);
    expect([...world.errorMessages, ...world.infoMessages]).to.deep.equal([]);
    expect(auditRows()[0]).to.include({ outcome: 'allowed', verdict: 'not_applicable' });
  });

  it('verdict unknown under fail mode block: aborts', () => {
    connectorAnswers('unknown', [UNKNOWN_CHECK]);
    const { current, previous } = updating(storeIncident());
    guardIncidentResolution(current, previous);
    expect(current.isActionAborted()).to.equal(true);
    expect(world.errorMessages[0]).to.contain(UNKNOWN_CHECK.message);
  });

  it('verdict unknown under fail mode allow: lets it through', () => {
    configureApp({ 'x_closeloop.guard.fail_mode': 'allow' });
    connectorAnswers('unknown', [UNKNOWN_CHECK]);
    const { current, previous } = updating(storeIncident());
    guardIncidentResolution(current, previous);
    expect(current.isActionAborted()).to.equal(false);
    expect(auditRows()[0]).to.include({ outcome: 'allowed', verdict: 'unknown' });
  });

  it('connector times out: a fresh pushed verdict decides', () => {
    connectorAnswers('pass', [], { delayMs: 20_000 });
    pushVerdict(CORRELATION, 'fail', [FAILING_CHECK], 3);
    const { current, previous } = updating(storeIncident());
    guardIncidentResolution(current, previous);
    expect(current.isActionAborted()).to.equal(true);
    expect(auditRows()[0]).to.include({ outcome: 'blocked', source: 'pushed', verdict: 'fail' });
    expect(auditRows()[0]?.detail).to.contain('did not answer in time');
  });

  it('connector unreachable, pushed verdict stale: fail mode block refuses, audit says unavailable', () => {
    world.connector = () => ({ unreachable: 'java.net.ConnectException: Connection refused' });
    pushVerdict(CORRELATION, 'pass', [PASSING_CHECK], 60);
    const { current, previous } = updating(storeIncident());
    guardIncidentResolution(current, previous);
    expect(current.isActionAborted()).to.equal(true);
    expect(world.errorMessages[0]).to.contain('no telemetry verdict is available').and.to.contain('stale');
    expect(auditRows()[0]).to.include({ outcome: 'unavailable', resolution_blocked: 'true', source: 'none', verdict: '' });
  });

  it('MID path: executeAsync through the MID Server; its timeout falls back to the pushed verdict', () => {
    configureApp({ 'x_closeloop.connector.mid_server': 'mid-dc1' });
    connectorAnswers('fail', [FAILING_CHECK], { delayMs: 9_000 });
    pushVerdict(CORRELATION, 'pass', [PASSING_CHECK], 2);
    const { current, previous } = updating(storeIncident());
    guardIncidentResolution(current, previous);
    expect(world.requests[0]).to.deep.include({ midServer: 'mid-dc1', mode: 'executeAsync', waitSeconds: 8 });
    expect(current.isActionAborted()).to.equal(false);
    expect(auditRows()[0]).to.include({ outcome: 'allowed', source: 'pushed' });
  });

  it('Resolved→Closed is not touched: no call, no message, no audit row', () => {
    connectorAnswers('fail', [FAILING_CHECK]);
    const { current, previous } = updating(storeIncident({ state: '6' }), { state: '7' });
    guardIncidentResolution(current, previous);
    expect(current.isActionAborted()).to.equal(false);
    expect(world.requests).to.have.length(0);
    expect(auditRows()).to.have.length(0);
  });

  it('an update another before rule already aborted is left alone', () => {
    connectorAnswers('fail', [FAILING_CHECK]);
    const { current, previous } = updating(storeIncident());
    current.setAbortAction(true);
    guardIncidentResolution(current, previous);
    expect(world.requests).to.have.length(0);
    expect(auditRows()).to.have.length(0);
  });

  it('incidents not raised by Closeloop are not guarded', () => {
    connectorAnswers('fail', [FAILING_CHECK]);
    const { current, previous } = updating(storeIncident({ correlation_display: 'Manual' }));
    guardIncidentResolution(current, previous);
    expect(current.isActionAborted()).to.equal(false);
    expect(world.requests).to.have.length(0);
  });

  describe('override', () => {
    const requestOverride = (justification: string) => ({
      state: '6',
      close_code: 'Solution provided',
      close_notes: 'Fixed',
      x_closeloop_override_requested: 'true',
      x_closeloop_override_justification: justification,
    });

    it('role + justification: lets the resolution through once and records an overridden row', () => {
      world.roles.add('x_closeloop.closure_override');
      connectorAnswers('fail', [FAILING_CHECK]);
      const { current, previous } = updating(storeIncident(), requestOverride('Leak sensor B faulty; floor dry'));
      guardIncidentResolution(current, previous);
      expect(current.isActionAborted()).to.equal(false);
      expect(auditRows()[0]).to.include({
        outcome: 'overridden',
        resolution_blocked: 'false',
        verdict: 'fail',
        justification: 'Leak sensor B faulty; floor dry',
      });
      // One shot: the request and its justification are cleared with this save.
      expect(current.getValue('x_closeloop_override_requested')).to.equal('false');
      expect(current.getValue('x_closeloop_override_justification')).to.equal(null);
      expect(world.infoMessages[0]).to.contain('resolved despite telemetry');
    });

    it('without the role: blocked, told the role is needed', () => {
      connectorAnswers('fail', [FAILING_CHECK]);
      const { current, previous } = updating(storeIncident(), requestOverride('Because'));
      guardIncidentResolution(current, previous);
      expect(current.isActionAborted()).to.equal(true);
      expect(world.errorMessages[0]).to.contain('requires the x_closeloop.closure_override role');
      expect(auditRows()[0]).to.include({ outcome: 'blocked', justification: 'Because' });
    });

    it('without a justification: blocked, told a justification is required', () => {
      world.roles.add('x_closeloop.closure_override');
      connectorAnswers('fail', [FAILING_CHECK]);
      const { current, previous } = updating(storeIncident(), requestOverride(''));
      guardIncidentResolution(current, previous);
      expect(current.isActionAborted()).to.equal(true);
      expect(world.errorMessages[0]).to.contain('justification is required');
    });

    it('admin has every role, as on the platform', () => {
      world.roles.add('admin');
      connectorAnswers('fail', [FAILING_CHECK]);
      const { current, previous } = updating(storeIncident(), requestOverride('Admin decision'));
      guardIncidentResolution(current, previous);
      expect(current.isActionAborted()).to.equal(false);
    });
  });

  describe('never leaves the user with a generic failure', () => {
    it('an unexpected error is caught: fail mode block aborts with an explanation and an audit row', () => {
      connectorAnswers('pass');
      const { current, previous } = updating(storeIncident());
      current.getValue = () => {
        throw new Error('GlideRecord exploded');
      };
      expect(() => guardIncidentResolution(current, previous)).not.to.throw();
      expect(current.isActionAborted()).to.equal(true);
      expect(world.errorMessages[0]).to.contain('failed unexpectedly').and.to.contain('GlideRecord exploded');
      expect(world.logs.some((l) => l.level === 'error' && l.message.includes('GlideRecord exploded'))).to.equal(true);
      expect(auditRows()[0]).to.include({ outcome: 'unavailable', resolution_blocked: 'true' });
    });

    it('under fail mode allow the same error lets the resolution through', () => {
      configureApp({ 'x_closeloop.guard.fail_mode': 'allow' });
      const { current, previous } = updating(storeIncident());
      current.getValue = () => {
        throw new Error('boom');
      };
      expect(() => guardIncidentResolution(current, previous)).not.to.throw();
      expect(current.isActionAborted()).to.equal(false);
      expect(world.infoMessages[0]).to.contain('resolution allowed by fail mode');
    });

    it('a failing audit insert is logged, the decision stands', () => {
      connectorAnswers('fail', [FAILING_CHECK]);
      const { current, previous } = updating(storeIncident());
      const rows = world.rows('x_closeloop_closure_audit');
      rows.push = () => {
        throw new Error('insert refused');
      };
      expect(() => guardIncidentResolution(current, previous)).not.to.throw();
      expect(current.isActionAborted()).to.equal(true);
      expect(world.errorMessages).to.have.length(1);
      expect(world.errorMessages[0]).to.contain('cannot be resolved yet');
      expect(world.logs.map((l) => l.message).join()).to.contain('insert refused');
    });

    it('bad property values are logged as warnings, the safe default applies', () => {
      configureApp({ 'x_closeloop.guard.fail_mode': 'sometimes' });
      world.connector = () => ({ unreachable: 'refused' });
      const { current, previous } = updating(storeIncident());
      guardIncidentResolution(current, previous);
      expect(current.isActionAborted()).to.equal(true);
      expect(world.logs.some((l) => l.level === 'warn' && l.message.includes('x_closeloop.guard.fail_mode'))).to.equal(true);
    });
  });
});

// What the forms reach on the server: the GlideAjax processor's module (Check telemetry, override
// requests), the display rule's status, the buttons' conditions, the server part of "Resolve despite
// telemetry", the correlation-field ACL script and the verdict-change event. Real modules, Glide fakes.
import { expect } from 'chai';
import { loadEntryModules } from '../support/plugin-modules.js';
import { FakeGlideRecord, world } from '../support/glide-fakes.js';
import {
  configureApp,
  connectorAnswers,
  pushVerdict,
  redirectRecorder,
  registerGuardRules,
  requestOverrideFor,
  storeIncident,
} from '../support/incident-world.js';
import { FAILING_CHECK, PASSING_CHECK } from '../support/closure-fixtures.js';

const modules = loadEntryModules();
const { ajax, formStatus, uiConditions, correlationAcl, resolveDespiteTelemetry, verdictChanged } = modules;
const CORRELATION = 'dc1/hall-a/crah-3/supply-temp';

describe('plugin entry points behind the forms (Glide fakes)', () => {
  beforeEach(() => {
    world.reset();
    configureApp();
  });

  describe('Check telemetry (GlideAjax checkTelemetry)', () => {
    it('answers the verdict as plain text without changing the record', () => {
      world.roles.add('itil');
      connectorAnswers('fail', [FAILING_CHECK, PASSING_CHECK]);
      const incident = storeIncident();
      const answer = JSON.parse(ajax.checkTelemetryForForm('incident', incident.sys_id!));
      expect(answer).to.include({ ok: true, level: 'error' });
      expect(answer.text).to.contain('FAIL').and.contain(FAILING_CHECK.message).and.contain(`PASS: ${PASSING_CHECK.message}`);
      expect(answer.text).not.to.match(/<[a-z/]/i);
      expect(answer.lines.split('\n').length).to.be.greaterThan(2);
      expect(world.findRow('incident', incident.sys_id!)?.state).to.equal('2');
    });

    it('needs a fulfiller role, and a record the user can read', () => {
      const incident = storeIncident();
      expect(JSON.parse(ajax.checkTelemetryForForm('incident', incident.sys_id!))).to.include({ ok: false });
      expect(world.requests).to.have.length(0);
      world.roles.add('itil');
      world.unreadable.add(incident.sys_id!);
      expect(JSON.parse(ajax.checkTelemetryForForm('incident', incident.sys_id!)).text).to.contain('cannot be read');
      expect(JSON.parse(ajax.checkTelemetryForForm('incident; drop', 'x')).ok).to.equal(false);
      expect(world.requests).to.have.length(0);
    });
  });

  describe('override request (GlideAjax requestOverride)', () => {
    it('stores the justification and answers the closing state; supersedes an earlier request', () => {
      world.roles.add('x_closeloop.closure_override');
      const incident = storeIncident();
      requestOverrideFor(incident, 'first try');
      const answer = JSON.parse(ajax.requestOverrideForForm('incident', incident.sys_id!, '  Meter faulty  '));
      expect(answer).to.include({ ok: true, targetState: '6' });
      const rows = world.rows('x_closeloop_override_request');
      expect(rows.map((r) => [r.status, r.justification])).to.deep.equal([
        ['superseded', 'first try'],
        ['pending', 'Meter faulty'],
      ]);
    });

    it('refuses without the role, without write access, for unguarded or closed records', () => {
      const incident = storeIncident();
      expect(JSON.parse(ajax.requestOverrideForForm('incident', incident.sys_id!, 'x')).text).to.contain('requires the');
      world.roles.add('x_closeloop.closure_override');
      world.unwritable.add(incident.sys_id!);
      expect(JSON.parse(ajax.requestOverrideForForm('incident', incident.sys_id!, 'x')).text).to.contain('cannot change');
      const manual = storeIncident({ correlation_display: 'Manual' });
      expect(JSON.parse(ajax.requestOverrideForForm('incident', manual.sys_id!, 'x')).text).to.contain('not guarded');
      const resolved = storeIncident({ state: '6' });
      expect(JSON.parse(ajax.requestOverrideForForm('incident', resolved.sys_id!, 'x')).text).to.contain('already resolved');
      expect(world.rows('x_closeloop_override_request')).to.have.length(0);
    });
  });

  describe('server part of "Resolve despite telemetry"', () => {
    beforeEach(() => registerGuardRules(modules.guardClosure.guardClosure, modules.confirmClosure.confirmClosure));

    it('saves the record the client part moved to Resolved; the guard applies the override', () => {
      world.roles.add('x_closeloop.closure_override');
      connectorAnswers('fail', [FAILING_CHECK]);
      const incident = storeIncident();
      requestOverrideFor(incident, 'Meter faulty');
      const current = FakeGlideRecord.positionedOn('incident', { ...incident, state: '6', close_code: 'Solution provided', close_notes: 'n' });
      const action = redirectRecorder();
      resolveDespiteTelemetry.resolveDespiteTelemetry(current, action);
      expect(world.findRow('incident', incident.sys_id!)?.state).to.equal('6');
      expect(world.rows('x_closeloop_closure_audit')[0]).to.include({ outcome: 'overridden' });
      expect(action.targets).to.deep.equal([current]);
    });

    it('without an override request it saves nothing and says how', () => {
      world.roles.add('x_closeloop.closure_override');
      const incident = storeIncident();
      const current = FakeGlideRecord.positionedOn('incident', { ...incident, state: '6' });
      resolveDespiteTelemetry.resolveDespiteTelemetry(current, redirectRecorder());
      expect(world.findRow('incident', incident.sys_id!)?.state).to.equal('2');
      expect(world.errorMessages[0]).to.contain('no override was requested');
    });
  });

  describe('telemetry status on the form (display rule)', () => {
    it('puts what resolving would meet in g_scratchpad, from the pushed verdict, with no call', () => {
      pushVerdict(CORRELATION, 'fail', [FAILING_CHECK], 2);
      const scratchpad: Record<string, unknown> = {};
      const current = FakeGlideRecord.positionedOn('incident', storeIncident());
      formStatus.showTelemetryStatus(current, null, scratchpad);
      expect(scratchpad.x_closeloop_status).to.deep.equal({
        level: 'error',
        text: `Closeloop: resolving will be blocked: ${FAILING_CHECK.message} (verdict from 2 min ago).`,
      });
      expect(world.requests).to.have.length(0);
    });

    it('nothing for an unguarded record, or without g_scratchpad', () => {
      const scratchpad: Record<string, unknown> = {};
      formStatus.showTelemetryStatus(FakeGlideRecord.positionedOn('incident', storeIncident({ correlation_display: '' })), null, scratchpad);
      expect(scratchpad).to.deep.equal({});
      expect(() => formStatus.showTelemetryStatus(FakeGlideRecord.positionedOn('incident', storeIncident()), null, null)).not.to.throw();
    });
  });

  describe('button conditions', () => {
    it('Check telemetry on guarded records; the override only while they are open', () => {
      const open = FakeGlideRecord.positionedOn('incident', storeIncident());
      const resolved = FakeGlideRecord.positionedOn('incident', storeIncident({ state: '6' }));
      const unguarded = FakeGlideRecord.positionedOn('incident', storeIncident({ correlation_display: 'Manual' }));
      expect([open, resolved, unguarded].map((r) => uiConditions.isGuardedRecord(r))).to.deep.equal([true, true, false]);
      expect([open, resolved, unguarded].map((r) => uiConditions.mayRequestOverride(r))).to.deep.equal([true, false, false]);
      const fresh = new FakeGlideRecord('incident');
      fresh.initialize();
      expect(uiConditions.isGuardedRecord(fresh)).to.equal(false);
    });
  });

  describe('correlation field ACL script', () => {
    it('denies people on guarded records, allows the connector, leaves other records alone', () => {
      const guarded = FakeGlideRecord.positionedOn('incident', storeIncident());
      const other = FakeGlideRecord.positionedOn('incident', storeIncident({ correlation_display: 'Event Management' }));
      world.roles.add('itil');
      expect(correlationAcl.mayChangeCorrelation(guarded)).to.equal(false);
      expect(correlationAcl.mayChangeCorrelation(other)).to.equal(true);
      world.roles.add('x_closeloop.connector');
      expect(correlationAcl.mayChangeCorrelation(guarded)).to.equal(true);
    });

    it('tables that are not guarded are not its business', () => {
      world.roles.add('itil');
      const problem = FakeGlideRecord.positionedOn('problem', { sys_id: 'p1', correlation_display: 'Closeloop' });
      expect(correlationAcl.mayChangeCorrelation(problem)).to.equal(true);
    });
  });

  describe('verdict changes', () => {
    it('queues x_closeloop.verdict_changed with the new and previous verdict', () => {
      const row = world.insertRow('x_closeloop_verdict', { correlation_id: CORRELATION, verdict: 'pass' });
      verdictChanged.announceVerdictChange(
        FakeGlideRecord.positionedOn('x_closeloop_verdict', row),
        FakeGlideRecord.positionedOn('x_closeloop_verdict', { ...row, verdict: 'fail' }),
      );
      expect(world.events).to.deep.equal([
        { name: 'x_closeloop.verdict_changed', table: 'x_closeloop_verdict', sysId: row.sys_id, parm1: 'pass', parm2: 'fail' },
      ]);
    });
  });
});

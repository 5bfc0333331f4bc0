// The real business-rule modules ("Closeloop: guard closures" before, "Closeloop: confirm closures"
// after update on task), loaded in Node with the Glide fakes in place of @servicenow/glide and
// registered as the platform runs them, so every update goes through both.
import { expect } from 'chai';
import { loadEntryModules } from '../support/plugin-modules.js';
import { FakeGlideRecord, world, type FakeRow } from '../support/glide-fakes.js';
import { hookHits } from '../support/glide-require-hook.js';
import {
  CONNECTOR_URL,
  auditRows,
  configureApp,
  connectorAnswers,
  pushVerdict,
  registerGuardRules,
  requestOverrideFor,
  storeIncident,
} from '../support/incident-world.js';
import { FAILING_CHECK, PASSING_CHECK, UNKNOWN_CHECK } from '../support/closure-fixtures.js';

const { guardClosure, confirmClosure, ajax } = loadEntryModules();
const CORRELATION = 'dc1/hall-a/crah-3/supply-temp';
const RESOLVE = { state: '6', close_code: 'Solution provided', close_notes: 'Fixed' };

/** Updates the stored record as a form or the Table API would: both rules run. */
function save(stored: FakeRow, changes: Record<string, string>, table = 'incident'): { saved: boolean; record: FakeGlideRecord } {
  const record = FakeGlideRecord.positionedOn(table, { ...stored });
  for (const [field, value] of Object.entries(changes)) record.setValue(field, value);
  const saved = record.update() !== null;
  return { saved, record };
}

const stored = (sysId: string) => world.findRow('incident', sysId) ?? world.findTask(sysId)?.row;

describe('plugin entry/guard-closure + confirm-closure (business rules, Glide fakes)', () => {
  beforeEach(() => {
    world.reset();
    configureApp();
    registerGuardRules(guardClosure.guardClosure, confirmClosure.confirmClosure);
  });

  it('runs against the fakes swapped in for @servicenow/glide', () => {
    expect(hookHits['@servicenow/glide']).to.be.greaterThan(0);
  });

  it('verdict fail: refused with a plain-text message, audited at once, x_closeloop.resolution_blocked queued', () => {
    connectorAnswers('fail', [FAILING_CHECK, PASSING_CHECK]);
    const incident = storeIncident();
    const { saved } = save(incident, RESOLVE);

    expect(saved).to.equal(false);
    expect(stored(incident.sys_id!)?.state).to.equal('2');
    expect(world.errorMessages).to.have.length(1);
    const text = world.errorMessages[0] as string;
    expect(text).to.contain('INC0010042 cannot be resolved yet');
    expect(text).to.contain('CRAH-3 supply air is 29.4 °C, expected 18–27 °C for 10m');
    expect(text).not.to.contain(PASSING_CHECK.message);
    expect(text).to.contain(`See why: ${CONNECTOR_URL}/console/events/dc1%2Fhall-a%2Fcrah-3%2Fsupply-temp`);
    expect(text, 'plain text: Workspace and the Table API show it as it is').not.to.match(/<[a-z/]/i);

    expect(auditRows()).to.have.length(1);
    const row = auditRows()[0]!;
    expect(row).to.include({
      table_name: 'incident',
      task: incident.sys_id,
      number: 'INC0010042',
      correlation_id: CORRELATION,
      assignment_group: 'group-cooling',
      from_state: '2',
      to_state: '6',
      outcome: 'blocked',
      resolution_blocked: 'true',
      verdict: 'fail',
      source: 'live',
      user: 'user-1',
    });
    expect(JSON.parse(row.checks as string)).to.deep.equal([FAILING_CHECK, PASSING_CHECK]);
    expect(world.events).to.deep.equal([
      { name: 'x_closeloop.resolution_blocked', table: 'x_closeloop_closure_audit', sysId: row.sys_id, parm1: 'INC0010042', parm2: text },
    ]);

    const request = world.requests[0]!;
    expect(request).to.deep.include({ endpoint: `${CONNECTOR_URL}/v1/closure-checks`, method: 'post', httpTimeoutMs: 8000, mode: 'execute' });
    expect(request.headers['X-API-Key']).to.equal('secret-key-123');
    expect(JSON.parse(request.body)).to.deep.equal({
      record: { table: 'incident', sys_id: incident.sys_id, number: 'INC0010042', correlation_id: CORRELATION, cmdb_ci: '', target_state: '6' },
    });
  });

  it('verdict pass: saved, and the after rule writes the "allowed" row once the save went through', () => {
    connectorAnswers('pass', [PASSING_CHECK]);
    const incident = storeIncident();
    expect(save(incident, RESOLVE).saved).to.equal(true);
    expect(stored(incident.sys_id!)?.state).to.equal('6');
    expect(world.infoMessages.join()).to.contain('telemetry supports this');
    expect(auditRows().map((r) => [r.outcome, r.resolution_blocked, r.verdict])).to.deep.equal([['allowed', 'false', 'pass']]);
    expect([...world.session.keys()], 'the hand-over is consumed').to.deep.equal(['x_closeloop.live_calls']);
  });

  it('a later before rule that refuses the update leaves no row claiming the closure happened (item 5)', () => {
    connectorAnswers('pass', [PASSING_CHECK]);
    world.addBeforeUpdateRule('incident', () => true, (current) => current.setAbortAction(true));
    const incident = storeIncident();
    expect(save(incident, RESOLVE).saved).to.equal(false);
    expect(auditRows()).to.deep.equal([]);
    // Before the fix the guard wrote "allowed" in the before rule, whatever came after it.
  });

  it('going straight to Closed is checked; Resolved→Closed is not', () => {
    connectorAnswers('fail', [FAILING_CHECK]);
    expect(save(storeIncident(), { ...RESOLVE, state: '7' }).saved).to.equal(false);
    expect(auditRows()[0]).to.include({ outcome: 'blocked', to_state: '7' });
    world.requests.length = 0;
    expect(save(storeIncident({ state: '6' }), { state: '7' }).saved).to.equal(true);
    expect(world.requests).to.have.length(0);
    expect(auditRows()).to.have.length(1);
  });

  it('canceling is audited after the save, not checked', () => {
    connectorAnswers('fail', [FAILING_CHECK]);
    expect(save(storeIncident(), { state: '8' }).saved).to.equal(true);
    expect(world.requests).to.have.length(0);
    expect(auditRows()[0]).to.include({ outcome: 'canceled', to_state: '8', resolution_blocked: 'false' });
  });

  it('clearing correlation_display while resolving is refused and audited; clearing it alone is refused', () => {
    world.roles.add('itil');
    connectorAnswers('pass');
    const incident = storeIncident();
    expect(save(incident, { ...RESOLVE, correlation_display: '' }).saved).to.equal(false);
    expect(auditRows()[0]).to.include({ outcome: 'blocked', correlation_id: CORRELATION });
    expect(save(incident, { correlation_display: '' }).saved).to.equal(false);
    expect(world.errorMessages.at(-1)).to.contain('may be changed only by the Closeloop connector');
    expect(stored(incident.sys_id!)?.correlation_display).to.equal('Closeloop');
  });

  it('verdict unknown: blocked under block, allowed under allow', () => {
    connectorAnswers('unknown', [UNKNOWN_CHECK]);
    expect(save(storeIncident(), RESOLVE).saved).to.equal(false);
    configureApp({ 'x_closeloop.guard.fail_mode': 'allow' });
    expect(save(storeIncident(), RESOLVE).saved).to.equal(true);
    expect(auditRows().map((r) => r.outcome)).to.deep.equal(['blocked', 'allowed']);
  });

  it('connector times out: a fresh pushed verdict decides', () => {
    connectorAnswers('pass', [], { delayMs: 20_000 });
    pushVerdict(CORRELATION, 'fail', [FAILING_CHECK], 3);
    expect(save(storeIncident(), RESOLVE).saved).to.equal(false);
    expect(auditRows()[0]).to.include({ outcome: 'blocked', source: 'pushed', verdict: 'fail' });
    expect(auditRows()[0]?.detail).to.contain('did not answer in time');
  });

  it('MID path: executeAsync through the MID Server; plain http is fine there', () => {
    configureApp({ 'x_closeloop.connector.mid_server': 'mid-dc1', 'x_closeloop.connector.url': 'http://closeloop.dc1.local:8080' });
    connectorAnswers('fail', [FAILING_CHECK], { delayMs: 9_000 });
    pushVerdict(CORRELATION, 'pass', [PASSING_CHECK], 2);
    expect(save(storeIncident(), RESOLVE).saved).to.equal(true);
    expect(world.requests[0]).to.deep.include({ midServer: 'mid-dc1', mode: 'executeAsync', waitSeconds: 8 });
    expect(auditRows()[0]).to.include({ outcome: 'allowed', source: 'pushed' });
  });

  it('refuses a plain http connector URL without a MID Server: no call is made', () => {
    configureApp({ 'x_closeloop.connector.url': 'http://closeloop.dc1.example.com:8080' });
    connectorAnswers('pass');
    expect(save(storeIncident(), RESOLVE).saved).to.equal(false);
    expect(world.requests).to.have.length(0);
    expect(world.logs.map((l) => l.message).join()).to.contain('plain http');
  });

  it('the connection alias, when an admin gave it a connection, wins over the properties', () => {
    world.connection = { attributes: { connection_url: 'https://alias.example.com' }, credential: { api_key: 'alias-key' } };
    connectorAnswers('pass');
    save(storeIncident(), RESOLVE);
    expect(world.requests[0]).to.deep.include({ endpoint: 'https://alias.example.com/v1/closure-checks' });
    expect(world.requests[0]?.headers['X-API-Key']).to.equal('alias-key');
  });

  it('a dead connector opens the circuit: after three failures no call for a minute', () => {
    world.connector = () => ({ unreachable: 'java.net.ConnectException: Connection refused' });
    for (let i = 0; i < 3; i++) {
      world.session.clear();
      save(storeIncident({ number: `INC00100${i}` }), RESOLVE);
    }
    expect(world.requests).to.have.length(3);
    expect(world.rows('x_closeloop_connector_state')[0]).to.include({ name: 'closure_check', failures: '3' });
    world.session.clear();
    save(storeIncident(), RESOLVE);
    expect(world.requests).to.have.length(3);
    expect(auditRows().at(-1)?.detail).to.contain('connector calls paused');
  });

  it('the connector\'s own resolve rides on its fresh pushed pass, without asking itself', () => {
    world.roles.add('x_closeloop.connector');
    world.interactive = false;
    connectorAnswers('unknown', [UNKNOWN_CHECK]);
    pushVerdict(CORRELATION, 'pass', [PASSING_CHECK], 0);
    expect(save(storeIncident(), RESOLVE).saved).to.equal(true);
    expect(world.requests).to.have.length(0);
    expect(auditRows()[0]).to.include({ outcome: 'allowed', source: 'pushed', verdict: 'pass' });
  });

  it('records Closeloop does not guard are not checked', () => {
    connectorAnswers('fail', [FAILING_CHECK]);
    expect(save(storeIncident({ correlation_display: 'Manual' }), RESOLVE).saved).to.equal(true);
    expect(world.requests).to.have.length(0);
    expect(auditRows()).to.have.length(0);
  });

  it('an update another before rule already aborted is left alone', () => {
    connectorAnswers('fail', [FAILING_CHECK]);
    const current = FakeGlideRecord.positionedOn('incident', { ...storeIncident(), ...RESOLVE });
    current.setAbortAction(true);
    guardClosure.guardClosure(current, FakeGlideRecord.positionedOn('incident', storeIncident()));
    expect(world.requests).to.have.length(0);
    expect(auditRows()).to.have.length(0);
  });

  describe('work orders (Field Service)', () => {
    it('a work order initiated from a guarded incident is refused with the incident\'s telemetry', () => {
      connectorAnswers('fail', [FAILING_CHECK]);
      const incident = storeIncident();
      const order = world.insertRow('wm_order', {
        number: 'WO0010001',
        state: '16',
        initiated_from: incident.sys_id!,
        correlation_id: '',
        correlation_display: '',
        sys_class_name: 'wm_order',
      });
      expect(save(order, { state: '3', close_notes: 'Done' }, 'wm_order').saved).to.equal(false);
      expect(world.errorMessages[0]).to.contain('WO0010001 cannot be closed yet');
      expect(auditRows()[0]).to.include({ table_name: 'wm_order', task: order.sys_id, correlation_id: CORRELATION });
      const body = JSON.parse(world.requests[0]?.body ?? '{}');
      expect(body.record).to.include({ table: 'wm_order', sys_id: order.sys_id });
      expect(body.guarded_by).to.include({ table: 'incident', sys_id: incident.sys_id, correlation_id: CORRELATION });
    });
  });

  describe('override', () => {
    const JUSTIFICATION = 'Leak sensor B faulty; floor dry';

    it('the dialog\'s request + the override role: saved, audited as overridden after the save, request used, work note, event to the manager', () => {
      world.roles.add('x_closeloop.closure_override');
      world.insertRow('sys_user_group', { sys_id: 'group-cooling', name: 'Facilities - Cooling', manager: 'manager-1' });
      connectorAnswers('fail', [FAILING_CHECK]);
      const incident = storeIncident();
      const answer = JSON.parse(ajax.requestOverrideForForm('incident', incident.sys_id!, JUSTIFICATION));
      expect(answer).to.include({ ok: true, targetState: '6' });

      expect(save(incident, RESOLVE).saved).to.equal(true);
      const row = auditRows()[0]!;
      expect(row).to.include({ outcome: 'overridden', resolution_blocked: 'false', verdict: 'fail', justification: JUSTIFICATION });
      expect(world.rows('x_closeloop_override_request')[0]).to.include({ status: 'used', audit: row.sys_id });
      const notes = world.rows('sys_journal_field').filter((j) => j.element_id === incident.sys_id);
      expect(notes.map((n) => n.value).join()).to.contain('resolved despite telemetry').and.contain(JUSTIFICATION);
      expect(world.events).to.deep.equal([
        { name: 'x_closeloop.override_used', table: 'x_closeloop_closure_audit', sysId: row.sys_id, parm1: 'manager-1', parm2: JUSTIFICATION },
      ]);
    });

    it('an override whose save a later rule refuses is not audited, and its request stays pending', () => {
      world.roles.add('x_closeloop.closure_override');
      connectorAnswers('fail', [FAILING_CHECK]);
      world.addBeforeUpdateRule('incident', () => true, (current) => current.setAbortAction(true));
      const incident = storeIncident();
      requestOverrideFor(incident, JUSTIFICATION);
      expect(save(incident, RESOLVE).saved).to.equal(false);
      expect(auditRows()).to.deep.equal([]);
      expect(world.rows('x_closeloop_override_request')[0]).to.include({ status: 'pending' });
    });

    it('without the role: the request is refused, a forged request is ignored, the closure blocked', () => {
      connectorAnswers('fail', [FAILING_CHECK]);
      const incident = storeIncident();
      expect(JSON.parse(ajax.requestOverrideForForm('incident', incident.sys_id!, 'Because')).ok).to.equal(false);
      requestOverrideFor(incident, 'forged');
      expect(save(incident, RESOLVE).saved).to.equal(false);
      expect(world.errorMessages.at(-1)).to.contain('requires the x_closeloop.closure_override role');
      expect(auditRows()[0]).to.include({ outcome: 'blocked' });
    });
  });

  describe('never leaves the user with a generic failure', () => {
    it('an unexpected error is caught: fail mode block refuses with an explanation and an audit row', () => {
      connectorAnswers('pass');
      const current = FakeGlideRecord.positionedOn('incident', { ...storeIncident(), ...RESOLVE });
      const previous = FakeGlideRecord.positionedOn('incident', storeIncident());
      world.tables.delete('x_closeloop_guarded_table');
      world.rows('x_closeloop_guarded_table').push({ table_name: 'incident', active: 'true', closing_states: '6', cancel_states: '6' });
      expect(() => guardClosure.guardClosure(current, previous)).not.to.throw();
      expect(current.isActionAborted()).to.equal(true);
      expect(world.errorMessages[0]).to.contain('failed unexpectedly').and.to.contain('both a closing and a cancel state');
      expect(world.logs.some((l) => l.level === 'error')).to.equal(true);
      expect(auditRows()[0]).to.include({ outcome: 'unavailable', resolution_blocked: 'true' });
    });

    it('under fail mode allow the same error lets the closure through, audited after the save', () => {
      configureApp({ 'x_closeloop.guard.fail_mode': 'allow' });
      world.tables.delete('x_closeloop_guarded_table');
      world.rows('x_closeloop_guarded_table').push({ table_name: 'incident', active: 'true', closing_states: '6', cancel_states: '6' });
      expect(save(storeIncident(), RESOLVE).saved).to.equal(true);
      expect(world.infoMessages[0]).to.contain('allowed by fail mode');
      expect(auditRows()[0]).to.include({ outcome: 'unavailable', resolution_blocked: 'false' });
    });

    it('a failing audit insert is logged, the decision stands', () => {
      connectorAnswers('fail', [FAILING_CHECK]);
      const rows = world.rows('x_closeloop_closure_audit');
      rows.push = () => {
        throw new Error('insert refused');
      };
      expect(save(storeIncident(), RESOLVE).saved).to.equal(false);
      expect(world.errorMessages).to.have.length(1);
      expect(world.logs.map((l) => l.message).join()).to.contain('insert refused');
    });
  });
});

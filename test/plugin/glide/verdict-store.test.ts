import { expect } from 'chai';
import { loadGlideAdapters } from '../support/plugin-modules.js';
import { world } from '../support/glide-fakes.js';

const { verdictStore, properties, auditLog, cmdb } = loadGlideAdapters();

const row = (correlationId: string, verdict = 'fail') => ({
  correlation_id: correlationId,
  verdict,
  checks: '[]',
  evaluated_at: '2025-06-01T11:58:00Z',
});

describe('plugin glide adapters: verdict store, properties, audit log, CMDB', () => {
  beforeEach(() => world.reset());

  it('finds the pushed verdict by correlation_id', () => {
    world.insertRow('x_closeloop_verdict', row('other', 'pass'));
    world.insertRow('x_closeloop_verdict', row('dc1/crah-3'));
    expect(verdictStore.findPushedVerdict('dc1/crah-3')).to.deep.equal({
      kind: 'found',
      row: { correlationId: 'dc1/crah-3', verdict: 'fail', checks: '[]', evaluatedAt: '2025-06-01T11:58:00Z' },
    });
  });

  it('never queries with an empty key (it would match every row)', () => {
    world.insertRow('x_closeloop_verdict', row('dc1/crah-3'));
    expect(verdictStore.findPushedVerdict('')).to.deep.equal({ kind: 'none' });
  });

  it('treats more than one row for a key as an error, not "take the first"', () => {
    world.insertRow('x_closeloop_verdict', row('dc1/crah-3'));
    world.insertRow('x_closeloop_verdict', row('dc1/crah-3', 'pass'));
    expect(verdictStore.findPushedVerdict('dc1/crah-3')).to.deep.equal({
      kind: 'error',
      problem: 'more than one pushed verdict for correlation_id dc1/crah-3',
    });
  });

  it('no row → none', () => {
    expect(verdictStore.findPushedVerdict('dc1/nothing')).to.deep.equal({ kind: 'none' });
  });

  it('reads properties, telling a missing one (undefined) from an emptied one', () => {
    world.properties.set('x_closeloop.guard.correlation_display', '');
    world.properties.set('x_closeloop.guard.fail_mode', 'allow');
    expect(properties.readProperty('x_closeloop.guard.correlation_display')).to.equal('');
    expect(properties.readProperty('x_closeloop.guard.fail_mode')).to.equal('allow');
    expect(properties.readProperty('x_closeloop.connector.url')).to.equal(undefined);
  });

  it('writes one audit row with every column', () => {
    const id = auditLog.insertAuditEntry({
      table: 'wm_order',
      recordSysId: 'wo-1',
      number: 'WO0010001',
      correlationId: 'dc1/crah-3',
      assignmentGroup: 'group-1',
      fromState: '16',
      toState: '3',
      outcome: 'blocked',
      resolutionBlocked: true,
      verdict: 'fail',
      source: 'live',
      checksJson: '[]',
      evaluatedAt: '2025-06-01T12:00:00Z',
      userId: 'user-1',
      justification: '',
      checkedAt: '2025-06-01 12:00:01',
      detail: '',
      message: 'Closeloop: blocked',
    });
    const rows = world.rows('x_closeloop_closure_audit');
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({
      sys_id: id,
      table_name: 'wm_order',
      task: 'wo-1',
      number: 'WO0010001',
      correlation_id: 'dc1/crah-3',
      assignment_group: 'group-1',
      from_state: '16',
      to_state: '3',
      outcome: 'blocked',
      resolution_blocked: 'true',
      verdict: 'fail',
      source: 'live',
      checks: '[]',
      user: 'user-1',
      checked_at: '2025-06-01 12:00:01',
      message: 'Closeloop: blocked',
    });
  });

  it('looks up a CI class, empty when the CI does not exist', () => {
    const ci = world.insertRow('cmdb_ci', { name: 'UPS-A', sys_class_name: 'cmdb_ci_ups' });
    expect(cmdb.lookupCiClass(ci.sys_id as string)).to.equal('cmdb_ci_ups');
    expect(cmdb.lookupCiClass('missing')).to.equal('');
    expect(cmdb.lookupCiClass('')).to.equal('');
  });
});

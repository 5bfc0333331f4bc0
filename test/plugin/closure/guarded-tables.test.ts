import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';
import { TABLE_ROWS, guardedTable, row, settings, snapshot } from '../support/closure-fixtures.js';

const { guardedTables } = loadClosureModules();
const { parseGuardedTable, classifyTransition, isChecked, resolveState, effectiveFailMode } = guardedTables;

const move = (table: ReturnType<typeof guardedTable>, before: string, after: string, closeCode = '') =>
  classifyTransition(table, {
    previous: snapshot({ state: before }),
    current: snapshot({ state: after, closeCode }),
  });

describe('plugin closure/guarded-tables', () => {
  it('parses the shipped rows', () => {
    const parsed = Object.values(TABLE_ROWS).map((r) => parseGuardedTable(r));
    expect(parsed.every((p) => p.ok)).to.equal(true);
    const order = parseGuardedTable(TABLE_ROWS.wm_order!);
    expect(order.ok && order.table).to.deep.equal({
      table: 'wm_order',
      closingStates: ['3'],
      cancelStates: ['7'],
      guardedCloseCodes: [],
      viaField: 'initiated_from',
      ownCorrelation: true,
      failMode: 'inherit',
    });
  });

  it('refuses rows it cannot understand, saying why', () => {
    const problem = (r: ReturnType<typeof row>) => {
      const parsed = parseGuardedTable(r);
      return parsed.ok ? 'ok' : 'problem' in parsed ? parsed.problem : 'inactive';
    };
    expect(problem(row('Incident; drop', '6', ''))).to.contain('not a table name');
    expect(problem(row('incident', '', '8'))).to.contain('no closing states');
    expect(problem(row('incident', 'resolved', '8'))).to.contain('"resolved" is not a state value');
    expect(problem(row('incident', '6,7', '7'))).to.contain('both a closing and a cancel state');
    expect(problem(row('incident', '6', '', { viaField: 'parent.bad' }))).to.contain('not a column name');
    expect(problem(row('incident', '6', '', { failMode: 'maybe' }))).to.contain('inherit, block or allow');
    expect(problem(row('incident', '6', '', { ownCorrelation: 'false' }))).to.contain('neither its own correlation nor a via field');
    expect(problem(row('incident', '6', '', { active: 'false' }))).to.equal('inactive');
    expect(problem(row('change_request', '-1,3', '4'))).to.equal('ok');
  });

  it('a move into a closing state from outside them is a closure; between them it is not', () => {
    const incident = guardedTable();
    expect(move(incident, '2', '6')).to.equal('closing');
    expect(move(incident, '2', '7')).to.equal('closing');
    expect(move(incident, '1', '7')).to.equal('closing');
    expect(move(incident, '6', '7')).to.equal('none');
    expect(move(incident, '7', '6')).to.equal('none');
    expect(move(incident, '2', '3')).to.equal('none');
    expect(move(incident, '6', '6')).to.equal('none');
  });

  it('a move into a cancel state from an open one is a cancellation', () => {
    const incident = guardedTable();
    expect(move(incident, '2', '8')).to.equal('cancel');
    expect(move(incident, '6', '8')).to.equal('none');
    expect(isChecked('cancel', settings())).to.equal(false);
    expect(isChecked('cancel', settings({ guardCancel: true }))).to.equal(true);
    expect(isChecked('closing', settings())).to.equal(true);
  });

  it('with guarded close codes only closures with one of them are checked', () => {
    const change = guardedTable({ table: 'change_request', closingStates: ['3'], cancelStates: ['4'], guardedCloseCodes: ['successful', 'successful_issues'] });
    expect(move(change, '-1', '3', 'successful')).to.equal('closing');
    expect(move(change, '0', '3', 'successful_issues')).to.equal('closing');
    expect(move(change, '-1', '3', 'unsuccessful')).to.equal('none');
    // The instance compares choice values without regard to case: another spelling is the same code.
    expect(move(change, '-1', '3', 'Successful')).to.equal('closing');
    expect(move(change, '-1', '3', ' SUCCESSFUL_ISSUES ')).to.equal('closing');
    expect(move(change, '-1', '4')).to.equal('cancel');
  });

  it('the override moves to the first closing state; the table may set its fail mode', () => {
    expect(resolveState(guardedTable())).to.equal('6');
    expect(effectiveFailMode(guardedTable({ failMode: 'inherit' }), settings({ failMode: 'allow' }))).to.equal('allow');
    expect(effectiveFailMode(guardedTable({ failMode: 'block' }), settings({ failMode: 'allow' }))).to.equal('block');
  });
});

// The guarded tables (x_closeloop_guarded_table): which tables are guarded, what their closing and
// cancel states are, and how a record is tied to telemetry. Parsed strictly: a row that cannot be
// understood guards nothing rather than guarding the wrong transition, and says why.
import type { GuardedTable, GuardedTableRow, GuardSettings, RecordUpdate, TransitionKind } from './types.ts';

export type GuardedTableResult =
  { ok: true; table: GuardedTable } | { ok: false; problem: string } | { ok: false; inactive: true };

const NAME = /^[a-z][a-z0-9_]{0,79}$/;
const STATE = /^-?\d{1,4}$/;
const CODE = /^[^,]{1,40}$/;

export function parseGuardedTable(row: GuardedTableRow): GuardedTableResult {
  const table = row.table.trim().toLowerCase();
  const where = `guarded table "${row.table}"`;
  if (!NAME.test(table)) return { ok: false, problem: `${where}: not a table name` };
  if (!isTrue(row.active)) return { ok: false, inactive: true };
  const closing = list(row.closingStates);
  const cancel = list(row.cancelStates);
  const codes = list(row.guardedCloseCodes);
  if (closing.length === 0) return { ok: false, problem: `${where}: no closing states` };
  const badState = [...closing, ...cancel].find((state) => !STATE.test(state));
  if (badState !== undefined) return { ok: false, problem: `${where}: "${badState}" is not a state value` };
  const overlap = closing.find((state) => cancel.includes(state));
  if (overlap !== undefined) {
    return { ok: false, problem: `${where}: state ${overlap} is both a closing and a cancel state` };
  }
  const badCode = codes.find((code) => !CODE.test(code));
  if (badCode !== undefined) return { ok: false, problem: `${where}: "${badCode}" is not a close code` };
  const via = row.viaField.trim();
  if (via !== '' && !NAME.test(via)) return { ok: false, problem: `${where}: via field "${via}" is not a column name` };
  const ownCorrelation = row.ownCorrelation.trim() === '' ? true : isTrue(row.ownCorrelation);
  if (!ownCorrelation && via === '') {
    return { ok: false, problem: `${where}: neither its own correlation nor a via field can guard it` };
  }
  const failMode = row.failMode.trim().toLowerCase();
  if (failMode !== '' && failMode !== 'inherit' && failMode !== 'block' && failMode !== 'allow') {
    return { ok: false, problem: `${where}: fail mode must be inherit, block or allow, got "${row.failMode}"` };
  }
  return {
    ok: true,
    table: {
      table,
      closingStates: closing,
      cancelStates: cancel,
      guardedCloseCodes: codes,
      viaField: via,
      ownCorrelation,
      failMode: failMode === 'block' || failMode === 'allow' ? failMode : 'inherit',
    },
  };
}

/**
 * What a state change means on a guarded table. Into a closing state from outside the closing
 * states (open→Resolved, open→Closed; Resolved→Closed is not a new closure), or into a cancel state
 * from an open state. With guarded close codes, a closure with another code is not checked.
 */
export function classifyTransition(table: GuardedTable, update: RecordUpdate): TransitionKind {
  const after = update.current.state;
  const before = update.previous ? update.previous.state : '';
  if (after === before) return 'none';
  if (table.closingStates.includes(after)) {
    if (table.closingStates.includes(before)) return 'none';
    // Choice values compare without regard to case on the instance (queries, reports): "Successful"
    // is the guarded "successful", not a way past the check.
    const code = update.current.closeCode.trim().toLowerCase();
    if (table.guardedCloseCodes.length > 0 && !table.guardedCloseCodes.some((c) => c.toLowerCase() === code)) {
      return 'none';
    }
    return 'closing';
  }
  if (table.cancelStates.includes(after)) {
    if (table.closingStates.includes(before) || table.cancelStates.includes(before)) return 'none';
    return 'cancel';
  }
  return 'none';
}

/** Whether a transition of this kind is checked (may be blocked) rather than only audited. */
export function isChecked(kind: TransitionKind, settings: GuardSettings): boolean {
  return kind === 'closing' || (kind === 'cancel' && settings.guardCancel);
}

/** The state "Resolve despite telemetry" moves a record of this table to. */
export function resolveState(table: GuardedTable): string {
  return table.closingStates[0] ?? '';
}

export function effectiveFailMode(table: GuardedTable, settings: GuardSettings): GuardSettings['failMode'] {
  return table.failMode === 'inherit' ? settings.failMode : table.failMode;
}

function list(text: string): string[] {
  const values: string[] = [];
  for (const part of String(text ?? '').split(',')) {
    const value = part.trim();
    if (value !== '' && !values.includes(value)) values.push(value);
  }
  return values;
}

function isTrue(value: string): boolean {
  const normalised = String(value ?? '').trim().toLowerCase();
  return normalised === 'true' || normalised === '1';
}

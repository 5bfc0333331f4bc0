// Reads the configuration row of a guarded table (x_closeloop_guarded_table).
import { GlideRecord } from '@servicenow/glide';
import type { GuardedTableLookup } from '../closure/types.ts';
import { GUARDED_TABLE_TABLE } from '../closure/names.ts';

export function findGuardedTable(table: string): GuardedTableLookup {
  // An empty name would match every row, so it is never queried.
  if (!/^[a-z][a-z0-9_]*$/.test(table)) return { kind: 'none' };
  const record = new GlideRecord(GUARDED_TABLE_TABLE);
  // An unknown column in addQuery is silently ignored and then matches every row.
  if (!record.isValidField('table_name')) {
    return { kind: 'error', problem: `${GUARDED_TABLE_TABLE}.table_name does not exist` };
  }
  record.addQuery('table_name', table);
  record.setLimit(2);
  record.query();
  if (!record.next()) return { kind: 'none' };
  const row = {
    table: text(record.getValue('table_name')),
    active: text(record.getValue('active')),
    closingStates: text(record.getValue('closing_states')),
    cancelStates: text(record.getValue('cancel_states')),
    guardedCloseCodes: text(record.getValue('guarded_close_codes')),
    viaField: text(record.getValue('via_field')),
    ownCorrelation: text(record.getValue('own_correlation')),
    failMode: text(record.getValue('fail_mode')),
  };
  if (row.table !== table) return { kind: 'error', problem: `lookup of ${table} returned the row of "${row.table}"` };
  if (record.next()) return { kind: 'error', problem: `more than one configuration row for table ${table}` };
  return { kind: 'found', row };
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

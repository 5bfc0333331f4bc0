// Reads a column of a row, following dot-walks through reference columns (`cmdb_ci.name`), the way
// encoded queries, sysparm_fields and display values name columns. Unknown columns read as undefined.
import { TABLES, columnsOf, displayFieldOf, tableChain, tableDef, type FieldDef } from './dictionary.js';
import { getRow, type Row, type Store } from './store.js';

export interface FieldValue {
  value: string;
  numeric: boolean;
  field: FieldDef;
  /** Table and row the final column belongs to (after dot-walking). */
  table: string;
  row: Row | undefined;
}

export function readField(
  store: Store,
  table: string,
  row: Row | undefined,
  path: string,
): FieldValue | undefined {
  const [head = '', ...rest] = path.split('.');
  const field = columnsOf(table).get(head);
  if (!field) return undefined;
  const value = row?.[head] ?? '';
  if (rest.length === 0) {
    return {
      value: field.type === 'journal_input' ? '' : value,
      numeric: field.type === 'integer',
      field,
      table,
      row,
    };
  }
  if (field.type !== 'reference' || !field.reference) return undefined;
  const target = value ? findRow(store, field.reference, value) : undefined;
  return readField(store, target?.table ?? field.reference, target?.row, rest.join('.'));
}

/** A referenced row; a reference to a parent table (task) finds it in the table that holds it. */
function findRow(store: Store, table: string, sysId: string): { table: string; row: Row } | undefined {
  const direct = getRow(store, table, sysId);
  if (direct) return { table, row: direct };
  if (tableDef(table)?.queryable) return undefined;
  for (const child of TABLES) {
    if (child.name === table || !tableChain(child.name).includes(table)) continue;
    const row = getRow(store, child.name, sysId);
    if (row) return { table: child.name, row };
  }
  return undefined;
}

/** Display value of a reference: the referenced row's display column. */
export function referenceDisplay(store: Store, table: string, sysId: string): string {
  if (!sysId) return '';
  const target = findRow(store, table, sysId);
  return target ? (target.row[displayFieldOf(target.table)] ?? '') : '';
}

// Reads a column of a row, following dot-walks through reference columns (`cmdb_ci.name`), the way
// encoded queries, sysparm_fields and display values name columns. Unknown columns read as undefined.
import { columnsOf, displayFieldOf, type FieldDef } from './dictionary.js';
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
  const target = value ? getRow(store, field.reference, value) : undefined;
  return readField(store, field.reference, target, rest.join('.'));
}

/** Display value of a reference: the referenced row's display column. */
export function referenceDisplay(store: Store, table: string, sysId: string): string {
  if (!sysId) return '';
  const target = getRow(store, table, sysId);
  return target?.[displayFieldOf(table)] ?? '';
}

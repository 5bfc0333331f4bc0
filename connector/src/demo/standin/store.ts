// The stand-in's records: one insertion-ordered map per table, all values stored as strings (the
// Table API's raw values are strings too), plus the per-table number counters. Plain data and
// functions; everything that gives a write its platform meaning lives in writes.ts.
import { columnsOf, tableDef } from './dictionary.js';
import { formatGlideDateTime, formatNumber, newSysId } from './ids.js';

export type Row = Record<string, string>;

export interface Store {
  tables: Map<string, Map<string, Row>>;
  /** Last number handed out per table (incident → 10000 before the first insert). */
  counters: Map<string, number>;
}

export interface JournalEntry {
  sys_id: string;
  element: string;
  value: string;
  sys_created_on: string;
  sys_created_by: string;
}

export function createStore(): Store {
  return { tables: new Map(), counters: new Map() };
}

export function rowsOf(store: Store, table: string): Map<string, Row> {
  let rows = store.tables.get(table);
  if (!rows) {
    rows = new Map();
    store.tables.set(table, rows);
  }
  return rows;
}

export function getRow(store: Store, table: string, sysId: string): Row | undefined {
  return store.tables.get(table)?.get(sysId);
}

export function allRows(store: Store, table: string): Row[] {
  return [...(store.tables.get(table)?.values() ?? [])];
}

export function nextNumber(store: Store, table: string): string {
  const def = tableDef(table);
  if (!def?.numberPrefix) return '';
  const last = store.counters.get(table) ?? (def.numberStart ?? 1) - 1;
  store.counters.set(table, last + 1);
  return formatNumber(def.numberPrefix, last + 1);
}

/** A complete new row: every column present, defaults applied, system columns filled. */
export function blankRow(store: Store, table: string, user: string, nowMs: number): Row {
  const row: Row = {};
  for (const [element, field] of columnsOf(table)) row[element] = field.defaultValue ?? '';
  const now = formatGlideDateTime(nowMs);
  row.sys_id = newSysId();
  row.sys_created_on = now;
  row.sys_updated_on = now;
  row.sys_created_by = user;
  row.sys_updated_by = user;
  row.sys_mod_count = '0';
  if ('sys_class_name' in row && !row.sys_class_name) row.sys_class_name = table;
  if ('number' in row) row.number = nextNumber(store, table);
  return row;
}

/** Stores the row as is (callers have applied the platform's rules) and returns it. */
export function putRow(store: Store, table: string, row: Row): Row {
  const sysId = row.sys_id;
  if (!sysId) throw new Error(`row for ${table} has no sys_id`);
  rowsOf(store, table).set(sysId, row);
  return row;
}

export function deleteRow(store: Store, table: string, sysId: string): boolean {
  return store.tables.get(table)?.delete(sysId) ?? false;
}

/** Journal entries (work_notes, comments) of one record, oldest first. */
export function journalOf(store: Store, table: string, sysId: string, element?: string): JournalEntry[] {
  return allRows(store, 'sys_journal_field')
    .filter((row) => row.name === table && row.element_id === sysId && (!element || row.element === element))
    .map((row) => ({
      sys_id: row.sys_id ?? '',
      element: row.element ?? '',
      value: row.value ?? '',
      sys_created_on: row.sys_created_on ?? '',
      sys_created_by: row.sys_created_by ?? '',
    }));
}

// Reads a task-derived record (the one being updated, or one it references) into plain facts.
import { GlideRecord } from '@servicenow/glide';
import type { RecordSnapshot } from '../closure/types.ts';
import { TASK_TABLE } from '../closure/names.ts';
import { findGuardedTable } from './guarded-table-store.ts';

/** The fields the guard reads; `viaField` is the table's configured reference ('' none). */
export function readSnapshot(record: GlideRecord, viaField: string): RecordSnapshot {
  return {
    table: tableOf(record),
    sysId: text(record.getUniqueValue()),
    number: field(record, 'number'),
    state: field(record, 'state'),
    correlationId: field(record, 'correlation_id').trim(),
    correlationDisplay: field(record, 'correlation_display'),
    cmdbCi: field(record, 'cmdb_ci'),
    closeCode: field(record, 'close_code'),
    assignmentGroup: field(record, 'assignment_group'),
    via: viaField ? field(record, viaField) : '',
  };
}

/** The record's own table: a rule on task sees incidents, work orders and changes alike. */
export function tableOf(record: GlideRecord): string {
  const cls = field(record, 'sys_class_name');
  return cls || text(record.getTableName());
}

/** The via field configured for a table, '' when none or unreadable. */
export function viaFieldOf(table: string): string {
  const lookup = findGuardedTable(table);
  return lookup.kind === 'found' ? lookup.row.viaField.trim() : '';
}

/** A task-derived record by sys_id, read on its own table so its own columns are there. */
export function loadRecord(sysId: string): RecordSnapshot | null {
  if (!/^[0-9a-f]{32}$/i.test(sysId)) return null;
  const task = new GlideRecord(TASK_TABLE);
  if (!task.get(sysId)) return null;
  const table = tableOf(task);
  const record = new GlideRecord(table);
  if (!record.get(sysId)) return null;
  return readSnapshot(record, viaFieldOf(table));
}

function field(record: GlideRecord, name: string): string {
  if (!record.isValidField(name)) return '';
  return text(record.getValue(name));
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

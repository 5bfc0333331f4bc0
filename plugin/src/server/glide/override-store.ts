// Override requests made by "Resolve despite telemetry" (x_closeloop_override_request): written by
// the dialog's AJAX call, read by the guard, marked used by the after rule once the closure is saved.
import { GlideRecord } from '@servicenow/glide';
import type { OverrideRequestRow } from '../closure/types.ts';
import { OVERRIDE_TABLE } from '../closure/names.ts';
import { parseTimestamp } from '../closure/timestamps.ts';

export function findOverrideRequest(table: string, sysId: string, userId: string): OverrideRequestRow | null {
  if (!table || !sysId || !userId) return null;
  const record = new GlideRecord(OVERRIDE_TABLE);
  record.addQuery('table_name', table);
  record.addQuery('task', sysId);
  record.addQuery('user', userId);
  record.addQuery('status', 'pending');
  record.orderByDesc('requested_at');
  record.setLimit(1);
  record.query();
  if (!record.next()) return null;
  const requestedAtMs = parseTimestamp(text(record.getValue('requested_at')));
  if (requestedAtMs === null) return null;
  return { sysId: text(record.getUniqueValue()), justification: text(record.getValue('justification')), requestedAtMs };
}

/** A new pending request; earlier pending ones of the same user for the record are superseded. */
export function insertOverrideRequest(
  table: string,
  sysId: string,
  userId: string,
  justification: string,
  requestedAt: string,
): string | null {
  const earlier = new GlideRecord(OVERRIDE_TABLE);
  earlier.addQuery('table_name', table);
  earlier.addQuery('task', sysId);
  earlier.addQuery('user', userId);
  earlier.addQuery('status', 'pending');
  earlier.query();
  while (earlier.next()) {
    earlier.setValue('status', 'superseded');
    earlier.update();
  }
  const record = new GlideRecord(OVERRIDE_TABLE);
  record.initialize();
  record.setValue('table_name', table);
  record.setValue('task', sysId);
  record.setValue('user', userId);
  record.setValue('justification', justification);
  record.setValue('requested_at', requestedAt);
  record.setValue('status', 'pending');
  return record.insert();
}

export function markOverrideUsed(requestId: string, auditId: string): void {
  if (!requestId) return;
  const record = new GlideRecord(OVERRIDE_TABLE);
  if (!record.get(requestId)) return;
  record.setValue('status', 'used');
  if (auditId) record.setValue('audit', auditId);
  record.update();
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

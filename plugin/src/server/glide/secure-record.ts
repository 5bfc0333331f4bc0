// A record read with the caller's own access (GlideRecordSecure): what a form's GlideAjax call may
// learn about, and change on, a record.
import { GlideRecordSecure } from '@servicenow/glide';
import type { GlideRecord } from '@servicenow/glide';

/** The record when the user may read it; null for a bad name or id, or no access. */
export function readableRecord(table: string, sysId: string): GlideRecord | null {
  if (!/^[a-z][a-z0-9_]{0,79}$/.test(String(table)) || !/^[0-9a-f]{32}$/i.test(String(sysId))) return null;
  const record = new GlideRecordSecure(table);
  if (!record.isValid() || !record.get(sysId) || !record.canRead()) return null;
  return record as unknown as GlideRecord;
}

export function userCanWrite(record: GlideRecord): boolean {
  return (record as unknown as { canWrite(): boolean }).canWrite() === true;
}

// Business rule "Closeloop: confirm closures" (after update on task, state changes): the update the
// guard allowed is now committed, so its audit row is written, an override request it used is marked
// used, and an override is announced (event x_closeloop.override_used). A closure a later rule or data
// policy refused never gets here, and leaves no row claiming it happened.
import type { GlideRecord } from '@servicenow/glide';
import { errorText, pendingKey, planAfterUpdate } from '../closure/guard.ts';
import { AUDIT_TABLE, EVENT } from '../closure/names.ts';
import { readSnapshot } from '../glide/record.ts';
import { insertAuditEntry } from '../glide/audit-log.ts';
import { markOverrideUsed } from '../glide/override-store.ts';
import { groupManager, queueEvent } from '../glide/events.ts';
import { logError, readSessionValue, writeSessionValue } from '../glide/session.ts';

export function confirmClosure(current: GlideRecord): void {
  try {
    const record = readSnapshot(current, '');
    const key = pendingKey(record);
    const text = readSessionValue(key);
    if (!text) return;
    writeSessionValue(key, '');
    const pending = planAfterUpdate(text, record, Date.now());
    if (!pending) return;
    const auditId = insertAuditEntry(pending.audit);
    if (!auditId) logError(`could not record the closure audit row for ${record.table} ${record.sysId}`);
    if (pending.overrideRequestId) markOverrideUsed(pending.overrideRequestId, auditId ?? '');
    if (pending.override && auditId) {
      queueEvent(EVENT.overrideUsed, AUDIT_TABLE, auditId, groupManager(pending.audit.assignmentGroup), pending.audit.justification);
    }
  } catch (error) {
    logError(`could not confirm the closure of ${String(current.getUniqueValue())}: ${errorText(error)}`);
  }
}

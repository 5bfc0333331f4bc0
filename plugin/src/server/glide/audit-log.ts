// Writes one row of x_closeloop_closure_audit. A separate insert, so a refusal's row survives the
// aborted update; allowed and overridden closures are written by the after rule.
import { GlideRecord } from '@servicenow/glide';
import type { AuditEntry } from '../closure/types.ts';
import { AUDIT_TABLE } from '../closure/names.ts';

export function insertAuditEntry(entry: AuditEntry): string | null {
  const record = new GlideRecord(AUDIT_TABLE);
  record.initialize();
  record.setValue('table_name', entry.table);
  record.setValue('task', entry.recordSysId);
  record.setValue('number', entry.number);
  record.setValue('correlation_id', entry.correlationId);
  record.setValue('assignment_group', entry.assignmentGroup);
  record.setValue('from_state', entry.fromState);
  record.setValue('to_state', entry.toState);
  record.setValue('outcome', entry.outcome);
  record.setValue('resolution_blocked', entry.resolutionBlocked);
  record.setValue('verdict', entry.verdict);
  record.setValue('source', entry.source);
  record.setValue('checks', entry.checksJson);
  record.setValue('evaluated_at', entry.evaluatedAt);
  record.setValue('user', entry.userId);
  record.setValue('justification', entry.justification);
  record.setValue('checked_at', entry.checkedAt);
  record.setValue('detail', entry.detail);
  record.setValue('message', entry.message);
  return record.insert();
}

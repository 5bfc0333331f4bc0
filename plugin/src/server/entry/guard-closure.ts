// Business rule "Closeloop: guard closures" (before update on task: state, correlation_id or
// correlation_display changes). Decides with closure/guard.ts; refusals are audited here (the
// update will not happen), allowed and overridden closures are handed to the after rule "Closeloop:
// confirm closures". Nothing escapes as an exception: an unhandled error would leave the user with
// a generic failure, so the fail mode decides instead.
import type { GlideRecord } from '@servicenow/glide';
import type { AuditEntry, RecordUpdate, ResolutionDecision } from '../closure/types.ts';
import { auditEntry, errorText, pendingKey, planBeforeUpdate, planFailure } from '../closure/guard.ts';
import { readGuardSettings } from '../closure/settings.ts';
import { AUDIT_TABLE, EVENT } from '../closure/names.ts';
import { renderInline } from '../closure/messages.ts';
import { glideEnvironment } from '../glide/environment.ts';
import { readSnapshot, tableOf, viaFieldOf } from '../glide/record.ts';
import { insertAuditEntry } from '../glide/audit-log.ts';
import { queueEvent } from '../glide/events.ts';
import { readProperty } from '../glide/properties.ts';
import { logError, logWarning, showMessage, writeSessionValue } from '../glide/session.ts';

export function guardClosure(current: GlideRecord, previous: GlideRecord | null): void {
  let update: RecordUpdate | null = null;
  try {
    // An earlier before rule already refused this update: no call, nothing to audit.
    if (current.isActionAborted()) return;
    const via = viaFieldOf(tableOf(current));
    update = { current: readSnapshot(current, via), previous: previous ? readSnapshot(previous, via) : null };
    const env = glideEnvironment();
    const plan = planBeforeUpdate(env, update);
    for (const warning of plan.warnings) logWarning(warning);
    if (plan.kind === 'ignore') return;
    if (plan.kind === 'refuse') {
      showMessage(plan.message);
      current.setAbortAction(true);
      return;
    }
    if (plan.decision.message) showMessage(plan.decision.message);
    if (plan.decision.abort) {
      current.setAbortAction(true);
      if (plan.auditNow) recordRefusal(plan.auditNow, plan.decision);
      return;
    }
    if (plan.workNote) current.setValue('work_notes', plan.workNote);
    if (plan.pending) writeSessionValue(plan.pendingKey, JSON.stringify(plan.pending));
  } catch (error) {
    failSafe(current, update, errorText(error));
  }
}

/** The refusal's audit row, and the event that tells the assignment group and Flow. */
function recordRefusal(entry: AuditEntry, decision: ResolutionDecision): void {
  try {
    const auditId = insertAuditEntry(entry);
    if (!auditId) {
      logError(`could not record the closure audit row for ${entry.table} ${entry.recordSysId}`);
      return;
    }
    queueEvent(EVENT.resolutionBlocked, AUDIT_TABLE, auditId, entry.number, decision.message ? renderInline(decision.message) : '');
  } catch (error) {
    // A lost audit row is logged; it must not turn a decision already shown into another one.
    logError(`could not record the closure audit row for ${entry.table} ${entry.recordSysId}: ${errorText(error)}`);
  }
}

/** The guard broke: apply the fail mode (block unless "allow" can be read), tell the user, log. */
function failSafe(current: GlideRecord, update: RecordUpdate | null, error: string): void {
  try {
    logError(`closure guard failed: ${error}`);
    let failMode: 'block' | 'allow' = 'block';
    try {
      failMode = readGuardSettings(readProperty).settings.failMode;
    } catch {
      // Keep "block": the safe side.
    }
    const decision = planFailure(failMode, update ? update.current.number : '', error);
    if (decision.message) showMessage(decision.message);
    if (decision.abort) current.setAbortAction(true);
    if (!update) return;
    const entry = auditEntry(glideEnvironment(), update, null, decision, '');
    if (decision.abort) recordRefusal(entry, decision);
    else
      writeSessionValue(
        pendingKey(update.current),
        JSON.stringify({ audit: entry, overrideRequestId: '', override: false, decidedAtMs: Date.now() }),
      );
  } catch {
    // Last resort: refuse the closure rather than let it through unchecked.
    current.setAbortAction(true);
  }
}

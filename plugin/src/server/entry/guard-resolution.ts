// Business rule "Closeloop: guard incident resolution" (before update on incident, state changes
// to Resolved). Everything goes through the Glide adapters; nothing escapes as an exception,
// because an unhandled error would leave the user with a generic failure.
import type { GlideRecord } from '@servicenow/glide';
import type { AuditEntry, IncidentFacts, ResolutionDecision } from '../closure/types.ts';
import { auditEntry, errorText, planFailure, planResolution } from '../closure/guard.ts';
import { readGuardSettings } from '../closure/settings.ts';
import { glideEnvironment } from '../glide/environment.ts';
import { consumeOverrideRequest, readIncidentFacts } from '../glide/incident-record.ts';
import { insertAuditEntry } from '../glide/audit-log.ts';
import { readProperty } from '../glide/properties.ts';
import { logError, logWarning, showMessage } from '../glide/session.ts';

export function guardIncidentResolution(current: GlideRecord, previous: GlideRecord): void {
  let incident: IncidentFacts | null = null;
  let audit: AuditEntry;
  try {
    // An earlier before rule already refused this update: no call, nothing to audit.
    if (current.isActionAborted()) return;
    incident = readIncidentFacts(current, previous);
    const plan = planResolution(glideEnvironment(), incident);
    for (const warning of plan.warnings) logWarning(warning);
    if (plan.kind === 'ignore') return;
    if (plan.kind === 'unguarded') {
      if (plan.consumeOverride) consumeOverrideRequest(current);
      return;
    }
    apply(current, plan.decision);
    audit = plan.audit;
  } catch (error) {
    failSafe(current, incident, errorText(error));
    return;
  }
  // A lost audit row is logged; it must not turn a decision already shown into another one.
  recordAudit(audit);
}

function recordAudit(entry: AuditEntry): void {
  try {
    if (!insertAuditEntry(entry))
      logError(`could not record the closure audit row for incident ${entry.incidentSysId}`);
  } catch (error) {
    logError(
      `could not record the closure audit row for incident ${entry.incidentSysId}: ${errorText(error)}`,
    );
  }
}

function apply(current: GlideRecord, decision: ResolutionDecision): void {
  if (decision.message) showMessage(decision.message);
  if (decision.abort) current.setAbortAction(true);
  else if (decision.consumeOverride) consumeOverrideRequest(current);
}

/** The guard broke: apply the fail mode (block unless "allow" can be read), tell the user, log. */
function failSafe(current: GlideRecord, known: IncidentFacts | null, error: string): void {
  try {
    logError(`closure guard failed: ${error}`);
    let failMode: 'block' | 'allow' = 'block';
    try {
      failMode = readGuardSettings(readProperty).settings.failMode;
    } catch {
      // Keep "block": the safe side.
    }
    const incident = known ?? unknownIncident(current);
    const decision = planFailure(failMode, incident, error);
    apply(current, decision);
    recordAudit(auditEntry(glideEnvironment(), incident, decision));
  } catch {
    // Last resort: refuse the resolution rather than let it through unchecked.
    current.setAbortAction(true);
  }
}

function unknownIncident(current: GlideRecord): IncidentFacts {
  let sysId = '';
  try {
    sysId = String(current.getUniqueValue() ?? '');
  } catch {
    // Leave it empty; the audit insert will then fail and be logged.
  }
  return {
    sysId,
    number: '',
    correlationId: '',
    correlationDisplay: '',
    cmdbCi: '',
    stateBefore: '',
    stateAfter: '',
    overrideRequested: false,
    justification: '',
  };
}

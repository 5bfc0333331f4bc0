// Which updates the guard looks at: a transition into Resolved, on an incident Closeloop guards.
import type { GuardSettings, IncidentFacts } from './types.ts';
import { INCIDENT_STATE } from './names.ts';

/** Into Resolved from any other state. Resolved→Closed (the autoclose job) is not a resolution. */
export function isResolutionTransition(stateBefore: string, stateAfter: string): boolean {
  return stateAfter === INCIDENT_STATE.resolved && stateBefore !== INCIDENT_STATE.resolved;
}

/**
 * Why the incident is guarded, or null when it is not. `ciClass` is the sys_class_name of the
 * incident's CI ('' when none); callers look it up only when CI classes are configured.
 */
export function guardReason(
  settings: GuardSettings,
  incident: IncidentFacts,
  ciClass: string,
): string | null {
  const display = settings.guardedCorrelationDisplay;
  if (display && incident.correlationDisplay.trim().toLowerCase() === display.toLowerCase()) {
    return `correlation_display is ${display}`;
  }
  if (ciClass && settings.guardedCiClasses.includes(ciClass.toLowerCase())) {
    return `CI class ${ciClass} is guarded`;
  }
  return null;
}

/** Only worth a CMDB lookup when CI classes are configured and the incident has a CI. */
export function needsCiClass(settings: GuardSettings, incident: IncidentFacts): boolean {
  return settings.guardedCiClasses.length > 0 && incident.cmdbCi !== '';
}

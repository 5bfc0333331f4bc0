// Reads the incident being updated into plain facts, and clears the one-shot override request.
import type { GlideRecord } from '@servicenow/glide';
import type { IncidentFacts } from '../closure/types.ts';
import { INCIDENT_FIELD } from '../closure/names.ts';

export function readIncidentFacts(current: GlideRecord, previous: GlideRecord | null): IncidentFacts {
  return {
    sysId: text(current.getUniqueValue()),
    number: text(current.getValue('number')),
    correlationId: text(current.getValue('correlation_id')).trim(),
    correlationDisplay: text(current.getValue('correlation_display')),
    cmdbCi: text(current.getValue('cmdb_ci')),
    stateBefore: previous ? text(previous.getValue('state')) : '',
    stateAfter: text(current.getValue('state')),
    overrideRequested: isTrue(current.getValue(INCIDENT_FIELD.overrideRequested)),
    justification: text(current.getValue(INCIDENT_FIELD.overrideJustification)),
  };
}

/** Called in the before rule: the values are saved with the resolution itself. */
export function consumeOverrideRequest(current: GlideRecord): void {
  current.setValue(INCIDENT_FIELD.overrideRequested, false);
  current.setValue(INCIDENT_FIELD.overrideJustification, '');
}

export function requestOverride(current: GlideRecord, resolvedState: string): void {
  current.setValue(INCIDENT_FIELD.overrideRequested, true);
  current.setValue('state', resolvedState);
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function isTrue(value: unknown): boolean {
  const normalised = text(value).toLowerCase();
  return normalised === 'true' || normalised === '1';
}

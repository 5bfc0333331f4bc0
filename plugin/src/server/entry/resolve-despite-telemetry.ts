// UI action "Resolve despite telemetry" (override role only): needs a justification, then asks
// for a one-shot override and saves the incident as Resolved. The guard business rule checks
// role and justification again, records the "overridden" audit row and clears the request.
import type { GlideRecord } from '@servicenow/glide';
import { errorText } from '../closure/guard.ts';
import { planOverrideRequest } from '../closure/override.ts';
import { INCIDENT_FIELD, INCIDENT_STATE, ROLE } from '../closure/names.ts';
import { requestOverride } from '../glide/incident-record.ts';
import { logError, showMessage, userHasRole } from '../glide/session.ts';
import type { ActionLike } from './action.ts';

export function resolveDespiteTelemetry(current: GlideRecord, action: ActionLike | null): void {
  try {
    const plan = planOverrideRequest({
      hasRole: userHasRole(ROLE.closureOverride),
      justification: text(current.getValue(INCIDENT_FIELD.overrideJustification)),
      state: text(current.getValue('state')),
    });
    if (!plan.ok) {
      showMessage(plan.message);
    } else {
      requestOverride(current, INCIDENT_STATE.resolved);
      // The guard rule runs inside this update and shows its own message.
      current.update();
    }
  } catch (error) {
    logError(`resolve despite telemetry failed: ${errorText(error)}`);
    showMessage({
      level: 'error',
      title: 'Closeloop: the override failed unexpectedly.',
      items: [errorText(error)],
      link: null,
      footer: [],
    });
  }
  if (action) action.setRedirectURL(current);
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

// UI action "Check telemetry": shows the verdict and every check's message; changes nothing.
import type { GlideRecord } from '@servicenow/glide';
import { errorText, planTelemetryCheck } from '../closure/guard.ts';
import { glideEnvironment } from '../glide/environment.ts';
import { readIncidentFacts } from '../glide/incident-record.ts';
import { logError, logWarning, showMessage } from '../glide/session.ts';
import type { ActionLike } from './action.ts';

export function checkTelemetry(current: GlideRecord, action: ActionLike | null): void {
  try {
    const plan = planTelemetryCheck(glideEnvironment(), readIncidentFacts(current, null));
    for (const warning of plan.warnings) logWarning(warning);
    showMessage(plan.message);
  } catch (error) {
    logError(`check telemetry failed: ${errorText(error)}`);
    showMessage({
      level: 'error',
      title: 'Closeloop: the telemetry check failed unexpectedly.',
      items: [errorText(error)],
      link: null,
      footer: [],
    });
  }
  if (action) action.setRedirectURL(current);
}

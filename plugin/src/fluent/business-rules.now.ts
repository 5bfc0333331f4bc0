import '@servicenow/sdk/global';
import { BusinessRule } from '@servicenow/sdk/core';
import { guardIncidentResolution } from '../server/entry/guard-resolution.ts';

// Fires only when state changes TO Resolved (6): Resolved→Closed by the autoclose job is untouched.
export const guardResolutionRule = BusinessRule({
  $id: Now.ID['br-guard-incident-resolution'],
  name: 'Closeloop: guard incident resolution',
  description:
    'Asks the Closeloop connector whether telemetry supports resolving the incident (pushed verdict and fail mode as fallbacks); aborts with the failing checks when it does not, and records every attempt in x_closeloop_closure_audit.',
  table: 'incident',
  when: 'before',
  action: ['update'],
  filterCondition: 'stateCHANGESTO6^EQ',
  // Late, so other before rules have set close codes and the like first.
  order: 900,
  active: true,
  script: guardIncidentResolution,
});

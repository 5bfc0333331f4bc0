import '@servicenow/sdk/global';
import { UiAction } from '@servicenow/sdk/core';
import { checkTelemetry } from '../server/entry/check-telemetry.ts';
import { resolveDespiteTelemetry } from '../server/entry/resolve-despite-telemetry.ts';
import { closureOverrideRole } from './roles.now.ts';

export const checkTelemetryAction = UiAction({
  $id: Now.ID['ui-action-check-telemetry'],
  table: 'incident',
  name: 'Check telemetry',
  actionName: 'x_closeloop_check_telemetry',
  hint: 'Show the Closeloop telemetry verdict and every close check, without changing the incident',
  showInsert: false,
  showUpdate: true,
  // Read-only, so no role beyond seeing the incident form.
  form: { showButton: true, showContextMenu: true, style: 'unstyled' },
  order: 400,
  script: checkTelemetry,
});

export const resolveDespiteTelemetryAction = UiAction({
  $id: Now.ID['ui-action-resolve-despite-telemetry'],
  table: 'incident',
  name: 'Resolve despite telemetry',
  actionName: 'x_closeloop_resolve_override',
  hint: 'Resolve although Closeloop telemetry does not support it; requires an Override justification, which is audited',
  showInsert: false,
  showUpdate: true,
  condition: "current.state != '6' && current.state != '7' && current.state != '8'",
  form: { showButton: true, style: 'destructive' },
  roles: [closureOverrideRole],
  order: 410,
  script: resolveDespiteTelemetry,
});

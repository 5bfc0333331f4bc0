import '@servicenow/sdk/global';
import { ClientScript, ScriptInclude, UiAction, UiPage } from '@servicenow/sdk/core';
import { closureOverrideRole } from './roles.now.ts';

// Both buttons are on task, so every guarded table (incident, wm_order, wm_task, change_request,
// OT incidents) gets them; their conditions show them only on records Closeloop guards. Both are
// client actions in the classic form and Workspace form buttons (format_for_configurable_workspace).

// Reads only, and submits nothing: unsaved edits stay on the form.
export const checkTelemetryAction = UiAction({
  $id: Now.ID['ui-action-check-telemetry'],
  table: 'task',
  name: 'Check telemetry',
  actionName: 'x_closeloop_check_telemetry',
  hint: 'Show the Closeloop telemetry verdict and every close check, without saving or changing the record',
  showInsert: false,
  showUpdate: true,
  condition: 'new x_closeloop.ClosureGuardUi().isGuarded(current)',
  form: { showButton: true, showContextMenu: true, style: 'unstyled' },
  client: { isClient: true, isUi16Compatible: true, onClick: 'closeloopCheckTelemetry()' },
  workspace: {
    isConfigurableWorkspace: true,
    showFormButtonV2: true,
    showFormMenuButtonV2: false,
    clientScriptV2: Now.include('../scripts/check-telemetry.workspace.js'),
  },
  roles: ['itil', 'sn_incident_write', 'sn_change_write', 'wm_agent', 'wm_dispatcher', 'sn_ot_incident_write', closureOverrideRole],
  order: 400,
  isolateScript: true,
  script: Now.include('../scripts/check-telemetry.client.js'),
});

// Client part (dialog for the justification, closing state on the form so the instance's UI policies
// apply, submit) and server part (save; the guard rule applies the override).
export const resolveDespiteTelemetryAction = UiAction({
  $id: Now.ID['ui-action-resolve-despite-telemetry'],
  table: 'task',
  name: 'Resolve despite telemetry',
  actionName: 'x_closeloop_resolve_override',
  hint: 'Resolve although Closeloop telemetry does not support it; asks for a justification, which is audited',
  showInsert: false,
  showUpdate: true,
  condition: 'new x_closeloop.ClosureGuardUi().mayOverride(current)',
  form: { showButton: true, style: 'destructive' },
  client: { isClient: true, isUi16Compatible: true, onClick: 'closeloopResolveDespiteTelemetry()' },
  workspace: {
    isConfigurableWorkspace: true,
    showFormButtonV2: true,
    showFormMenuButtonV2: false,
    clientScriptV2: Now.include('../scripts/resolve-despite-telemetry.workspace.js'),
  },
  roles: [closureOverrideRole],
  order: 410,
  script: Now.include('../scripts/resolve-despite-telemetry.client.js'),
});

// The classic form's justification dialog (GlideModal).
UiPage({
  $id: Now.ID['ui-page-override-dialog'],
  endpoint: 'x_closeloop_override_dialog.do',
  category: 'general',
  description: 'Dialog of "Resolve despite telemetry" on the classic form: asks for the justification.',
  html: Now.include('../scripts/override-dialog.html'),
  clientScript: Now.include('../scripts/override-dialog.client.js'),
});

export const closureGuardAjax = ScriptInclude({
  $id: Now.ID['script-include-closure-guard-ajax'],
  name: 'ClosureGuardAjax',
  description: 'GlideAjax processor of the Closeloop form buttons: telemetry verdict, override request.',
  clientCallable: true,
  accessibleFrom: 'package_private',
  active: true,
  script: Now.include('../scripts/closure-guard-ajax.server.js'),
});

export const closureGuardUi = ScriptInclude({
  $id: Now.ID['script-include-closure-guard-ui'],
  name: 'ClosureGuardUi',
  description: 'Conditions of the Closeloop form buttons: is this record guarded, may it be overridden.',
  accessibleFrom: 'package_private',
  active: true,
  script: Now.include('../scripts/closure-guard-ui.server.js'),
});

ClientScript({
  $id: Now.ID['client-script-telemetry-status'],
  name: 'Closeloop: show telemetry status',
  table: 'task',
  type: 'onLoad',
  uiType: 'all',
  global: true,
  appliesExtended: true,
  active: true,
  isolateScript: true,
  description: 'Shows what the display rule "Closeloop: telemetry status on the form" found for a guarded record.',
  script: Now.include('../scripts/show-telemetry-status.client.js'),
});

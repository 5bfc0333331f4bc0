import '@servicenow/sdk/global';
import { ClientScript } from '@servicenow/sdk/core';

// Makes the justification mandatory for "Resolve despite telemetry" only; the server side checks
// it again (UI action and business rule), so this is convenience, not the control.
ClientScript({
  $id: Now.ID['client-script-override-justification'],
  name: 'Closeloop: justification required to resolve despite telemetry',
  table: 'incident',
  type: 'onSubmit',
  uiType: 'all',
  global: true,
  active: true,
  isolateScript: true,
  description: 'Requires the Override justification before the "Resolve despite telemetry" action submits.',
  script: `function onSubmit() {
    if (g_form.getActionName() !== 'x_closeloop_resolve_override') return true;
    var field = 'x_closeloop_override_justification';
    if (!g_form.hasField(field)) {
        g_form.addErrorMessage('Add "Override justification" to the incident form to resolve despite telemetry.');
        return false;
    }
    g_form.setMandatory(field, true);
    if (!String(g_form.getValue(field) || '').trim()) {
        g_form.showFieldMsg(field, 'Explain why this incident may be resolved despite telemetry.', 'error');
        return false;
    }
    return true;
}`,
});

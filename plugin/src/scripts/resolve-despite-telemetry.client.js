// UI action "Resolve despite telemetry", classic form: client part, then server part.
// Client: a dialog asks for the justification (nothing on the form becomes mandatory, so giving up
// leaves the form as it was); the server stores it as an override request and answers the closing
// state; the form moves to that state, so the instance's own UI policies make the resolution fields
// mandatory, and is submitted with this action. Server: the module saves the record, the guard
// rule applies the override, the after rule audits it.
function closeloopResolveDespiteTelemetry() {
    var dialog = new GlideModal('x_closeloop_override_dialog');
    dialog.setTitle('Resolve despite telemetry');
    dialog.setPreference('closeloop_on_justified', closeloopRequestOverride);
    dialog.render();
    return false;
}

function closeloopRequestOverride(justification) {
    var ajax = new GlideAjax('x_closeloop.ClosureGuardAjax');
    ajax.addParam('sysparm_name', 'requestOverride');
    ajax.addParam('sysparm_table', g_form.getTableName());
    ajax.addParam('sysparm_sys_id', g_form.getUniqueValue());
    ajax.addParam('sysparm_justification', justification);
    ajax.getXMLAnswer(function (answer) {
        var result;
        try {
            result = JSON.parse(answer || '');
        } catch (e) {
            result = { ok: false, text: 'Closeloop: the server gave no readable answer.' };
        }
        if (!result.ok) {
            g_form.addErrorMessage(result.text);
            return;
        }
        g_form.setValue('state', result.targetState);
        gsftSubmit(null, g_form.getFormElement(), 'x_closeloop_resolve_override');
    });
}

if (typeof window == 'undefined') closeloopResolveOnServer();

function closeloopResolveOnServer() {
    var guard = require('x_closeloop/closeloop-plugin/0.1.0/src/server/entry/resolve-despite-telemetry.ts');
    guard.resolveDespiteTelemetry(current, action);
}

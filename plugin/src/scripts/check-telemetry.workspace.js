// UI action "Check telemetry", Service Operations Workspace (and other configurable workspaces).
function onClick(g_form) {
    var ajax = new GlideAjax('x_closeloop.ClosureGuardAjax');
    ajax.addParam('sysparm_name', 'checkTelemetry');
    ajax.addParam('sysparm_table', g_form.getTableName());
    ajax.addParam('sysparm_sys_id', g_form.getUniqueValue());
    ajax.getXMLAnswer(function (answer) {
        var result;
        try {
            result = JSON.parse(answer || '');
        } catch (e) {
            result = { level: 'error', text: 'Closeloop: the server gave no readable answer.' };
        }
        if (result.level === 'error') g_form.addErrorMessage(result.text);
        else g_form.addInfoMessage(result.text);
    });
}

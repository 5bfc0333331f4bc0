// UI action "Resolve despite telemetry", Service Operations Workspace: the justification in a
// g_modal dialog (cancelling it changes nothing), then as on the classic form.
function onClick(g_form) {
    g_modal
        .showFields({
            title: 'Resolve despite telemetry',
            fields: [
                {
                    type: 'textarea',
                    name: 'justification',
                    label: 'Why may this be resolved although telemetry does not support it? (audited)',
                    mandatory: true
                }
            ],
            size: 'lg'
        })
        .then(function (result) {
            var justification = '';
            for (var i = 0; i < result.updatedFields.length; i++) {
                if (result.updatedFields[i].name === 'justification') justification = result.updatedFields[i].value;
            }
            var ajax = new GlideAjax('x_closeloop.ClosureGuardAjax');
            ajax.addParam('sysparm_name', 'requestOverride');
            ajax.addParam('sysparm_table', g_form.getTableName());
            ajax.addParam('sysparm_sys_id', g_form.getUniqueValue());
            ajax.addParam('sysparm_justification', justification);
            ajax.getXMLAnswer(function (answer) {
                var parsed;
                try {
                    parsed = JSON.parse(answer || '');
                } catch (e) {
                    parsed = { ok: false, text: 'Closeloop: the server gave no readable answer.' };
                }
                if (!parsed.ok) {
                    g_form.addErrorMessage(parsed.text);
                    return;
                }
                g_form.setValue('state', parsed.targetState);
                g_form.submit('x_closeloop_resolve_override');
            });
        });
}

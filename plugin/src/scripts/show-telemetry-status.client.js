// onLoad on guarded tables: shows what the display rule "Closeloop: telemetry status on the form"
// put in g_scratchpad (e.g. "Closeloop: resolving will be blocked: CRAH-1 supply air 29 °C > 27 °C").
function onLoad() {
    var status = g_scratchpad.x_closeloop_status;
    if (!status || !status.text) return;
    if (status.level === 'error') g_form.addErrorMessage(status.text);
    else g_form.addInfoMessage(status.text);
}

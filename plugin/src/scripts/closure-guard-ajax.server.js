// GlideAjax processor for the Closeloop form buttons. A thin bridge: the logic (role checks, a
// record read with GlideRecordSecure, plain-text answers) is in the module entry/closure-ajax.ts.
var ClosureGuardAjax = Class.create();
ClosureGuardAjax.prototype = Object.extendsObject(global.AbstractAjaxProcessor, {
    checkTelemetry: function () {
        return this._module().checkTelemetryForForm(
            String(this.getParameter('sysparm_table') || ''),
            String(this.getParameter('sysparm_sys_id') || '')
        );
    },

    requestOverride: function () {
        return this._module().requestOverrideForForm(
            String(this.getParameter('sysparm_table') || ''),
            String(this.getParameter('sysparm_sys_id') || ''),
            String(this.getParameter('sysparm_justification') || '')
        );
    },

    _module: function () {
        return require('x_closeloop/closeloop-plugin/0.1.0/src/server/entry/closure-ajax.ts');
    },

    type: 'ClosureGuardAjax'
});

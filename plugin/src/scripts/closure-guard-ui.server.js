// Conditions of the Closeloop form buttons (sys_ui_action.condition): shown only on records the
// guard actually guards. A thin bridge to the module entry/ui-conditions.ts.
var ClosureGuardUi = Class.create();
ClosureGuardUi.prototype = {
    initialize: function () {},

    isGuarded: function (record) {
        return this._module().isGuardedRecord(record) === true;
    },

    mayOverride: function (record) {
        return this._module().mayRequestOverride(record) === true;
    },

    _module: function () {
        return require('x_closeloop/closeloop-plugin/0.1.0/src/server/entry/ui-conditions.ts');
    },

    type: 'ClosureGuardUi'
};

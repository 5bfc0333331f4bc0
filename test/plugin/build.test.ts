// The real `now-sdk build --frozenKeys` (offline), what it produces, and the built guard running
// in Node. Where the platform is not available, this is where an instance-level promise is kept:
// what the build writes is what an instance installs. The build runs once per test process.
import { expect } from 'chai';
import { readBuiltRecords, type BuiltRecord } from './support/xml-records.js';
import { buildPluginOnce, type PluginBuild } from './support/sdk-build.js';
import { materialiseBuiltModules, type BuiltApp } from './support/built-app.js';
import { FakeGlideRecord, world } from './support/glide-fakes.js';
import { auditRows, configureApp, connectorAnswers, storeIncident } from './support/incident-world.js';
import { FAILING_CHECK, PASSING_CHECK } from './support/closure-fixtures.js';
import { loadClosureModules } from './support/plugin-modules.js';

const MODULE_ROOT = 'x_closeloop/closeloop-plugin/0.1.0/src/server';
const { names } = loadClosureModules();

describe('plugin build (now-sdk build --frozenKeys)', function () {
  this.timeout(180_000);
  let build: PluginBuild;
  let records: BuiltRecord[];

  const installed = () => records.filter((r) => r.action !== 'DELETE');
  const ofTable = (table: string) => installed().filter((r) => r.table === table);
  const one = (table: string, field: string, value: string): BuiltRecord => {
    const found = ofTable(table).filter((r) => r.fields[field] === value);
    expect(found, `${table} with ${field}=${value}`).to.have.length(1);
    return found[0]!;
  };
  const modulePaths = () => new Set(ofTable('sys_module').map((m) => m.fields.path));
  const owned = (table: string) => table.startsWith('x_closeloop_');

  before(async () => {
    build = await buildPluginOnce();
    if (build.exitCode !== 0) {
      throw new Error(`now-sdk build --frozenKeys failed (exit ${build.exitCode}):\n${build.output}`);
    }
    records = readBuiltRecords(build.appDir);
  });

  it('succeeds offline with frozen keys (keys.ts is committed and current)', () => {
    expect(build.output).to.contain('Build completed successfully');
    expect(build.output).not.to.match(/Keys file is out-of-date/);
  });

  it('scopes every record to x_closeloop', () => {
    const app = one('sys_app', 'scope', 'x_closeloop');
    expect(app.fields.scope ?? '').to.have.length.within(4, 18);
    const foreign = records.filter((r) => r.attributes.sys_scope && r.attributes.sys_scope.display_value !== 'x_closeloop');
    expect(foreign.map((r) => r.file)).to.deep.equal([]);
  });

  describe('item 1: nothing replaces or removes what the instance owns', () => {
    it('ships no form layout for a table the app does not own (no related-list container, section, element, form)', () => {
      const layout = ['sys_ui_related_list', 'sys_ui_related_list_entry', 'sys_ui_section', 'sys_ui_element', 'sys_ui_form', 'sys_ui_form_section'];
      const offending = installed().filter((r) => layout.includes(r.table) && !owned(r.fields.name ?? r.fields.table ?? ''));
      expect(offending.map((r) => `${r.table} ${r.fields.name ?? ''} (${r.file})`)).to.deep.equal([]);
    });

    it('adds no columns to, and changes no definition of, a table it does not own', () => {
      const dictionary = installed().filter((r) => r.table === 'sys_dictionary' && !owned(r.fields.name ?? ''));
      const tables = installed().filter((r) => r.table === 'sys_db_object' && !owned(r.fields.name ?? ''));
      expect([...dictionary, ...tables].map((r) => r.file)).to.deep.equal([]);
    });

    it('upgrading removes what earlier versions added (its own related-list records, its incident columns) and nothing else', () => {
      const deletes = records.filter((r) => r.action === 'DELETE');
      expect(deletes.map((r) => r.table)).to.include.members(['sys_ui_related_list', 'sys_ui_related_list_entry']);
      // A delete of a foreign table's own records (its definition, label or licensing) would take them from the instance.
      const foreign = deletes.filter(
        (r) =>
          (r.table === 'sys_db_object' || r.table === 'ua_table_licensing_config') && !owned(r.fields.name ?? '') ||
          (r.table === 'sys_documentation' && !owned(r.fields.name ?? '') && !(r.fields.element ?? '').startsWith('x_closeloop_')),
      );
      expect(foreign.map((r) => `${r.table} ${r.fields.name ?? ''} ${r.fields.element ?? ''}`)).to.deep.equal([]);
    });

    it('offers the audit and the verdict as related lists that add to a form (implicit reference, sys_relationship)', () => {
      const task = ofTable('sys_dictionary').find((d) => d.fields.name === 'x_closeloop_closure_audit' && d.fields.element === 'task');
      expect(task?.fields).to.include({ internal_type: 'reference', reference: 'task' });
      const relationship = one('sys_relationship', 'name', 'Closeloop telemetry verdict');
      expect(relationship.fields).to.include({ basic_apply_to: 'task', basic_query_from: 'x_closeloop_verdict' });
      expect(relationship.fields.query_with).to.contain("addQuery('correlation_id'");
    });
  });

  describe('items 2, 5, 13: the rules and the guarded tables', () => {
    it('one before rule on task for every guarded table, on state and correlation changes, late in the order', () => {
      const rule = one('sys_script', 'name', 'Closeloop: guard closures');
      expect(rule.fields).to.include({
        collection: 'task',
        when: 'before',
        action_update: 'true',
        action_insert: 'false',
        active: 'true',
        order: '900',
        filter_condition: 'stateVALCHANGES^ORcorrelation_idVALCHANGES^ORcorrelation_displayVALCHANGES^EQ',
      });
      expect(rule.fields.script).to.contain(`require('${MODULE_ROOT}/entry/guard-closure.ts')`);
    });

    it('an after rule confirms (audits) closures once they are committed', () => {
      const rule = one('sys_script', 'name', 'Closeloop: confirm closures');
      expect(rule.fields).to.include({ collection: 'task', when: 'after', action_update: 'true', filter_condition: 'stateVALCHANGES^EQ' });
      expect(rule.fields.script).to.contain('confirmClosure(current, previous);');
    });

    it('the guarded tables are configuration, shipped for first install: closing states include Closed', () => {
      const rows = installed().filter((r) => r.table === 'x_closeloop_guarded_table');
      expect(rows.every((r) => r.file.startsWith('unload/')), 'first install only').to.equal(true);
      const byTable = Object.fromEntries(rows.map((r) => [r.fields.table_name, r.fields]));
      expect(Object.keys(byTable)).to.have.members(['incident', 'sn_ot_incident', 'change_request', 'wm_order', 'wm_task']);
      expect(byTable.incident).to.include({ closing_states: '6,7', cancel_states: '8', own_correlation: 'true' });
      expect(byTable.sn_ot_incident).to.include({ closing_states: '6,7', cancel_states: '8' });
      expect(byTable.change_request).to.include({ closing_states: '3', cancel_states: '4', guarded_close_codes: 'successful,successful_issues' });
      expect(byTable.wm_order).to.include({ closing_states: '3', cancel_states: '7', via_field: 'initiated_from' });
      expect(byTable.wm_task).to.include({ closing_states: '3', cancel_states: '7', via_field: 'parent' });
      const { guardedTables } = loadClosureModules();
      for (const row of rows) {
        const parsed = guardedTables.parseGuardedTable({
          table: row.fields.table_name ?? '',
          active: row.fields.active ?? '',
          closingStates: row.fields.closing_states ?? '',
          cancelStates: row.fields.cancel_states ?? '',
          guardedCloseCodes: row.fields.guarded_close_codes ?? '',
          viaField: row.fields.via_field ?? '',
          ownCorrelation: row.fields.own_correlation ?? '',
          failMode: row.fields.fail_mode ?? '',
        });
        expect(parsed.ok, row.fields.table_name).to.equal(true);
      }
    });

    it('guard cancel is a property (default: audit only)', () => {
      const property = one('sys_properties', 'name', 'x_closeloop.guard.cancel');
      expect(property.fields).to.include({ type: 'boolean', value: 'false' });
    });

    it('correlation fields of guarded records are protected by deny-unless field ACLs on each guarded table', () => {
      const acls = ofTable('sys_security_acl').filter((a) => /\.correlation_(id|display)$/.test(a.fields.name ?? ''));
      expect(acls.map((a) => a.fields.name)).to.have.members([
        'incident.correlation_id',
        'incident.correlation_display',
        'change_request.correlation_id',
        'change_request.correlation_display',
        'wm_order.correlation_id',
        'wm_order.correlation_display',
        'wm_task.correlation_id',
        'wm_task.correlation_display',
      ]);
      for (const acl of acls) {
        expect(acl.fields, acl.fields.name).to.include({ operation: 'write', decision_type: 'deny', type: 'record', active: 'true' });
        expect(acl.fields.script).to.contain('answer = mayChangeCorrelation(current);');
      }
    });
  });

  describe('items 6, 10, 12: the buttons (classic form and Workspace)', () => {
    const action = (name: string) => one('sys_ui_action', 'action_name', name);

    it('both are client actions on task, Workspace form buttons with a V2 client script', () => {
      for (const name of [names.UI_ACTION.checkTelemetry!, names.UI_ACTION.resolveDespiteTelemetry!]) {
        expect(action(name).fields, name).to.include({
          table: 'task',
          client: 'true',
          ui16_compatible: 'true',
          format_for_configurable_workspace: 'true',
          form_button_v2: 'true',
          show_insert: 'false',
          show_update: 'true',
        });
        expect(action(name).fields.client_script_v2, name).to.match(/function onClick\(g_form\)/);
      }
    });

    it('Check telemetry submits nothing and is for fulfillers of guarded records only', () => {
      const check = action(names.UI_ACTION.checkTelemetry!);
      expect(check.fields.onclick).to.equal('closeloopCheckTelemetry()');
      expect(check.fields.script).to.contain("new GlideAjax('x_closeloop.ClosureGuardAjax')").and.not.to.contain('gsftSubmit');
      expect(check.fields.client_script_v2).not.to.contain('submit');
      expect(check.fields.condition).to.equal('new x_closeloop.ClosureGuardUi().isGuarded(current)');
      const roles = ofTable('sys_ui_action_role').filter((r) => r.fields.sys_ui_action === check.fields.sys_id);
      expect(roles.map((r) => r.attributes.sys_user_role?.name)).to.have.members([...names.CHECK_TELEMETRY_ROLES]);
    });

    it('Resolve despite telemetry: dialog, closing state on the form, submit; server part through the module', () => {
      const override = action(names.UI_ACTION.resolveDespiteTelemetry!);
      expect(override.fields.onclick).to.equal('closeloopResolveDespiteTelemetry()');
      expect(override.fields.script)
        .to.contain("new GlideModal('x_closeloop_override_dialog')")
        .and.contain("g_form.setValue('state', result.targetState)")
        .and.contain("gsftSubmit(null, g_form.getFormElement(), 'x_closeloop_resolve_override')")
        .and.contain("if (typeof window == 'undefined')")
        .and.contain(`require('${MODULE_ROOT}/entry/resolve-despite-telemetry.ts')`);
      expect(override.fields.script, 'no field is made mandatory, so giving up leaves nothing behind').not.to.contain('setMandatory');
      expect(override.fields.client_script_v2).to.contain('g_modal').and.contain("g_form.submit('x_closeloop_resolve_override')");
      expect(override.fields.condition).to.equal('new x_closeloop.ClosureGuardUi().mayOverride(current)');
      const roles = ofTable('sys_ui_action_role').filter((r) => r.fields.sys_ui_action === override.fields.sys_id);
      expect(roles.map((r) => r.attributes.sys_user_role?.name)).to.deep.equal(['x_closeloop.closure_override']);
      const page = one('sys_ui_page', 'endpoint', 'x_closeloop_override_dialog.do');
      expect(page.fields.html).to.contain('id="x_closeloop_override_cancel"').and.contain('id="x_closeloop_justification"');
      // The ATF step that cancels the dialog names this page by its sys_id.
      const cancelStep = installed().find((r) => r.table === 'sys_variable_value' && r.fields.value === 'x_closeloop_override_cancel');
      const stepValues = installed().filter((r) => r.file === cancelStep?.file && r.table === 'sys_variable_value').map((r) => r.fields.value);
      expect(stepValues).to.include(page.fields.sys_id);
    });

    it('the GlideAjax processor is client-callable, with an execute ACL', () => {
      const processor = one('sys_script_include', 'name', 'ClosureGuardAjax');
      expect(processor.fields).to.include({ client_callable: 'true', access: 'package_private' });
      expect(processor.fields.script).to.contain('global.AbstractAjaxProcessor');
      const acl = one('sys_security_acl', 'name', 'x_closeloop.ClosureGuardAjax');
      expect(acl.fields).to.include({ type: 'client_callable_script_include', operation: 'execute' });
    });

    it('the form shows the telemetry state on load: display rule into g_scratchpad, onLoad client script', () => {
      const display = one('sys_script', 'name', 'Closeloop: telemetry status on the form');
      expect(display.fields).to.include({ collection: 'task', when: 'before_display' });
      expect(display.fields.script).to.contain('showTelemetryStatus(current, previous, g_scratchpad);');
      const client = one('sys_script_client', 'name', 'Closeloop: show telemetry status');
      expect(client.fields).to.include({ table: 'task', type: 'onLoad', applies_extended: 'true' });
      expect(client.fields.script).to.contain(`g_scratchpad.${names.SCRATCHPAD_KEY}`);
    });
  });

  describe('item 7: no test hook, ATF on the real fallback', () => {
    it('ships no stub property and no stub code path', () => {
      expect(ofTable('sys_properties').map((p) => p.fields.name)).not.to.include('x_closeloop.connector.stub_response');
      for (const module of ofTable('sys_module')) expect(module.fields.content ?? '', module.fields.path).not.to.match(/stub/i);
    });

    it('every ATF test fails on server errors, and no step writes sys_properties', () => {
      const tests = ofTable('sys_atf_test');
      expect(tests.length).to.be.at.least(12);
      for (const test of tests) expect(test.fields.fail_on_server_error, test.fields.name).to.equal('true');
      for (const step of ofTable('sys_atf_step')) {
        const text = JSON.stringify(step.fields);
        expect(text, step.file).not.to.contain('sys_properties');
        expect(text, step.file).not.to.match(/setProperty/);
      }
    });

    it('ATF covers both buttons, open→Closed, the pushed fallback, allow mode, the override, the connector\'s resolve, work orders', () => {
      const titles = ofTable('sys_atf_test').map((t) => t.fields.name ?? '');
      for (const expected of [
        /blocked while the pushed verdict is fail/,
        /allowed on a pass/,
        /straight from In Progress to Closed/,
        /Resolved to Closed is not checked/,
        /fail mode allow/,
        /without any verdict/,
        /override role resolves/,
        /without the override role/,
        /clearing correlation_display/,
        /connector's own resolve/,
        /canceling/,
        /"Check telemetry" on the form/,
        /giving up the override dialog/,
        /work order initiated from a guarded incident/,
      ]) {
        expect(titles.some((t) => expected.test(t)), String(expected)).to.equal(true);
      }
    });
  });

  describe('items 8, 9, 11: cross-scope privileges, connection alias, admin navigation', () => {
    it('declares a cross-scope privilege for every table its scripts touch outside the scope', () => {
      const privileges = ofTable('sys_scope_privilege').map((p) => `${p.fields.operation} ${p.fields.target_name}`);
      expect(privileges).to.include.members([
        'read task',
        'write task',
        'read incident',
        'write incident',
        'read change_request',
        'write change_request',
        'read wm_order',
        'write wm_order',
        'read wm_task',
        'write wm_task',
        'read cmdb_ci',
        'read sys_user_group',
        'read ecc_agent',
        'execute AbstractAjaxProcessor',
      ]);
    });

    it('ships the Connection & Credential alias the guard looks for, with no retries', () => {
      const alias = one('sys_alias', 'name', 'Closeloop Connector');
      expect(alias.fields).to.include({ type: 'connection', id: names.CONNECTION_ALIAS });
      expect(alias.fields.retry_policy ?? '').to.equal('');
    });

    it('has an application menu with the audit, verdicts, guarded tables and the properties page', () => {
      const menu = one('sys_app_application', 'title', 'Closeloop');
      const modules = ofTable('sys_app_module').filter((m) => m.fields.application === menu.fields.sys_id);
      const byTitle = Object.fromEntries(modules.map((m) => [m.fields.title, m.fields]));
      expect(Object.keys(byTitle)).to.include.members(['Closure audit', 'Blocks and overrides', 'Pushed verdicts', 'Guarded tables', 'Override requests', 'Properties']);
      expect(byTitle['Closure audit']).to.include({ link_type: 'LIST', name: 'x_closeloop_closure_audit' });
      expect(byTitle.Properties?.query).to.contain('system_properties_ui.do').and.contain('sysparm_category=Closeloop');
      const category = one('sys_properties_category', 'name', 'Closeloop');
      const listed = ofTable('sys_properties_category_m2m').filter((m) => m.fields.category === category.fields.sys_id);
      expect(listed).to.have.length(ofTable('sys_properties').length);
    });
  });

  describe('item 10: roles and the audit', () => {
    it('audit rows are readable by the granular roles and immutable, for admins too', () => {
      const read = ofTable('sys_security_acl').find((a) => a.fields.name === 'x_closeloop_closure_audit' && a.fields.operation === 'read');
      const roles = ofTable('sys_security_acl_role').filter((r) => r.fields.sys_security_acl === read?.fields.sys_id).map((r) => r.attributes.sys_user_role?.name);
      expect(roles).to.include.members(['itil', 'sn_incident_read', 'sn_incident_write', 'sn_change_read', 'wm_agent', 'x_closeloop.auditor']);
      for (const operation of ['create', 'write', 'delete']) {
        const deny = ofTable('sys_security_acl').find((a) => a.fields.name === 'x_closeloop_closure_audit' && a.fields.operation === operation);
        expect(deny?.fields, operation).to.include({ decision_type: 'deny', admin_overrides: 'false' });
      }
    });

    it('the verdict table is audited, and both tables have a retention rule', () => {
      expect(one('sys_db_object', 'name', 'x_closeloop_verdict').fields.ws_access).to.equal('true');
      const cleaners = ofTable('sys_auto_flush').map((r) => r.fields.tablename);
      expect(cleaners).to.include.members(['x_closeloop_closure_audit', 'x_closeloop_verdict', 'x_closeloop_override_request']);
      const dictionary = (table: string) => ofTable('sys_dictionary').find((d) => d.fields.name === table && !d.fields.element);
      expect(dictionary('x_closeloop_verdict')?.fields.audit ?? '').to.equal('true');
    });

    it('defines the roles the app names', () => {
      expect(ofTable('sys_user_role').map((r) => r.fields.name)).to.have.members(Object.values(names.ROLE));
    });
  });

  describe('item 14: events, notifications, reports', () => {
    it('registers the events and notifies the assignment group (and its manager on override)', () => {
      const events = ofTable('sysevent_register').map((e) => e.fields.event_name);
      expect(events).to.have.members(Object.values(names.EVENT));
      const notifications = ofTable('sysevent_email_action');
      const blocked = notifications.find((n) => n.fields.event_name === names.EVENT.resolutionBlocked!);
      const override = notifications.find((n) => n.fields.event_name === names.EVENT.overrideUsed!);
      expect(blocked?.fields).to.include({ collection: 'x_closeloop_closure_audit', recipient_fields: 'assignment_group' });
      expect(override?.fields).to.include({ recipient_fields: 'assignment_group', event_parm_1: 'true' });
    });

    it('reports blocks and overrides per group', () => {
      const reports = ofTable('sys_report');
      expect(reports.map((r) => r.fields.field)).to.deep.equal(['assignment_group', 'assignment_group']);
      expect(reports.map((r) => r.fields.filter).join()).to.contain('outcome=blocked').and.contain('outcome=overridden');
    });
  });

  describe('names the server modules use exist in the build', () => {
    it('every property, table and event name in closure/names.ts', () => {
      const properties = ofTable('sys_properties').map((p) => p.fields.name);
      expect(properties).to.have.members(Object.values(names.PROPERTY));
      const tables = ofTable('sys_db_object').map((t) => t.fields.name);
      expect(tables).to.have.members([names.AUDIT_TABLE, names.VERDICT_TABLE, names.GUARDED_TABLE_TABLE, names.OVERRIDE_TABLE, names.CONNECTOR_STATE_TABLE]);
    });

    it('every module a built script requires, and every relative import, resolves to a built sys_module', () => {
      const paths = modulePaths();
      const scripts = installed().flatMap((r) =>
        ['script', 'client_script_v2', 'condition'].map((field) => ({ file: r.file, text: r.fields[field] ?? '' })),
      );
      let required = 0;
      for (const { file, text } of scripts) {
        for (const [, target] of text.matchAll(/require\('(x_closeloop\/[^']+)'\)/g)) {
          required++;
          expect(paths, `${file} requires ${target}`).to.include(target);
        }
      }
      expect(required).to.be.greaterThan(8);
      for (const module of ofTable('sys_module')) {
        const from = module.fields.path ?? '';
        if (!from.endsWith('.ts')) continue;
        for (const [, specifier] of (module.fields.content ?? '').matchAll(/from '(\.[^']+)'/g)) {
          const target = new URL(specifier as string, `file:///${from}`).pathname.slice(1);
          expect(paths, `${from} imports ${specifier}`).to.include(target);
        }
      }
    });

    it('built decision modules import nothing from Glide, and use no async or #private', () => {
      for (const module of ofTable('sys_module')) {
        const modulePath = module.fields.path ?? '';
        const content = module.fields.content ?? '';
        if (modulePath.includes('/src/server/closure/')) expect(content, modulePath).not.to.contain('@servicenow/glide');
        if (modulePath.endsWith('.ts')) expect(content, modulePath).not.to.match(/\basync\b|#[a-z]/);
      }
    });
  });

  describe('the built guard, run in Node through its generated business-rule scripts', () => {
    let app: BuiltApp;
    let beforeScript: string;
    let afterScript: string;

    before(() => {
      app = materialiseBuiltModules(records);
      beforeScript = one('sys_script', 'name', 'Closeloop: guard closures').fields.script ?? '';
      afterScript = one('sys_script', 'name', 'Closeloop: confirm closures').fields.script ?? '';
    });
    after(() => app?.dispose());
    beforeEach(() => {
      world.reset();
      configureApp();
      world.addBeforeUpdateRule('task', () => true, (current, previous) => app.runScript(beforeScript, { current, previous }));
      world.addAfterUpdateRule('task', () => true, (current, previous) => app.runScript(afterScript, { current, previous }));
    });

    const resolve = () => {
      const record = FakeGlideRecord.positionedOn('incident', storeIncident());
      record.setValue('state', '6');
      record.setValue('close_code', 'Solution provided');
      return record.update() !== null;
    };

    it('verdict fail: refused with the failing check, audited', () => {
      connectorAnswers('fail', [FAILING_CHECK, PASSING_CHECK]);
      expect(resolve()).to.equal(false);
      expect(world.errorMessages[0]).to.contain(FAILING_CHECK.message);
      expect(auditRows()[0]).to.include({ outcome: 'blocked', verdict: 'fail', source: 'live' });
    });

    it('verdict pass: saved, audited by the after rule', () => {
      connectorAnswers('pass', [PASSING_CHECK]);
      expect(resolve()).to.equal(true);
      expect(auditRows()[0]).to.include({ outcome: 'allowed' });
    });
  });
});

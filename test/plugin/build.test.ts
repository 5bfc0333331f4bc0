// The real `now-sdk build --frozenKeys` (offline), what it produces, and the built guard running
// in Node. The build runs once for this file (support/sdk-build.ts memoises it).
import { expect } from 'chai';
import { readBuiltRecords, type BuiltRecord } from './support/xml-records.js';
import { buildPluginOnce, type PluginBuild } from './support/sdk-build.js';
import { materialiseBuiltModules, type BuiltApp } from './support/built-app.js';
import { FakeGlideRecord, world } from './support/glide-fakes.js';
import { auditRows, configureApp, connectorAnswers, storeIncident, updating } from './support/incident-world.js';
import { FAILING_CHECK, PASSING_CHECK } from './support/closure-fixtures.js';

const MODULE_ROOT = 'x_closeloop/closeloop-plugin/0.1.0/src/server';
const GUARD_MODULE = `${MODULE_ROOT}/entry/guard-resolution.ts`;
const CHECK_MODULE = `${MODULE_ROOT}/entry/check-telemetry.ts`;
const OVERRIDE_MODULE = `${MODULE_ROOT}/entry/resolve-despite-telemetry.ts`;

describe('plugin build (now-sdk build --frozenKeys)', function () {
  this.timeout(180_000);
  let build: PluginBuild;
  let records: BuiltRecord[];

  const ofTable = (table: string) => records.filter((r) => r.table === table);
  const one = (table: string, field: string, value: string): BuiltRecord => {
    const found = ofTable(table).filter((r) => r.fields[field] === value);
    expect(found, `${table} with ${field}=${value}`).to.have.length(1);
    return found[0]!;
  };
  const modulePaths = () => new Set(ofTable('sys_module').map((m) => m.fields.path));

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

  it('the business rule is before-update on incident, state changes to Resolved, and calls the guard module', () => {
    const rule = one('sys_script', 'name', 'Closeloop: guard incident resolution');
    expect(rule.fields).to.include({
      collection: 'incident',
      when: 'before',
      action_update: 'true',
      action_insert: 'false',
      action_delete: 'false',
      active: 'true',
    });
    expect(rule.fields.filter_condition).to.match(/^stateCHANGESTO6(\^EQ)?$/);
    expect(rule.fields.script).to.contain(`require('${GUARD_MODULE}')`);
    expect(rule.fields.script).to.contain('guardIncidentResolution(current, previous);');
  });

  it('the UI actions call their modules with the platform `action` object', () => {
    const check = one('sys_ui_action', 'action_name', 'x_closeloop_check_telemetry');
    expect(check.fields).to.include({ name: 'Check telemetry', table: 'incident' });
    expect(check.fields.script).to.contain(`require('${CHECK_MODULE}')`).and.to.contain('checkTelemetry(current, action);');

    const override = one('sys_ui_action', 'action_name', 'x_closeloop_resolve_override');
    expect(override.fields).to.include({ name: 'Resolve despite telemetry', table: 'incident' });
    expect(override.fields.script)
      .to.contain(`require('${OVERRIDE_MODULE}')`)
      .and.to.contain('resolveDespiteTelemetry(current, action);');
    const roles = ofTable('sys_ui_action_role').filter((r) => r.fields.sys_ui_action === override.fields.sys_id);
    expect(roles.map((r) => r.attributes.sys_user_role?.name)).to.deep.equal(['x_closeloop.closure_override']);
  });

  it('every required module and every relative import resolves to a built sys_module', () => {
    const paths = modulePaths();
    for (const entry of [GUARD_MODULE, CHECK_MODULE, OVERRIDE_MODULE]) expect(paths, entry).to.include(entry);
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
      if (modulePath.includes('/src/server/closure/')) {
        expect(content, modulePath).not.to.contain('@servicenow/glide');
      }
      if (modulePath.endsWith('.ts')) expect(content, modulePath).not.to.match(/\basync\b|#[a-z]/);
    }
  });

  it('defines the tables: audit, and the verdict table open to the Table API', () => {
    const verdict = one('sys_db_object', 'name', 'x_closeloop_verdict');
    expect(verdict.fields.ws_access).to.equal('true');
    one('sys_db_object', 'name', 'x_closeloop_closure_audit');
    const columns = (table: string) =>
      ofTable('sys_dictionary')
        .filter((d) => d.fields.name === table && d.fields.element)
        .map((d) => d.fields.element);
    expect(columns('x_closeloop_verdict')).to.include.members(['correlation_id', 'verdict', 'checks', 'evaluated_at']);
    expect(columns('x_closeloop_closure_audit')).to.include.members([
      'incident',
      'outcome',
      'verdict',
      'checks',
      'user',
      'justification',
      'source',
      'checked_at',
    ]);
    expect(columns('incident')).to.include.members(['x_closeloop_override_justification', 'x_closeloop_override_requested']);
  });

  it('shows the audit as a related list on the incident form', () => {
    const entry = one('sys_ui_related_list_entry', 'related_list', 'x_closeloop_closure_audit.incident');
    const list = one('sys_ui_related_list', 'sys_id', entry.fields.list_id ?? '');
    expect(list.fields.name).to.equal('incident');
  });

  it('ships the properties as first-install records (unload/), so admin edits survive upgrades', () => {
    const properties = ofTable('sys_properties');
    expect(properties.every((p) => p.file.startsWith('unload/')), 'all in unload/').to.equal(true);
    const byName = Object.fromEntries(properties.map((p) => [p.fields.name, p.fields]));
    expect(Object.keys(byName)).to.have.members([
      'x_closeloop.connector.url',
      'x_closeloop.connector.api_key',
      'x_closeloop.connector.mid_server',
      'x_closeloop.connector.timeout_seconds',
      'x_closeloop.connector.stub_response',
      'x_closeloop.guard.fail_mode',
      'x_closeloop.guard.pushed_verdict_max_age_minutes',
      'x_closeloop.guard.correlation_display',
      'x_closeloop.guard.ci_classes',
    ]);
    expect(byName['x_closeloop.connector.api_key']).to.include({ type: 'password2', is_private: 'true' });
    expect(byName['x_closeloop.guard.fail_mode']).to.include({ type: 'choicelist', value: 'block', choices: 'block,allow' });
    expect(byName['x_closeloop.guard.correlation_display']).to.include({ value: 'Closeloop' });
  });

  it('defines the override and connector roles, and the ATF tests', () => {
    expect(ofTable('sys_user_role').map((r) => r.fields.name)).to.have.members([
      'x_closeloop.closure_override',
      'x_closeloop.connector',
    ]);
    expect(ofTable('sys_atf_test').map((t) => t.fields.name)).to.have.members([
      'Closeloop: resolution blocked when the connector says fail',
      'Closeloop: resolution allowed when the connector says pass',
      'Closeloop: override role with justification resolves despite a fail verdict',
      'Closeloop: override without the override role is refused',
      'Closeloop: Resolved to Closed is not checked',
    ]);
  });

  describe('the built guard, run in Node through its generated business-rule script', () => {
    let app: BuiltApp;
    let ruleScript: string;

    before(() => {
      app = materialiseBuiltModules(records);
      ruleScript = one('sys_script', 'name', 'Closeloop: guard incident resolution').fields.script ?? '';
    });
    after(() => app?.dispose());
    beforeEach(() => {
      world.reset();
      configureApp();
    });

    it('verdict fail: aborts with the failing check and records the audit row', () => {
      connectorAnswers('fail', [FAILING_CHECK, PASSING_CHECK]);
      const { current, previous } = updating(storeIncident());
      app.runScript(ruleScript, { current, previous });
      expect(current.isActionAborted()).to.equal(true);
      expect(world.errorMessages[0]).to.contain(FAILING_CHECK.message);
      expect(auditRows()[0]).to.include({ outcome: 'blocked', verdict: 'fail', source: 'live' });
    });

    it('verdict pass: no abort', () => {
      connectorAnswers('pass', [PASSING_CHECK]);
      const { current, previous } = updating(storeIncident());
      app.runScript(ruleScript, { current, previous });
      expect(current.isActionAborted()).to.equal(false);
      expect(auditRows()[0]).to.include({ outcome: 'allowed' });
    });

    it('the Check telemetry UI action script runs too', () => {
      connectorAnswers('fail', [FAILING_CHECK]);
      const script = one('sys_ui_action', 'action_name', 'x_closeloop_check_telemetry').fields.script ?? '';
      const current = FakeGlideRecord.positionedOn('incident', storeIncident());
      const redirects: unknown[] = [];
      app.runScript(script, { current, action: { setRedirectURL: (t: unknown) => redirects.push(t) } });
      expect(world.errorMessages[0]).to.contain('FAIL');
      expect(redirects).to.deep.equal([current]);
    });
  });
});

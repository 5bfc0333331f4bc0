import '@servicenow/sdk/global';
import { Test } from '@servicenow/sdk/core';
import { closureOverrideRole, connectorRole } from '../roles.now.ts';

// ATF tests for the paths only an instance can run. (Fluent takes literal strings only, hence the
// repeated set-up scripts.)
//
// No test writes sys_properties. Each drives the guard's real fallback: a server-script step
// pauses live calls (opens the circuit breaker in x_closeloop_connector_state) and inserts a fresh
// x_closeloop_verdict row, so the pushed verdict decides on any instance, connector configured or
// not; ATF rolls both back. failOnServerError is on everywhere.

Test(
  {
    $id: Now.ID['atf-guard-blocks-on-fail'],
    name: "Closeloop: resolving is blocked while the pushed verdict is fail",
    description:
      "Live calls paused and a fresh pushed verdict \"fail\": updating a Closeloop incident (correlation_display Closeloop) from In Progress to Resolved is refused by \"Closeloop: guard closures\", the incident stays In Progress, a \"blocked\" audit row (source pushed, verdict fail) is written at once and x_closeloop.resolution_blocked is queued on it.",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-blocks-on-fail-setup'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var state = new GlideRecord('x_closeloop_connector_state');
      if (!state.get('name', 'closure_check')) {
        state.initialize();
        state.setValue('name', 'closure_check');
      }
      state.setValue('failures', 99);
      state.setValue('open_until_ms', String(new Date().getTime() + 600000));
      state.setValue('last_error', 'ATF: live calls paused, so the pushed verdict decides');
      if (state.isNewRecord()) state.insert();
      else state.update();
      var verdict = new GlideRecord('x_closeloop_verdict');
      verdict.initialize();
      verdict.setValue('correlation_id', 'closeloop-atf-block-on-fail');
      verdict.setValue('verdict', 'fail');
      verdict.setValue('checks', "[{\\"name\\":\\"crah_supply_temp\\",\\"status\\":\\"fail\\",\\"observed\\":\\"29.4\\",\\"expected\\":\\"18-27\\",\\"window\\":\\"10m\\",\\"message\\":\\"CRAH-3 supply air is 29.4 C, expected 18-27 C for 10m\\"}]");
      verdict.setValue('evaluated_at', new Date().toISOString());
      if (!verdict.insert()) {
        stepResult.setOutputMessage('could not insert the pushed verdict');
        return false;
      }
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-blocks-on-fail-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-block-on-fail',
        correlation_id: 'closeloop-atf-block-on-fail',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-blocks-on-fail-resolve'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: "6", close_code: "Solution provided", close_notes: "Closeloop ATF resolution" },
      assert: 'record_not_updated',
    });
    atf.server.recordValidation({
      $id: Now.ID['atf-guard-blocks-on-fail-still-open'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: 'state=2',
      assert: 'record_validated',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-blocks-on-fail-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `task=${incident.record_id}^outcome=blocked^resolution_blocked=true^verdict=fail^source=pushed`,
      assert: 'records_match_query',
    });
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-blocks-on-fail-event'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var row = new GlideRecord('x_closeloop_closure_audit');
      row.addQuery('correlation_id', 'closeloop-atf-block-on-fail');
      row.addQuery('outcome', 'blocked');
      row.query();
      if (!row.next()) {
        stepResult.setOutputMessage('no blocked audit row');
        return false;
      }
      var event = new GlideRecord('sysevent');
      event.addQuery('name', 'x_closeloop.resolution_blocked');
      event.addQuery('instance', row.getUniqueValue());
      event.query();
      if (!event.next()) {
        stepResult.setOutputMessage('x_closeloop.resolution_blocked was not queued for the audit row');
        return false;
      }
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });

  },
);

Test(
  {
    $id: Now.ID['atf-guard-allows-on-pass'],
    name: "Closeloop: resolving is allowed on a pass, and audited after the save",
    description:
      "Live calls paused and a fresh pushed verdict \"pass\": resolving a Closeloop incident succeeds and the after rule \"Closeloop: confirm closures\" writes an \"allowed\" audit row (verdict pass, source pushed).",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-allows-on-pass-setup'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var state = new GlideRecord('x_closeloop_connector_state');
      if (!state.get('name', 'closure_check')) {
        state.initialize();
        state.setValue('name', 'closure_check');
      }
      state.setValue('failures', 99);
      state.setValue('open_until_ms', String(new Date().getTime() + 600000));
      state.setValue('last_error', 'ATF: live calls paused, so the pushed verdict decides');
      if (state.isNewRecord()) state.insert();
      else state.update();
      var verdict = new GlideRecord('x_closeloop_verdict');
      verdict.initialize();
      verdict.setValue('correlation_id', 'closeloop-atf-allow-on-pass');
      verdict.setValue('verdict', 'pass');
      verdict.setValue('checks', "[{\\"name\\":\\"crah_supply_temp\\",\\"status\\":\\"pass\\",\\"observed\\":\\"22.1\\",\\"expected\\":\\"18-27\\",\\"window\\":\\"10m\\",\\"message\\":\\"CRAH-3 supply air is 22.1 C, within 18-27 C for 10m\\"}]");
      verdict.setValue('evaluated_at', new Date().toISOString());
      if (!verdict.insert()) {
        stepResult.setOutputMessage('could not insert the pushed verdict');
        return false;
      }
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-allows-on-pass-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-allow-on-pass',
        correlation_id: 'closeloop-atf-allow-on-pass',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-allows-on-pass-resolve'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: "6", close_code: "Solution provided", close_notes: "Closeloop ATF resolution" },
      assert: 'record_successfully_updated',
    });
    atf.server.recordValidation({
      $id: Now.ID['atf-guard-allows-on-pass-resolved'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: 'state=6',
      assert: 'record_validated',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-allows-on-pass-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `task=${incident.record_id}^outcome=allowed^resolution_blocked=false^verdict=pass^source=pushed`,
      assert: 'records_match_query',
    });

  },
);

Test(
  {
    $id: Now.ID['atf-guard-open-to-closed'],
    name: "Closeloop: going straight from In Progress to Closed is guarded too",
    description:
      "Live calls paused and a fresh pushed verdict \"fail\": updating a Closeloop incident from In Progress (2) directly to Closed (7), as an admin, a flow or an import can, is refused and audited as blocked.",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-open-to-closed-setup'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var state = new GlideRecord('x_closeloop_connector_state');
      if (!state.get('name', 'closure_check')) {
        state.initialize();
        state.setValue('name', 'closure_check');
      }
      state.setValue('failures', 99);
      state.setValue('open_until_ms', String(new Date().getTime() + 600000));
      state.setValue('last_error', 'ATF: live calls paused, so the pushed verdict decides');
      if (state.isNewRecord()) state.insert();
      else state.update();
      var verdict = new GlideRecord('x_closeloop_verdict');
      verdict.initialize();
      verdict.setValue('correlation_id', 'closeloop-atf-open-to-closed');
      verdict.setValue('verdict', 'fail');
      verdict.setValue('checks', "[{\\"name\\":\\"crah_supply_temp\\",\\"status\\":\\"fail\\",\\"observed\\":\\"29.4\\",\\"expected\\":\\"18-27\\",\\"window\\":\\"10m\\",\\"message\\":\\"CRAH-3 supply air is 29.4 C, expected 18-27 C for 10m\\"}]");
      verdict.setValue('evaluated_at', new Date().toISOString());
      if (!verdict.insert()) {
        stepResult.setOutputMessage('could not insert the pushed verdict');
        return false;
      }
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-open-to-closed-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-open-to-closed',
        correlation_id: 'closeloop-atf-open-to-closed',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-open-to-closed-close'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: "7", close_code: "Solution provided", close_notes: "Closeloop ATF closure" },
      assert: 'record_not_updated',
    });
    atf.server.recordValidation({
      $id: Now.ID['atf-guard-open-to-closed-still-open'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: 'state=2',
      assert: 'record_validated',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-open-to-closed-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `task=${incident.record_id}^outcome=blocked^to_state=7`,
      assert: 'records_match_query',
    });

  },
);

Test(
  {
    $id: Now.ID['atf-guard-ignores-close'],
    name: "Closeloop: Resolved to Closed is not checked",
    description:
      "A Closeloop incident already Resolved is moved to Closed (what the autoclose job does) while the pushed verdict is \"fail\": the update succeeds and no audit row is written, because Resolved and Closed are both closing states.",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-ignores-close-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-resolved-to-closed',
        correlation_id: 'closeloop-atf-resolved-to-closed',
        correlation_display: 'Closeloop',
        state: '6',
        close_code: 'Solution provided',
        close_notes: 'Closeloop ATF resolution',
      },
    });
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-ignores-close-setup'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var state = new GlideRecord('x_closeloop_connector_state');
      if (!state.get('name', 'closure_check')) {
        state.initialize();
        state.setValue('name', 'closure_check');
      }
      state.setValue('failures', 99);
      state.setValue('open_until_ms', String(new Date().getTime() + 600000));
      state.setValue('last_error', 'ATF: live calls paused, so the pushed verdict decides');
      if (state.isNewRecord()) state.insert();
      else state.update();
      var verdict = new GlideRecord('x_closeloop_verdict');
      verdict.initialize();
      verdict.setValue('correlation_id', 'closeloop-atf-resolved-to-closed');
      verdict.setValue('verdict', 'fail');
      verdict.setValue('checks', "[{\\"name\\":\\"crah_supply_temp\\",\\"status\\":\\"fail\\",\\"observed\\":\\"29.4\\",\\"expected\\":\\"18-27\\",\\"window\\":\\"10m\\",\\"message\\":\\"CRAH-3 supply air is 29.4 C, expected 18-27 C for 10m\\"}]");
      verdict.setValue('evaluated_at', new Date().toISOString());
      if (!verdict.insert()) {
        stepResult.setOutputMessage('could not insert the pushed verdict');
        return false;
      }
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-ignores-close-close'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: "7" },
      assert: 'record_successfully_updated',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-ignores-close-no-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `task=${incident.record_id}`,
      assert: 'no_records_match_query',
    });

  },
);

Test(
  {
    $id: Now.ID['atf-guard-allow-mode'],
    name: "Closeloop: fail mode allow lets a closure through without a verdict, audited",
    description:
      "The incident row of x_closeloop_guarded_table is set to fail mode \"allow\" (rolled back), live calls are paused and no verdict was pushed: resolving a Closeloop incident succeeds and an \"unavailable\" audit row with resolution_blocked false is written.",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-allow-mode-setup'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var state = new GlideRecord('x_closeloop_connector_state');
      if (!state.get('name', 'closure_check')) {
        state.initialize();
        state.setValue('name', 'closure_check');
      }
      state.setValue('failures', 99);
      state.setValue('open_until_ms', String(new Date().getTime() + 600000));
      state.setValue('last_error', 'ATF: live calls paused, so the pushed verdict decides');
      if (state.isNewRecord()) state.insert();
      else state.update();
      var config = new GlideRecord('x_closeloop_guarded_table');
      if (!config.get('table_name', 'incident')) {
        stepResult.setOutputMessage('no guarded-table row for incident');
        return false;
      }
      config.setValue('fail_mode', 'allow');
      config.update();
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-allow-mode-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-allow-mode',
        correlation_id: 'closeloop-atf-allow-mode',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-allow-mode-resolve'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: "6", close_code: "Solution provided", close_notes: "Closeloop ATF resolution" },
      assert: 'record_successfully_updated',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-allow-mode-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `task=${incident.record_id}^outcome=unavailable^resolution_blocked=false^source=none`,
      assert: 'records_match_query',
    });

  },
);

Test(
  {
    $id: Now.ID['atf-guard-no-verdict-blocks'],
    name: "Closeloop: without any verdict, fail mode block refuses",
    description:
      "Live calls paused and no pushed verdict: resolving a Closeloop incident is refused (fail mode block) and an \"unavailable\" audit row with resolution_blocked true names why no verdict could be had.",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-no-verdict-setup'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var state = new GlideRecord('x_closeloop_connector_state');
      if (!state.get('name', 'closure_check')) {
        state.initialize();
        state.setValue('name', 'closure_check');
      }
      state.setValue('failures', 99);
      state.setValue('open_until_ms', String(new Date().getTime() + 600000));
      state.setValue('last_error', 'ATF: live calls paused, so the pushed verdict decides');
      if (state.isNewRecord()) state.insert();
      else state.update();
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-no-verdict-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-no-verdict',
        correlation_id: 'closeloop-atf-no-verdict',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-no-verdict-resolve'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: "6", close_code: "Solution provided", close_notes: "Closeloop ATF resolution" },
      assert: 'record_not_updated',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-no-verdict-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `task=${incident.record_id}^outcome=unavailable^resolution_blocked=true^detailLIKEpaused`,
      assert: 'records_match_query',
    });

  },
);

Test(
  {
    $id: Now.ID['atf-guard-override'],
    name: "Closeloop: the override role resolves despite a fail, with the justification audited",
    description:
      "A user with x_closeloop.closure_override and itil requests an override with a justification (the module behind the dialog of \"Resolve despite telemetry\"), then resolves the Closeloop incident whose pushed verdict is \"fail\": the update succeeds, the audit row is \"overridden\" with the justification, the override request is marked used and a work note records it.",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-override-setup'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var state = new GlideRecord('x_closeloop_connector_state');
      if (!state.get('name', 'closure_check')) {
        state.initialize();
        state.setValue('name', 'closure_check');
      }
      state.setValue('failures', 99);
      state.setValue('open_until_ms', String(new Date().getTime() + 600000));
      state.setValue('last_error', 'ATF: live calls paused, so the pushed verdict decides');
      if (state.isNewRecord()) state.insert();
      else state.update();
      var verdict = new GlideRecord('x_closeloop_verdict');
      verdict.initialize();
      verdict.setValue('correlation_id', 'closeloop-atf-override');
      verdict.setValue('verdict', 'fail');
      verdict.setValue('checks', "[{\\"name\\":\\"crah_supply_temp\\",\\"status\\":\\"fail\\",\\"observed\\":\\"29.4\\",\\"expected\\":\\"18-27\\",\\"window\\":\\"10m\\",\\"message\\":\\"CRAH-3 supply air is 29.4 C, expected 18-27 C for 10m\\"}]");
      verdict.setValue('evaluated_at', new Date().toISOString());
      if (!verdict.insert()) {
        stepResult.setOutputMessage('could not insert the pushed verdict');
        return false;
      }
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-override-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-override',
        correlation_id: 'closeloop-atf-override',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.createUser({
      $id: Now.ID['atf-guard-override-user'],
      firstName: 'Closeloop',
      lastName: 'Override ATF',
      roles: [closureOverrideRole, 'itil'],
      groups: [],
      fieldValues: {},
      impersonate: true,
    });
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-override-request'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var incident = new GlideRecord('incident');
      if (!incident.get('correlation_id', 'closeloop-atf-override')) {
        stepResult.setOutputMessage('no incident');
        return false;
      }
      var ajax = require('x_closeloop/closeloop-plugin/0.1.0/src/server/entry/closure-ajax.ts');
      var answer = JSON.parse(ajax.requestOverrideForForm('incident', incident.getUniqueValue(), 'Leak sensor B is faulty; facilities confirmed the floor is dry.'));
      assertEqual({ name: 'override requested', shouldbe: true, value: answer.ok });
      assertEqual({ name: 'target state', shouldbe: '6', value: answer.targetState });
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-override-resolve'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: "6", close_code: "Solution provided", close_notes: "Closeloop ATF resolution" },
      assert: 'record_successfully_updated',
    });
    atf.server.recordValidation({
      $id: Now.ID['atf-guard-override-resolved'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: 'state=6',
      assert: 'record_validated',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-override-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `task=${incident.record_id}^outcome=overridden^verdict=fail^justificationLIKELeak sensor B is faulty`,
      assert: 'records_match_query',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-override-request-used'],
      table: 'x_closeloop_override_request',
      fieldValues: `task=${incident.record_id}^status=used^auditISNOTEMPTY`,
      assert: 'records_match_query',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-override-work-note'],
      table: 'sys_journal_field',
      fieldValues: `element_id=${incident.record_id}^element=work_notes^valueLIKEresolved despite telemetry`,
      assert: 'records_match_query',
    });

  },
);

Test(
  {
    $id: Now.ID['atf-guard-override-needs-role'],
    name: "Closeloop: without the override role there is no way past a block",
    description:
      "A user with itil only: the override request is refused, an override request row inserted for them anyway (as an attacker with table access might) is ignored by the guard, and resolving the incident whose pushed verdict is \"fail\" is refused and audited as blocked.",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-override-needs-role-setup'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var state = new GlideRecord('x_closeloop_connector_state');
      if (!state.get('name', 'closure_check')) {
        state.initialize();
        state.setValue('name', 'closure_check');
      }
      state.setValue('failures', 99);
      state.setValue('open_until_ms', String(new Date().getTime() + 600000));
      state.setValue('last_error', 'ATF: live calls paused, so the pushed verdict decides');
      if (state.isNewRecord()) state.insert();
      else state.update();
      var verdict = new GlideRecord('x_closeloop_verdict');
      verdict.initialize();
      verdict.setValue('correlation_id', 'closeloop-atf-override-no-role');
      verdict.setValue('verdict', 'fail');
      verdict.setValue('checks', "[{\\"name\\":\\"crah_supply_temp\\",\\"status\\":\\"fail\\",\\"observed\\":\\"29.4\\",\\"expected\\":\\"18-27\\",\\"window\\":\\"10m\\",\\"message\\":\\"CRAH-3 supply air is 29.4 C, expected 18-27 C for 10m\\"}]");
      verdict.setValue('evaluated_at', new Date().toISOString());
      if (!verdict.insert()) {
        stepResult.setOutputMessage('could not insert the pushed verdict');
        return false;
      }
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-override-needs-role-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-override-no-role',
        correlation_id: 'closeloop-atf-override-no-role',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.createUser({
      $id: Now.ID['atf-guard-override-needs-role-user'],
      firstName: 'Closeloop',
      lastName: 'No Override ATF',
      roles: ['itil'],
      groups: [],
      fieldValues: {},
      impersonate: true,
    });
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-override-needs-role-request'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var incident = new GlideRecord('incident');
      if (!incident.get('correlation_id', 'closeloop-atf-override-no-role')) {
        stepResult.setOutputMessage('no incident');
        return false;
      }
      var ajax = require('x_closeloop/closeloop-plugin/0.1.0/src/server/entry/closure-ajax.ts');
      var answer = JSON.parse(ajax.requestOverrideForForm('incident', incident.getUniqueValue(), 'I would like to close this.'));
      assertEqual({ name: 'override refused', shouldbe: false, value: answer.ok });
      var forged = new GlideRecord('x_closeloop_override_request');
      forged.initialize();
      forged.setValue('table_name', 'incident');
      forged.setValue('task', incident.getUniqueValue());
      forged.setValue('user', gs.getUserID());
      forged.setValue('justification', 'forged');
      forged.setValue('requested_at', new GlideDateTime().getValue());
      forged.setValue('status', 'pending');
      forged.insert();
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-override-needs-role-resolve'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: "6", close_code: "Solution provided", close_notes: "Closeloop ATF resolution" },
      assert: 'record_not_updated',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-override-needs-role-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `task=${incident.record_id}^outcome=blocked^resolution_blocked=true`,
      assert: 'records_match_query',
    });

  },
);

Test(
  {
    $id: Now.ID['atf-guard-correlation-tamper'],
    name: "Closeloop: clearing correlation_display does not switch the guard off",
    description:
      "A user with itil sends one update that clears correlation_display and resolves (the pushed verdict is \"fail\"): the guard decides from the stored values and refuses; a second update that only clears correlation_display is refused too, because the correlation fields of a guarded record belong to the connector.",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-correlation-tamper-setup'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var state = new GlideRecord('x_closeloop_connector_state');
      if (!state.get('name', 'closure_check')) {
        state.initialize();
        state.setValue('name', 'closure_check');
      }
      state.setValue('failures', 99);
      state.setValue('open_until_ms', String(new Date().getTime() + 600000));
      state.setValue('last_error', 'ATF: live calls paused, so the pushed verdict decides');
      if (state.isNewRecord()) state.insert();
      else state.update();
      var verdict = new GlideRecord('x_closeloop_verdict');
      verdict.initialize();
      verdict.setValue('correlation_id', 'closeloop-atf-tamper');
      verdict.setValue('verdict', 'fail');
      verdict.setValue('checks', "[{\\"name\\":\\"crah_supply_temp\\",\\"status\\":\\"fail\\",\\"observed\\":\\"29.4\\",\\"expected\\":\\"18-27\\",\\"window\\":\\"10m\\",\\"message\\":\\"CRAH-3 supply air is 29.4 C, expected 18-27 C for 10m\\"}]");
      verdict.setValue('evaluated_at', new Date().toISOString());
      if (!verdict.insert()) {
        stepResult.setOutputMessage('could not insert the pushed verdict');
        return false;
      }
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-correlation-tamper-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-tamper',
        correlation_id: 'closeloop-atf-tamper',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.createUser({
      $id: Now.ID['atf-guard-correlation-tamper-user'],
      firstName: 'Closeloop',
      lastName: 'Tamper ATF',
      roles: ['itil'],
      groups: [],
      fieldValues: {},
      impersonate: true,
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-correlation-tamper-resolve'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: "6", close_code: "Solution provided", close_notes: "Closeloop ATF resolution", correlation_display: "" },
      enforceSecurity: false,
      assert: 'record_not_updated',
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-correlation-tamper-clear'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { correlation_display: "" },
      enforceSecurity: false,
      assert: 'record_not_updated',
    });
    atf.server.recordValidation({
      $id: Now.ID['atf-guard-correlation-tamper-unchanged'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: 'state=2^correlation_display=Closeloop',
      assert: 'record_validated',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-correlation-tamper-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `task=${incident.record_id}^outcome=blocked`,
      assert: 'records_match_query',
    });

  },
);

Test(
  {
    $id: Now.ID['atf-guard-connector-resolve'],
    name: "Closeloop: the connector's own resolve rides on the pass it pushed",
    description:
      "A user with x_closeloop.connector (the integration user) resolves an incident whose pushed verdict is a fresh \"pass\", with live calls NOT paused: the update succeeds without a live call and the audit row says the connector resolved on its own pushed pass.",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-connector-resolve-setup'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var verdict = new GlideRecord('x_closeloop_verdict');
      verdict.initialize();
      verdict.setValue('correlation_id', 'closeloop-atf-connector-resolve');
      verdict.setValue('verdict', 'pass');
      verdict.setValue('checks', "[{\\"name\\":\\"crah_supply_temp\\",\\"status\\":\\"pass\\",\\"observed\\":\\"22.1\\",\\"expected\\":\\"18-27\\",\\"window\\":\\"10m\\",\\"message\\":\\"CRAH-3 supply air is 22.1 C, within 18-27 C for 10m\\"}]");
      verdict.setValue('evaluated_at', new Date().toISOString());
      if (!verdict.insert()) {
        stepResult.setOutputMessage('could not insert the pushed verdict');
        return false;
      }
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-connector-resolve-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-connector-resolve',
        correlation_id: 'closeloop-atf-connector-resolve',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.createUser({
      $id: Now.ID['atf-guard-connector-resolve-user'],
      firstName: 'Closeloop',
      lastName: 'Connector ATF',
      roles: [connectorRole, 'itil'],
      groups: [],
      fieldValues: {},
      impersonate: true,
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-connector-resolve-resolve'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: "6", close_code: "Solution provided", close_notes: "Closeloop ATF resolution" },
      assert: 'record_successfully_updated',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-connector-resolve-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `task=${incident.record_id}^outcome=allowed^source=pushed^detailLIKEpass it pushed`,
      assert: 'records_match_query',
    });

  },
);

Test(
  {
    $id: Now.ID['atf-guard-cancel-audited'],
    name: "Closeloop: canceling a guarded incident is audited, not blocked",
    description:
      "With x_closeloop.guard.cancel false (its default) and a pushed verdict \"fail\", canceling a Closeloop incident (2 to 8) succeeds and a \"canceled\" audit row is written by the after rule.",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-cancel-setup'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var state = new GlideRecord('x_closeloop_connector_state');
      if (!state.get('name', 'closure_check')) {
        state.initialize();
        state.setValue('name', 'closure_check');
      }
      state.setValue('failures', 99);
      state.setValue('open_until_ms', String(new Date().getTime() + 600000));
      state.setValue('last_error', 'ATF: live calls paused, so the pushed verdict decides');
      if (state.isNewRecord()) state.insert();
      else state.update();
      var verdict = new GlideRecord('x_closeloop_verdict');
      verdict.initialize();
      verdict.setValue('correlation_id', 'closeloop-atf-cancel');
      verdict.setValue('verdict', 'fail');
      verdict.setValue('checks', "[{\\"name\\":\\"crah_supply_temp\\",\\"status\\":\\"fail\\",\\"observed\\":\\"29.4\\",\\"expected\\":\\"18-27\\",\\"window\\":\\"10m\\",\\"message\\":\\"CRAH-3 supply air is 29.4 C, expected 18-27 C for 10m\\"}]");
      verdict.setValue('evaluated_at', new Date().toISOString());
      if (!verdict.insert()) {
        stepResult.setOutputMessage('could not insert the pushed verdict');
        return false;
      }
      if (gs.getProperty('x_closeloop.guard.cancel', 'false') === 'true') {
        stepResult.setOutputMessage('x_closeloop.guard.cancel is true on this instance; this test covers the default');
        return false;
      }
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-cancel-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-cancel',
        correlation_id: 'closeloop-atf-cancel',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-cancel-cancel'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: "8", close_code: "Solution provided", close_notes: "Closeloop ATF cancel" },
      assert: 'record_successfully_updated',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-cancel-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `task=${incident.record_id}^outcome=canceled^resolution_blocked=false`,
      assert: 'records_match_query',
    });

  },
);

Test(
  {
    $id: Now.ID['atf-guard-form-check-telemetry'],
    name: "Closeloop: \"Check telemetry\" on the form shows the verdict without saving",
    description:
      "On the classic form of a guarded incident a fulfiller sees \"Check telemetry\" (and not on an unguarded one); clicking it does not submit the form: a value changed on the form before the click is still unsaved afterwards.",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-form-check-setup'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var state = new GlideRecord('x_closeloop_connector_state');
      if (!state.get('name', 'closure_check')) {
        state.initialize();
        state.setValue('name', 'closure_check');
      }
      state.setValue('failures', 99);
      state.setValue('open_until_ms', String(new Date().getTime() + 600000));
      state.setValue('last_error', 'ATF: live calls paused, so the pushed verdict decides');
      if (state.isNewRecord()) state.insert();
      else state.update();
      var verdict = new GlideRecord('x_closeloop_verdict');
      verdict.initialize();
      verdict.setValue('correlation_id', 'closeloop-atf-form-check');
      verdict.setValue('verdict', 'fail');
      verdict.setValue('checks', "[{\\"name\\":\\"crah_supply_temp\\",\\"status\\":\\"fail\\",\\"observed\\":\\"29.4\\",\\"expected\\":\\"18-27\\",\\"window\\":\\"10m\\",\\"message\\":\\"CRAH-3 supply air is 29.4 C, expected 18-27 C for 10m\\"}]");
      verdict.setValue('evaluated_at', new Date().toISOString());
      if (!verdict.insert()) {
        stepResult.setOutputMessage('could not insert the pushed verdict');
        return false;
      }
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-form-check-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-form-check',
        correlation_id: 'closeloop-atf-form-check',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    const unguarded = atf.server.recordInsert({
      $id: Now.ID['atf-guard-form-check-unguarded'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-form-unguarded',
        correlation_id: 'closeloop-atf-form-unguarded',
        correlation_display: 'Other',
        state: '2',
      },
    });
    atf.server.createUser({
      $id: Now.ID['atf-guard-form-check-user'],
      firstName: 'Closeloop',
      lastName: 'Fulfiller ATF',
      roles: ['itil'],
      groups: [],
      fieldValues: {},
      impersonate: true,
    });
    atf.form.openExistingRecord({ $id: Now.ID['atf-guard-form-check-open-unguarded'], table: 'incident', recordId: unguarded.record_id });
    atf.form.uiActionVisibility({ $id: Now.ID['atf-guard-form-check-hidden'], table: 'incident', notVisible: [Now.ref('sys_ui_action', 'ui-action-check-telemetry'), Now.ref('sys_ui_action', 'ui-action-resolve-despite-telemetry')] });
    atf.form.openExistingRecord({ $id: Now.ID['atf-guard-form-check-open'], table: 'incident', recordId: incident.record_id });
    atf.form.uiActionVisibility({ $id: Now.ID['atf-guard-form-check-visible'], table: 'incident', visible: [Now.ref('sys_ui_action', 'ui-action-check-telemetry')], notVisible: [Now.ref('sys_ui_action', 'ui-action-resolve-despite-telemetry')] });
    atf.form.setFieldValue({ $id: Now.ID['atf-guard-form-check-edit'], table: 'incident', fieldValues: { short_description: 'Closeloop ATF: unsaved edit' } });
    atf.form.clickUIAction({ $id: Now.ID['atf-guard-form-check-click'], table: 'incident', uiAction: Now.ref('sys_ui_action', 'ui-action-check-telemetry'), assert: '' });
    atf.form.fieldValueValidation({ $id: Now.ID['atf-guard-form-check-still-edited'], table: 'incident', conditions: 'short_description=Closeloop ATF: unsaved edit' });
    atf.server.recordValidation({
      $id: Now.ID['atf-guard-form-check-not-saved'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: 'short_descriptionSTARTSWITHCloseloop ATF: closeloop-atf-form-check',
      assert: 'record_validated',
    });

  },
);

Test(
  {
    $id: Now.ID['atf-guard-form-override-cancel'],
    name: "Closeloop: giving up the override dialog leaves the form as it was",
    description:
      "A user with the override role sees \"Resolve despite telemetry\" on a guarded incident; clicking it opens the justification dialog; Cancel closes it without changing the state or making any field mandatory, so the form still saves.",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-form-override-setup'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var state = new GlideRecord('x_closeloop_connector_state');
      if (!state.get('name', 'closure_check')) {
        state.initialize();
        state.setValue('name', 'closure_check');
      }
      state.setValue('failures', 99);
      state.setValue('open_until_ms', String(new Date().getTime() + 600000));
      state.setValue('last_error', 'ATF: live calls paused, so the pushed verdict decides');
      if (state.isNewRecord()) state.insert();
      else state.update();
      var verdict = new GlideRecord('x_closeloop_verdict');
      verdict.initialize();
      verdict.setValue('correlation_id', 'closeloop-atf-form-override');
      verdict.setValue('verdict', 'fail');
      verdict.setValue('checks', "[{\\"name\\":\\"crah_supply_temp\\",\\"status\\":\\"fail\\",\\"observed\\":\\"29.4\\",\\"expected\\":\\"18-27\\",\\"window\\":\\"10m\\",\\"message\\":\\"CRAH-3 supply air is 29.4 C, expected 18-27 C for 10m\\"}]");
      verdict.setValue('evaluated_at', new Date().toISOString());
      if (!verdict.insert()) {
        stepResult.setOutputMessage('could not insert the pushed verdict');
        return false;
      }
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-form-override-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: closeloop-atf-form-override',
        correlation_id: 'closeloop-atf-form-override',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.createUser({
      $id: Now.ID['atf-guard-form-override-user'],
      firstName: 'Closeloop',
      lastName: 'Override Form ATF',
      roles: [closureOverrideRole, 'itil'],
      groups: [],
      fieldValues: {},
      impersonate: true,
    });
    atf.form.openExistingRecord({ $id: Now.ID['atf-guard-form-override-open'], table: 'incident', recordId: incident.record_id });
    atf.form.uiActionVisibility({ $id: Now.ID['atf-guard-form-override-visible'], table: 'incident', visible: [Now.ref('sys_ui_action', 'ui-action-check-telemetry'), Now.ref('sys_ui_action', 'ui-action-resolve-despite-telemetry')] });
    atf.form.clickUIAction({ $id: Now.ID['atf-guard-form-override-click'], table: 'incident', uiAction: Now.ref('sys_ui_action', 'ui-action-resolve-despite-telemetry'), assert: '' });
    atf.form.clickModalButton({ $id: Now.ID['atf-guard-form-override-dialog-cancel'], uiPage: '6718fc2724be4b369f4ec498e1fd979c' /* sys_ui_page x_closeloop_override_dialog.do, keys.ts */, button: 'x_closeloop_override_cancel', assert: 'page_not_reloaded' });
    atf.form.fieldValueValidation({ $id: Now.ID['atf-guard-form-override-state'], table: 'incident', conditions: 'state=2' });
    atf.form.fieldStateValidation({ $id: Now.ID['atf-guard-form-override-not-mandatory'], table: 'incident', notMandatory: ['close_notes'] });
    atf.form.submitForm({ $id: Now.ID['atf-guard-form-override-save'], assert: 'form_submitted_to_server' });
    atf.server.recordValidation({
      $id: Now.ID['atf-guard-form-override-open-still'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: 'state=2',
      assert: 'record_validated',
    });

  },
);

Test(
  {
    $id: Now.ID['atf-guard-work-order'],
    name: "Closeloop: a work order initiated from a guarded incident is guarded through it",
    description:
      "Where Field Service Management is installed (wm_order exists; otherwise the step passes and says it skipped): with live calls paused and the incident's pushed verdict \"fail\", closing a work order initiated from the Closeloop incident (Closed Complete) is refused and audited with the incident's correlation_id.",
    active: true,
    failOnServerError: true,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-work-order-run'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
      var state = new GlideRecord('x_closeloop_connector_state');
      if (!state.get('name', 'closure_check')) {
        state.initialize();
        state.setValue('name', 'closure_check');
      }
      state.setValue('failures', 99);
      state.setValue('open_until_ms', String(new Date().getTime() + 600000));
      state.setValue('last_error', 'ATF: live calls paused, so the pushed verdict decides');
      if (state.isNewRecord()) state.insert();
      else state.update();
      var verdict = new GlideRecord('x_closeloop_verdict');
      verdict.initialize();
      verdict.setValue('correlation_id', 'closeloop-atf-work-order');
      verdict.setValue('verdict', 'fail');
      verdict.setValue('checks', "[{\\"name\\":\\"crah_supply_temp\\",\\"status\\":\\"fail\\",\\"observed\\":\\"29.4\\",\\"expected\\":\\"18-27\\",\\"window\\":\\"10m\\",\\"message\\":\\"CRAH-3 supply air is 29.4 C, expected 18-27 C for 10m\\"}]");
      verdict.setValue('evaluated_at', new Date().toISOString());
      if (!verdict.insert()) {
        stepResult.setOutputMessage('could not insert the pushed verdict');
        return false;
      }
      if (!gs.tableExists('wm_order')) {
        stepResult.setOutputMessage('wm_order is not installed on this instance: skipped (a table that is not installed is not guarded)');
        return true;
      }
      var incident = new GlideRecord('incident');
      incident.initialize();
      incident.setValue('short_description', 'Closeloop ATF: work order parent');
      incident.setValue('correlation_id', 'closeloop-atf-work-order');
      incident.setValue('correlation_display', 'Closeloop');
      var incidentId = incident.insert();
      var order = new GlideRecord('wm_order');
      order.initialize();
      order.setValue('short_description', 'Closeloop ATF: work order');
      order.setValue('initiated_from', incidentId);
      var orderId = order.insert();
      order = new GlideRecord('wm_order');
      order.get(orderId);
      var before = order.getValue('state');
      order.setValue('state', '3');
      order.setValue('close_notes', 'Closeloop ATF');
      order.update();
      var check = new GlideRecord('wm_order');
      check.get(orderId);
      assertEqual({ name: 'work order state unchanged', shouldbe: before, value: check.getValue('state') });
      var row = new GlideRecord('x_closeloop_closure_audit');
      row.addQuery('task', orderId);
      row.addQuery('outcome', 'blocked');
      row.addQuery('correlation_id', 'closeloop-atf-work-order');
      row.query();
      assertEqual({ name: 'blocked audit row with the incident correlation', shouldbe: true, value: row.hasNext() });
      return true;
    })(outputs, steps, params, stepResult, assertEqual);`,
    });

  },
);

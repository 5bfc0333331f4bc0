import '@servicenow/sdk/global';
import { Test } from '@servicenow/sdk/core';
import { closureOverrideRole } from '../roles.now.ts';

// ATF tests for the closure guard. The connector is replaced by the stub property
// x_closeloop.connector.stub_response (set through sys_properties so no connector is needed);
// ATF rolls the property back after each test.
// (Fluent files take literal strings only, hence the repeated scripts.)

Test(
  {
    $id: Now.ID['atf-guard-blocks-on-fail'],
    name: 'Closeloop: resolution blocked when the connector says fail',
    description:
      'With the stubbed connector answering verdict "fail", updating a Closeloop incident (correlation_display=Closeloop) to Resolved is refused by the before-update rule "Closeloop: guard incident resolution", the incident stays In Progress, and a "blocked" audit row with source stub and verdict fail is recorded.',
    active: true,
    failOnServerError: false,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-blocks-on-fail-stub'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
  var values = {
    'x_closeloop.guard.fail_mode': 'block',
    'x_closeloop.connector.stub_response': '{"verdict":"fail","checks":[{"name":"crah_supply_temp","status":"fail","observed":"29.4","expected":"18-27","window":"10m","message":"CRAH-3 supply air is 29.4 C, expected 18-27 C for 10m"}],"evaluated_at":"2025-06-01T12:00:00Z"}'
  };
  for (var name in values) {
    var property = new GlideRecord('sys_properties');
    if (!property.get('name', name)) { stepResult.setOutputMessage('missing property ' + name); return false; }
    property.setValue('value', values[name]);
    property.update();
  }
  return true;
})(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-blocks-on-fail-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: blocked on fail',
        correlation_id: 'closeloop-atf-block-on-fail',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-blocks-on-fail-resolve'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: '6', close_code: 'Solution provided', close_notes: 'Closeloop ATF resolution' },
      assert: 'record_not_updated',
    });
    atf.server.recordValidation({
      $id: Now.ID['atf-guard-blocks-on-fail-still-open'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: 'state=2',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-blocks-on-fail-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `incident=${incident.record_id}^outcome=blocked^resolution_blocked=true^verdict=fail^source=stub`,
      assert: 'records_match_query',
    });
  },
);

Test(
  {
    $id: Now.ID['atf-guard-allows-on-pass'],
    name: 'Closeloop: resolution allowed when the connector says pass',
    description:
      'With the stubbed connector answering verdict "pass", updating a Closeloop incident to Resolved succeeds and an "allowed" audit row with verdict pass is recorded.',
    active: true,
    failOnServerError: false,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-allows-on-pass-stub'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
  var values = {
    'x_closeloop.guard.fail_mode': 'block',
    'x_closeloop.connector.stub_response': '{"verdict":"pass","checks":[{"name":"crah_supply_temp","status":"pass","observed":"22.1","expected":"18-27","window":"10m","message":"CRAH-3 supply air is 22.1 C, within 18-27 C for 10m"}],"evaluated_at":"2025-06-01T12:00:00Z"}'
  };
  for (var name in values) {
    var property = new GlideRecord('sys_properties');
    if (!property.get('name', name)) { stepResult.setOutputMessage('missing property ' + name); return false; }
    property.setValue('value', values[name]);
    property.update();
  }
  return true;
})(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-allows-on-pass-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: allowed on pass',
        correlation_id: 'closeloop-atf-allow-on-pass',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-allows-on-pass-resolve'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: '6', close_code: 'Solution provided', close_notes: 'Closeloop ATF resolution' },
      assert: 'record_successfully_updated',
    });
    atf.server.recordValidation({
      $id: Now.ID['atf-guard-allows-on-pass-resolved'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: 'state=6',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-allows-on-pass-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `incident=${incident.record_id}^outcome=allowed^resolution_blocked=false^verdict=pass`,
      assert: 'records_match_query',
    });
  },
);

Test(
  {
    $id: Now.ID['atf-guard-override'],
    name: 'Closeloop: override role with justification resolves despite a fail verdict',
    description:
      'A user holding x_closeloop.closure_override sets an Override justification and the one-shot override request while resolving a Closeloop incident that the stubbed connector fails: the update succeeds, an "overridden" audit row keeps the justification, and the override request is cleared on the incident.',
    active: true,
    failOnServerError: false,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-override-stub'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
  var values = {
    'x_closeloop.guard.fail_mode': 'block',
    'x_closeloop.connector.stub_response': '{"verdict":"fail","checks":[{"name":"leak_zone_b","status":"fail","observed":"wet","expected":"dry","window":"5m","message":"Leak detection zone B still reports water"}],"evaluated_at":"2025-06-01T12:00:00Z"}'
  };
  for (var name in values) {
    var property = new GlideRecord('sys_properties');
    if (!property.get('name', name)) { stepResult.setOutputMessage('missing property ' + name); return false; }
    property.setValue('value', values[name]);
    property.update();
  }
  return true;
})(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-override-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: override',
        correlation_id: 'closeloop-atf-override',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.createUser({
      $id: Now.ID['atf-guard-override-user'],
      firstName: 'Closeloop',
      lastName: 'Override ATF',
      // Only the override role: the update runs with enforceSecurity off, so no itil is needed.
      roles: [closureOverrideRole],
      impersonate: true,
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-override-resolve'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: {
        state: '6',
        close_code: 'Solution provided',
        close_notes: 'Closeloop ATF resolution',
        x_closeloop_override_justification: 'Leak sensor B is faulty; facilities confirmed the floor is dry.',
        x_closeloop_override_requested: 'true',
      },
      enforceSecurity: false,
      assert: 'record_successfully_updated',
    });
    atf.server.recordValidation({
      $id: Now.ID['atf-guard-override-resolved'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: 'state=6^x_closeloop_override_requested=false',
      enforceSecurity: false,
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-override-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `incident=${incident.record_id}^outcome=overridden^verdict=fail^justificationLIKELeak sensor B is faulty`,
      assert: 'records_match_query',
    });
  },
);

Test(
  {
    $id: Now.ID['atf-guard-override-needs-role'],
    name: 'Closeloop: override without the override role is refused',
    description:
      'A user without x_closeloop.closure_override sets a justification and the override request while resolving a Closeloop incident that the stubbed connector fails: the update is refused and a "blocked" audit row is recorded, because the role is the only way past a block.',
    active: true,
    failOnServerError: false,
  },
  (atf) => {
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-override-needs-role-stub'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
  var values = {
    'x_closeloop.guard.fail_mode': 'block',
    'x_closeloop.connector.stub_response': '{"verdict":"fail","checks":[{"name":"leak_zone_b","status":"fail","observed":"wet","expected":"dry","window":"5m","message":"Leak detection zone B still reports water"}],"evaluated_at":"2025-06-01T12:00:00Z"}'
  };
  for (var name in values) {
    var property = new GlideRecord('sys_properties');
    if (!property.get('name', name)) { stepResult.setOutputMessage('missing property ' + name); return false; }
    property.setValue('value', values[name]);
    property.update();
  }
  return true;
})(outputs, steps, params, stepResult, assertEqual);`,
    });
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-override-needs-role-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: override without role',
        correlation_id: 'closeloop-atf-override-no-role',
        correlation_display: 'Closeloop',
        state: '2',
      },
    });
    atf.server.createUser({
      $id: Now.ID['atf-guard-override-needs-role-user'],
      firstName: 'Closeloop',
      lastName: 'No Override ATF',
      roles: [],
      impersonate: true,
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-override-needs-role-resolve'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: {
        state: '6',
        close_code: 'Solution provided',
        close_notes: 'Closeloop ATF resolution',
        x_closeloop_override_justification: 'I would like to close this.',
        x_closeloop_override_requested: 'true',
      },
      enforceSecurity: false,
      assert: 'record_not_updated',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-override-needs-role-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `incident=${incident.record_id}^outcome=blocked^resolution_blocked=true`,
      assert: 'records_match_query',
    });
  },
);

Test(
  {
    $id: Now.ID['atf-guard-ignores-close'],
    name: 'Closeloop: Resolved to Closed is not checked',
    description:
      'A Closeloop incident already Resolved is moved to Closed (what the autoclose job does) while the stubbed connector answers "fail": the update succeeds and no audit row is recorded, because the rule only fires when state changes to Resolved.',
    active: true,
    failOnServerError: false,
  },
  (atf) => {
    const incident = atf.server.recordInsert({
      $id: Now.ID['atf-guard-ignores-close-insert'],
      table: 'incident',
      fieldValues: {
        short_description: 'Closeloop ATF: Resolved to Closed',
        correlation_id: 'closeloop-atf-resolved-to-closed',
        correlation_display: 'Closeloop',
        state: '6',
        close_code: 'Solution provided',
        close_notes: 'Closeloop ATF resolution',
      },
    });
    atf.server.runServerSideScript({
      $id: Now.ID['atf-guard-ignores-close-stub'],
      script: `(function (outputs, steps, params, stepResult, assertEqual) {
  var values = {
    'x_closeloop.guard.fail_mode': 'block',
    'x_closeloop.connector.stub_response': '{"verdict":"fail","checks":[{"name":"crah_supply_temp","status":"fail","observed":"29.4","expected":"18-27","window":"10m","message":"CRAH-3 supply air is 29.4 C, expected 18-27 C for 10m"}],"evaluated_at":"2025-06-01T12:00:00Z"}'
  };
  for (var name in values) {
    var property = new GlideRecord('sys_properties');
    if (!property.get('name', name)) { stepResult.setOutputMessage('missing property ' + name); return false; }
    property.setValue('value', values[name]);
    property.update();
  }
  return true;
})(outputs, steps, params, stepResult, assertEqual);`,
    });
    atf.server.recordUpdate({
      $id: Now.ID['atf-guard-ignores-close-close'],
      table: 'incident',
      recordId: incident.record_id,
      fieldValues: { state: '7' },
      assert: 'record_successfully_updated',
    });
    atf.server.recordQuery({
      $id: Now.ID['atf-guard-ignores-close-no-audit'],
      table: 'x_closeloop_closure_audit',
      fieldValues: `incident=${incident.record_id}`,
      assert: 'no_records_match_query',
    });
  },
);

import '@servicenow/sdk/global';
import { Acl } from '@servicenow/sdk/core';
import { appAdminRole, auditorRole, closureOverrideRole, connectorRole } from './roles.now.ts';
import { mayChangeCorrelation } from '../server/entry/correlation-acl.ts';

// (Fluent files allow no loops, hence one call per record.)

// ---- Closure audit: readable by fulfillers of every guarded table, written by scripts only, and
// immutable: deny-unless ACLs with admin override off, so not even admins edit or delete a row
// (the table cleaner, running as system, still ages them out; see retention.now.ts).
Acl({
  $id: Now.ID['acl-audit-read'],
  type: 'record',
  table: 'x_closeloop_closure_audit',
  operation: 'read',
  roles: ['itil', 'sn_incident_read', 'sn_incident_write', 'sn_change_read', 'sn_change_write', 'wm_agent', 'wm_dispatcher', 'wm_admin', 'sn_ot_incident_read', 'sn_ot_incident_write', closureOverrideRole, auditorRole],
  description: 'Fulfillers of the guarded tables, auditors and the override role see the closure audit.',
});

Acl({
  $id: Now.ID['acl-audit-create-deny'],
  type: 'record',
  table: 'x_closeloop_closure_audit',
  operation: 'create',
  decisionType: 'deny',
  adminOverrides: false,
  script: 'answer = false;',
  description: 'Closure audit rows are written by the closure guard\'s rules only (scripts do not pass through ACLs).',
});

Acl({
  $id: Now.ID['acl-audit-write-deny'],
  type: 'record',
  table: 'x_closeloop_closure_audit',
  operation: 'write',
  decisionType: 'deny',
  adminOverrides: false,
  script: 'answer = false;',
  description: 'Closure audit rows are immutable, for admins too.',
});

Acl({
  $id: Now.ID['acl-audit-delete-deny'],
  type: 'record',
  table: 'x_closeloop_closure_audit',
  operation: 'delete',
  decisionType: 'deny',
  adminOverrides: false,
  script: 'answer = false;',
  description: 'Closure audit rows are never deleted by hand; the table cleaner ages them out.',
});

// ---- Pushed verdicts: the connector upserts them through the Table API; fulfillers read them.
Acl({
  $id: Now.ID['acl-verdict-read'],
  type: 'record',
  table: 'x_closeloop_verdict',
  operation: 'read',
  roles: [connectorRole, 'itil', 'sn_incident_read', 'sn_incident_write', 'sn_change_read', 'sn_change_write', 'wm_agent', 'wm_dispatcher', 'wm_admin', 'sn_ot_incident_read', 'sn_ot_incident_write', closureOverrideRole, auditorRole],
  description: 'The connector and the people working guarded records read pushed verdicts.',
});

Acl({
  $id: Now.ID['acl-verdict-create'],
  type: 'record',
  table: 'x_closeloop_verdict',
  operation: 'create',
  roles: [connectorRole],
  description: 'The Closeloop connector pushes verdicts through the Table API.',
});

Acl({
  $id: Now.ID['acl-verdict-write'],
  type: 'record',
  table: 'x_closeloop_verdict',
  operation: 'write',
  roles: [connectorRole],
  description: 'The Closeloop connector pushes verdicts through the Table API.',
});

Acl({
  $id: Now.ID['acl-verdict-delete'],
  type: 'record',
  table: 'x_closeloop_verdict',
  operation: 'delete',
  roles: ['admin'],
  description: 'Only admins remove pushed verdicts.',
});

// ---- Configuration and state: the app admin configures, auditors read.
Acl({ $id: Now.ID['acl-guarded-table-read'], type: 'record', table: 'x_closeloop_guarded_table', operation: 'read', roles: [appAdminRole, auditorRole], description: 'Who may see which tables are guarded.' });
Acl({ $id: Now.ID['acl-guarded-table-create'], type: 'record', table: 'x_closeloop_guarded_table', operation: 'create', roles: [appAdminRole], description: 'Configuring the guarded tables.' });
Acl({ $id: Now.ID['acl-guarded-table-write'], type: 'record', table: 'x_closeloop_guarded_table', operation: 'write', roles: [appAdminRole], description: 'Configuring the guarded tables.' });
Acl({ $id: Now.ID['acl-guarded-table-delete'], type: 'record', table: 'x_closeloop_guarded_table', operation: 'delete', roles: [appAdminRole], description: 'Configuring the guarded tables.' });

Acl({ $id: Now.ID['acl-override-read'], type: 'record', table: 'x_closeloop_override_request', operation: 'read', roles: [closureOverrideRole, auditorRole], description: 'Override requests: the override role sees its own kind, auditors all.' });
Acl({ $id: Now.ID['acl-override-create-deny'], type: 'record', table: 'x_closeloop_override_request', operation: 'create', decisionType: 'deny', adminOverrides: false, script: 'answer = false;', description: 'Override requests are made through "Resolve despite telemetry" only.' });
Acl({ $id: Now.ID['acl-override-write-deny'], type: 'record', table: 'x_closeloop_override_request', operation: 'write', decisionType: 'deny', adminOverrides: false, script: 'answer = false;', description: 'Override requests are evidence: immutable for people.' });
Acl({ $id: Now.ID['acl-override-delete-deny'], type: 'record', table: 'x_closeloop_override_request', operation: 'delete', decisionType: 'deny', adminOverrides: false, script: 'answer = false;', description: 'Override requests are evidence: the table cleaner ages them out.' });

Acl({ $id: Now.ID['acl-connector-state-read'], type: 'record', table: 'x_closeloop_connector_state', operation: 'read', roles: [appAdminRole], description: 'The live-call circuit breaker state.' });
Acl({ $id: Now.ID['acl-connector-state-write'], type: 'record', table: 'x_closeloop_connector_state', operation: 'write', roles: [appAdminRole], description: 'An admin may close the circuit breaker by hand.' });

// ---- The GlideAjax processor of the form buttons (it checks roles and record access itself too).
Acl({
  $id: Now.ID['acl-ajax-execute'],
  type: 'client_callable_script_include',
  name: 'x_closeloop.ClosureGuardAjax',
  operation: 'execute',
  roles: ['itil', 'sn_incident_read', 'sn_incident_write', 'sn_change_read', 'sn_change_write', 'wm_agent', 'wm_dispatcher', 'wm_admin', 'sn_ot_incident_read', 'sn_ot_incident_write', closureOverrideRole],
  description: 'Fulfillers of guarded tables may ask for the telemetry verdict; the override role may request an override.',
});

// ---- The correlation fields of guarded records: deny-unless ACLs. A person cannot switch the
// guard off by editing correlation_display (or point it at another event with correlation_id);
// the connector can, admins override ACLs, and on records the guard does not cover the instance's
// other ACLs decide as before. The business rule refuses the same change for scripts and imports.
Acl({ $id: Now.ID['acl-incident-correlation-id'], type: 'record', table: 'incident', field: 'correlation_id', operation: 'write', decisionType: 'deny', adminOverrides: true, script: mayChangeCorrelation, description: 'Closeloop: correlation_id of a guarded incident is managed by the connector.' });
Acl({ $id: Now.ID['acl-incident-correlation-display'], type: 'record', table: 'incident', field: 'correlation_display', operation: 'write', decisionType: 'deny', adminOverrides: true, script: mayChangeCorrelation, description: 'Closeloop: correlation_display of a guarded incident is managed by the connector.' });
Acl({ $id: Now.ID['acl-change-correlation-id'], type: 'record', table: 'change_request', field: 'correlation_id', operation: 'write', decisionType: 'deny', adminOverrides: true, script: mayChangeCorrelation, description: 'Closeloop: correlation_id of a guarded change is managed by the connector.' });
Acl({ $id: Now.ID['acl-change-correlation-display'], type: 'record', table: 'change_request', field: 'correlation_display', operation: 'write', decisionType: 'deny', adminOverrides: true, script: mayChangeCorrelation, description: 'Closeloop: correlation_display of a guarded change is managed by the connector.' });
Acl({ $id: Now.ID['acl-wm-order-correlation-id'], type: 'record', table: 'wm_order', field: 'correlation_id', operation: 'write', decisionType: 'deny', adminOverrides: true, script: mayChangeCorrelation, description: 'Closeloop: correlation_id of a guarded work order is managed by the connector.' });
Acl({ $id: Now.ID['acl-wm-order-correlation-display'], type: 'record', table: 'wm_order', field: 'correlation_display', operation: 'write', decisionType: 'deny', adminOverrides: true, script: mayChangeCorrelation, description: 'Closeloop: correlation_display of a guarded work order is managed by the connector.' });
Acl({ $id: Now.ID['acl-wm-task-correlation-id'], type: 'record', table: 'wm_task', field: 'correlation_id', operation: 'write', decisionType: 'deny', adminOverrides: true, script: mayChangeCorrelation, description: 'Closeloop: correlation_id of a guarded work order task is managed by the connector.' });
Acl({ $id: Now.ID['acl-wm-task-correlation-display'], type: 'record', table: 'wm_task', field: 'correlation_display', operation: 'write', decisionType: 'deny', adminOverrides: true, script: mayChangeCorrelation, description: 'Closeloop: correlation_display of a guarded work order task is managed by the connector.' });

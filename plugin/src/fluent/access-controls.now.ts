import '@servicenow/sdk/global';
import { Acl } from '@servicenow/sdk/core';
import { closureOverrideRole, connectorRole } from './roles.now.ts';

// Audit rows: readable by fulfillers (related list on the incident form); written only by the
// guard rule, whose GlideRecord insert does not go through ACLs. Nobody but admins edits or
// deletes them. (Fluent files allow no loops, hence one call per operation.)
Acl({
  $id: Now.ID['acl-audit-read'],
  type: 'record',
  table: 'x_closeloop_closure_audit',
  operation: 'read',
  roles: ['itil', closureOverrideRole],
  description: 'Fulfillers see the closure check audit of incidents.',
});

Acl({
  $id: Now.ID['acl-audit-create'],
  type: 'record',
  table: 'x_closeloop_closure_audit',
  operation: 'create',
  roles: ['admin'],
  description: 'The closure check audit is written by the closure guard only.',
});

Acl({
  $id: Now.ID['acl-audit-write'],
  type: 'record',
  table: 'x_closeloop_closure_audit',
  operation: 'write',
  roles: ['admin'],
  description: 'The closure check audit is written by the closure guard only.',
});

Acl({
  $id: Now.ID['acl-audit-delete'],
  type: 'record',
  table: 'x_closeloop_closure_audit',
  operation: 'delete',
  roles: ['admin'],
  description: 'The closure check audit is written by the closure guard only.',
});

// Pushed verdicts: the connector's integration user upserts them through the Table API.
Acl({
  $id: Now.ID['acl-verdict-read'],
  type: 'record',
  table: 'x_closeloop_verdict',
  operation: 'read',
  roles: [connectorRole],
  description: 'The Closeloop connector pushes verdicts through the Table API.',
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

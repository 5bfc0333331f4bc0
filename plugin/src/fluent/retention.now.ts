import '@servicenow/sdk/global';
import { Record } from '@servicenow/sdk/core';

// Table cleaner (sys_auto_flush) rules: the audit is kept two years, override requests as long,
// pushed verdicts 90 days after their last update. Loaded on first install only, so an admin's
// retention (a regulator may ask for longer) survives upgrades.
const firstInstall = { installMethod: 'first install' } as const;

Record({
  $id: Now.ID['retention-audit'],
  $meta: firstInstall,
  table: 'sys_auto_flush',
  data: { tablename: 'x_closeloop_closure_audit', matchfield: 'sys_created_on', age: 63072000, active: true },
});

Record({
  $id: Now.ID['retention-override-requests'],
  $meta: firstInstall,
  table: 'sys_auto_flush',
  data: { tablename: 'x_closeloop_override_request', matchfield: 'sys_created_on', age: 63072000, active: true },
});

Record({
  $id: Now.ID['retention-verdicts'],
  $meta: firstInstall,
  table: 'sys_auto_flush',
  data: { tablename: 'x_closeloop_verdict', matchfield: 'sys_updated_on', age: 7776000, active: true },
});

import '@servicenow/sdk/global';
import { Record } from '@servicenow/sdk/core';

// Blocks and overrides per assignment group, the last 90 days (Reports → View / Run, or add them
// to a dashboard).
Record({
  $id: Now.ID['report-blocks-by-group'],
  table: 'sys_report',
  data: {
    title: 'Closeloop: closures refused per group (90 days)',
    table: 'x_closeloop_closure_audit',
    type: 'bar',
    field: 'assignment_group',
    aggregate: 'COUNT',
    filter: 'outcome=blocked^checked_atRELATIVEGT@dayofweek@ago@90',
    is_published: false,
    roles: ['x_closeloop.auditor', 'x_closeloop.admin', 'itil'],
    user: 'GLOBAL',
  },
});

Record({
  $id: Now.ID['report-overrides-by-group'],
  table: 'sys_report',
  data: {
    title: 'Closeloop: overrides per group (90 days)',
    table: 'x_closeloop_closure_audit',
    type: 'bar',
    field: 'assignment_group',
    aggregate: 'COUNT',
    filter: 'outcome=overridden^checked_atRELATIVEGT@dayofweek@ago@90',
    is_published: false,
    roles: ['x_closeloop.auditor', 'x_closeloop.admin', 'itil'],
    user: 'GLOBAL',
  },
});

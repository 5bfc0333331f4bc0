import '@servicenow/sdk/global';
import { List, Record, default_view } from '@servicenow/sdk/core';

// The audit as a related list on the incident form (implicit relationship through
// x_closeloop_closure_audit.incident).
const incidentRelatedLists = Record({
  $id: Now.ID['incident-related-lists'],
  table: 'sys_ui_related_list',
  data: { name: 'incident', view: 'Default view' },
});

Record({
  $id: Now.ID['incident-closure-audit-related-list'],
  table: 'sys_ui_related_list_entry',
  data: {
    list_id: incidentRelatedLists,
    position: 0,
    related_list: 'x_closeloop_closure_audit.incident',
    order_by: 'checked_at',
  },
});

// Columns of the audit list, on the incident form and in the module.
List({
  table: 'x_closeloop_closure_audit',
  view: default_view,
  columns: [
    'checked_at',
    'outcome',
    'resolution_blocked',
    'verdict',
    'source',
    'user',
    'justification',
    'detail',
  ],
});

List({
  table: 'x_closeloop_verdict',
  view: default_view,
  columns: ['correlation_id', 'verdict', 'evaluated_at', 'sys_updated_on'],
});

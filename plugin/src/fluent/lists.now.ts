import '@servicenow/sdk/global';
import { List, Record, default_view } from '@servicenow/sdk/core';

// Nothing here changes the form layout of a table the app does not own. The audit is reachable
// from any guarded record through the implicit relationship x_closeloop_closure_audit.task, and the
// pushed verdict through the relationship below: an admin adds either with Configure → Related
// Lists (docs/plugin.md), which adds an entry instead of replacing the form's list container.
export const verdictRelationship = Record({
  $id: Now.ID['relationship-verdict'],
  table: 'sys_relationship',
  data: {
    name: 'Closeloop telemetry verdict',
    basic_apply_to: 'task',
    basic_query_from: 'x_closeloop_verdict',
    query_with: `(function refineQuery(current, parent) {
    var key = String(parent.getValue('correlation_id') || '');
    // An empty correlation_id would list every verdict.
    current.addQuery('correlation_id', key || 'x_closeloop_no_correlation');
})(current, parent);`,
  },
});

// Columns of our own tables' lists (their default view belongs to the app).
List({
  table: 'x_closeloop_closure_audit',
  view: default_view,
  columns: ['checked_at', 'number', 'outcome', 'resolution_blocked', 'verdict', 'source', 'user', 'assignment_group', 'justification', 'detail'],
});

List({
  table: 'x_closeloop_verdict',
  view: default_view,
  columns: ['correlation_id', 'verdict', 'evaluated_at', 'sys_updated_on'],
});

List({
  table: 'x_closeloop_guarded_table',
  view: default_view,
  columns: ['table_name', 'active', 'closing_states', 'cancel_states', 'guarded_close_codes', 'via_field', 'own_correlation', 'fail_mode'],
});

List({
  table: 'x_closeloop_override_request',
  view: default_view,
  columns: ['requested_at', 'task', 'user', 'status', 'justification'],
});

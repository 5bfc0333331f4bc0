import '@servicenow/sdk/global';
import { Record } from '@servicenow/sdk/core';

// The shipped guarded tables, loaded on first install only (an admin's edits survive upgrades).
// A row for a table this instance does not have (Field Service, OT Incident Management not
// installed) is harmless: no record of it ever reaches the rule.
const firstInstall = { installMethod: 'first install' } as const;

export const incidentGuard = Record({
  $id: Now.ID['guarded-table-incident'],
  $meta: firstInstall,
  table: 'x_closeloop_guarded_table',
  data: {
    table_name: 'incident',
    active: true,
    // Resolved and Closed: an admin, a flow or an import can go straight from open to Closed.
    closing_states: '6,7',
    cancel_states: '8',
    guarded_close_codes: '',
    via_field: '',
    own_correlation: true,
    fail_mode: 'inherit',
    description: 'Incidents the Closeloop connector opens (correlation_display Closeloop) or whose CI class is guarded.',
  },
});

Record({
  $id: Now.ID['guarded-table-ot-incident'],
  $meta: firstInstall,
  table: 'x_closeloop_guarded_table',
  data: {
    table_name: 'sn_ot_incident',
    active: true,
    closing_states: '6,7',
    cancel_states: '8',
    guarded_close_codes: '',
    via_field: '',
    own_correlation: true,
    fail_mode: 'inherit',
    description: 'OT Incident Management (sn_ot_inc_mgmt), where installed: OT incidents use the incident states.',
  },
});

Record({
  $id: Now.ID['guarded-table-change-request'],
  $meta: firstInstall,
  table: 'x_closeloop_guarded_table',
  data: {
    table_name: 'change_request',
    active: true,
    closing_states: '3',
    cancel_states: '4',
    // A change closed "successful" while the CRAH it touched is still out of range is refused;
    // closing it "unsuccessful" is the honest answer and is not checked.
    guarded_close_codes: 'successful,successful_issues',
    via_field: '',
    own_correlation: true,
    fail_mode: 'inherit',
    description: 'Changes on guarded equipment (correlation_display Closeloop or a guarded CI class), closed as successful.',
  },
});

Record({
  $id: Now.ID['guarded-table-wm-order'],
  $meta: firstInstall,
  table: 'x_closeloop_guarded_table',
  data: {
    table_name: 'wm_order',
    active: true,
    closing_states: '3',
    cancel_states: '7',
    guarded_close_codes: '',
    via_field: 'initiated_from',
    own_correlation: true,
    fail_mode: 'inherit',
    description: 'Field Service work orders, where installed: guarded through the incident they were initiated from, or their own correlation. Closed Complete is checked.',
  },
});

Record({
  $id: Now.ID['guarded-table-wm-task'],
  $meta: firstInstall,
  table: 'x_closeloop_guarded_table',
  data: {
    table_name: 'wm_task',
    active: true,
    closing_states: '3',
    cancel_states: '7',
    guarded_close_codes: '',
    via_field: 'parent',
    own_correlation: true,
    fail_mode: 'inherit',
    description: 'Field Service work order tasks, where installed: guarded through their work order (and so its incident).',
  },
});

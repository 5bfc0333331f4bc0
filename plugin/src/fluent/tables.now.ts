import '@servicenow/sdk/global';
import {
  BooleanColumn,
  ChoiceColumn,
  DateTimeColumn,
  IntegerColumn,
  ReferenceColumn,
  StringColumn,
  Table,
} from '@servicenow/sdk/core';

const verdictChoices = {
  pass: { label: 'Pass', sequence: 0 },
  fail: { label: 'Fail', sequence: 1 },
  unknown: { label: 'Unknown', sequence: 2 },
  not_applicable: { label: 'Not applicable', sequence: 3 },
};

// Every closure attempt on a guarded record. Refusals are written by the before rule as a separate
// insert (the update is aborted); allowed and overridden closures by the after rule, once the
// update is committed. Rows are never changed afterwards (see access-controls.now.ts).
export const x_closeloop_closure_audit = Table({
  name: 'x_closeloop_closure_audit',
  label: 'Closure check audit',
  display: 'number',
  audit: true,
  schema: {
    table_name: StringColumn({ label: 'Table', maxLength: 80, mandatory: true }),
    // Every guarded table extends task, so one reference serves incidents, work orders and changes;
    // it also makes "Closure check audit → Record" available under Configure → Related Lists.
    task: ReferenceColumn({ label: 'Record', referenceTable: 'task', mandatory: true }),
    number: StringColumn({ label: 'Number', maxLength: 40 }),
    correlation_id: StringColumn({ label: 'Correlation ID', maxLength: 100 }),
    assignment_group: ReferenceColumn({ label: 'Assignment group', referenceTable: 'sys_user_group' }),
    from_state: StringColumn({ label: 'From state', maxLength: 40 }),
    to_state: StringColumn({ label: 'To state', maxLength: 40 }),
    outcome: ChoiceColumn({
      label: 'Outcome',
      mandatory: true,
      dropdown: 'dropdown_without_none',
      choices: {
        allowed: { label: 'Allowed', sequence: 0 },
        blocked: { label: 'Blocked', sequence: 1 },
        overridden: { label: 'Overridden', sequence: 2 },
        unavailable: { label: 'Unavailable', sequence: 3 },
        canceled: { label: 'Canceled (not checked)', sequence: 4 },
      },
    }),
    resolution_blocked: BooleanColumn({ label: 'Resolution blocked', default: 'false' }),
    verdict: ChoiceColumn({ label: 'Verdict', dropdown: 'dropdown_with_none', choices: verdictChoices }),
    source: ChoiceColumn({
      label: 'Verdict source',
      dropdown: 'dropdown_without_none',
      choices: {
        live: { label: 'Live', sequence: 0 },
        pushed: { label: 'Pushed', sequence: 1 },
        none: { label: 'None', sequence: 2 },
      },
    }),
    checks: StringColumn({ label: 'Checks (JSON)', maxLength: 8000 }),
    evaluated_at: StringColumn({ label: 'Verdict evaluated at', maxLength: 40 }),
    user: ReferenceColumn({ label: 'User', referenceTable: 'sys_user' }),
    justification: StringColumn({ label: 'Justification', maxLength: 4000 }),
    checked_at: DateTimeColumn({ label: 'Checked at' }),
    detail: StringColumn({ label: 'Detail', maxLength: 4000 }),
    message: StringColumn({ label: 'Message shown', maxLength: 4000 }),
  },
  index: [
    { name: 'x_closeloop_audit_task', unique: false, element: 'task' },
    { name: 'x_closeloop_audit_checked', unique: false, element: 'checked_at' },
  ],
});

// The verdict the connector pushes (Table API) whenever an event's verdict changes: the fallback
// when a live check cannot be made. One row per correlation_id; column names are the connector's
// contract. Audited: who changed a verdict, and when, is evidence.
export const x_closeloop_verdict = Table({
  name: 'x_closeloop_verdict',
  label: 'Pushed telemetry verdict',
  display: 'correlation_id',
  allowWebServiceAccess: true,
  audit: true,
  schema: {
    correlation_id: StringColumn({ label: 'Correlation ID', maxLength: 100, mandatory: true }),
    verdict: ChoiceColumn({
      label: 'Verdict',
      mandatory: true,
      dropdown: 'dropdown_without_none',
      choices: verdictChoices,
    }),
    checks: StringColumn({ label: 'Checks (JSON)', maxLength: 8000 }),
    evaluated_at: StringColumn({ label: 'Evaluated at (ISO 8601)', maxLength: 40, mandatory: true }),
  },
  index: [{ name: 'x_closeloop_verdict_correlation', unique: true, element: 'correlation_id' }],
});

// Which tables are guarded and their state models: configuration, not code. Shipped rows (see
// guarded-tables.now.ts) are loaded on first install only; an admin's changes survive upgrades.
// A row for a table the instance does not have is skipped: no rule ever fires for it.
export const x_closeloop_guarded_table = Table({
  name: 'x_closeloop_guarded_table',
  label: 'Closeloop guarded table',
  display: 'table_name',
  audit: true,
  schema: {
    table_name: StringColumn({
      label: 'Table',
      maxLength: 80,
      mandatory: true,
      hint: 'A table extending task, e.g. incident, wm_order, change_request.',
    }),
    active: BooleanColumn({ label: 'Active', default: 'true' }),
    closing_states: StringColumn({
      label: 'Closing states',
      maxLength: 100,
      mandatory: true,
      hint: 'Comma-separated state values. A move from any other state into one of these is checked (e.g. incident 6,7).',
    }),
    cancel_states: StringColumn({
      label: 'Cancel states',
      maxLength: 100,
      hint: 'Comma-separated state values. A move into one of these from an open state is audited, and checked when x_closeloop.guard.cancel is true.',
    }),
    guarded_close_codes: StringColumn({
      label: 'Guarded close codes',
      maxLength: 200,
      hint: 'Optional comma-separated close_code values: only closures with one of these are checked (change_request: successful,successful_issues).',
    }),
    via_field: StringColumn({
      label: 'Guarded through',
      maxLength: 80,
      hint: 'Optional reference field to the record this one is guarded through (wm_order: initiated_from; wm_task: parent).',
    }),
    own_correlation: BooleanColumn({
      label: 'Own correlation guards',
      default: 'true',
      hint: 'Whether the record\'s own correlation_display or CI class can make it guarded.',
    }),
    fail_mode: ChoiceColumn({
      label: 'Fail mode',
      dropdown: 'dropdown_without_none',
      default: 'inherit',
      choices: {
        inherit: { label: 'As x_closeloop.guard.fail_mode', sequence: 0 },
        block: { label: 'Block', sequence: 1 },
        allow: { label: 'Allow', sequence: 2 },
      },
    }),
    description: StringColumn({ label: 'Description', maxLength: 1000 }),
  },
  index: [{ name: 'x_closeloop_guarded_table_name', unique: true, element: 'table_name' }],
});

// "Resolve despite telemetry": the justification given in the dialog, until the closure uses it.
// Its own table, so no guarded table needs a column (or a form layout change) for it.
export const x_closeloop_override_request = Table({
  name: 'x_closeloop_override_request',
  label: 'Closeloop override request',
  display: 'justification',
  audit: true,
  schema: {
    table_name: StringColumn({ label: 'Table', maxLength: 80, mandatory: true }),
    task: ReferenceColumn({ label: 'Record', referenceTable: 'task', mandatory: true }),
    user: ReferenceColumn({ label: 'Requested by', referenceTable: 'sys_user', mandatory: true }),
    justification: StringColumn({ label: 'Justification', maxLength: 4000, mandatory: true }),
    requested_at: DateTimeColumn({ label: 'Requested at', mandatory: true }),
    status: ChoiceColumn({
      label: 'Status',
      dropdown: 'dropdown_without_none',
      default: 'pending',
      choices: {
        pending: { label: 'Pending', sequence: 0 },
        used: { label: 'Used', sequence: 1 },
        superseded: { label: 'Superseded', sequence: 2 },
      },
    }),
    audit: ReferenceColumn({ label: 'Audit row', referenceTable: 'x_closeloop_closure_audit' }),
  },
  index: [{ name: 'x_closeloop_override_task', unique: false, element: 'task' }],
});

// The live-call circuit breaker, shared by every node and transaction (one row, "closure_check").
export const x_closeloop_connector_state = Table({
  name: 'x_closeloop_connector_state',
  label: 'Closeloop connector state',
  display: 'name',
  schema: {
    name: StringColumn({ label: 'Name', maxLength: 40, mandatory: true }),
    failures: IntegerColumn({ label: 'Consecutive failures', default: '0' }),
    open_until_ms: StringColumn({ label: 'Calls paused until (epoch ms)', maxLength: 20 }),
    last_error: StringColumn({ label: 'Last error', maxLength: 200 }),
  },
  index: [{ name: 'x_closeloop_connector_state_name', unique: true, element: 'name' }],
});

import '@servicenow/sdk/global';
import {
  BooleanColumn,
  ChoiceColumn,
  DateTimeColumn,
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

// Every resolution attempt on a guarded incident, shown as a related list on the incident form.
// Written by the guard rule as a separate insert, so blocked (aborted) attempts are kept too.
export const x_closeloop_closure_audit = Table({
  name: 'x_closeloop_closure_audit',
  label: 'Closure check audit',
  display: 'outcome',
  schema: {
    incident: ReferenceColumn({ label: 'Incident', referenceTable: 'incident', mandatory: true }),
    correlation_id: StringColumn({ label: 'Correlation ID', maxLength: 100 }),
    outcome: ChoiceColumn({
      label: 'Outcome',
      mandatory: true,
      dropdown: 'dropdown_without_none',
      choices: {
        allowed: { label: 'Allowed', sequence: 0 },
        blocked: { label: 'Blocked', sequence: 1 },
        overridden: { label: 'Overridden', sequence: 2 },
        unavailable: { label: 'Unavailable', sequence: 3 },
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
        stub: { label: 'ATF stub', sequence: 3 },
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
  index: [{ name: 'x_closeloop_audit_incident', unique: false, element: 'incident' }],
});

// The verdict the connector pushes (Table API) whenever an incident's verdict changes: the
// fallback when a live check cannot be made. One row per correlation_id; column names are the
// connector's contract.
export const x_closeloop_verdict = Table({
  name: 'x_closeloop_verdict',
  label: 'Pushed telemetry verdict',
  display: 'correlation_id',
  allowWebServiceAccess: true,
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

// Columns on incident (not ours, so scope-prefixed) for the one-shot override.
export const incident = Table({
  augments: 'incident',
  schema: {
    x_closeloop_override_justification: StringColumn({
      label: 'Override justification',
      maxLength: 4000,
      hint: 'Why this incident may be resolved although Closeloop telemetry does not support it. Required for "Resolve despite telemetry".',
    }),
    x_closeloop_override_requested: BooleanColumn({
      label: 'Closeloop override requested',
      default: 'false',
      readOnly: true,
      hint: 'Set by "Resolve despite telemetry" and cleared by the closure guard once used.',
    }),
  },
});

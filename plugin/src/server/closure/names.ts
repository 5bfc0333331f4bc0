// Names the app defines on the instance. The Fluent definitions and the server modules both use
// these, so a rename cannot leave the script reading a property or column that no longer exists.

export const SCOPE = 'x_closeloop';

export const PROPERTY = {
  connectorUrl: 'x_closeloop.connector.url',
  apiKey: 'x_closeloop.connector.api_key',
  midServer: 'x_closeloop.connector.mid_server',
  timeoutSeconds: 'x_closeloop.connector.timeout_seconds',
  stubResponse: 'x_closeloop.connector.stub_response',
  failMode: 'x_closeloop.guard.fail_mode',
  maxPushedAgeMinutes: 'x_closeloop.guard.pushed_verdict_max_age_minutes',
  guardedCorrelationDisplay: 'x_closeloop.guard.correlation_display',
  guardedCiClasses: 'x_closeloop.guard.ci_classes',
} as const;

export const ROLE = {
  closureOverride: 'x_closeloop.closure_override',
  connector: 'x_closeloop.connector',
} as const;

export const AUDIT_TABLE = 'x_closeloop_closure_audit';
export const VERDICT_TABLE = 'x_closeloop_verdict';

/** Columns the app adds to incident (scope-prefixed because incident is not ours). */
export const INCIDENT_FIELD = {
  overrideJustification: 'x_closeloop_override_justification',
  overrideRequested: 'x_closeloop_override_requested',
} as const;

export const INCIDENT_STATE = { resolved: '6', closed: '7', canceled: '8' } as const;

export const UI_ACTION = {
  checkTelemetry: 'x_closeloop_check_telemetry',
  resolveDespiteTelemetry: 'x_closeloop_resolve_override',
} as const;

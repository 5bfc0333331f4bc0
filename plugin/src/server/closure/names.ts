// Names the app defines on the instance. The Fluent definitions and the server modules both use
// these, so a rename cannot leave the script reading a property or column that no longer exists
// (test/plugin/build.test.ts checks every name here against the built records).

export const SCOPE = 'x_closeloop';

export const PROPERTY = {
  connectorUrl: 'x_closeloop.connector.url',
  apiKey: 'x_closeloop.connector.api_key',
  midServer: 'x_closeloop.connector.mid_server',
  timeoutSeconds: 'x_closeloop.connector.timeout_seconds',
  breakerFailures: 'x_closeloop.connector.breaker_failures',
  breakerOpenSeconds: 'x_closeloop.connector.breaker_open_seconds',
  maxLiveCalls: 'x_closeloop.connector.max_live_calls_per_transaction',
  failMode: 'x_closeloop.guard.fail_mode',
  maxPushedAgeMinutes: 'x_closeloop.guard.pushed_verdict_max_age_minutes',
  guardedCorrelationDisplay: 'x_closeloop.guard.correlation_display',
  guardedCiClasses: 'x_closeloop.guard.ci_classes',
  guardCancel: 'x_closeloop.guard.cancel',
} as const;

export const ROLE = {
  closureOverride: 'x_closeloop.closure_override',
  connector: 'x_closeloop.connector',
  auditor: 'x_closeloop.auditor',
  admin: 'x_closeloop.admin',
} as const;

/** The Connection & Credential alias an admin points at the connector (sys_alias.id). */
export const CONNECTION_ALIAS = 'x_closeloop.Closeloop_Connector';

export const AUDIT_TABLE = 'x_closeloop_closure_audit';
export const VERDICT_TABLE = 'x_closeloop_verdict';
export const GUARDED_TABLE_TABLE = 'x_closeloop_guarded_table';
export const OVERRIDE_TABLE = 'x_closeloop_override_request';
export const CONNECTOR_STATE_TABLE = 'x_closeloop_connector_state';

/** Every guarded table extends task; records are read through it when following a reference. */
export const TASK_TABLE = 'task';

export const EVENT = {
  resolutionBlocked: 'x_closeloop.resolution_blocked',
  overrideUsed: 'x_closeloop.override_used',
  verdictChanged: 'x_closeloop.verdict_changed',
} as const;

export const UI_ACTION = {
  checkTelemetry: 'x_closeloop_check_telemetry',
  resolveDespiteTelemetry: 'x_closeloop_resolve_override',
} as const;

/** Session client data keys (GlideSession.putClientData) the rules share within a session. */
export const SESSION_KEY = {
  liveCalls: 'x_closeloop.live_calls',
  pendingPrefix: 'x_closeloop.pending.',
} as const;

/** How long an override request made by "Resolve despite telemetry" stays usable. */
export const OVERRIDE_REQUEST_TTL_MS = 10 * 60_000;

/** Who may press "Check telemetry" (fulfillers of the guarded tables; the override role; admin). */
export const CHECK_TELEMETRY_ROLES = [
  'itil',
  'sn_incident_write',
  'sn_change_write',
  'wm_agent',
  'wm_dispatcher',
  'sn_ot_incident_write',
  'x_closeloop.closure_override',
] as const;

/** g_scratchpad key the display rule fills and the onLoad client script shows. */
export const SCRATCHPAD_KEY = 'x_closeloop_status';

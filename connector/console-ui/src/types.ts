// The console API's JSON, as the pages read it (the server's shapes: connector/src/console/*, views.ts).

export type Role = 'admin' | 'read_only';

export interface ConsoleConfig {
  role: Role;
  instanceUrl: string | null;
  incidentTable: string;
  pollIntervalMs: number;
}

export type CheckStatus = 'pass' | 'fail' | 'unknown';

export interface AlarmsBySource {
  source: string;
  active: number;
  total: number;
}

/**
 * What ServiceNow says of the event's record, once the connector reads it back (ServiceNow → connector
 * sync). Absent while the API does not provide it: the console then says it does not know, and never
 * guesses from the connector's own state.
 */
export interface ServiceNowRecordState {
  /** The record's state as the instance names it ("Resolved", "Closed", "In Progress"). */
  state: string;
  /** When the connector learned it. */
  synced_at: string | null;
  /** What people did in ServiceNow (resolved, closed, cancelled, reopened, overridden), oldest first. */
  actions?: { action: string; by: string | null; at: string; note?: string | null }[];
}

export interface EventRow {
  key: string;
  correlation_key: string;
  rule: string;
  state: string;
  severity: string;
  site: string | null;
  title: string;
  incident: { sys_id: string; number: string | null } | null;
  created_at: string;
  updated_at: string;
  last_alarm_at: string;
  resolved_at: string | null;
  close_checks: unknown[];
  verdict: { verdict: CheckStatus; evaluated_at: string | null; checks: unknown[] | null } | null;
  alarms_by_source: AlarmsBySource[];
  servicenow?: ServiceNowRecordState | null;
}

export interface AlarmRow {
  identity: string;
  source: string;
  id: string;
  state: 'active' | 'cleared';
  severity: string;
  type: string;
  rule: string | null;
  first_seen_at: string;
  last_change_at: string;
  last_received_at: string;
  changes: number;
  asset: Record<string, string | undefined>;
  value: number | null;
  unit: string | null;
  limit: number | null;
  text: string;
}

export interface DeliveryRow {
  id: number;
  event_key: string;
  op: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  last_status: number | null;
  created_at: string;
  updated_at: string;
  incident: { sys_id: string; number: string | null } | null;
  payload: unknown;
  /** What the write does, in one line: `note "…"`, `verdict fail`. */
  summary: string;
  /**
   * Whose the last error is: ServiceNow answered with a status; no answer (network) or none in time;
   * or the connector's own refusal. Null when there is none.
   */
  error_origin: 'servicenow' | 'no_answer' | 'timeout' | 'connector' | null;
}

export interface TimelineEntry {
  at: string;
  kind: 'event' | 'alarm' | 'write' | 'verdict';
  tone: 'ok' | 'bad' | 'wait' | 'info';
  text: string;
}

export interface EventDetail extends EventRow {
  alarms: AlarmRow[];
  deliveries: DeliveryRow[];
  timeline: TimelineEntry[];
}

export interface ChartPoint {
  t: number;
  v: number | null;
  out: boolean;
}

export interface CheckChartData {
  name: string;
  label: string;
  status: CheckStatus;
  reason: string | null;
  message: string;
  observed: string;
  expected: string;
  window: string;
  provider: string;
  query: string;
  unit: string | null;
  condition: Record<string, unknown>;
  band: { min: number | null; max: number | null } | null;
  windowStart: string;
  windowEnd: string;
  satisfiedAt: string | null;
  points: ChartPoint[];
  outOfRange: number;
  worst: { value: number; at: string } | null;
}

export interface Telemetry {
  event_key: string;
  evaluated_at: string;
  verdict: CheckStatus;
  alarms: { status: CheckStatus; message: string };
  checks: CheckChartData[];
}

export interface RejectedRow {
  id: number;
  source: string;
  reason: string;
  content_type: string | null;
  /** UTF-8 text, or base64 when the kept bytes are not UTF-8. */
  body: string;
  body_encoding: 'utf8' | 'base64';
  body_bytes: number;
  received_at: string;
}

export interface MappingErrorView {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
  text: string;
}

export interface MappingsInfo {
  sources: { name: string; kind: string; description: string | null }[];
  rules: { name: string; description: string | null; file: string; close_checks: number }[];
  default_rule: string | null;
  files: string[];
  reload_available: boolean;
  normalised_preview: boolean;
  last_reload: { at: string; ok: boolean; errors: MappingErrorView[] } | null;
  disk: { checkedAt: string; errors: MappingErrorView[] } | null;
}

export interface Sample {
  id: string;
  label: string;
  source: string;
  format: 'wire' | 'normalised';
  payload: unknown;
}

export interface TraceEntry {
  rule: string;
  matched: boolean;
  reason: string;
}

export interface RenderedCheck {
  name: string;
  provider: string;
  query: string;
  label: string;
  unit?: string;
  expect: Record<string, unknown>;
  stabilize: number;
  max_age: number;
  min_samples: number;
}

/** Where an alarm lies in the topology graph (connector/src/mapping/placement.ts). */
export interface Placement {
  node: { id: string; kind: string; local: string; label: string } | null;
  located: string[];
  fedBy: string[];
  upstream: { paths: string[][]; text: string[]; truncated: boolean };
  groups: { id: string; local: string; redundancy: string; relation: 'member' | 'upstream'; text: string }[];
  downstream: { total: number; byKind: Record<string, number>; text: string[] };
}

export interface PreviewAlarm {
  alarm: {
    id: string;
    state: string;
    severity: string;
    type: string;
    raisedAt: string;
    text: string;
    asset: Record<string, string>;
    labels: Record<string, string>;
    value?: number;
    unit?: string;
    limit?: number;
  };
  topology: Record<string, string | string[]>;
  placement: Placement;
  rule: string | null;
  reason: string;
  trace: TraceEntry[];
  incident: {
    fields: Record<string, string | number>;
    references: Record<string, { table: string; field: string; value: string }>;
  } | null;
  correlationKey: string | null;
  closeChecks: RenderedCheck[];
  behaviour: { autoResolve: boolean; reopenWindowMs: number; holdDownMs: number } | null;
  errors: { path: string; message: string }[];
}

export interface PreviewResult {
  source: string;
  sourceKind: string | null;
  ok: boolean;
  errors: string[];
  decodeErrors: { index: number | null; message: string }[];
  notes: string[];
  alarms: PreviewAlarm[];
}

export type DependencyHealth = 'ok' | 'disabled' | 'degraded' | 'missing';

/** One dependency's state (connector/src/model/dependency.ts, observability/health-decision.ts). */
export interface DependencyStatus {
  kind: 'config' | 'source' | 'provider' | 'store' | 'servicenow' | 'outbox';
  name: string;
  health: DependencyHealth;
  detail: string;
  problems: string[];
  reason: string | null;
}

export interface Health {
  at: string;
  /** ready: accepting alarms, everything works; degraded: accepting alarms, something after fails. */
  status: 'ready' | 'degraded' | 'not_ready';
  ready: { ok: boolean; reasons: string[] };
  degraded: string[];
  dependencies: DependencyStatus[];
  store: string;
  ingest: { source: string; received: number; rejected: number; dropped: number; perMinute: number | null }[];
  outbox: Record<string, number>;
  servicenow: {
    instance: string | null;
    /** Since start. */
    requests: number;
    errors: number;
    errorRate: number | null;
    byStatus: { status: string; count: number }[];
    operations: { operation: string; count: number; meanMs: number }[];
    /** The last minutes, exact. */
    recent: {
      windowMs: number;
      requests: number;
      errors: number;
      errorRate: number | null;
      byStatus: { status: string; count: number }[];
      operations: { operation: string; count: number; p50Ms: number; p95Ms: number; maxMs: number }[];
    };
  };
  providers: {
    name: string;
    kind: string | null;
    up: boolean | null;
    at: string | null;
    since: string | null;
  }[];
}

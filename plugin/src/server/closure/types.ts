// Shapes shared by the closure guard. Types only: on the instance this file becomes an empty
// sys_module, and Node tests can import its types without loading any runtime code.

/** What the connector (or a pushed verdict row) says about an incident's telemetry. */
export type VerdictValue = 'pass' | 'fail' | 'unknown' | 'not_applicable';

/** One close check as the connector reports it; values are kept as display text. */
export interface CheckResult {
  name: string;
  /** 'pass' | 'fail' | 'unknown' as sent; anything else is treated as not passing. */
  status: string;
  observed: string;
  expected: string;
  window: string;
  message: string;
}

export interface ClosureVerdict {
  verdict: VerdictValue;
  checks: CheckResult[];
  /** ISO 8601 as sent by the connector. */
  evaluatedAt: string;
}

/** What to do when no verdict can be had at all. */
export type FailMode = 'block' | 'allow';

/** The app's properties after validation (see settings.ts for names and defaults). */
export interface GuardSettings {
  /** Base URL without trailing slash; '' when not configured. */
  connectorUrl: string;
  apiKey: string;
  /** MID Server name; '' calls the connector directly from the instance. */
  midServer: string;
  timeoutSeconds: number;
  failMode: FailMode;
  /** 0 disables the pushed-verdict fallback. */
  maxPushedAgeMinutes: number;
  /** Incidents whose correlation_display equals this (case-insensitive) are guarded; '' disables. */
  guardedCorrelationDisplay: string;
  /** Incidents whose CI is of one of these classes are guarded too. */
  guardedCiClasses: string[];
  /** ATF only: a closure-check response body used instead of calling the connector. */
  stubResponse: string;
}

/** The incident as the guard sees it, read once from the GlideRecord by the adapter. */
export interface IncidentFacts {
  sysId: string;
  number: string;
  correlationId: string;
  correlationDisplay: string;
  cmdbCi: string;
  stateBefore: string;
  stateAfter: string;
  overrideRequested: boolean;
  justification: string;
}

/** How the adapter must send the request. */
export type Transport =
  | { kind: 'direct'; timeoutMs: number }
  | { kind: 'mid'; midServer: string; waitSeconds: number }
  | { kind: 'stub'; body: string };

export interface ConnectorRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
  transport: Transport;
}

/** What the outbound adapter got back; it never throws. */
export type ConnectorReply =
  | { kind: 'response'; statusCode: number; body: string }
  | { kind: 'failure'; reason: 'timeout' | 'unreachable' | 'error'; detail: string };

/** A row of x_closeloop_verdict as stored (raw strings). */
export interface PushedVerdictRow {
  correlationId: string;
  verdict: string;
  checks: string;
  evaluatedAt: string;
}

export type PushedLookup =
  { kind: 'found'; row: PushedVerdictRow } | { kind: 'none' } | { kind: 'error'; problem: string };

/** Where the verdict that decided came from. 'stub' only when the ATF stub property is set. */
export type VerdictSource = 'live' | 'pushed' | 'stub' | 'none';

export interface VerdictChoice {
  source: VerdictSource;
  verdict: ClosureVerdict | null;
  /** Why earlier sources were not used, in order (for the audit row and the message). */
  problems: string[];
}

export type Outcome = 'allowed' | 'blocked' | 'overridden' | 'unavailable';

export interface OverrideRequest {
  requested: boolean;
  hasRole: boolean;
  justification: string;
}

/** A user-facing message, rendered to HTML for the form and to text for the audit row. */
export interface GuardMessage {
  level: 'error' | 'info';
  title: string;
  items: string[];
  link: { label: string; url: string } | null;
  footer: string[];
}

export interface ResolutionDecision {
  outcome: Outcome;
  abort: boolean;
  source: VerdictSource;
  verdict: VerdictValue | '';
  checks: CheckResult[];
  evaluatedAt: string;
  message: GuardMessage | null;
  /** Set when a valid override let the resolution through: clear the one-shot request. */
  consumeOverride: boolean;
  detail: string;
}

/** One row of x_closeloop_closure_audit. */
export interface AuditEntry {
  incidentSysId: string;
  correlationId: string;
  outcome: Outcome;
  resolutionBlocked: boolean;
  verdict: VerdictValue | '';
  source: VerdictSource;
  checksJson: string;
  evaluatedAt: string;
  userId: string;
  justification: string;
  /** UTC 'yyyy-MM-dd HH:mm:ss', the internal format of a glide_date_time column. */
  checkedAt: string;
  detail: string;
  message: string;
}

/** Everything the guard needs from the platform; the Glide adapters implement it. */
export interface GuardEnvironment {
  /** undefined when the property does not exist. */
  readProperty(name: string): string | undefined;
  sendClosureCheck(request: ConnectorRequest): ConnectorReply;
  findPushedVerdict(correlationId: string): PushedLookup;
  /** sys_class_name of a cmdb_ci record, '' when not found. */
  lookupCiClass(ciSysId: string): string;
  nowMs(): number;
  userId(): string;
  hasRole(role: string): boolean;
}

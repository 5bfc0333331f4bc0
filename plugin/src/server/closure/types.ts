// Shapes shared by the closure guard. Types only: on the instance this file becomes an empty
// sys_module, and Node tests can import its types without loading any runtime code.

/** What the connector (or a pushed verdict row) says about a record's telemetry. */
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
  failMode: FailMode;
  /** 0 disables the pushed-verdict fallback. */
  maxPushedAgeMinutes: number;
  /** Records whose correlation_display equals this (case-insensitive) are guarded; '' disables. */
  guardedCorrelationDisplay: string;
  /** Records whose CI is of one of these classes are guarded too. */
  guardedCiClasses: string[];
  /** A move into a cancel state is checked like a resolution (otherwise only audited). */
  guardCancel: boolean;
  timeoutSeconds: number;
  /** Consecutive failed calls after which the circuit opens (0: never). */
  breakerFailures: number;
  breakerOpenSeconds: number;
  /** Live calls one transaction may make; beyond it the pushed verdict and the fail mode decide. */
  maxLiveCalls: number;
}

/** Where and how the connector is reached, from the connection alias or the legacy properties. */
export interface ConnectorEndpoint {
  /** Base URL without trailing slash; '' when not configured. */
  url: string;
  apiKey: string;
  /** MID Server name; '' calls the connector directly from the instance. */
  midServer: string;
  /** 'alias' (Connection & Credential alias) or 'properties'. */
  origin: 'alias' | 'properties';
}

/** A raw row of x_closeloop_guarded_table (strings as stored). */
export interface GuardedTableRow {
  table: string;
  active: string;
  closingStates: string;
  cancelStates: string;
  guardedCloseCodes: string;
  viaField: string;
  ownCorrelation: string;
  failMode: string;
}

/** One guarded table's state model and how its records are tied to telemetry. */
export interface GuardedTable {
  table: string;
  /** A move from any other state into one of these is a resolution (e.g. Resolved, Closed). */
  closingStates: string[];
  /** Audited, and checked like a resolution when guard cancel is on. */
  cancelStates: string[];
  /** When set, only closures with one of these close codes are checked (change "successful"). */
  guardedCloseCodes: string[];
  /** Reference to the record this one is guarded through (wm_order.initiated_from), '' none. */
  viaField: string;
  /** Its own correlation_display / CI class can make a record of this table guarded. */
  ownCorrelation: boolean;
  failMode: FailMode | 'inherit';
}

export type GuardedTableLookup =
  { kind: 'found'; row: GuardedTableRow } | { kind: 'none' } | { kind: 'error'; problem: string };

/** The fields of a record the guard reads; one snapshot for `current`, one for `previous`. */
export interface RecordSnapshot {
  table: string;
  sysId: string;
  number: string;
  state: string;
  correlationId: string;
  correlationDisplay: string;
  cmdbCi: string;
  closeCode: string;
  assignmentGroup: string;
  /** Value of the table's via field (a sys_id), '' when none. */
  via: string;
}

/** A record being updated: how it is and how it was. */
export interface RecordUpdate {
  current: RecordSnapshot;
  /** null on insert. */
  previous: RecordSnapshot | null;
}

/** The record whose correlation the connector is asked about (the record itself or an ancestor). */
export interface GuardSubject {
  table: string;
  sysId: string;
  number: string;
  correlationId: string;
  cmdbCi: string;
  /** Why it is guarded, for the audit detail. */
  reason: string;
}

export type TransitionKind = 'closing' | 'cancel' | 'none';

/** How the adapter must send the request. */
export type Transport =
  { kind: 'direct'; timeoutMs: number } | { kind: 'mid'; midServer: string; waitSeconds: number };

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

/** Circuit breaker over live calls, shared by all transactions (x_closeloop_connector_state). */
export interface BreakerState {
  failures: number;
  /** Epoch ms until which no live call is made; 0 when closed. */
  openUntilMs: number;
  lastError: string;
}

/** Where the verdict that decided came from. */
export type VerdictSource = 'live' | 'pushed' | 'none';

export interface VerdictChoice {
  source: VerdictSource;
  verdict: ClosureVerdict | null;
  /** Why earlier sources were not used, in order (for the audit row and the message). */
  problems: string[];
}

export type Outcome = 'allowed' | 'blocked' | 'overridden' | 'unavailable' | 'canceled';

/** A pending row of x_closeloop_override_request for this record and user. */
export interface OverrideRequestRow {
  sysId: string;
  justification: string;
  requestedAtMs: number;
}

export interface OverrideRequest {
  requested: boolean;
  hasRole: boolean;
  justification: string;
  /** sys_id of the override request row, '' when none. */
  requestId: string;
}

/** A user-facing message, rendered as plain text (forms, Workspace, Table API errors, audit). */
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
  detail: string;
}

/** One row of x_closeloop_closure_audit. */
export interface AuditEntry {
  table: string;
  recordSysId: string;
  number: string;
  correlationId: string;
  assignmentGroup: string;
  fromState: string;
  toState: string;
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

/** What the after rule must do once the update is committed (handed over by the before rule). */
export interface PendingConfirmation {
  audit: AuditEntry;
  /** Override request row to mark used, '' when none. */
  overrideRequestId: string;
  /** Set when the update was an override: who manages the group is told. */
  override: boolean;
  /** Epoch ms when the before rule decided. */
  decidedAtMs: number;
}

/** Everything the guard needs from the platform; the Glide adapters implement it. */
export interface GuardEnvironment {
  /** undefined when the property does not exist. */
  readProperty(name: string): string | undefined;
  /** The configured connector (alias first, then properties); null when neither is set. */
  connectorEndpoint(): ConnectorEndpoint | null;
  guardedTable(table: string): GuardedTableLookup;
  /** A task-derived record by sys_id (to follow a via reference); null when not found. */
  loadRecord(sysId: string): RecordSnapshot | null;
  /** sys_class_name of a cmdb_ci record, '' when not found. */
  lookupCiClass(ciSysId: string): string;
  sendClosureCheck(request: ConnectorRequest): ConnectorReply;
  findPushedVerdict(correlationId: string): PushedLookup;
  readBreaker(): BreakerState;
  writeBreaker(state: BreakerState): void;
  /** Session-scoped scratch values (GlideSession client data); '' when unset. */
  readSession(key: string): string;
  writeSession(key: string, value: string): void;
  findOverrideRequest(table: string, sysId: string, userId: string): OverrideRequestRow | null;
  nowMs(): number;
  userId(): string;
  hasRole(role: string): boolean;
  /** A person in a form or Workspace, as opposed to REST, imports, jobs and flows. */
  isInteractive(): boolean;
}

// Loads the plugin's server modules (plugin/src/server/**) into Node. They are loaded by a path
// computed at runtime, not imported statically: the platform wants `.ts` in their relative
// imports, which the root tsconfig (NodeNext, no allowImportingTsExtensions) would reject if tsc
// followed an import into them. Their shared types come from closure/types.ts, which is types
// only and safe for tsc. The signatures below mirror the modules; a missing export fails loudly.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  AuditEntry,
  BreakerState,
  CheckResult,
  ClosureVerdict,
  ConnectorEndpoint,
  ConnectorReply,
  ConnectorRequest,
  FailMode,
  GuardEnvironment,
  GuardMessage,
  GuardSettings,
  GuardSubject,
  GuardedTable,
  GuardedTableLookup,
  GuardedTableRow,
  OverrideRequest,
  OverrideRequestRow,
  PendingConfirmation,
  PushedLookup,
  RecordSnapshot,
  RecordUpdate,
  ResolutionDecision,
  TransitionKind,
  VerdictChoice,
} from '../../../plugin/src/server/closure/types.js';
import { installGlideFakes, requirePluginFile } from './glide-require-hook.js';

export const PLUGIN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../plugin');
export const SERVER_DIR = path.join(PLUGIN_DIR, 'src/server');

export type ParseResult = { ok: true; verdict: ClosureVerdict } | { ok: false; problem: string };
export type PushedResult = { ok: true; verdict: ClosureVerdict; ageMs: number } | { ok: false; problem: string };
export type BeforePlan =
  | { kind: 'ignore'; warnings: string[] }
  | { kind: 'refuse'; message: GuardMessage; warnings: string[] }
  | {
      kind: 'decided';
      decision: ResolutionDecision;
      auditNow: AuditEntry | null;
      pending: PendingConfirmation | null;
      pendingKey: string;
      workNote: string;
      warnings: string[];
    };
export type GuardedTableResult = { ok: true; table: GuardedTable } | { ok: false; problem: string } | { ok: false; inactive: true };
export interface DecisionInput {
  failMode: FailMode;
  connectorUrl: string;
  correlationId: string;
  label: string;
  verb: string;
  choice: VerdictChoice;
  override: OverrideRequest;
}

export interface ClosureModules {
  names: {
    PROPERTY: Record<string, string>;
    ROLE: Record<string, string>;
    EVENT: Record<string, string>;
    UI_ACTION: Record<string, string>;
    CHECK_TELEMETRY_ROLES: readonly string[];
    AUDIT_TABLE: string;
    VERDICT_TABLE: string;
    GUARDED_TABLE_TABLE: string;
    OVERRIDE_TABLE: string;
    CONNECTOR_STATE_TABLE: string;
    CONNECTION_ALIAS: string;
    SCRATCHPAD_KEY: string;
    OVERRIDE_REQUEST_TTL_MS: number;
  };
  settings: {
    DEFAULT_SETTINGS: GuardSettings;
    MAX_TIMEOUT_SECONDS: number;
    readGuardSettings(read: (name: string) => string | undefined): { settings: GuardSettings; problems: string[] };
    validateEndpoint(raw: ConnectorEndpoint, problems: string[]): ConnectorEndpoint;
  };
  timestamps: {
    parseTimestamp(text: string): number | null;
    formatGlideDateTime(ms: number): string;
    describeAge(ms: number): string;
  };
  request: {
    CLOSURE_CHECK_PATH: string;
    closureCheckBody(record: RecordSnapshot, targetState: string, subject: GuardSubject): string;
    buildClosureCheckRequest(
      settings: GuardSettings,
      endpoint: ConnectorEndpoint | null,
      body: string,
    ): { ok: true; request: ConnectorRequest } | { ok: false; problem: string };
    describeRequest(request: ConnectorRequest): string;
  };
  response: {
    parseClosureVerdict(value: unknown, label?: string): ParseResult;
    parseClosureVerdictText(body: string): ParseResult;
    interpretConnectorReply(reply: ConnectorReply): ParseResult;
  };
  pushedVerdict: {
    ALLOWED_CLOCK_SKEW_MS: number;
    interpretPushedVerdict(lookup: PushedLookup, nowMs: number, maxAgeMinutes: number): PushedResult;
  };
  guardedTables: {
    parseGuardedTable(row: GuardedTableRow): GuardedTableResult;
    classifyTransition(table: GuardedTable, update: RecordUpdate): TransitionKind;
    isChecked(kind: TransitionKind, settings: GuardSettings): boolean;
    resolveState(table: GuardedTable): string;
    effectiveFailMode(table: GuardedTable, settings: GuardSettings): FailMode;
  };
  subject: {
    MAX_VIA_DEPTH: number;
    ownGuardReason(settings: GuardSettings, record: RecordSnapshot, ciClassOf: (ci: string) => string): string | null;
    resolveSubject(
      env: Pick<GuardEnvironment, 'lookupCiClass' | 'loadRecord' | 'guardedTable'>,
      settings: GuardSettings,
      table: GuardedTable,
      update: RecordUpdate,
      warnings: string[],
    ): GuardSubject | null;
  };
  breaker: {
    CLOSED_BREAKER: BreakerState;
    TRANSACTION_WINDOW_MS: number;
    breakerRefusal(state: BreakerState, nowMs: number): string | null;
    isFailure(reply: ConnectorReply): boolean;
    breakerAfter(state: BreakerState, reply: ConnectorReply, settings: GuardSettings, nowMs: number): BreakerState | null;
    parseBreaker(failures: string, openUntil: string, lastError: string): BreakerState;
    parseBudget(text: string): { windowStartMs: number; count: number };
    formatBudget(budget: { windowStartMs: number; count: number }): string;
    spendCall(
      budget: { windowStartMs: number; count: number },
      settings: GuardSettings,
      nowMs: number,
    ): { windowStartMs: number; count: number } | null;
  };
  messages: {
    OVERRIDE_HINT: string;
    eventLink(connectorUrl: string, correlationId: string): string | null;
    renderText(message: GuardMessage): string;
    renderInline(message: GuardMessage): string;
    safeText(text: string): string;
    unconfirmedChecks(checks: CheckResult[]): CheckResult[];
  };
  decide: {
    chooseVerdict(live: ParseResult, pushed: () => PushedResult): VerdictChoice;
    decideResolution(input: DecisionInput): ResolutionDecision;
    describeVerdict(input: Pick<DecisionInput, 'connectorUrl' | 'correlationId' | 'failMode' | 'choice'>): GuardMessage;
  };
  guard: {
    MAX_CHECKS_JSON: number;
    PENDING_MAX_AGE_MS: number;
    planBeforeUpdate(env: GuardEnvironment, update: RecordUpdate): BeforePlan;
    planAfterUpdate(text: string, current: RecordSnapshot, nowMs: number): PendingConfirmation | null;
    planTelemetryCheck(
      env: GuardEnvironment,
      record: RecordSnapshot,
    ): { message: GuardMessage; guarded: boolean; warnings: string[] };
    planFormStatus(env: GuardEnvironment, record: RecordSnapshot): { message: GuardMessage; warnings: string[] } | null;
    planFailure(failMode: FailMode, label: string, error: string): ResolutionDecision;
    pendingKey(record: Pick<RecordSnapshot, 'table' | 'sysId'>): string;
    obtainVerdict(
      env: GuardEnvironment,
      settings: GuardSettings,
      subject: GuardSubject,
      body: string,
      warnings: string[],
    ): { choice: VerdictChoice; endpoint: ConnectorEndpoint | null };
  };
  override: {
    MAX_JUSTIFICATION: number;
    planOverrideRequest(ask: {
      hasRole: boolean;
      justification: string;
      state: string;
      table: GuardedTable | null;
      guarded: boolean;
    }): { ok: true; justification: string; targetState: string } | { ok: false; message: GuardMessage };
    overrideFor(row: OverrideRequestRow | null, hasRole: boolean, nowMs: number): OverrideRequest;
  };
  transportErrors: { classifyTransportError(text: string): 'timeout' | 'unreachable' };
}

const CLOSURE_FILES: Record<keyof ClosureModules, string> = {
  names: 'closure/names.ts',
  settings: 'closure/settings.ts',
  timestamps: 'closure/timestamps.ts',
  request: 'closure/request.ts',
  response: 'closure/response.ts',
  pushedVerdict: 'closure/pushed-verdict.ts',
  guardedTables: 'closure/guarded-tables.ts',
  subject: 'closure/subject.ts',
  breaker: 'closure/breaker.ts',
  messages: 'closure/messages.ts',
  decide: 'closure/decide.ts',
  guard: 'closure/guard.ts',
  override: 'closure/override.ts',
  transportErrors: 'closure/transport-errors.ts',
};

/** The Glide-free decision modules. Loading them needs no Glide fakes at all. */
export function loadClosureModules(): ClosureModules {
  const modules: Record<string, unknown> = {};
  for (const [key, file] of Object.entries(CLOSURE_FILES)) modules[key] = requirePluginFile(path.join(SERVER_DIR, file));
  return modules as unknown as ClosureModules;
}

export interface ActionLike {
  setRedirectURL(target: unknown): void;
}

export interface EntryModules {
  guardClosure: { guardClosure(current: unknown, previous: unknown): void };
  confirmClosure: { confirmClosure(current: unknown): void };
  formStatus: { showTelemetryStatus(current: unknown, previous: unknown, scratchpad: Record<string, unknown> | null): void };
  ajax: {
    checkTelemetryForForm(table: string, sysId: string): string;
    requestOverrideForForm(table: string, sysId: string, justification: string): string;
  };
  resolveDespiteTelemetry: { resolveDespiteTelemetry(current: unknown, action: ActionLike | null): void };
  uiConditions: { isGuardedRecord(current: unknown): boolean; mayRequestOverride(current: unknown): boolean };
  correlationAcl: { mayChangeCorrelation(current: unknown): boolean };
  verdictChanged: { announceVerdictChange(current: unknown, previous: unknown): void };
}

const ENTRY_FILES: Record<keyof EntryModules, string> = {
  guardClosure: 'entry/guard-closure.ts',
  confirmClosure: 'entry/confirm-closure.ts',
  formStatus: 'entry/form-status.ts',
  ajax: 'entry/closure-ajax.ts',
  resolveDespiteTelemetry: 'entry/resolve-despite-telemetry.ts',
  uiConditions: 'entry/ui-conditions.ts',
  correlationAcl: 'entry/correlation-acl.ts',
  verdictChanged: 'entry/verdict-changed.ts',
};

/** The business rule, UI action, ACL and AJAX entry points, with the Glide fakes swapped in. */
export function loadEntryModules(): EntryModules {
  installGlideFakes();
  const modules: Record<string, unknown> = {};
  for (const [key, file] of Object.entries(ENTRY_FILES)) modules[key] = requirePluginFile(path.join(SERVER_DIR, file));
  return modules as unknown as EntryModules;
}

export interface GlideAdapterModules {
  connectorClient: { sendClosureCheck(request: ConnectorRequest): ConnectorReply };
  verdictStore: { findPushedVerdict(correlationId: string): PushedLookup };
  properties: { readProperty(name: string): string | undefined };
  auditLog: { insertAuditEntry(entry: AuditEntry): string | null };
  cmdb: { lookupCiClass(ciSysId: string): string };
  connection: { connectorEndpoint(): ConnectorEndpoint | null };
  guardedTableStore: { findGuardedTable(table: string): GuardedTableLookup };
  connectorState: { readBreaker(): BreakerState; writeBreaker(state: BreakerState): void };
  overrideStore: {
    findOverrideRequest(table: string, sysId: string, userId: string): OverrideRequestRow | null;
    insertOverrideRequest(table: string, sysId: string, userId: string, justification: string, requestedAt: string): string | null;
    markOverrideUsed(requestId: string, auditId: string): void;
  };
  record: { loadRecord(sysId: string): RecordSnapshot | null };
}

/** The thin Glide adapters, with the Glide fakes swapped in. */
export function loadGlideAdapters(): GlideAdapterModules {
  installGlideFakes();
  const load = (file: string): unknown => requirePluginFile(path.join(SERVER_DIR, file));
  return {
    connectorClient: load('glide/connector-client.ts'),
    verdictStore: load('glide/verdict-store.ts'),
    properties: load('glide/properties.ts'),
    auditLog: load('glide/audit-log.ts'),
    cmdb: load('glide/cmdb.ts'),
    connection: load('glide/connection.ts'),
    guardedTableStore: load('glide/guarded-table-store.ts'),
    connectorState: load('glide/connector-state.ts'),
    overrideStore: load('glide/override-store.ts'),
    record: load('glide/record.ts'),
  } as unknown as GlideAdapterModules;
}

// Loads the plugin's server modules (plugin/src/server/**) into Node. They are loaded by a path
// computed at runtime, not imported statically: the platform wants `.ts` in their relative
// imports, which the root tsconfig (NodeNext, no allowImportingTsExtensions) would reject if tsc
// followed an import into them. Their shared types come from closure/types.ts, which is types
// only and safe for tsc. The signatures below mirror the modules; a missing export fails loudly.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  AuditEntry,
  CheckResult,
  ClosureVerdict,
  ConnectorReply,
  ConnectorRequest,
  GuardEnvironment,
  GuardMessage,
  GuardSettings,
  IncidentFacts,
  OverrideRequest,
  PushedLookup,
  ResolutionDecision,
  VerdictChoice,
} from '../../../plugin/src/server/closure/types.js';
import { installGlideFakes, requirePluginFile } from './glide-require-hook.js';

export const PLUGIN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../plugin');
export const SERVER_DIR = path.join(PLUGIN_DIR, 'src/server');

export type ParseResult = { ok: true; verdict: ClosureVerdict } | { ok: false; problem: string };
export type PushedResult = { ok: true; verdict: ClosureVerdict; ageMs: number } | { ok: false; problem: string };
export interface PreparedCheck {
  kind: 'guarded';
  settings: GuardSettings;
  request: ConnectorRequest | null;
  warnings: string[];
}
export type ResolutionPlan =
  | { kind: 'ignore'; warnings: string[] }
  | { kind: 'unguarded'; consumeOverride: boolean; warnings: string[] }
  | { kind: 'guarded'; decision: ResolutionDecision; audit: AuditEntry; warnings: string[] };

export interface ClosureModules {
  names: {
    PROPERTY: Record<string, string>;
    ROLE: { closureOverride: string; connector: string };
    INCIDENT_FIELD: { overrideJustification: string; overrideRequested: string };
    AUDIT_TABLE: string;
    VERDICT_TABLE: string;
  };
  settings: {
    DEFAULT_SETTINGS: GuardSettings;
    MAX_TIMEOUT_SECONDS: number;
    readGuardSettings(read: (name: string) => string | undefined): { settings: GuardSettings; problems: string[] };
  };
  timestamps: {
    parseTimestamp(text: string): number | null;
    formatGlideDateTime(ms: number): string;
    describeAge(ms: number): string;
  };
  request: {
    CLOSURE_CHECK_PATH: string;
    buildClosureCheckRequest(
      settings: GuardSettings,
      incident: IncidentFacts,
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
  guarded: {
    isResolutionTransition(before: string, after: string): boolean;
    guardReason(settings: GuardSettings, incident: IncidentFacts, ciClass: string): string | null;
    needsCiClass(settings: GuardSettings, incident: IncidentFacts): boolean;
  };
  messages: {
    OVERRIDE_HINT: string;
    eventLink(settings: GuardSettings, correlationId: string): string | null;
    renderText(message: GuardMessage): string;
    renderHtml(message: GuardMessage): string;
    escapeHtml(text: string): string;
    unconfirmedChecks(checks: CheckResult[]): CheckResult[];
  };
  decide: {
    chooseVerdict(live: ParseResult, liveSource: 'live' | 'stub', pushed: () => PushedResult): VerdictChoice;
    decideResolution(input: {
      settings: GuardSettings;
      incident: IncidentFacts;
      choice: VerdictChoice;
      override: OverrideRequest;
    }): ResolutionDecision;
    describeVerdict(settings: GuardSettings, incident: IncidentFacts, choice: VerdictChoice): GuardMessage;
  };
  guard: {
    MAX_CHECKS_JSON: number;
    planResolution(env: GuardEnvironment, incident: IncidentFacts): ResolutionPlan;
    prepareResolution(
      env: Pick<GuardEnvironment, 'readProperty' | 'lookupCiClass'>,
      incident: IncidentFacts,
    ): Exclude<ResolutionPlan, { kind: 'guarded' }> | PreparedCheck;
    completeResolution(
      env: GuardEnvironment,
      incident: IncidentFacts,
      prepared: PreparedCheck,
      reply: ConnectorReply | null,
    ): ResolutionPlan;
    planTelemetryCheck(env: GuardEnvironment, incident: IncidentFacts): { message: GuardMessage; warnings: string[] };
    planFailure(failMode: 'block' | 'allow', incident: IncidentFacts, error: string): ResolutionDecision;
    obtainVerdict(env: GuardEnvironment, settings: GuardSettings, incident: IncidentFacts): VerdictChoice;
  };
  override: {
    planOverrideRequest(ask: {
      hasRole: boolean;
      justification: string;
      state: string;
    }): { ok: true } | { ok: false; message: GuardMessage };
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
  guarded: 'closure/guarded.ts',
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
  guardResolution: { guardIncidentResolution(current: unknown, previous: unknown): void };
  checkTelemetry: { checkTelemetry(current: unknown, action: ActionLike | null): void };
  resolveDespiteTelemetry: { resolveDespiteTelemetry(current: unknown, action: ActionLike | null): void };
}

/** The business rule and UI action entry points, with the Glide fakes swapped in. */
export function loadEntryModules(): EntryModules {
  installGlideFakes();
  const load = (file: string): unknown => requirePluginFile(path.join(SERVER_DIR, file));
  const modules = {
    guardResolution: load('entry/guard-resolution.ts'),
    checkTelemetry: load('entry/check-telemetry.ts'),
    resolveDespiteTelemetry: load('entry/resolve-despite-telemetry.ts'),
  } as unknown as EntryModules;
  for (const [name, fn] of [
    ['guardIncidentResolution', modules.guardResolution.guardIncidentResolution],
    ['checkTelemetry', modules.checkTelemetry.checkTelemetry],
    ['resolveDespiteTelemetry', modules.resolveDespiteTelemetry.resolveDespiteTelemetry],
  ] as const) {
    if (typeof fn !== 'function') throw new Error(`plugin entry ${name} is not exported`);
  }
  return modules;
}

export interface GlideAdapterModules {
  connectorClient: { sendClosureCheck(request: ConnectorRequest): ConnectorReply };
  verdictStore: { findPushedVerdict(correlationId: string): PushedLookup };
  properties: { readProperty(name: string): string | undefined };
  auditLog: { insertAuditEntry(entry: AuditEntry): string | null };
  cmdb: { lookupCiClass(ciSysId: string): string };
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
  } as unknown as GlideAdapterModules;
}

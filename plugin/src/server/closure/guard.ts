// The guard's flow, written against GuardEnvironment so it runs the same on the instance (Glide
// adapters), in Node tests (fakes) and in a local stand-in. It plans; the entry points apply.
import type {
  AuditEntry,
  ConnectorReply,
  ConnectorRequest,
  GuardEnvironment,
  GuardMessage,
  GuardSettings,
  IncidentFacts,
  PushedLookup,
  ResolutionDecision,
  VerdictChoice,
} from './types.ts';
import { buildClosureCheckRequest, type RequestResult } from './request.ts';
import { interpretConnectorReply, parseClosureVerdictText, type ParseResult } from './response.ts';
import { interpretPushedVerdict } from './pushed-verdict.ts';
import { chooseVerdict, decideResolution, describeVerdict } from './decide.ts';
import { guardReason, isResolutionTransition, needsCiClass } from './guarded.ts';
import { readGuardSettings } from './settings.ts';
import { renderText } from './messages.ts';
import { formatGlideDateTime } from './timestamps.ts';
import { ROLE } from './names.ts';

/** Audit columns are 8000 characters; beyond that checks are dropped, keeping valid JSON. */
export const MAX_CHECKS_JSON = 8000;
const MAX_TEXT = 4000;

export type ResolutionPlan =
  | { kind: 'ignore'; warnings: string[] }
  | { kind: 'unguarded'; consumeOverride: boolean; warnings: string[] }
  | { kind: 'guarded'; decision: ResolutionDecision; audit: AuditEntry; warnings: string[] };

/** A guarded resolution after phase 1: settings read, the connector request (if any) built. */
export interface PreparedCheck {
  kind: 'guarded';
  settings: GuardSettings;
  built: RequestResult;
  /** What the host must send to the connector; null when nothing is to be sent (stub, not configured). */
  request: ConnectorRequest | null;
  warnings: string[];
}

export type PreparedResolution = Exclude<ResolutionPlan, { kind: 'guarded' }> | PreparedCheck;

/**
 * Decides what to do with an update of an incident, synchronously as on the instance (the
 * environment's sendClosureCheck blocks). Never throws for environment failures.
 */
export function planResolution(env: GuardEnvironment, incident: IncidentFacts): ResolutionPlan {
  const prepared = prepareResolution(env, incident);
  if (prepared.kind !== 'guarded') return prepared;
  const reply = prepared.request ? send(env, prepared.request) : null;
  return completeResolution(env, incident, prepared, reply);
}

/**
 * Phase 1, for hosts that cannot block on HTTP (a Node stand-in): is this update checked, and
 * what should be sent? Reads properties and, when CI classes are configured, the CI's class.
 */
export function prepareResolution(
  env: Pick<GuardEnvironment, 'readProperty' | 'lookupCiClass'>,
  incident: IncidentFacts,
): PreparedResolution {
  if (!isResolutionTransition(incident.stateBefore, incident.stateAfter))
    return { kind: 'ignore', warnings: [] };
  const { settings, problems } = readGuardSettings((name) => env.readProperty(name));
  const warnings = [...problems];
  const reason = whyGuarded(env, settings, incident, warnings);
  if (reason === null) return { kind: 'unguarded', consumeOverride: incident.overrideRequested, warnings };
  const built = buildClosureCheckRequest(settings, incident);
  return { kind: 'guarded', settings, built, request: requestToSend(built), warnings };
}

/**
 * Phase 2: the decision, given what the connector replied to `prepared.request` (null when no
 * request was sent). Falls back to the pushed verdict through env.findPushedVerdict.
 */
export function completeResolution(
  env: GuardEnvironment,
  incident: IncidentFacts,
  prepared: PreparedCheck,
  reply: ConnectorReply | null,
): ResolutionPlan {
  const choice = chooseFrom(env, prepared.settings, incident, prepared.built, reply);
  const decision = decideResolution({
    settings: prepared.settings,
    incident,
    choice,
    override: {
      requested: incident.overrideRequested,
      hasRole: incident.overrideRequested && env.hasRole(ROLE.closureOverride),
      justification: incident.justification,
    },
  });
  return {
    kind: 'guarded',
    decision,
    audit: auditEntry(env, incident, decision),
    warnings: prepared.warnings,
  };
}

/** What "Check telemetry" shows. Reads only; the incident is not changed. */
export function planTelemetryCheck(
  env: GuardEnvironment,
  incident: IncidentFacts,
): { message: GuardMessage; warnings: string[] } {
  const { settings, problems } = readGuardSettings((name) => env.readProperty(name));
  const warnings = [...problems];
  const guarded = whyGuarded(env, settings, incident, warnings) !== null;
  const message = describeVerdict(settings, incident, obtainVerdict(env, settings, incident));
  if (!guarded) {
    message.footer.push('This incident is not guarded by Closeloop: resolving it is not checked.');
  }
  return { message, warnings };
}

/** When the guard itself fails unexpectedly, the fail mode decides, and the user is told why. */
export function planFailure(
  failMode: GuardSettings['failMode'],
  incident: IncidentFacts,
  error: string,
): ResolutionDecision {
  const block = failMode !== 'allow';
  return {
    outcome: 'unavailable',
    abort: block,
    source: 'none',
    verdict: '',
    checks: [],
    evaluatedAt: '',
    consumeOverride: !block && incident.overrideRequested,
    detail: `internal error: ${error}`,
    message: {
      level: block ? 'error' : 'info',
      title: block
        ? `Closeloop: ${incident.number || 'this incident'} cannot be resolved: the telemetry check failed unexpectedly.`
        : `Closeloop: the telemetry check failed unexpectedly; resolution allowed by fail mode "allow".`,
      items: [error],
      link: null,
      footer: block
        ? ['Ask your ServiceNow administrator to look at the system log (source x_closeloop).']
        : [],
    },
  };
}

/** Live verdict (or the ATF stub), else the pushed one if fresh. */
export function obtainVerdict(
  env: GuardEnvironment,
  settings: GuardSettings,
  incident: IncidentFacts,
): VerdictChoice {
  const built = buildClosureCheckRequest(settings, incident);
  const request = requestToSend(built);
  return chooseFrom(env, settings, incident, built, request ? send(env, request) : null);
}

function requestToSend(built: RequestResult): ConnectorRequest | null {
  return built.ok && built.request.transport.kind !== 'stub' ? built.request : null;
}

function chooseFrom(
  env: GuardEnvironment,
  settings: GuardSettings,
  incident: IncidentFacts,
  built: RequestResult,
  reply: ConnectorReply | null,
): VerdictChoice {
  let live: ParseResult;
  let liveSource: 'live' | 'stub' = 'live';
  if (!built.ok) {
    live = { ok: false, problem: built.problem };
  } else if (built.request.transport.kind === 'stub') {
    liveSource = 'stub';
    live = parseClosureVerdictText(built.request.transport.body);
  } else {
    live = reply ? interpretConnectorReply(reply) : { ok: false, problem: 'the connector was not asked' };
  }
  return chooseVerdict(live, liveSource, () =>
    incident.correlationId
      ? interpretPushedVerdict(
          findPushed(env, incident.correlationId),
          env.nowMs(),
          settings.maxPushedAgeMinutes,
        )
      : { ok: false, problem: 'incident has no correlation_id to look up a pushed verdict' },
  );
}

export function auditEntry(
  env: GuardEnvironment,
  incident: IncidentFacts,
  decision: ResolutionDecision,
): AuditEntry {
  const { json, omitted } = checksJson(decision.checks);
  const detail = [decision.detail, omitted ? `${omitted} checks omitted from the checks column` : '']
    .filter(Boolean)
    .join('; ');
  return {
    incidentSysId: incident.sysId,
    correlationId: incident.correlationId,
    outcome: decision.outcome,
    resolutionBlocked: decision.abort,
    verdict: decision.verdict,
    source: decision.source,
    checksJson: json,
    evaluatedAt: decision.evaluatedAt,
    userId: safely(() => env.userId(), ''),
    justification: incident.overrideRequested ? clip(incident.justification.trim()) : '',
    checkedAt: formatGlideDateTime(safely(() => env.nowMs(), 0)),
    detail: clip(detail),
    message: decision.message ? clip(renderText(decision.message)) : '',
  };
}

function whyGuarded(
  env: Pick<GuardEnvironment, 'lookupCiClass'>,
  settings: GuardSettings,
  incident: IncidentFacts,
  warnings: string[],
): string | null {
  const reason = guardReason(settings, incident, '');
  if (reason !== null || !needsCiClass(settings, incident)) return reason;
  let ciClass = '';
  try {
    ciClass = env.lookupCiClass(incident.cmdbCi);
  } catch (error) {
    warnings.push(`could not read the class of CI ${incident.cmdbCi}: ${errorText(error)}`);
  }
  return guardReason(settings, incident, ciClass);
}

function send(env: GuardEnvironment, request: ConnectorRequest): ConnectorReply {
  try {
    return env.sendClosureCheck(request);
  } catch (error) {
    return { kind: 'failure', reason: 'error', detail: errorText(error) };
  }
}

function findPushed(env: GuardEnvironment, correlationId: string): PushedLookup {
  try {
    return env.findPushedVerdict(correlationId);
  } catch (error) {
    return { kind: 'error', problem: errorText(error) };
  }
}

function checksJson(checks: ResolutionDecision['checks']): { json: string; omitted: number } {
  let kept = checks.length;
  let json = JSON.stringify(checks);
  while (json.length > MAX_CHECKS_JSON && kept > 0) {
    kept = Math.floor(kept / 2);
    json = JSON.stringify(checks.slice(0, kept));
  }
  return { json, omitted: checks.length - kept };
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

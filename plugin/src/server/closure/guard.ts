// The guard's flow, written against GuardEnvironment so it runs the same on the instance (Glide
// adapters), in Node tests (fakes) and in the local stand-in. It plans; the entry points apply.
//
// Before rule (planBeforeUpdate): is this update a guarded closure, which verdict decides, abort or
// not. A refusal is audited at once (the update will not happen); an allowed or overridden closure
// is handed to the after rule (planAfterUpdate), which audits it only once the update is committed,
// so a later rule or data policy that aborts it leaves no row claiming it happened.
import type {
  AuditEntry,
  ConnectorEndpoint,
  ConnectorReply,
  FailMode,
  GuardEnvironment,
  GuardMessage,
  GuardSettings,
  GuardSubject,
  GuardedTable,
  PendingConfirmation,
  PushedLookup,
  RecordSnapshot,
  RecordUpdate,
  ResolutionDecision,
  TransitionKind,
  VerdictChoice,
} from './types.ts';
import { buildClosureCheckRequest, closureCheckBody } from './request.ts';
import { interpretConnectorReply, type ParseResult } from './response.ts';
import { interpretPushedVerdict, type PushedResult } from './pushed-verdict.ts';
import { chooseVerdict, decideResolution, describeVerdict } from './decide.ts';
import { classifyTransition, effectiveFailMode, isChecked, parseGuardedTable } from './guarded-tables.ts';
import { ownGuardReason, resolveSubject } from './subject.ts';
import { readGuardSettings, validateEndpoint } from './settings.ts';
import { checkItems, renderText, unconfirmedChecks } from './messages.ts';
import { describeAge, formatGlideDateTime } from './timestamps.ts';
import { breakerAfter, breakerRefusal, formatBudget, parseBudget, spendCall } from './breaker.ts';
import { overrideFor } from './override.ts';
import { ROLE, SESSION_KEY } from './names.ts';

/** Audit columns are 8000 characters; beyond that checks are dropped, keeping valid JSON. */
export const MAX_CHECKS_JSON = 8000;
const MAX_TEXT = 4000;
/** The after rule accepts a hand-over only this fresh (same transaction, in practice milliseconds). */
export const PENDING_MAX_AGE_MS = 120_000;

export type BeforePlan =
  | { kind: 'ignore'; warnings: string[] }
  /** A person changed correlation_id/display of a guarded record: refused. */
  | { kind: 'refuse'; message: GuardMessage; warnings: string[] }
  | {
      kind: 'decided';
      decision: ResolutionDecision;
      /** Inserted now (the update is refused) … */
      auditNow: AuditEntry | null;
      /** … or handed to the after rule under `pendingKey`. */
      pending: PendingConfirmation | null;
      pendingKey: string;
      /** Appended to the record's work notes with the update (an override). */
      workNote: string;
      warnings: string[];
    };

/** The table's configuration, or why the guard cannot work out whether to check. */
type TableConfig = { kind: 'none' } | { kind: 'found'; table: GuardedTable } | { kind: 'broken'; problem: string };

export function guardedTableOf(env: Pick<GuardEnvironment, 'guardedTable'>, table: string): TableConfig {
  const lookup = env.guardedTable(table);
  if (lookup.kind === 'none') return { kind: 'none' };
  if (lookup.kind === 'error') return { kind: 'broken', problem: lookup.problem };
  const parsed = parseGuardedTable(lookup.row);
  if (parsed.ok) return { kind: 'found', table: parsed.table };
  if ('inactive' in parsed) return { kind: 'none' };
  return { kind: 'broken', problem: parsed.problem };
}

export function pendingKey(record: Pick<RecordSnapshot, 'table' | 'sysId'>): string {
  return `${SESSION_KEY.pendingPrefix}${record.table}.${record.sysId}`;
}

/** Before update of a task-derived record whose state or correlation fields change. */
export function planBeforeUpdate(env: GuardEnvironment, update: RecordUpdate): BeforePlan {
  const { settings, problems } = readGuardSettings((name) => env.readProperty(name));
  const warnings = [...problems];
  const config = guardedTableOf(env, update.current.table);
  if (config.kind === 'none') return { kind: 'ignore', warnings };
  if (config.kind === 'broken') {
    throw new Error(`the guarded-table configuration of ${update.current.table} is unusable: ${config.problem}`);
  }
  const table = config.table;

  const kind = classifyTransition(table, update);
  const key = pendingKey(update.current);
  const tampering = correlationTampering(env, settings, table, update, warnings);
  if (tampering) {
    if (kind === 'none') return { kind: 'refuse', message: tampering.message, warnings };
    // A closure that also switches the guard off: refused, and audited as the attempt it is.
    const decision: ResolutionDecision = {
      outcome: 'blocked',
      abort: true,
      source: 'none',
      verdict: '',
      checks: [],
      evaluatedAt: '',
      message: tampering.message,
      detail: `${tampering.fields.join(' and ')} changed in the same update`,
    };
    const subject = resolveSubject(env, settings, table, update, warnings);
    const audit = auditEntry(env, update, subject, decision, '');
    return { kind: 'decided', decision, auditNow: audit, pending: null, pendingKey: key, workNote: '', warnings };
  }

  if (kind === 'none') return { kind: 'ignore', warnings };
  const subject = resolveSubject(env, settings, table, update, warnings);
  if (!subject) return { kind: 'ignore', warnings };

  const failMode = effectiveFailMode(table, settings);
  if (!isChecked(kind, settings)) {
    // A cancellation is recorded, not checked (unless guard cancel is on).
    const decision: ResolutionDecision = {
      outcome: 'canceled',
      abort: false,
      source: 'none',
      verdict: '',
      checks: [],
      evaluatedAt: '',
      message: null,
      detail: `canceled; not checked (${subject.reason})`,
    };
    const audit = auditEntry(env, update, subject, decision, '');
    return {
      kind: 'decided',
      decision,
      auditNow: null,
      pending: { audit, overrideRequestId: '', override: false, decidedAtMs: safely(() => env.nowMs(), 0) },
      pendingKey: key,
      workNote: '',
      warnings,
    };
  }

  const body = closureCheckBody(update.current, update.current.state, subject);
  const { choice, endpoint } = obtainVerdict(env, settings, subject, body, warnings);
  const userId = safely(() => env.userId(), '');
  const hasOverrideRole = env.hasRole(ROLE.closureOverride);
  const override = overrideFor(
    safely(() => env.findOverrideRequest(update.current.table, update.current.sysId, userId), null),
    hasOverrideRole,
    safely(() => env.nowMs(), 0),
  );
  const decision = decideResolution({
    failMode,
    connectorUrl: endpoint ? endpoint.url : '',
    correlationId: subject.correlationId,
    label: update.current.number,
    verb: verbFor(kind, update.current.table),
    choice,
    override,
  });
  const detail = [subject.reason, decision.detail].filter(Boolean).join('; ');
  const audit = auditEntry(env, update, subject, { ...decision, detail }, override.requested ? override.justification : '');
  if (decision.abort) {
    return { kind: 'decided', decision, auditNow: audit, pending: null, pendingKey: key, workNote: '', warnings };
  }
  const overridden = decision.outcome === 'overridden';
  return {
    kind: 'decided',
    decision,
    auditNow: null,
    pending: {
      audit,
      overrideRequestId: overridden ? override.requestId : '',
      override: overridden,
      decidedAtMs: safely(() => env.nowMs(), 0),
    },
    pendingKey: key,
    workNote: overridden ? overrideNote(decision, override.justification) : '',
    warnings,
  };
}

/** After update: the before rule's hand-over for this record, if it is this update's. */
export function planAfterUpdate(text: string, current: RecordSnapshot, nowMs: number): PendingConfirmation | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isPending(value)) return null;
  const { audit } = value;
  if (audit.table !== current.table || audit.recordSysId !== current.sysId || audit.toState !== current.state) return null;
  if (nowMs - value.decidedAtMs > PENDING_MAX_AGE_MS || value.decidedAtMs - nowMs > PENDING_MAX_AGE_MS) return null;
  return value;
}

/** What "Check telemetry" shows. Reads only; the record is not changed. */
export function planTelemetryCheck(
  env: GuardEnvironment,
  record: RecordSnapshot,
): { message: GuardMessage; guarded: boolean; warnings: string[] } {
  const { settings, problems } = readGuardSettings((name) => env.readProperty(name));
  const warnings = [...problems];
  const config = guardedTableOf(env, record.table);
  const update: RecordUpdate = { current: record, previous: null };
  const subject = config.kind === 'found' ? resolveSubject(env, settings, config.table, update, warnings) : null;
  if (!subject) {
    return {
      message: {
        level: 'info',
        title: 'Closeloop: this record is not guarded; resolving it is not checked.',
        items: config.kind === 'broken' ? [config.problem] : [],
        link: null,
        footer: [],
      },
      guarded: false,
      warnings,
    };
  }
  const target = config.kind === 'found' ? (config.table.closingStates[0] ?? '') : '';
  const { choice, endpoint } = obtainVerdict(env, settings, subject, closureCheckBody(record, target, subject), warnings);
  const failMode = config.kind === 'found' ? effectiveFailMode(config.table, settings) : settings.failMode;
  const message = describeVerdict({
    connectorUrl: endpoint ? endpoint.url : '',
    correlationId: subject.correlationId,
    failMode,
    choice,
  });
  if (subject.sysId !== record.sysId) message.footer.push(`Guarded through ${subject.number || subject.table}.`);
  return { message, guarded: true, warnings };
}

/**
 * What a guarded form shows when it opens, from the pushed verdict only (a display rule must not
 * wait for the network): null when the record is not guarded or already closed.
 */
export function planFormStatus(
  env: GuardEnvironment,
  record: RecordSnapshot,
): { message: GuardMessage; warnings: string[] } | null {
  const { settings, problems } = readGuardSettings((name) => env.readProperty(name));
  const warnings = [...problems];
  const config = guardedTableOf(env, record.table);
  if (config.kind !== 'found') return null;
  const table = config.table;
  if (table.closingStates.includes(record.state) || table.cancelStates.includes(record.state)) return null;
  const subject = resolveSubject(env, settings, table, { current: record, previous: null }, warnings);
  if (!subject) return null;
  const lookup = subject.correlationId ? findPushed(env, subject.correlationId) : ({ kind: 'none' } as const);
  const nowMs = safely(() => env.nowMs(), 0);
  const pushed = interpretPushedVerdict(lookup, nowMs, settings.maxPushedAgeMinutes || 24 * 60);
  const failMode = effectiveFailMode(table, settings);
  if (!pushed.ok) {
    return {
      message: {
        level: 'info',
        title: 'Closeloop guards this record: resolving it asks the connector for a live telemetry verdict.',
        items: [],
        link: null,
        footer: [`No recent verdict was pushed (${pushed.problem}); fail mode is "${failMode}".`],
      },
      warnings,
    };
  }
  const age = `verdict from ${describeAge(pushed.ageMs)} ago`;
  const verdict = pushed.verdict;
  if (verdict.verdict === 'pass' || verdict.verdict === 'not_applicable') {
    return {
      message: { level: 'info', title: `Closeloop: telemetry supports resolving (${age}).`, items: [], link: null, footer: [] },
      warnings,
    };
  }
  const blockedWord = failMode === 'allow' && verdict.verdict === 'unknown' ? 'is not confirmed' : 'will be blocked';
  return {
    message: {
      level: 'error',
      title: `Closeloop: resolving ${blockedWord}: ${checkItems(unconfirmedChecks(verdict.checks)).join('; ') || verdict.verdict} (${age}).`,
      items: [],
      link: null,
      footer: [],
    },
    warnings,
  };
}

/** When the guard itself fails unexpectedly, the fail mode decides, and the user is told why. */
export function planFailure(failMode: FailMode, label: string, error: string): ResolutionDecision {
  const block = failMode !== 'allow';
  return {
    outcome: 'unavailable',
    abort: block,
    source: 'none',
    verdict: '',
    checks: [],
    evaluatedAt: '',
    detail: `internal error: ${error}`,
    message: {
      level: block ? 'error' : 'info',
      title: block
        ? `Closeloop: ${label || 'this record'} cannot be resolved: the telemetry check failed unexpectedly.`
        : `Closeloop: the telemetry check failed unexpectedly; allowed by fail mode "allow".`,
      items: [error],
      link: null,
      footer: block ? ['Ask your ServiceNow administrator to look at the system log (source x_closeloop).'] : [],
    },
  };
}

/**
 * The verdict for a subject: the connector's own pushed pass when the connector resolves; a fresh
 * pushed verdict for updates no person waits on; otherwise a live call (unless the circuit is open
 * or the transaction spent its calls), falling back to the pushed verdict.
 */
export function obtainVerdict(
  env: GuardEnvironment,
  settings: GuardSettings,
  subject: GuardSubject,
  body: string,
  warnings: string[],
): { choice: VerdictChoice; endpoint: ConnectorEndpoint | null } {
  const nowMs = safely(() => env.nowMs(), 0);
  let pushedResult: PushedResult | null = null;
  const pushed = (): PushedResult => {
    pushedResult ??= subject.correlationId
      ? interpretPushedVerdict(findPushed(env, subject.correlationId), nowMs, settings.maxPushedAgeMinutes)
      : { ok: false, problem: 'the record has no correlation_id to look up a pushed verdict' };
    return pushedResult;
  };
  const endpoint = readEndpoint(env, warnings);

  if (isConnectorSession(env)) {
    const own = pushed();
    if (own.ok && own.verdict.verdict === 'pass') {
      return {
        choice: { source: 'pushed', verdict: own.verdict, problems: ['the connector resolves on the pass it pushed; no live call'] },
        endpoint,
      };
    }
  }
  if (!safely(() => env.isInteractive(), true)) {
    const fresh = pushed();
    if (fresh.ok) {
      return {
        choice: { source: 'pushed', verdict: fresh.verdict, problems: ['no one waits on this update; the fresh pushed verdict decides without a live call'] },
        endpoint,
      };
    }
  }
  return { choice: chooseVerdict(liveAnswer(env, settings, endpoint, body, nowMs), pushed), endpoint };
}

function liveAnswer(
  env: GuardEnvironment,
  settings: GuardSettings,
  endpoint: ConnectorEndpoint | null,
  body: string,
  nowMs: number,
): ParseResult {
  const built = buildClosureCheckRequest(settings, endpoint, body);
  if (!built.ok) return { ok: false, problem: built.problem };
  const breaker = safely(() => env.readBreaker(), null);
  const refusal = breaker ? breakerRefusal(breaker, nowMs) : null;
  if (refusal) return { ok: false, problem: refusal };
  const budget = spendCall(parseBudget(safely(() => env.readSession(SESSION_KEY.liveCalls), '')), settings, nowMs);
  if (!budget) {
    return { ok: false, problem: `this transaction already made ${settings.maxLiveCalls} live calls` };
  }
  safely(() => env.writeSession(SESSION_KEY.liveCalls, formatBudget(budget)), undefined);
  const reply = send(env, built.request);
  if (breaker) {
    const next = breakerAfter(breaker, reply, settings, safely(() => env.nowMs(), nowMs));
    if (next) safely(() => env.writeBreaker(next), undefined);
  }
  return interpretConnectorReply(reply);
}

/** The connector's integration user, not an admin (admins pass every hasRole check). */
function isConnectorSession(env: GuardEnvironment): boolean {
  return safely(() => env.hasRole(ROLE.connector), false) && !safely(() => env.hasRole('admin'), true);
}

function readEndpoint(env: GuardEnvironment, warnings: string[]): ConnectorEndpoint | null {
  let raw: ConnectorEndpoint | null = null;
  try {
    raw = env.connectorEndpoint();
  } catch (error) {
    warnings.push(`could not read the connector endpoint: ${errorText(error)}`);
  }
  if (!raw) return null;
  return validateEndpoint(raw, warnings);
}

/** Correlation fields of a record guarded by them may be changed by the connector (and admins) only. */
function correlationTampering(
  env: GuardEnvironment,
  settings: GuardSettings,
  table: GuardedTable,
  update: RecordUpdate,
  warnings: string[],
): { message: GuardMessage; fields: string[] } | null {
  const { previous, current } = update;
  if (!previous || !table.ownCorrelation) return null;
  const changed: string[] = [];
  if (previous.correlationId.trim() !== current.correlationId.trim()) changed.push('correlation_id');
  if (previous.correlationDisplay.trim() !== current.correlationDisplay.trim()) changed.push('correlation_display');
  if (changed.length === 0) return null;
  if (safely(() => env.hasRole(ROLE.connector), false)) return null;
  const reason = ownGuardReason(settings, previous, (ci) => {
    try {
      return env.lookupCiClass(ci);
    } catch (error) {
      warnings.push(`could not read the class of CI ${ci}: ${errorText(error)}`);
      return '';
    }
  });
  if (reason === null) return null;
  return {
    fields: changed,
    message: {
      level: 'error',
      title: `Closeloop: ${current.number || 'this record'} is guarded by Closeloop (${reason}); ${changed.join(' and ')} may be changed only by the Closeloop connector.`,
      items: [],
      link: null,
      footer: [],
    },
  };
}

function verbFor(kind: TransitionKind, table: string): string {
  if (kind === 'cancel') return 'canceled';
  return /incident/.test(table) ? 'resolved' : 'closed';
}

function overrideNote(decision: ResolutionDecision, justification: string): string {
  const unconfirmed = checkItems(unconfirmedChecks(decision.checks));
  const lines = [
    'Closeloop: resolved despite telemetry (override).',
    `Justification: ${justification.trim()}`,
  ];
  if (unconfirmed.length) lines.push(`Not confirmed by telemetry: ${unconfirmed.join('; ')}`);
  return clip(lines.join('\n'));
}

export function auditEntry(
  env: Pick<GuardEnvironment, 'userId' | 'nowMs'>,
  update: RecordUpdate,
  subject: GuardSubject | null,
  decision: ResolutionDecision,
  justification: string,
): AuditEntry {
  const { json, omitted } = checksJson(decision.checks);
  const detail = [decision.detail, omitted ? `${omitted} checks omitted from the checks column` : '']
    .filter(Boolean)
    .join('; ');
  const current = update.current;
  return {
    table: current.table,
    recordSysId: current.sysId,
    number: current.number,
    correlationId: subject ? subject.correlationId : current.correlationId.trim(),
    assignmentGroup: current.assignmentGroup,
    fromState: update.previous ? update.previous.state : '',
    toState: current.state,
    outcome: decision.outcome,
    resolutionBlocked: decision.abort,
    verdict: decision.verdict,
    source: decision.source,
    checksJson: json,
    evaluatedAt: decision.evaluatedAt,
    userId: safely(() => env.userId(), ''),
    justification: clip(justification.trim()),
    checkedAt: formatGlideDateTime(safely(() => env.nowMs(), 0)),
    detail: clip(detail),
    message: decision.message ? clip(renderText(decision.message)) : '',
  };
}

function isPending(value: unknown): value is PendingConfirmation {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const audit = v.audit as Record<string, unknown> | undefined;
  return (
    typeof v.decidedAtMs === 'number' &&
    typeof v.overrideRequestId === 'string' &&
    typeof v.override === 'boolean' &&
    typeof audit === 'object' &&
    audit !== null &&
    typeof audit.table === 'string' &&
    typeof audit.recordSysId === 'string' &&
    typeof audit.toState === 'string' &&
    typeof audit.outcome === 'string'
  );
}

function send(env: GuardEnvironment, request: Parameters<GuardEnvironment['sendClosureCheck']>[0]): ConnectorReply {
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

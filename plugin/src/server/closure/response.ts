// Validates what the connector says. Anything that does not match the contract exactly is
// "malformed" and is never trusted, not even partly: the guard then falls back as if the
// connector were down.
import type { CheckResult, ClosureVerdict, ConnectorReply, VerdictValue } from './types.ts';
import { parseTimestamp } from './timestamps.ts';

export type ParseResult = { ok: true; verdict: ClosureVerdict } | { ok: false; problem: string };

const VERDICTS: VerdictValue[] = ['pass', 'fail', 'unknown', 'not_applicable'];
/** Beyond this a response is not a closure-check answer but something else going wrong. */
const MAX_CHECKS = 200;
const MAX_BODY_EXCERPT = 160;

export function isVerdictValue(value: unknown): value is VerdictValue {
  return typeof value === 'string' && (VERDICTS as string[]).includes(value);
}

/**
 * Validates a decoded closure-check body: {verdict, checks:[...], evaluated_at}. `label` names
 * the source in the problem text ("malformed <label>: ...").
 */
export function parseClosureVerdict(value: unknown, label = 'connector response'): ParseResult {
  const result = validateVerdict(value);
  return typeof result === 'string' ? { ok: false, problem: `malformed ${label}: ${result}` } : result;
}

function validateVerdict(value: unknown): ParseResult | string {
  if (!isPlainObject(value)) return 'body is not a JSON object';
  const { verdict, checks, evaluated_at: evaluatedAt } = value;
  if (!isVerdictValue(verdict)) {
    return `verdict must be one of ${VERDICTS.join(', ')}, got ${describe(verdict)}`;
  }
  if (!Array.isArray(checks)) return `checks must be an array, got ${describe(checks)}`;
  if (checks.length > MAX_CHECKS) return `too many checks (${checks.length})`;
  if (typeof evaluatedAt !== 'string' || parseTimestamp(evaluatedAt) === null) {
    return `evaluated_at must be an ISO 8601 timestamp, got ${describe(evaluatedAt)}`;
  }
  const parsedChecks: CheckResult[] = [];
  for (let i = 0; i < checks.length; i++) {
    const check = parseCheck(checks[i]);
    if (typeof check === 'string') return `checks[${i}]: ${check}`;
    parsedChecks.push(check);
  }
  return { ok: true, verdict: { verdict, checks: parsedChecks, evaluatedAt } };
}

/** Decodes the body text of a closure-check answer. */
export function parseClosureVerdictText(body: string): ParseResult {
  let decoded: unknown;
  try {
    decoded = JSON.parse(body);
  } catch {
    return { ok: false, problem: `malformed connector response: body is not JSON: "${excerpt(body)}"` };
  }
  return parseClosureVerdict(decoded);
}

/** What an outbound reply means for the guard. */
export function interpretConnectorReply(reply: ConnectorReply): ParseResult {
  if (reply.kind === 'failure') {
    const what = reply.reason === 'timeout' ? 'did not answer in time' : 'could not be reached';
    return { ok: false, problem: `connector ${what}${reply.detail ? ` (${reply.detail})` : ''}` };
  }
  if (reply.statusCode !== 200) {
    const body = excerpt(reply.body);
    return {
      ok: false,
      problem: `connector answered HTTP ${reply.statusCode}${body ? `: "${body}"` : ''}`,
    };
  }
  return parseClosureVerdictText(reply.body);
}

function parseCheck(value: unknown): CheckResult | string {
  if (!isPlainObject(value)) return 'not an object';
  const { name, status, observed, expected, window, message } = value;
  if (typeof name !== 'string' || name.trim() === '') return 'name must be a non-empty string';
  if (typeof status !== 'string' || status.trim() === '') return 'status must be a non-empty string';
  const fields = { observed, expected, window };
  const text: Record<string, string> = {};
  for (const key of Object.keys(fields)) {
    const rendered = displayValue(fields[key as keyof typeof fields]);
    if (rendered === null) return `${key} must be a string, number, boolean or null`;
    text[key] = rendered;
  }
  if (message !== undefined && message !== null && typeof message !== 'string') {
    return 'message must be a string';
  }
  const check = {
    name: name.trim(),
    status: status.trim().toLowerCase(),
    observed: text.observed ?? '',
    expected: text.expected ?? '',
    window: text.window ?? '',
    message: typeof message === 'string' ? message.trim() : '',
  };
  return { ...check, message: check.message || synthesiseMessage(check) };
}

/** The connector should always send a message; if it does not, say what we know. */
function synthesiseMessage(check: Omit<CheckResult, 'message'>): string {
  const parts = [`${check.name}: ${check.status}`];
  if (check.observed) parts.push(`observed ${check.observed}`);
  if (check.expected) parts.push(`expected ${check.expected}`);
  if (check.window) parts.push(`over ${check.window}`);
  return parts.join(', ');
}

function displayValue(value: unknown): string | null {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${excerpt(value)}"`;
  return typeof value;
}

function excerpt(text: string): string {
  const oneLine = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return oneLine.length > MAX_BODY_EXCERPT ? `${oneLine.slice(0, MAX_BODY_EXCERPT)}…` : oneLine;
}

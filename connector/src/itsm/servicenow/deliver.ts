// Delivers one outbox operation to ServiceNow and says how it went. Decisions about *what* to write
// were made by the lifecycle; this only turns an Operation into Table API calls and classifies the
// outcome. It never retries: a DeliveryResult tells the outbox worker whether and when to try again.
import type { ServiceNowConfig } from '../../config/schema.js';
import type { DeliveryResult, IncidentLink, Operation, Reference } from '../../outbox/operations.js';
import type { ServiceNowClient } from './client.js';
import { isServiceNowError } from './errors.js';
import { correlationIdProblem } from './query.js';
import type { FieldValues, IncidentRecord } from './types.js';

export interface DeliveryInput {
  /** The event key: the incident's correlation_id. */
  key: string;
  /** The incident the key is linked to; null until the create has been delivered and recorded. */
  link: IncidentLink | null;
  op: Operation;
  config: ServiceNowConfig;
}

/** Incident states after which a resolve has nothing left to do. */
const CLOSED_STATES = new Set(['7', '8']);

/** Size of x_closeloop_verdict.checks; ServiceNow silently truncates a longer string. */
export const VERDICT_CHECKS_MAX_CHARS = 8000;

/**
 * The checks as JSON that fits the column. A truncated string would not parse on the instance and
 * the whole pushed verdict would be unusable, so whole checks are dropped from the end instead.
 */
export function checksJson(checks: readonly unknown[], maxChars = VERDICT_CHECKS_MAX_CHARS): string {
  for (let n = checks.length; n >= 0; n--) {
    const json = JSON.stringify(checks.slice(0, n));
    if (json.length <= maxChars) return json;
  }
  return '[]';
}

/** What the description says when a reference could not be resolved. */
export function missingReferenceNote(ref: Reference): string {
  return `Closeloop could not find ${ref.table} where ${ref.field} = ${ref.value}`;
}

/** Any failure as a DeliveryResult: ServiceNow's own verdict when it is a ServiceNowError. */
export function toDeliveryResult(error: unknown): DeliveryResult {
  if (isServiceNowError(error)) {
    return {
      ok: false,
      retryable: error.retryable,
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
      ...(error.status !== undefined ? { status: error.status } : {}),
      error: error.message,
    };
  }
  // Anything else is a bug on our side; retrying will not fix it, and a dead letter is visible.
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    retryable: false,
    error: `unexpected error while delivering to ServiceNow: ${message}`,
  };
}

const linkOf = (r: IncidentRecord): IncidentLink => ({ sysId: r.sys_id, number: r.number });

export async function deliverOperation(
  client: ServiceNowClient,
  input: DeliveryInput,
): Promise<DeliveryResult> {
  try {
    return await deliver(client, input);
  } catch (error) {
    if (isServiceNowError(error) && error.status === 404 && input.link !== null && input.op.op !== 'create') {
      const { number, sysId } = input.link;
      return {
        ok: false,
        retryable: false,
        status: 404,
        error: `ServiceNow incident ${number} (${sysId}) no longer exists (deleted in ServiceNow?); ${input.op.op} for "${input.key}" not delivered: ${error.message}`,
      };
    }
    return toDeliveryResult(error);
  }
}

async function deliver(client: ServiceNowClient, input: DeliveryInput): Promise<DeliveryResult> {
  const { op, key, link, config } = input;
  if (op.op === 'create') return create(client, input, op);
  if (link === null) {
    return {
      ok: false,
      retryable: true,
      error: `no incident recorded yet for "${key}": ${op.op} waits for the create`,
    };
  }
  const patch = async (fields: FieldValues): Promise<DeliveryResult> => ({
    ok: true,
    link: linkOf(await client.updateIncident(link.sysId, fields)),
  });
  const withNote = (fields: FieldValues, note: string | undefined): FieldValues =>
    note === undefined ? fields : { ...fields, work_notes: note };

  switch (op.op) {
    case 'note':
      return patch({ work_notes: op.text });
    case 'update': {
      // A cause taking an incident over also moves its references (assignment group, CI); a miss
      // keeps the current value rather than clearing it.
      const fields: FieldValues = { ...op.fields };
      for (const [field, ref] of Object.entries(op.references ?? {})) {
        const sysId = await lookup(client, ref);
        if (sysId !== null) fields[field] = sysId;
      }
      return patch(withNote(fields, op.note));
    }
    case 'reopen':
      return patch({ state: config.resolve.reopen_state, work_notes: op.note });
    case 'resolve':
      return resolve(client, link, config, op.note);
    case 'verdict': {
      // Columns of the plugin's x_closeloop_verdict table (plugin/src/fluent/tables.now.ts).
      await client.upsertVerdict(key, {
        verdict: op.verdict,
        checks: checksJson(op.checks),
        evaluated_at: op.evaluatedAt,
      });
      return op.note === undefined ? { ok: true, link } : patch({ work_notes: op.note });
    }
  }
}

async function create(
  client: ServiceNowClient,
  { key, config }: DeliveryInput,
  op: Extract<Operation, { op: 'create' }>,
): Promise<DeliveryResult> {
  const problem = correlationIdProblem(key);
  if (problem) return { ok: false, retryable: false, error: `refusing to create an incident: ${problem}` };
  // Search before create: if an earlier attempt created the incident but crashed before recording
  // it, that incident is the answer, not a second one.
  const existing = await client.findIncidentByCorrelationId(key);
  if (existing !== null) return { ok: true, link: linkOf(existing) };

  const fields: FieldValues = { ...op.fields };
  const notes: string[] = [];
  for (const [field, ref] of Object.entries(op.references)) {
    const sysId = await lookup(client, ref);
    if (sysId === null) {
      delete fields[field];
      notes.push(missingReferenceNote(ref));
    } else {
      fields[field] = sysId;
    }
  }
  if (notes.length > 0) {
    const description = String(fields.description ?? '').trimEnd();
    fields.description = [description, notes.join('\n')].filter((p) => p !== '').join('\n\n');
  }
  fields.correlation_id = key;
  fields.correlation_display ??= config.correlation_display;
  return { ok: true, link: linkOf(await client.createIncident(fields)) };
}

/**
 * A reference that cannot be resolved must not block the incident, so a miss or a refused lookup
 * (bad value, no read access) becomes null. An outage is different: the create has not happened yet,
 * so it is cheaper to wait than to create an incident with a field missing for good.
 */
async function lookup(client: ServiceNowClient, ref: Reference): Promise<string | null> {
  try {
    return await client.lookupSysId(ref.table, ref.field, ref.value);
  } catch (error) {
    if (isServiceNowError(error) && error.retryable) throw error;
    return null;
  }
}

/**
 * A closed or cancelled incident cannot be resolved (ServiceNow answers 403) and needs nothing more,
 * so that case counts as delivered. Any other refusal (the closure guard, a data policy) stands.
 */
async function resolve(
  client: ServiceNowClient,
  link: IncidentLink,
  config: ServiceNowConfig,
  note: string | undefined,
): Promise<DeliveryResult> {
  const { resolved_state, close_code, close_notes } = config.resolve;
  const fields: FieldValues = { state: resolved_state, close_code, close_notes };
  if (note !== undefined) fields.work_notes = note;
  try {
    return { ok: true, link: linkOf(await client.updateIncident(link.sysId, fields)) };
  } catch (error) {
    if (!isServiceNowError(error) || error.status !== 403) throw error;
    const current = await client.getIncident(link.sysId);
    if (current.state !== undefined && CLOSED_STATES.has(current.state))
      return { ok: true, link: linkOf(current) };
    throw error;
  }
}

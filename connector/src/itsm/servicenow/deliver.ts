// Delivers one outbox operation to ServiceNow and says how it went. Decisions about *what* to write
// were made by the lifecycle; this only turns an Operation into Table API calls and classifies the
// outcome. It never retries: a DeliveryResult tells the outbox worker whether and when to try again.
//
// Exactly once, as far as ServiceNow lets us see: every write goes out through the attempt's
// `beforeWrite` (which records it and fences a taken-over claim), and an attempt that follows one whose
// write got no answer first looks at what that write did (the worker holds it back until the write can
// no longer land). A create searches first and checks afterwards that it made the only incident of its
// key; a work note already in the journal is not written again.
import type { ServiceNowConfig } from '../../config/schema.js';
import type {
  DeliveryAttempt,
  DeliveryResult,
  IncidentLink,
  Operation,
  Reference,
} from '../../outbox/operations.js';
import type { ServiceNowClient, WriteOptions } from './client.js';
import { isServiceNowError } from './errors.js';
import { cleanText } from './field-bounds.js';
import { correlationIdProblem } from './query.js';
import type { FieldValues, IncidentRecord } from './types.js';

export interface DeliveryInput {
  /** The event key: the incident's correlation_id. */
  key: string;
  /** The incident the key is linked to; null until the create has been delivered and recorded. */
  link: IncidentLink | null;
  op: Operation;
  config: ServiceNowConfig;
  /** From the outbox worker: what an earlier attempt left in doubt, and the hook before each write. */
  attempt: DeliveryAttempt;
}

/** Incident states after which a resolve has nothing left to do. */
const CLOSED_STATES = new Set(['7', '8']);

/** Size of x_closeloop_verdict.checks; ServiceNow silently truncates a longer string. */
export const VERDICT_CHECKS_MAX_CHARS = 8000;
/** Longest text kept inside one check (a message, an observed value) before it is shortened. */
export const CHECK_TEXT_MAX_CHARS = 1000;

/** Every string inside `value` without control characters, and at most `max` characters long. */
function cleanStrings(value: unknown, max: number, depth = 0): unknown {
  if (typeof value === 'string') {
    const chars = [...cleanText(value, true)];
    return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
  }
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => cleanStrings(v, max, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v, max, depth + 1)]));
}

/**
 * The checks as JSON that fits the column. A truncated string would not parse on the instance and
 * the whole pushed verdict would be unusable, so long texts inside a check are shortened and, if that
 * is not enough, whole checks are dropped from the end.
 */
export function checksJson(checks: readonly unknown[], maxChars = VERDICT_CHECKS_MAX_CHARS): string {
  const cleaned = checks.map((c) => cleanStrings(c, CHECK_TEXT_MAX_CHARS));
  for (let n = cleaned.length; n >= 0; n--) {
    const json = JSON.stringify(cleaned.slice(0, n));
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
      ...(error.doubt !== undefined ? { doubt: error.doubt } : {}),
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
  const { op, key, link, config, attempt } = input;
  if (op.op === 'create') return create(client, input, op);
  if (link === null) {
    return {
      ok: false,
      retryable: true,
      error: `no incident recorded yet for "${key}": ${op.op} waits for the create`,
    };
  }
  const write: WriteOptions = { beforeSend: attempt.beforeWrite };
  const patch = async (fields: FieldValues): Promise<DeliveryResult> => ({
    ok: true,
    link: linkOf(await client.updateIncident(link.sysId, fields, write)),
  });
  const withNote = (fields: FieldValues, note: string | undefined): FieldValues =>
    note === undefined ? fields : { ...fields, work_notes: note };
  /**
   * An update carrying a note is applied whole or not at all, so an earlier attempt's note found in the
   * journal means that update was done. Without a note, writing the same values again is harmless.
   */
  const alreadyDone = async (note: string | undefined): Promise<boolean> =>
    note !== undefined &&
    attempt.doubt !== null &&
    (await client.hasJournalEntry(
      config.incident_table,
      link.sysId,
      'work_notes',
      note,
      attempt.doubt.sentAt,
    )) === true;
  const unlessDone = async (note: string | undefined, fields: FieldValues): Promise<DeliveryResult> =>
    (await alreadyDone(note)) ? { ok: true, link } : patch(withNote(fields, note));

  switch (op.op) {
    case 'note':
      return unlessDone(op.text, {});
    case 'update': {
      // A cause taking an incident over also moves its references (assignment group, CI); a miss
      // keeps the current value rather than clearing it.
      if (await alreadyDone(op.note)) return { ok: true, link };
      const fields: FieldValues = { ...op.fields };
      for (const [field, ref] of Object.entries(op.references ?? {})) {
        const sysId = await lookup(client, ref);
        if (sysId !== null) fields[field] = sysId;
      }
      return patch(withNote(fields, op.note));
    }
    case 'reopen':
      return unlessDone(op.note, { state: config.resolve.reopen_state });
    case 'resolve':
      if (await alreadyDone(op.note)) return { ok: true, link };
      return resolve(client, link, config, op.note, write);
    case 'verdict': {
      // Columns of the plugin's x_closeloop_verdict table (plugin/src/fluent/tables.now.ts). The upsert
      // finds the row first, so repeating it after an attempt in doubt writes the same row again.
      await client.upsertVerdict(
        key,
        { verdict: op.verdict, checks: checksJson(op.checks), evaluated_at: op.evaluatedAt },
        write,
      );
      return op.note === undefined ? { ok: true, link } : unlessDone(op.note, {});
    }
  }
}

async function create(
  client: ServiceNowClient,
  { key, config, attempt }: DeliveryInput,
  op: Extract<Operation, { op: 'create' }>,
): Promise<DeliveryResult> {
  const problem = correlationIdProblem(key);
  if (problem) return { ok: false, retryable: false, error: `refusing to create an incident: ${problem}` };
  const write: WriteOptions = { beforeSend: attempt.beforeWrite };
  // Search before create: if an earlier attempt created the incident (and crashed before recording it,
  // or got no answer), that incident is the answer, not a second one. The worker does not start this
  // attempt before such an earlier create can no longer land, so what the search sees is final.
  const existing = await client.findIncidentsByCorrelationId(key);
  if (existing.length > 0) return { ok: true, link: await keepOldest(client, key, existing, config, write) };

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
  const created = await client.createIncident(fields, write);
  // Check: another incident for this key (made elsewhere, or beyond what the fence assumed) is
  // resolved now, while the event is young. The create itself succeeded whatever this check meets.
  let all: IncidentRecord[];
  try {
    all = await client.findIncidentsByCorrelationId(key);
  } catch {
    return { ok: true, link: linkOf(created) };
  }
  if (all.length <= 1) return { ok: true, link: linkOf(created) };
  return { ok: true, link: await keepOldest(client, key, all, config, write) };
}

/** What the duplicate's work note says. */
export function duplicateNote(key: string, kept: IncidentRecord): string {
  return (
    `Closeloop: duplicate of ${kept.number}, which tracks the same event (correlation_id "${key}"). ` +
    `Closed as a duplicate and detached from the event; follow ${kept.number}.`
  );
}

/**
 * Several incidents carry one event's key: the oldest stays, every other one is detached from the key
 * (correlation_id and correlation_display cleared, so no search finds it again) and closed in
 * `duplicate_state` with a note naming the one kept. A closure ServiceNow refuses (a guard, a policy)
 * leaves the duplicate detached and open, with the note: detaching is what keeps the key unique.
 */
async function keepOldest(
  client: ServiceNowClient,
  key: string,
  incidents: readonly IncidentRecord[],
  config: ServiceNowConfig,
  write: WriteOptions,
): Promise<IncidentLink> {
  const [kept, ...duplicates] = incidents;
  if (!kept) throw new Error('keepOldest needs at least one incident');
  for (const dup of duplicates) {
    const detach: FieldValues = {
      correlation_id: '',
      correlation_display: '',
      work_notes: duplicateNote(key, kept),
    };
    try {
      await client.updateIncident(dup.sys_id, { ...detach, state: config.resolve.duplicate_state }, write);
    } catch (error) {
      if (!isServiceNowError(error) || error.status !== 403) throw error;
      await client.updateIncident(dup.sys_id, detach, write);
    }
  }
  return linkOf(kept);
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
  write: WriteOptions,
): Promise<DeliveryResult> {
  const { resolved_state, close_code, close_notes } = config.resolve;
  const fields: FieldValues = { state: resolved_state, close_code, close_notes };
  if (note !== undefined) fields.work_notes = note;
  try {
    return { ok: true, link: linkOf(await client.updateIncident(link.sysId, fields, write)) };
  } catch (error) {
    if (!isServiceNowError(error) || error.status !== 403) throw error;
    const current = await client.getIncident(link.sysId);
    if (current.state !== undefined && CLOSED_STATES.has(current.state))
      return { ok: true, link: linkOf(current) };
    throw error;
  }
}

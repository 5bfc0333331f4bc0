// A write as the platform performs it: for Table API callers the ACLs (access-controls.ts) first,
// then unknown columns ignored, values coerced to the column's type and truncated to its length, the
// platform's own logic (incident-logic.ts, state-models.ts), the data policy, the before business
// rules, and only then the record and its journal entries are stored; after rules run last.
// Writes to one record are serialised, as the platform locks the row for the transaction.
import {
  abortError,
  runAfterRules,
  runBeforeRules,
  type BusinessRule,
  type RuleContext,
  type RuleRunResult,
} from './business-rules.js';
import { SYSTEM_FIELDS, columnsOf, tableDef } from './dictionary.js';
import { formatGlideDateTime, isSysId } from './ids.js';
import { applyIncidentLogic, closeInfoMissing } from './incident-logic.js';
import { applyStateModel, closeFieldsMissing, stateModelOf } from './state-models.js';
import { allRows, blankRow, deleteRow, getRow, putRow, type Row, type Store } from './store.js';

export type InputValue = string | number | boolean | null;

export interface WriteContext {
  /** user_name the write runs as. */
  user: string;
  roles: readonly string[];
  nowMs: number;
  rules: readonly BusinessRule[];
  /** Whether before business rules run (false for set-up writes from tests and seeds). */
  runRules: boolean;
  /** Per-record queue; share one map per store. */
  locks: Map<string, Promise<unknown>>;
  /** The user session (rules share GlideSession client data within it). */
  session: string;
  /** A person on a form, rather than the Table API, an import or a script. */
  interactive: boolean;
  /** ACLs, for Table API callers only (scripts and set-up writes are not ACL-checked). */
  access?: AccessControl;
  /** The request's transaction was cancelled (quota rule): then nothing is stored. */
  cancelled?: () => boolean;
}

/** What the ACLs allow a Table API caller (the plugin host supplies the built app's). */
export interface AccessControl {
  /** Record-level create/write on a table; true when no ACL restricts it. */
  mayOperate(table: string, operation: 'create' | 'write', user: string, roles: readonly string[]): boolean;
  /** A field write on a stored record (deny-unless field ACLs); true when none restricts it. */
  mayWriteField(
    table: string,
    field: string,
    stored: Row,
    user: string,
    roles: readonly string[],
  ): Promise<boolean>;
}

export type WriteOutcome =
  | { ok: true; row: Row; rules: RuleRunResult | null }
  | {
      ok: false;
      status: 403 | 404 | 500;
      message: string;
      detail: string | null;
      rules: RuleRunResult | null;
    };

/** Journal columns whose writes become sys_journal_field entries. */
function journalColumns(table: string): string[] {
  return [...columnsOf(table).values()].filter((f) => f.type === 'journal_input').map((f) => f.element);
}

const SYSTEM_COLUMNS = new Set(SYSTEM_FIELDS.map((f) => f.element));

/** Input values → stored strings for known, writable columns; everything else is dropped. */
export function normaliseValues(table: string, input: Record<string, InputValue>, insert: boolean): Row {
  const columns = columnsOf(table);
  const out: Row = {};
  for (const [name, raw] of Object.entries(input)) {
    const field = columns.get(name);
    if (!field) continue;
    // The system columns are the platform's to set (sys_id only on insert); other sys_ names (a data
    // policy rule's sys_data_policy) are ordinary columns.
    if (SYSTEM_COLUMNS.has(name) && !(insert && name === 'sys_id')) continue;
    let value = raw === null ? '' : String(raw);
    if (name === 'sys_id' && !isSysId(value)) continue;
    if (field.type === 'boolean') value = value === 'true' || value === '1' ? 'true' : 'false';
    else if (field.type === 'integer') value = value.trim();
    if (value.length > field.maxLength && field.type !== 'journal_input')
      value = value.slice(0, field.maxLength);
    out[name] = value;
  }
  return out;
}

export function userSysIdOf(store: Store, user: string): string {
  return allRows(store, 'sys_user').find((u) => u.user_name === user)?.sys_id ?? '';
}

export function insertRecord(
  store: Store,
  table: string,
  input: Record<string, InputValue>,
  ctx: WriteContext,
): Promise<WriteOutcome> {
  const values = normaliseValues(table, input, true);
  if (ctx.access && !ctx.access.mayOperate(table, 'create', ctx.user, ctx.roles)) {
    return Promise.resolve(aclRefusal('Insert'));
  }
  const insert = async (): Promise<WriteOutcome> => {
    const current: Row = { ...blankRow(store, table, ctx.user, ctx.nowMs), ...values };
    if (getRow(store, table, current.sys_id ?? '')) {
      return {
        ok: false,
        status: 403,
        message: 'Operation Failed',
        detail: 'Error during insert of ' + table + ' (duplicate sys_id)',
        rules: null,
      };
    }
    return commit(store, table, current, null, ctx);
  };
  // Only an insert that names its sys_id can meet another write of the same row; others run side by
  // side, as concurrent inserts do on an instance.
  return values.sys_id ? serialised(ctx.locks, `${table}:${values.sys_id}`, insert) : insert();
}

export function updateRecord(
  store: Store,
  table: string,
  sysId: string,
  input: Record<string, InputValue>,
  ctx: WriteContext,
): Promise<WriteOutcome> {
  return serialised(ctx.locks, `${table}:${sysId}`, async () => {
    const previous = getRow(store, table, sysId);
    if (!previous) return notFound();
    let writable = input;
    if (ctx.access) {
      if (!ctx.access.mayOperate(table, 'write', ctx.user, ctx.roles)) return aclRefusal('Update');
      // As on the platform, a field the caller may not write is left out silently.
      writable = {};
      for (const [field, value] of Object.entries(input)) {
        if (await ctx.access.mayWriteField(table, field, previous, ctx.user, ctx.roles))
          writable[field] = value;
      }
    }
    const values = normaliseValues(table, writable, false);
    const journal = journalColumns(table);
    const changed = Object.entries(values).some(([name, value]) =>
      journal.includes(name) ? value.trim() !== '' : previous[name] !== value,
    );
    // Nothing to change: the platform skips the update (no rules, no sys_mod_count bump).
    if (!changed) return { ok: true, row: previous, rules: null };
    return commit(store, table, { ...previous, ...values }, previous, ctx);
  });
}

export function deleteRecord(store: Store, table: string, sysId: string): WriteOutcome {
  const row = getRow(store, table, sysId);
  if (!row || !deleteRow(store, table, sysId)) return notFound();
  return { ok: true, row, rules: null };
}

async function commit(
  store: Store,
  table: string,
  current: Row,
  previous: Row | null,
  ctx: WriteContext,
): Promise<WriteOutcome> {
  const userSysId = userSysIdOf(store, ctx.user);
  const model = stateModelOf(table);
  if (model) applyStateModel(model, current, previous, userSysId, ctx.nowMs);
  if (table === 'incident' || model) {
    if (table === 'incident') applyIncidentLogic(current, previous, userSysId, ctx.nowMs);
    const missing = model ? closeFieldsMissing(model, current) : closeInfoMissing(current);
    if (missing.length > 0) {
      return {
        ok: false,
        status: 403,
        message: 'Operation Failed',
        detail: `Data Policy Exception: \n\tThe following fields are mandatory: ${missing.join(', ')}\n`,
        rules: null,
      };
    }
  }

  const duplicate = uniqueViolation(store, table, current);
  if (duplicate) return uniqueRefusal(table, previous, duplicate, null);

  let rules: RuleRunResult | null = null;
  const ruleContext = (): RuleContext => ({
    table,
    operation: previous ? 'update' : 'insert',
    current,
    previous: previous ? { ...previous } : null,
    user: ctx.user,
    roles: ctx.roles,
    session: ctx.session,
    interactive: ctx.interactive,
  });
  if (ctx.runRules) {
    rules = await runBeforeRules(ctx.rules, ruleContext());
    if (rules.abortedBy) return { ok: false, status: 403, ...abortError(table, rules), rules };
  }

  // Checked again where the database checks it, as the row is stored: another write of the same
  // value may have been stored while the rules ran (inserts run side by side).
  const clash = uniqueViolation(store, table, current);
  if (clash) return uniqueRefusal(table, previous, clash, rules);
  // A transaction cancelled while its rules ran stores nothing; its answer was already sent.
  if (ctx.cancelled?.()) {
    return {
      ok: false,
      status: 500,
      message: 'Transaction cancelled: maximum execution time exceeded',
      detail: null,
      rules,
    };
  }
  const entries: { element: string; value: string }[] = [];
  for (const element of journalColumns(table)) {
    const value = current[element] ?? '';
    if (value.trim() !== '') entries.push({ element, value });
    current[element] = '';
  }
  const now = formatGlideDateTime(ctx.nowMs);
  if (previous) {
    current.sys_updated_on = now;
    current.sys_updated_by = ctx.user;
    current.sys_mod_count = String(Number(previous.sys_mod_count ?? '0') + 1);
  }
  const stored = putRow(store, table, current);
  for (const entry of entries) {
    const row = blankRow(store, 'sys_journal_field', ctx.user, ctx.nowMs);
    putRow(store, 'sys_journal_field', {
      ...row,
      name: table,
      element: entry.element,
      element_id: stored.sys_id ?? '',
      value: entry.value,
    });
  }
  if (rules) await runAfterRules(ctx.rules, { ...ruleContext(), current: { ...stored } }, rules);
  return { ok: true, row: stored, rules };
}

function aclRefusal(operation: 'Insert' | 'Update'): WriteOutcome {
  return {
    ok: false,
    status: 403,
    message: 'Operation Failed',
    detail: `ACL Exception ${operation} Failed due to security constraints`,
    rules: null,
  };
}

function uniqueRefusal(
  table: string,
  previous: Row | null,
  duplicate: { index: string; value: string },
  rules: RuleRunResult | null,
): WriteOutcome {
  const action = previous ? 'update' : 'insert';
  return {
    ok: false,
    status: 403,
    message: 'Operation Failed',
    detail: `Error during ${action} of ${table} (Unique Key violation detected by database (Duplicate entry '${duplicate.value}' for key '${duplicate.index}'))`,
    rules,
  };
}

function uniqueViolation(store: Store, table: string, current: Row): { index: string; value: string } | null {
  for (const index of tableDef(table)?.unique ?? []) {
    const value = (current[index.column] ?? '').toLowerCase();
    if (value === '') continue;
    const clash = allRows(store, table).find(
      (row) => row.sys_id !== current.sys_id && (row[index.column] ?? '').toLowerCase() === value,
    );
    if (clash) return { index: index.name, value: current[index.column] ?? '' };
  }
  return null;
}

function notFound(): WriteOutcome {
  return {
    ok: false,
    status: 404,
    message: 'No Record found',
    detail: "Record doesn't exist or ACL restricts the record retrieval",
    rules: null,
  };
}

async function serialised<T>(
  locks: Map<string, Promise<unknown>>,
  key: string,
  work: () => Promise<T>,
): Promise<T> {
  const before = locks.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const tail = run.catch(() => undefined);
  locks.set(key, tail);
  try {
    return await run;
  } finally {
    if (locks.get(key) === tail) locks.delete(key);
  }
}

export function isQueryable(table: string): boolean {
  return tableDef(table)?.queryable ?? false;
}

export function allowsWebServices(table: string): boolean {
  return tableDef(table)?.webServiceAccess ?? true;
}

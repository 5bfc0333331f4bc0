// Business rules: the hooks a write passes through. Before rules run after the platform's own field
// logic and before the record is stored; a rule sees `current` (the record as it will be saved,
// changeable) and `previous` (as stored, null on insert), and may abort with `setAbortAction(true)`,
// usually after `addErrorMessage(msg)`. An aborted write is not stored at all, journal entries
// included; the Table API then answers 403 with the platform's abort body (see abortError). After
// rules run once the write is stored (they cannot abort it). A rule on a parent table (task) runs
// for its child tables (incident, change_request, wm_order …), as on the platform.
import { createHash } from 'node:crypto';
import { tableChain } from './dictionary.js';
import { matches, parseEncodedQuery } from './encoded-query.js';
import type { Row } from './store.js';

export type RuleOperation = 'insert' | 'update';

export interface RuleContext {
  table: string;
  operation: RuleOperation;
  /** The record as it will be stored; a rule may change its values. Journal inputs are under their column. */
  current: Row;
  /** The stored record before this write; null on insert. */
  previous: Readonly<Row> | null;
  /** User the request runs as (user_name). */
  user: string;
  /** Roles of that user. */
  roles: readonly string[];
  /** The user session the write belongs to (GlideSession client data is kept per session). */
  session: string;
  /** A person on a form (UI actions) rather than the Table API, imports or scripts. */
  interactive: boolean;
}

export interface RuleApi extends RuleContext {
  setAbortAction(abort: boolean): void;
  addErrorMessage(message: string): void;
  addInfoMessage(message: string): void;
}

export interface BusinessRule {
  name: string;
  /** sys_id shown in the abort message; derived from the name when not given. */
  sysId?: string;
  table: string;
  when: 'before' | 'after';
  operations: RuleOperation[];
  /** Lower runs first (platform default 100). */
  order?: number;
  /** Filter condition; absent = always. See changesTo for `stateCHANGESTO6`. */
  condition?: (context: RuleContext) => boolean;
  run: (api: RuleApi) => void | Promise<void>;
}

export interface RuleRunResult {
  abortedBy: { name: string; sysId: string } | null;
  errorMessages: string[];
  infoMessages: string[];
}

/** The filter condition `<field>CHANGESTO<value>`: the value differs from the stored one and equals `value`. */
export function changesTo(field: string, value: string): (context: RuleContext) => boolean {
  return ({ current, previous }) => current[field] === value && (previous?.[field] ?? '') !== value;
}

/**
 * A business rule filter condition (as stored in sys_script.filter_condition, e.g.
 * `stateCHANGESTO6^EQ`, `stateVALCHANGES^ORcorrelation_idVALCHANGES^EQ`) as a predicate. Terms are
 * ANDed, `^OR` binds tighter: `<f>CHANGESTO<v>`, `<f>CHANGESFROM<v>`, `<f>VALCHANGES`, and plain
 * encoded-query conditions on `current`.
 */
export function filterCondition(filter: string): (context: RuleContext) => boolean {
  const groups = filter
    .split(/\^(?!OR)/)
    .filter((group) => group !== '' && group !== 'EQ')
    .map((group) => group.split('^OR').map(termTest));
  return (context) => groups.every((alternatives) => alternatives.some((test) => test(context)));
}

function termTest(term: string): (context: RuleContext) => boolean {
  const change = /^([a-z0-9_]+)(CHANGESTO|CHANGESFROM|VALCHANGES)(.*)$/.exec(term);
  if (change) {
    const [, field = '', kind, value = ''] = change;
    if (kind === 'CHANGESTO') return changesTo(field, value);
    if (kind === 'CHANGESFROM') {
      return ({ current, previous }) => (previous?.[field] ?? '') === value && current[field] !== value;
    }
    return ({ current, previous }) => (previous?.[field] ?? '') !== (current[field] ?? '');
  }
  const query = parseEncodedQuery(term);
  return ({ current }) =>
    matches(query, (field) =>
      field in current ? { value: current[field] ?? '', numeric: false } : undefined,
    );
}

export function ruleSysId(rule: BusinessRule): string {
  return rule.sysId ?? createHash('md5').update(`sys_script:${rule.table}:${rule.name}`).digest('hex');
}

function applicable(
  rules: readonly BusinessRule[],
  when: BusinessRule['when'],
  context: RuleContext,
): BusinessRule[] {
  const tables = tableChain(context.table);
  if (tables.length === 0) tables.push(context.table);
  return rules
    .filter(
      (rule) =>
        tables.includes(rule.table) && rule.when === when && rule.operations.includes(context.operation),
    )
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

/** Runs the matching before rules in order; stops at the first that aborts (its messages are kept). */
export async function runBeforeRules(
  rules: readonly BusinessRule[],
  context: RuleContext,
): Promise<RuleRunResult> {
  const result: RuleRunResult = { abortedBy: null, errorMessages: [], infoMessages: [] };
  for (const rule of applicable(rules, 'before', context)) {
    if (rule.condition && !rule.condition(context)) continue;
    let abort = false;
    await rule.run({
      ...context,
      setAbortAction: (value) => {
        abort = value;
      },
      addErrorMessage: (message) => result.errorMessages.push(message),
      addInfoMessage: (message) => result.infoMessages.push(message),
    });
    if (abort) {
      result.abortedBy = { name: rule.name, sysId: ruleSysId(rule) };
      return result;
    }
  }
  return result;
}

/** Runs the matching after rules of a stored write, in order; they cannot abort it. */
export async function runAfterRules(
  rules: readonly BusinessRule[],
  context: RuleContext,
  into: RuleRunResult,
): Promise<void> {
  for (const rule of applicable(rules, 'after', context)) {
    if (rule.condition && !rule.condition(context)) continue;
    await rule.run({
      ...context,
      setAbortAction: () => {},
      addErrorMessage: (message) => into.errorMessages.push(message),
      addInfoMessage: (message) => into.infoMessages.push(message),
    });
  }
}

/**
 * The Table API's answer to an aborted write. As observed on instances: `detail` names the rule and
 * the business rule stack; `message` carries the rule's gs.addErrorMessage text when it set one
 * (several joined by a blank line), else the generic "Operation Failed".
 */
export function abortError(table: string, result: RuleRunResult): { message: string; detail: string } {
  const rule = result.abortedBy ?? { name: 'unknown', sysId: '' };
  return {
    message: result.errorMessages.length > 0 ? result.errorMessages.join('\n\n') : 'Operation Failed',
    detail: `Operation against file '${table}' was aborted by Business Rule '${rule.name}^${rule.sysId}'. Business Rule Stack:${rule.name}`,
  };
}

// Before business rules: the hook a write passes through after the platform's own field logic and
// before it is stored. A rule sees `current` (the record as it will be saved, changeable) and
// `previous` (as stored, null on insert), and may abort with `setAbortAction(true)`, usually after
// `addErrorMessage(msg)`. An aborted write is not stored at all, journal entries included; the
// Table API then answers 403 with the platform's abort body (see abortError).
import { createHash } from 'node:crypto';
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
  when: 'before';
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
 * `stateCHANGESTO6^EQ`) as a predicate. Terms are ANDed: `<f>CHANGESTO<v>`, `<f>CHANGESFROM<v>`,
 * `<f>VALCHANGES`, and plain encoded-query conditions on `current`.
 */
export function filterCondition(filter: string): (context: RuleContext) => boolean {
  const tests = filter
    .split('^')
    .filter((term) => term !== '' && term !== 'EQ')
    .map((term): ((context: RuleContext) => boolean) => {
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
    });
  return (context) => tests.every((test) => test(context));
}

export function ruleSysId(rule: BusinessRule): string {
  return rule.sysId ?? createHash('md5').update(`sys_script:${rule.table}:${rule.name}`).digest('hex');
}

/** Runs the matching rules in order; stops at the first that aborts (its messages are kept). */
export async function runBeforeRules(
  rules: readonly BusinessRule[],
  context: RuleContext,
): Promise<RuleRunResult> {
  const result: RuleRunResult = { abortedBy: null, errorMessages: [], infoMessages: [] };
  const applicable = rules
    .filter(
      (rule) =>
        rule.table === context.table && rule.when === 'before' && rule.operations.includes(context.operation),
    )
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
  for (const rule of applicable) {
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

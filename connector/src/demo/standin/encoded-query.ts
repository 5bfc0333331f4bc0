// Encoded queries (`sysparm_query`): parsing into plain data, then matching and ordering rows.
// Grammar as the platform reads it: `^NQ` separates alternative queries, `^` joins conditions with
// AND, a condition starting with `OR` is an alternative of the one before it (OR binds tighter than
// AND), `ORDERBY<field>` / `ORDERBYDESC<field>` order the result.
// Like the platform, a condition on a column the table does not have is dropped silently, so
// `bogus=1` matches every row: that is the trap the connector must guard against, and the reason
// the stand-in reproduces it.

export const OPERATORS = [
  'ISNOTEMPTY',
  'ISEMPTY',
  'NOT LIKE',
  'LIKE',
  'STARTSWITH',
  'ENDSWITH',
  'NOT IN',
  'IN',
  '!=',
  '>=',
  '<=',
  '=',
  '>',
  '<',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Condition {
  field: string;
  operator: Operator;
  value: string;
}

/** Conditions of one query: every group must match; a group matches when any of its conditions does. */
export type Conjunction = Condition[][];

export interface OrderBy {
  field: string;
  descending: boolean;
}

export interface EncodedQuery {
  /** Alternatives joined by ^NQ; a row matches when any alternative matches. */
  alternatives: Conjunction[];
  orderBy: OrderBy[];
  /** Terms that could not be read at all (kept so a caller can log them; they match everything). */
  unreadable: string[];
}

// Field names are lower case (with dot-walks); operators are upper case, so the first upper-case
// operator after the name ends it.
const CONDITION = new RegExp(
  `^([a-z0-9_.]+?)(${OPERATORS.map((op) => op.replace(/[!=<>]/g, (c) => `\\${c}`)).join('|')})(.*)$`,
  's',
);

export function parseEncodedQuery(text: string): EncodedQuery {
  const query: EncodedQuery = { alternatives: [], orderBy: [], unreadable: [] };
  if (!text) return query;
  for (const part of text.split('^NQ')) {
    const groups: Conjunction = [];
    for (const term of part.split('^')) {
      if (term === '' || term === 'EQ') continue;
      if (term.startsWith('ORDERBYDESC')) {
        query.orderBy.push({ field: term.slice('ORDERBYDESC'.length), descending: true });
        continue;
      }
      if (term.startsWith('ORDERBY')) {
        query.orderBy.push({ field: term.slice('ORDERBY'.length), descending: false });
        continue;
      }
      const isOr = term.startsWith('OR') && groups.length > 0;
      const condition = parseCondition(isOr ? term.slice(2) : term);
      if (!condition) {
        query.unreadable.push(term);
        continue;
      }
      const last = groups[groups.length - 1];
      if (isOr && last) last.push(condition);
      else groups.push([condition]);
    }
    query.alternatives.push(groups);
  }
  return query;
}

function parseCondition(term: string): Condition | null {
  const match = CONDITION.exec(term);
  if (!match) return null;
  const [, field = '', operator = '=', value = ''] = match;
  return { field, operator: operator as Operator, value };
}

/** How a row's column is read: undefined when the table has no such column (the condition is then dropped). */
export type FieldReader = (field: string) => { value: string; numeric: boolean } | undefined;

export function matches(query: EncodedQuery, read: FieldReader): boolean {
  if (query.alternatives.length === 0) return true;
  return query.alternatives.some((groups) =>
    groups.every((group) => {
      const known = group
        .map((condition) => ({ condition, field: read(condition.field) }))
        .filter((c) => c.field);
      // A group whose every condition names unknown columns is ignored, as the platform ignores them.
      if (known.length === 0) return true;
      return known.some(({ condition, field }) => field !== undefined && test(condition, field));
    }),
  );
}

// String comparisons ignore case, as the platform's database collation does.
function test(condition: Condition, field: { value: string; numeric: boolean }): boolean {
  const actual = field.value.toLowerCase();
  const expected = condition.value.toLowerCase();
  switch (condition.operator) {
    case 'ISEMPTY':
      return actual === '';
    case 'ISNOTEMPTY':
      return actual !== '';
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case 'IN':
      return expected.split(',').includes(actual);
    case 'NOT IN':
      return !expected.split(',').includes(actual);
    case 'LIKE':
      return actual.includes(expected);
    case 'NOT LIKE':
      return !actual.includes(expected);
    case 'STARTSWITH':
      return actual.startsWith(expected);
    case 'ENDSWITH':
      return actual.endsWith(expected);
    case '>':
      return compare(field, condition.value) > 0;
    case '>=':
      return compare(field, condition.value) >= 0;
    case '<':
      return compare(field, condition.value) < 0;
    case '<=':
      return compare(field, condition.value) <= 0;
  }
}

function compare(field: { value: string; numeric: boolean }, other: string): number {
  if (field.numeric && field.value !== '' && other !== '') return Number(field.value) - Number(other);
  return field.value < other ? -1 : field.value > other ? 1 : 0;
}

/** Stable sort by the query's ORDERBY terms; terms naming unknown columns are ignored. */
export function order<T>(
  rows: T[],
  orderBy: OrderBy[],
  read: (row: T, field: string) => ReturnType<FieldReader>,
): T[] {
  const keys = orderBy.filter((key) => rows.length === 0 || read(rows[0] as T, key.field) !== undefined);
  if (keys.length === 0) return rows;
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const left = read(a, key.field);
      const right = read(b, key.field);
      if (!left || !right) continue;
      const diff =
        left.numeric && left.value !== '' && right.value !== ''
          ? Number(left.value) - Number(right.value)
          : left.value.localeCompare(right.value);
      if (diff !== 0) return key.descending ? -diff : diff;
    }
    return 0;
  });
}

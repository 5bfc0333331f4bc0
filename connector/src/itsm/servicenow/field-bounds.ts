// What a value may look like when it reaches a ServiceNow column: no longer than the column (the
// platform cuts a longer string silently, mid-word, and a 500 KB body is refused or slows the instance),
// no control characters (NUL, ESC and terminal sequences garble forms and exports), and no line breaks
// in a one-line field such as short_description. Applied once, to every record the client writes.
/* eslint-disable no-control-regex -- finding control characters is what this module is for */
import { ServiceNowError } from './errors.js';
import type { FieldValues } from './types.js';

/** How one column takes a text value. */
export interface ColumnRule {
  /** The column's size in characters (sys_dictionary max_length). */
  max: number;
  /** Whether line breaks (and tabs) are kept; one-line columns get them as spaces. */
  multiline: boolean;
  /**
   * A key that must arrive exactly as given (correlation_id, the verdict's JSON): never shortened or
   * cleaned, refused instead when it does not fit.
   */
  exact?: boolean;
}

const line = (max: number): ColumnRule => ({ max, multiline: false });
const text = (max: number): ColumnRule => ({ max, multiline: true });
const exact = (max: number): ColumnRule => ({ max, multiline: false, exact: true });

/** task/incident columns the connector writes, at the platform's default sizes. */
const TASK_COLUMNS: Readonly<Record<string, ColumnRule>> = {
  short_description: line(160),
  description: text(4000),
  work_notes: text(4000),
  comments: text(4000),
  close_notes: text(4000),
  close_code: line(40),
  category: line(40),
  subcategory: line(40),
  correlation_id: exact(100),
  correlation_display: line(100),
  cmdb_ci: line(32),
  assignment_group: line(32),
  assigned_to: line(32),
  caller_id: line(32),
  x_closeloop_override_justification: text(4000),
};

/** The plugin's x_closeloop_verdict (plugin/src/fluent/tables.now.ts). */
export const VERDICT_COLUMNS: Readonly<Record<string, ColumnRule>> = {
  correlation_id: exact(100),
  verdict: line(40),
  checks: exact(8000),
  evaluated_at: line(40),
};

/**
 * A column the connector does not know (a field an admin maps, e.g. u_zone): its size is the
 * instance's business, but nothing longer than this is ever sent, and line breaks are kept.
 */
export const UNKNOWN_COLUMN: ColumnRule = text(4000);

export const ELLIPSIS = '…';

export function columnRule(columns: Readonly<Record<string, ColumnRule>>, field: string): ColumnRule {
  return Object.hasOwn(columns, field) ? columns[field]! : UNKNOWN_COLUMN;
}

export function taskColumns(): Readonly<Record<string, ColumnRule>> {
  return TASK_COLUMNS;
}

// ANSI/VT escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, other `ESC [intermediates] x`)
// go as a whole, so no "[31m" is left behind; then every remaining C0/C1 control character.
const CSI = /\x1b\[[0-?]*[ -/]*[@-~]/g;
const OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g;
const ESC_OTHER = /\x1b[\x20-\x2f]*[\x30-\x7e]/g;
const CONTROL_MULTILINE = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g; // keeps \t and \n
const CONTROL = /[\x00-\x1f\x7f-\x9f]/g;
const HAS_CONTROL = /[\x00-\x1f\x7f-\x9f]/;
// Half a surrogate pair is not a character: JSON carries it as an escape the instance cannot store.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `value` without control characters; one-line: line breaks and tabs become single spaces, trimmed. */
export function cleanText(value: string, multiline: boolean): string {
  let v = value.replace(LONE_SURROGATE, '\uFFFD').replace(CSI, '').replace(OSC, '').replace(ESC_OTHER, '');
  if (multiline) return v.replace(/\r\n?/g, '\n').replace(CONTROL_MULTILINE, '');
  v = v.replace(/[ \t]*[\r\n\t\v\f]+[ \t]*/g, ' ').replace(CONTROL, '');
  return v.trim();
}

/** Why `value` cannot go to an exact column as it is, or null. */
export function exactProblem(value: string, rule: ColumnRule): string | null {
  const length = [...value].length;
  if (length > rule.max) return `${length} characters (the column holds ${rule.max})`;
  if (HAS_CONTROL.test(value)) return 'contains control characters';
  return null;
}

export interface BoundValue {
  value: string;
  /** Length in characters before shortening, when it was shortened. */
  truncatedFrom?: number;
}

/** A text value as the column takes it: cleaned, and cut to size with an ellipsis when longer. */
export function boundText(value: string, rule: ColumnRule): BoundValue {
  const cleaned = cleanText(value, rule.multiline);
  const chars = [...cleaned];
  if (chars.length <= rule.max) return { value: cleaned };
  const kept = chars
    .slice(0, rule.max - 1)
    .join('')
    .trimEnd();
  return { value: `${kept}${ELLIPSIS}`, truncatedFrom: chars.length };
}

export interface Truncation {
  field: string;
  from: number;
  max: number;
}

/**
 * `record` as the columns take it. Numbers pass as they are; an exact column that does not fit is
 * refused (an `invalid_input` error: nothing is sent), every other text is cleaned and cut to size.
 */
export function boundRecord(
  operation: string,
  record: FieldValues,
  columns: Readonly<Record<string, ColumnRule>>,
): { record: FieldValues; truncated: Truncation[] } {
  const out: FieldValues = {};
  const truncated: Truncation[] = [];
  for (const [field, value] of Object.entries(record)) {
    if (typeof value !== 'string') {
      out[field] = value;
      continue;
    }
    const rule = columnRule(columns, field);
    if (rule.exact) {
      const problem = exactProblem(value, rule);
      if (problem)
        throw new ServiceNowError({
          operation,
          kind: 'invalid_input',
          retryable: false,
          message: `ServiceNow ${operation}: refusing to write ${field}: ${problem}`,
        });
      out[field] = value;
      continue;
    }
    const bound = boundText(value, rule);
    out[field] = bound.value;
    if (bound.truncatedFrom !== undefined)
      truncated.push({ field, from: bound.truncatedFrom, max: rule.max });
  }
  return { record: out, truncated };
}

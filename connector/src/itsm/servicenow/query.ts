// Pure builders for Table API URLs and encoded queries. ServiceNow silently ignores a query term whose
// field it does not know and then matches EVERY row, so nothing here lets an unchecked name or value
// through: a bad input is refused with an `invalid_input` error before any request is made.
import { ServiceNowError } from './errors.js';

export const MAX_CORRELATION_ID = 100;
const TABLE_NAME = /^[a-z][a-z0-9_]{0,79}$/;
// Dot-walked fields (location.name) are legitimate in queries.
const FIELD_NAME = /^[a-z][a-z0-9_]{0,79}(\.[a-z][a-z0-9_]{0,79}){0,4}$/;
const SYS_ID = /^[0-9a-f]{32}$/;

function refuse(operation: string, message: string): never {
  throw new ServiceNowError({ operation, kind: 'invalid_input', retryable: false, message });
}

// An encoded-query value that starts with `javascript:` is not compared: the instance runs it as a
// script (as the integration user, in its sandbox) and compares with the result. Alarm values reach
// these queries (correlation keys, CI and group names), so such a value is refused, never sent.
const SCRIPT_VALUE = /^\s*javascript\s*:/i;

/** Why `key` cannot be a correlation_id, or null when it can. */
export function correlationIdProblem(key: unknown): string | null {
  if (typeof key !== 'string') return 'correlation_id must be a string';
  if (key.trim() === '') return 'correlation_id is empty';
  if (key.length > MAX_CORRELATION_ID)
    return `correlation_id is ${key.length} characters (max ${MAX_CORRELATION_ID})`;
  if (key.includes('^')) return 'correlation_id contains "^" (the encoded-query separator)';
  if (/[\r\n]/.test(key)) return 'correlation_id contains a line break';
  if (SCRIPT_VALUE.test(key))
    return 'correlation_id starts with "javascript:" (the instance would run it as a script)';
  // eslint-disable-next-line no-control-regex -- the point is to find them
  if (/[\x00-\x1f\x7f-\x9f]/.test(key)) return 'correlation_id contains control characters';
  return null;
}

/** Why `value` cannot be compared in an encoded query, or null when it can. */
export function queryValueProblem(value: string): string | null {
  if (value.trim() === '') return 'value is empty';
  if (value.includes('^')) return 'value contains "^" (the encoded-query separator)';
  if (/[\r\n]/.test(value)) return 'value contains a line break';
  if (SCRIPT_VALUE.test(value))
    return 'value starts with "javascript:" (the instance would run it as a script)';
  return null;
}

export function checkTable(operation: string, table: string): string {
  if (!TABLE_NAME.test(table)) refuse(operation, `ServiceNow ${operation}: "${table}" is not a table name`);
  return table;
}

export function checkField(operation: string, field: string): string {
  if (!FIELD_NAME.test(field)) refuse(operation, `ServiceNow ${operation}: "${field}" is not a field name`);
  return field;
}

export function checkSysId(operation: string, sysId: string): string {
  if (!SYS_ID.test(sysId)) refuse(operation, `ServiceNow ${operation}: "${sysId}" is not a sys_id`);
  return sysId;
}

/** `field=value`, both checked. */
export function eq(operation: string, field: string, value: string): string {
  checkField(operation, field);
  const problem = queryValueProblem(value);
  if (problem) refuse(operation, `ServiceNow ${operation}: refusing to query ${field}: ${problem}`);
  return `${field}=${value}`;
}

/** `fieldINa,b,c`, every value checked (a comma would split a value in two). */
export function isIn(operation: string, field: string, values: readonly string[]): string {
  checkField(operation, field);
  if (values.length === 0) refuse(operation, `ServiceNow ${operation}: empty IN list for ${field}`);
  for (const v of values) {
    const problem = queryValueProblem(v) ?? (v.includes(',') ? 'value contains ","' : null);
    if (problem) refuse(operation, `ServiceNow ${operation}: refusing to query ${field}: ${problem}`);
  }
  return `${field}IN${values.join(',')}`;
}

/** The exact-match term for a correlation_id; refuses an empty or unsafe key. */
export function correlationIdTerm(operation: string, key: string): string {
  const problem = correlationIdProblem(key);
  if (problem) refuse(operation, `ServiceNow ${operation}: refusing to query with this key: ${problem}`);
  return `correlation_id=${key}`;
}

/** Terms joined with `^` (AND). */
export function and(...terms: readonly string[]): string {
  return terms.join('^');
}

/** `https://x.service-now.com/` → `https://x.service-now.com` (paths are appended). */
export function normaliseBaseUrl(instanceUrl: string): string {
  return instanceUrl.replace(/\/+$/, '');
}

/** `/api/now/table/<table>[/<sys_id>]`, both checked. */
export function tablePath(operation: string, table: string, sysId?: string): string {
  const base = `/api/now/table/${checkTable(operation, table)}`;
  return sysId === undefined ? base : `${base}/${checkSysId(operation, sysId)}`;
}

export interface ListParams {
  query?: string;
  fields?: readonly string[];
  limit?: number;
}

/**
 * Query-string parameters in a fixed order. References come back as plain sys_ids (no link objects)
 * and values raw, not display values, so what we read is what we write.
 */
export function tableParams(params: ListParams): [string, string][] {
  const out: [string, string][] = [];
  if (params.query !== undefined) out.push(['sysparm_query', params.query]);
  if (params.fields !== undefined) out.push(['sysparm_fields', params.fields.join(',')]);
  if (params.limit !== undefined) out.push(['sysparm_limit', String(params.limit)]);
  out.push(['sysparm_exclude_reference_link', 'true']);
  return out;
}

/** `path?k=v&…` with every key and value percent-encoded the same way. */
export function withQuery(path: string, params: readonly (readonly [string, string])[]): string {
  if (params.length === 0) return path;
  const qs = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `${path}?${qs}`;
}

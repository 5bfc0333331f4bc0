// Identifiers and timestamps in the platform's own formats: 32 lower-case hex sys_ids and
// `YYYY-MM-DD HH:mm:ss` (UTC) date-times, the internal value of a glide_date_time column.
import { randomBytes } from 'node:crypto';

export function newSysId(): string {
  return randomBytes(16).toString('hex');
}

export function isSysId(value: string): boolean {
  return /^[0-9a-f]{32}$/.test(value);
}

export function formatGlideDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Task numbers: prefix + 7 digits, e.g. INC0010001 (the platform's default incident counter start). */
export function formatNumber(prefix: string, counter: number): string {
  return `${prefix}${String(counter).padStart(7, '0')}`;
}

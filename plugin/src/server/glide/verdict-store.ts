// Reads the verdict the connector pushed into x_closeloop_verdict for a correlation_id.
import { GlideRecord } from '@servicenow/glide';
import type { PushedLookup } from '../closure/types.ts';
import { VERDICT_TABLE } from '../closure/names.ts';

export function findPushedVerdict(correlationId: string): PushedLookup {
  // An empty key would match every row, so it is never queried.
  if (!correlationId) return { kind: 'none' };
  const record = new GlideRecord(VERDICT_TABLE);
  // An unknown column in addQuery is silently ignored and then matches every row.
  if (!record.isValidField('correlation_id')) {
    return { kind: 'error', problem: `${VERDICT_TABLE}.correlation_id does not exist` };
  }
  record.addQuery('correlation_id', correlationId);
  record.orderByDesc('sys_updated_on');
  record.setLimit(2);
  record.query();
  if (!record.next()) return { kind: 'none' };
  const row = {
    correlationId: text(record.getValue('correlation_id')),
    verdict: text(record.getValue('verdict')),
    checks: text(record.getValue('checks')),
    evaluatedAt: text(record.getValue('evaluated_at')),
  };
  if (row.correlationId !== correlationId) {
    return { kind: 'error', problem: `lookup by correlation_id returned a row for "${row.correlationId}"` };
  }
  if (record.next())
    return { kind: 'error', problem: `more than one pushed verdict for correlation_id ${correlationId}` };
  return { kind: 'found', row };
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

// The circuit breaker's shared state: one row of x_closeloop_connector_state, written only when a
// call fails or the first success after failures closes the circuit again.
import { GlideRecord } from '@servicenow/glide';
import type { BreakerState } from '../closure/types.ts';
import { CONNECTOR_STATE_TABLE } from '../closure/names.ts';
import { CLOSED_BREAKER, parseBreaker } from '../closure/breaker.ts';

const ROW = 'closure_check';

export function readBreaker(): BreakerState {
  const record = new GlideRecord(CONNECTOR_STATE_TABLE);
  if (!record.isValidField('name') || !record.get('name', ROW)) return { ...CLOSED_BREAKER };
  return parseBreaker(text(record.getValue('failures')), text(record.getValue('open_until_ms')), text(record.getValue('last_error')));
}

export function writeBreaker(state: BreakerState): void {
  const record = new GlideRecord(CONNECTOR_STATE_TABLE);
  const exists = record.isValidField('name') && record.get('name', ROW);
  if (!exists) {
    record.initialize();
    record.setValue('name', ROW);
  }
  record.setValue('failures', state.failures);
  record.setValue('open_until_ms', String(state.openUntilMs));
  record.setValue('last_error', state.lastError);
  if (exists) record.update();
  else record.insert();
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

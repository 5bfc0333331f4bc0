// Conditions of the form buttons (through script include x_closeloop.ClosureGuardUi): "Check
// telemetry" and "Resolve despite telemetry" appear only on records Closeloop guards, and the
// override only while the record is still open.
import type { GlideRecord } from '@servicenow/glide';
import { guardedTableOf } from '../closure/guard.ts';
import { readGuardSettings } from '../closure/settings.ts';
import { resolveSubject } from '../closure/subject.ts';
import { glideEnvironment } from '../glide/environment.ts';
import { readSnapshot, tableOf, viaFieldOf } from '../glide/record.ts';
import { logError } from '../glide/session.ts';

export function isGuardedRecord(current: GlideRecord | null): boolean {
  return guardState(current) !== 'unguarded';
}

export function mayRequestOverride(current: GlideRecord | null): boolean {
  return guardState(current) === 'open';
}

function guardState(current: GlideRecord | null): 'unguarded' | 'open' | 'closed' {
  try {
    if (!current || current.isNewRecord()) return 'unguarded';
    const env = glideEnvironment();
    const table = tableOf(current);
    const config = guardedTableOf(env, table);
    if (config.kind !== 'found') return 'unguarded';
    const snapshot = readSnapshot(current, viaFieldOf(table));
    const { settings } = readGuardSettings((name) => env.readProperty(name));
    if (!resolveSubject(env, settings, config.table, { current: snapshot, previous: null }, [])) return 'unguarded';
    const closed = config.table.closingStates.includes(snapshot.state) || config.table.cancelStates.includes(snapshot.state);
    return closed ? 'closed' : 'open';
  } catch (error) {
    logError(`UI action condition failed: ${String(error)}`);
    return 'unguarded';
  }
}

// Script of the deny-unless write ACLs on <guarded table>.correlation_id / .correlation_display:
// on a record its own correlation guards, only the connector (and admins, who override ACLs) may
// change them; everyone else is decided by the instance's other ACLs as before.
import type { GlideRecord } from '@servicenow/glide';
import { guardedTableOf } from '../closure/guard.ts';
import { ROLE } from '../closure/names.ts';
import { readGuardSettings } from '../closure/settings.ts';
import { ownGuardReason } from '../closure/subject.ts';
import { glideEnvironment } from '../glide/environment.ts';
import { readSnapshot, tableOf } from '../glide/record.ts';
import { logError, userHasRole } from '../glide/session.ts';

export function mayChangeCorrelation(current: GlideRecord | null): boolean {
  try {
    if (userHasRole(ROLE.connector)) return true;
    if (!current || current.isNewRecord()) return true;
    const env = glideEnvironment();
    const config = guardedTableOf(env, tableOf(current));
    if (config.kind === 'none') return true;
    if (config.kind === 'found' && !config.table.ownCorrelation) return true;
    const { settings } = readGuardSettings((name) => env.readProperty(name));
    return ownGuardReason(settings, readSnapshot(current, ''), (ci) => env.lookupCiClass(ci)) === null;
  } catch (error) {
    logError(`correlation field ACL failed: ${String(error)}`);
    // Deny on doubt: the business rule refuses the same change anyway.
    return false;
  }
}

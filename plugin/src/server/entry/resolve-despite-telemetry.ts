// Server part of the UI action "Resolve despite telemetry" (client + server). The client part has
// asked for the justification in a dialog, stored it as an override request (closure-ajax.ts), set
// the closing state on the form so the instance's own UI policies make the close fields mandatory,
// and submitted. Here the record is saved; the guard rule checks role and justification again,
// and the after rule audits the override once the save has gone through.
import type { GlideRecord } from '@servicenow/glide';
import { errorText, guardedTableOf } from '../closure/guard.ts';
import { resolveState } from '../closure/guarded-tables.ts';
import { ROLE } from '../closure/names.ts';
import { glideEnvironment } from '../glide/environment.ts';
import { findOverrideRequest } from '../glide/override-store.ts';
import { tableOf } from '../glide/record.ts';
import { currentUserId, logError, showMessage, userHasRole } from '../glide/session.ts';
import type { ActionLike } from './action.ts';

export function resolveDespiteTelemetry(current: GlideRecord, action: ActionLike | null): void {
  try {
    const table = tableOf(current);
    const sysId = String(current.getUniqueValue() ?? '');
    const config = guardedTableOf(glideEnvironment(), table);
    const request = findOverrideRequest(table, sysId, currentUserId());
    if (!userHasRole(ROLE.closureOverride) || config.kind !== 'found' || !request) {
      showMessage({
        level: 'error',
        title: 'Closeloop: no override was requested for this record. Use "Resolve despite telemetry" and give a justification.',
        items: [],
        link: null,
        footer: [],
      });
    } else {
      const target = resolveState(config.table);
      // Submitted without the client part (or from a list): move to the closing state here.
      if (!config.table.closingStates.includes(String(current.getValue('state') ?? ''))) current.setValue('state', target);
      // The guard rule runs inside this update and shows its own message.
      current.update();
    }
  } catch (error) {
    logError(`resolve despite telemetry failed: ${errorText(error)}`);
    showMessage({ level: 'error', title: 'Closeloop: the override failed unexpectedly.', items: [errorText(error)], link: null, footer: [] });
  }
  if (action) action.setRedirectURL(current);
}

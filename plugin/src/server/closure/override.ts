// "Resolve despite telemetry": who may ask for an override, and when an override request made in
// the dialog is still usable. The justification lives in x_closeloop_override_request (the record's
// own table gets no column), so it works on every guarded table and needs no form layout change.
import type { GuardMessage, GuardedTable, OverrideRequest, OverrideRequestRow } from './types.ts';
import { OVERRIDE_REQUEST_TTL_MS, ROLE } from './names.ts';
import { resolveState } from './guarded-tables.ts';

export const MAX_JUSTIFICATION = 4000;

export interface OverrideAsk {
  hasRole: boolean;
  justification: string;
  /** The record's current state. */
  state: string;
  /** Its table's configuration; null when the table is not guarded. */
  table: GuardedTable | null;
  /** Whether the record is guarded at all (an override of an unguarded record is pointless). */
  guarded: boolean;
}

export type OverridePlan =
  | { ok: true; justification: string; targetState: string }
  | { ok: false; message: GuardMessage };

export function planOverrideRequest(ask: OverrideAsk): OverridePlan {
  const refuse = (title: string): OverridePlan => ({
    ok: false,
    message: { level: 'error', title, items: [], link: null, footer: [] },
  });
  if (!ask.hasRole) {
    return refuse(`Closeloop: "Resolve despite telemetry" requires the ${ROLE.closureOverride} role.`);
  }
  const justification = ask.justification.trim();
  if (justification === '') {
    return refuse('Closeloop: enter a justification explaining why this may be resolved despite telemetry.');
  }
  if (justification.length > MAX_JUSTIFICATION) {
    return refuse(`Closeloop: the justification is longer than ${MAX_JUSTIFICATION} characters.`);
  }
  if (!ask.table || !ask.guarded) {
    return refuse('Closeloop: this record is not guarded by Closeloop; resolve it as usual.');
  }
  if (ask.table.closingStates.includes(ask.state) || ask.table.cancelStates.includes(ask.state)) {
    return refuse('Closeloop: this record is already resolved, closed or canceled.');
  }
  return { ok: true, justification, targetState: resolveState(ask.table) };
}

/** The override the guard applies for this update: a fresh pending request of this user, if any. */
export function overrideFor(row: OverrideRequestRow | null, hasRole: boolean, nowMs: number): OverrideRequest {
  if (!row || nowMs - row.requestedAtMs > OVERRIDE_REQUEST_TTL_MS || row.requestedAtMs - nowMs > 60_000) {
    return { requested: false, hasRole, justification: '', requestId: '' };
  }
  return { requested: true, hasRole, justification: row.justification, requestId: row.sysId };
}

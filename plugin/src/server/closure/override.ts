// "Resolve despite telemetry": who may ask for an override, and what they are told otherwise.
// The business rule checks role and justification again; this only spares a pointless save.
import type { GuardMessage } from './types.ts';
import { INCIDENT_STATE, ROLE } from './names.ts';

export interface OverrideAsk {
  hasRole: boolean;
  justification: string;
  state: string;
}

export function planOverrideRequest(ask: OverrideAsk): { ok: true } | { ok: false; message: GuardMessage } {
  const refuse = (title: string): { ok: false; message: GuardMessage } => ({
    ok: false,
    message: { level: 'error', title, items: [], link: null, footer: [] },
  });
  if (!ask.hasRole) {
    return refuse(`Closeloop: "Resolve despite telemetry" requires the ${ROLE.closureOverride} role.`);
  }
  if (ask.justification.trim() === '') {
    return refuse(
      'Closeloop: enter an Override justification explaining why this incident may be resolved despite telemetry.',
    );
  }
  if (
    ([INCIDENT_STATE.resolved, INCIDENT_STATE.closed, INCIDENT_STATE.canceled] as string[]).includes(
      ask.state,
    )
  ) {
    return refuse('Closeloop: this incident is already resolved, closed or canceled.');
  }
  return { ok: true };
}

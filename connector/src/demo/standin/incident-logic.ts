// What the platform itself does to an incident on every write, before any custom business rule:
// priority from impact × urgency (the out-of-box data lookup, which overrides a written priority),
// the state side effects (resolved/closed stamps, active flag, incident_state mirror) and the data
// policy that makes resolution code and notes mandatory for Resolved and Closed.
import type { Row } from './store.js';
import { formatGlideDateTime } from './ids.js';

/** The standard 3×3 priority lookup: impact,urgency → priority (1 Critical … 5 Planning). */
export const PRIORITY_LOOKUP: Readonly<Record<string, string>> = {
  '1,1': '1',
  '1,2': '2',
  '1,3': '3',
  '2,1': '2',
  '2,2': '3',
  '2,3': '4',
  '3,1': '3',
  '3,2': '4',
  '3,3': '5',
};

export const INCIDENT_STATES = {
  new: '1',
  inProgress: '2',
  onHold: '3',
  resolved: '6',
  closed: '7',
  canceled: '8',
};

export function priorityFor(impact: string, urgency: string): string | undefined {
  return PRIORITY_LOOKUP[`${impact},${urgency}`];
}

/** Applies the platform's own incident logic to `current` in place. */
export function applyIncidentLogic(
  current: Row,
  previous: Row | null,
  userSysId: string,
  nowMs: number,
): void {
  const priority = priorityFor(current.impact ?? '', current.urgency ?? '');
  if (priority) current.priority = priority;

  const now = formatGlideDateTime(nowMs);
  if (!previous) {
    current.opened_at ||= now;
    current.opened_by ||= userSysId;
  }
  const state = current.state ?? '';
  const before = previous?.state ?? '';
  current.incident_state = state;
  if (state === before) return;
  if (state === INCIDENT_STATES.resolved) {
    current.resolved_at = now;
    current.resolved_by = userSysId;
    current.active = 'true';
  } else if (state === INCIDENT_STATES.closed || state === INCIDENT_STATES.canceled) {
    current.closed_at = now;
    current.closed_by = userSysId;
    current.resolved_at ||= now;
    current.resolved_by ||= userSysId;
    current.active = 'false';
  } else {
    // Reopened (or any other open state): the resolution stamps no longer apply.
    current.resolved_at = '';
    current.resolved_by = '';
    current.closed_at = '';
    current.closed_by = '';
    current.active = 'true';
  }
}

/** Labels of mandatory columns left empty, or [] when the data policy is satisfied. */
export function closeInfoMissing(current: Row): string[] {
  if (current.state !== INCIDENT_STATES.resolved && current.state !== INCIDENT_STATES.closed) return [];
  const missing: string[] = [];
  if (!current.close_code) missing.push('Resolution code');
  if (!current.close_notes) missing.push('Resolution notes');
  return missing;
}

import '@servicenow/sdk/global';
import { BusinessRule } from '@servicenow/sdk/core';
import { guardClosure } from '../server/entry/guard-closure.ts';
import { confirmClosure } from '../server/entry/confirm-closure.ts';
import { showTelemetryStatus } from '../server/entry/form-status.ts';
import { announceVerdictChange } from '../server/entry/verdict-changed.ts';

// One rule on task for every guarded table (incident, wm_order, wm_task, change_request, OT
// incidents …): which tables and which transitions are guarded is configuration
// (x_closeloop_guarded_table), so a table the instance does not have is simply never seen. The
// script returns at once for a table that is not configured.
export const guardClosuresRule = BusinessRule({
  $id: Now.ID['br-guard-closures'],
  name: 'Closeloop: guard closures',
  description:
    'Guarded tables (x_closeloop_guarded_table): a move into a closing state (Resolved, Closed, Closed Complete …) is checked against the Closeloop connector\'s telemetry verdict (pushed verdict, circuit breaker and fail mode as fallbacks) and refused with the failing checks when it does not hold; an override request of the closure_override role lets it through. Refusals are audited here; the correlation fields of a guarded record are kept for the connector.',
  table: 'task',
  when: 'before',
  action: ['update'],
  filterCondition: 'stateVALCHANGES^ORcorrelation_idVALCHANGES^ORcorrelation_displayVALCHANGES^EQ',
  // Late, so other before rules have set close codes and the like first.
  order: 900,
  active: true,
  script: guardClosure,
});

// Audits a closure only once it is committed: a later before rule or data policy that refuses the
// update leaves no row claiming it happened.
export const confirmClosuresRule = BusinessRule({
  $id: Now.ID['br-confirm-closures'],
  name: 'Closeloop: confirm closures',
  description:
    'After a guarded closure is saved: writes its x_closeloop_closure_audit row (allowed, overridden, canceled), marks the override request used and queues x_closeloop.override_used.',
  table: 'task',
  when: 'after',
  action: ['update'],
  filterCondition: 'stateVALCHANGES^EQ',
  order: 900,
  active: true,
  script: confirmClosure,
});

export const telemetryStatusRule = BusinessRule({
  $id: Now.ID['br-telemetry-status'],
  name: 'Closeloop: telemetry status on the form',
  description:
    'Display rule: tells the form of a guarded, open record what the last pushed verdict says about resolving it (g_scratchpad.x_closeloop_status). No outbound call.',
  table: 'task',
  when: 'display',
  active: true,
  script: showTelemetryStatus,
});

export const verdictChangedRule = BusinessRule({
  $id: Now.ID['br-verdict-changed'],
  name: 'Closeloop: announce verdict changes',
  description: 'Queues x_closeloop.verdict_changed when the connector pushes a different verdict.',
  table: 'x_closeloop_verdict',
  when: 'after',
  action: ['insert', 'update'],
  filterCondition: 'verdictVALCHANGES^EQ',
  active: true,
  script: announceVerdictChange,
});

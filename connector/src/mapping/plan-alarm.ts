// One call from a normalised alarm to what should happen with it: the rule that matched and the plan,
// or why nothing opens. The ingest path and the preview both go through here.
import type { Alarm } from '../model/alarm.js';
import type { Mappings } from './compiled.js';
import { matchRule, type MatchResult } from './match.js';
import { planIncident, type PlanError, type PlanResult } from './plan.js';

export type AlarmPlan =
  | { kind: 'planned'; match: MatchResult; plan: Extract<PlanResult, { ok: true }> }
  | { kind: 'unmatched'; match: MatchResult; reason: string }
  | { kind: 'error'; match: MatchResult; message: string; errors: PlanError[] };

export function planAlarm(mappings: Mappings, alarm: Alarm): AlarmPlan {
  const match = matchRule(mappings, alarm);
  if (!match.rule) return { kind: 'unmatched', match, reason: match.reason };
  const plan = planIncident(match.rule, alarm, match.topology);
  if (plan.ok) return { kind: 'planned', match, plan };
  const message = `rule "${plan.rule}": ${plan.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
  return { kind: 'error', match, message, errors: plan.errors };
}

// Rule selection: the first rule (file-name order, then document order) whose every condition holds
// wins; otherwise the default rule, otherwise the alarm is dropped with a reason. The trace says, rule
// by rule, why each earlier one did not match.
import type { Alarm } from '../model/alarm.js';
import type { CompiledRule, Mappings } from './compiled.js';
import { testMatcher } from './matcher.js';
import { resolveTopology, type TopologyContext } from './topology.js';
import { buildContext, type VariableContext } from './variables.js';

export interface MatchTraceEntry {
  rule: string;
  matched: boolean;
  reason: string;
}

export interface MatchResult {
  rule: CompiledRule | null;
  trace: MatchTraceEntry[];
  /** Why this rule was chosen, or why the alarm is dropped. */
  reason: string;
  /** The topology placement the conditions were tested against (reuse it for planIncident). */
  topology: TopologyContext;
}

/** Null when the rule matches; otherwise the first condition that fails. */
export function testRule(rule: CompiledRule, ctx: VariableContext): string | null {
  for (const c of rule.conditions) {
    const why = testMatcher(c.variable, c.matcher, ctx.get(c.variable));
    if (why) return why;
  }
  return null;
}

export function matchRule(mappings: Mappings, alarm: Alarm, topology?: TopologyContext): MatchResult {
  const topo = topology ?? resolveTopology(mappings.graph, alarm.asset);
  const ctx = buildContext(alarm, topo);
  const trace: MatchTraceEntry[] = [];
  for (const rule of mappings.rules) {
    const why = testRule(rule, ctx);
    if (why === null) {
      const reason = rule.conditions.length
        ? 'all conditions hold'
        : 'rule has no conditions (matches every alarm)';
      trace.push({ rule: rule.name, matched: true, reason });
      return { rule, trace, reason: `matched rule "${rule.name}"`, topology: topo };
    }
    trace.push({ rule: rule.name, matched: false, reason: why });
  }
  if (mappings.defaultRule) {
    const reason = `no rule matched; default_rule "${mappings.defaultRule.name}" applies`;
    trace.push({ rule: mappings.defaultRule.name, matched: true, reason: 'default_rule' });
    return { rule: mappings.defaultRule, trace, reason, topology: topo };
  }
  const reason = mappings.rules.length
    ? `dropped: none of ${mappings.rules.length} rules matched and no default_rule is set`
    : 'dropped: no rules are defined';
  return { rule: null, trace, reason, topology: topo };
}

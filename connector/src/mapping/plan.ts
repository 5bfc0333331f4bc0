// What incident a matched alarm should produce: rendered fields, reference lookups, impact/urgency, the
// correlation key and the close checks with their templates filled. Pure: no I/O, same input → same plan.
import type { Alarm } from '../model/alarm.js';
import type { RenderedCheck } from '../model/close-check.js';
import type { Role } from '../model/event.js';
import type { Reference } from '../model/operation.js';
import type { RuleBehaviour } from '../model/rule-behaviour.js';
import type { CompiledRule } from './compiled.js';
import { normaliseCorrelationKey } from './correlation-key.js';
import { renderQuery } from './query/render-query.js';
import { renderTemplate } from './template.js';
import type { TopologyContext } from './topology.js';
import { buildContext } from './variables.js';

/** ServiceNow's incident.short_description is 160 characters. */
export const SHORT_DESCRIPTION_MAX = 160;

export interface PlannedIncident {
  /** Plain incident fields: short_description, description, category, …, impact, urgency. */
  fields: Record<string, string | number>;
  /** Reference fields resolved to sys_ids at delivery: assignment_group, cmdb_ci. */
  references: Record<string, Reference>;
}

export interface PlanError {
  /** Where in the rule the template lives, e.g. `incident.short_description`, `close_checks[0].query`. */
  path: string;
  message: string;
}

export type PlanResult =
  | {
      ok: true;
      rule: string;
      incident: PlannedIncident;
      impact: number;
      urgency: number;
      correlationKey: string;
      correlationWindowMs: number;
      correlationRole: Role;
      correlationScope?: 'cooling_zone' | 'power_path' | 'row' | 'rack' | 'room' | 'site';
      closeChecks: RenderedCheck[];
      behaviour: RuleBehaviour;
    }
  | { ok: false; rule: string; errors: PlanError[] };

export function planIncident(rule: CompiledRule, alarm: Alarm, topology: TopologyContext): PlanResult {
  const ctx = buildContext(alarm, topology, rule.name);
  const errors: PlanError[] = [];
  const render = (path: string, template: string): string => {
    const r = renderTemplate(template, ctx);
    if (r.ok) return r.value;
    errors.push({ path, message: r.error });
    return '';
  };

  const spec = rule.spec;
  const inc = spec.incident;
  const { impact, urgency } = rule.severityMatrix[alarm.severity];
  const fields: Record<string, string | number> = {};
  let short = render('incident.short_description', inc.short_description).trim();
  if (short.length > SHORT_DESCRIPTION_MAX) short = `${short.slice(0, SHORT_DESCRIPTION_MAX - 1)}…`;
  fields.short_description = short;
  if (inc.description !== undefined) fields.description = render('incident.description', inc.description);
  if (inc.category !== undefined) fields.category = render('incident.category', inc.category);
  if (inc.subcategory !== undefined) fields.subcategory = render('incident.subcategory', inc.subcategory);
  for (const [name, template] of Object.entries(inc.fields))
    fields[name] = render(`incident.fields.${name}`, template);
  fields.impact = impact;
  fields.urgency = urgency;

  const references: Record<string, Reference> = {};
  if (inc.assignment_group !== undefined) {
    const value = render('incident.assignment_group', inc.assignment_group).trim();
    if (value) references.assignment_group = { table: 'sys_user_group', field: 'name', value };
  }
  if (inc.cmdb_ci) {
    const value = render('incident.cmdb_ci.value', inc.cmdb_ci.value).trim();
    if (value) references.cmdb_ci = { table: inc.cmdb_ci.table, field: inc.cmdb_ci.field, value };
  }

  const renderedKey = render('correlation.key', spec.correlation.key);
  let correlationKey = '';
  if (renderedKey) {
    const k = normaliseCorrelationKey(renderedKey);
    if (k.ok) correlationKey = k.key;
    else errors.push({ path: 'correlation.key', message: k.error });
  } else if (!errors.some((e) => e.path === 'correlation.key')) {
    errors.push({ path: 'correlation.key', message: 'correlation key rendered empty' });
  }

  const closeChecks: RenderedCheck[] = spec.close_checks.map((c, i) => {
    const label = c.label === undefined ? c.name : render(`close_checks[${i}].label`, c.label);
    const q = renderQuery(c.query, ctx, rule.queryLanguages[i]!);
    if (q.ok) return { ...c, query: q.value, label };
    // An alarm that cannot be checked safely still opens its incident; only this check is refused.
    if (q.refused) return { ...c, label, refused: q.error };
    errors.push({ path: `close_checks[${i}].query`, message: q.error });
    return { ...c, label };
  });

  if (!short && !errors.some((e) => e.path === 'incident.short_description')) {
    errors.push({ path: 'incident.short_description', message: 'short description rendered empty' });
  }
  if (errors.length) return { ok: false, rule: rule.name, errors };
  return {
    ok: true,
    rule: rule.name,
    incident: { fields, references },
    impact,
    urgency,
    correlationKey,
    correlationWindowMs: spec.correlation.window,
    correlationRole: spec.correlation.role,
    ...(spec.correlation.scope ? { correlationScope: spec.correlation.scope } : {}),
    closeChecks,
    behaviour: {
      autoResolve: spec.options.auto_resolve,
      reopenWindowMs: spec.options.reopen_window,
      holdDownMs: spec.options.hold_down,
    },
  };
}

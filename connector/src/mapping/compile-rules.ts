// Rules checked against everything else (sources, providers, topology, templates) and compiled into
// matchers. Each problem is reported where it is written; a rule with problems is left out.
import type { CompiledCondition, CompiledRule } from './compiled.js';
import type { MappingError, PathSegment } from './errors.js';
import type { FileParts, PartialRule, RulePart } from './file-parts.js';
import { compileMatcher } from './matcher.js';
import { hint, type MergedTopology } from './merge-topology.js';
import type { Matcher } from './schema.js';
import { mergeSeverityMatrix } from './severity.js';
import {
  LANGUAGE_NAMES,
  LANGUAGE_OF_KIND,
  inferQueryLanguage,
  type ProviderKind,
  type QueryLanguage,
} from './query/language.js';
import { queryTemplateWarnings } from './query/render-query.js';
import { checkTemplate } from './template.js';
import type { TopologyIndex } from './topology.js';
import { ALARM_VARIABLES, isKnownVariable, suggestVariable } from './variables.js';
import { errorAt, type YamlSource } from './yaml-source.js';

export interface RuleContext {
  sourceNames: Set<string>;
  /** Undefined = provider names are not checked (no closeloop.yaml at hand). */
  providerNames?: ReadonlySet<string>;
  /** Provider name → kind; decides each check's query language (else it is read off the query). */
  providerKinds?: ReadonlyMap<string, ProviderKind>;
  topology: MergedTopology;
}

/** The query language of a close check: its provider's, or a guess from the query without closeloop.yaml. */
export function checkLanguage(
  check: { provider?: string; query?: string },
  kinds: ReadonlyMap<string, ProviderKind> | undefined,
): QueryLanguage {
  const kind = check.provider === undefined ? undefined : kinds?.get(check.provider);
  return kind ? LANGUAGE_OF_KIND[kind] : inferQueryLanguage(check.query ?? '');
}

/** Incident fields Closeloop sets itself; a rule's `incident.fields` may not set them. */
const RESERVED_FIELDS: Record<string, string> = {
  short_description: 'use incident.short_description',
  description: 'use incident.description',
  category: 'use incident.category',
  subcategory: 'use incident.subcategory',
  assignment_group: 'use incident.assignment_group',
  cmdb_ci: 'use incident.cmdb_ci',
  impact: 'set from the severity matrix',
  urgency: 'set from the severity matrix',
  priority: 'computed by ServiceNow from impact and urgency',
  correlation_id: 'set from correlation.key',
  correlation_display: 'set by Closeloop',
  state: 'managed by the incident lifecycle',
  work_notes: 'written by the incident lifecycle',
};
const FIELD_NAME = /^[a-z][a-z0-9_]*$/;

/** Matcher variables whose exact values must name a topology node. */
const TOPOLOGY_REFS: Record<string, keyof TopologyIndex> = {
  'asset.site': 'sites',
  'topology.site': 'sites',
  'asset.room': 'rooms',
  'topology.room': 'rooms',
  'asset.row': 'rows',
  'topology.row': 'rows',
  'asset.rack': 'racks',
  'topology.rack': 'racks',
  'asset.equipment_id': 'equipment',
  'topology.equipment_id': 'equipment',
  'topology.ups': 'equipment',
  'topology.cooling_zone': 'cooling_zones',
  'topology.power_path': 'power_paths',
};

const BARE = new Set<string>(ALARM_VARIABLES);

/** `type` → `alarm.type`; namespaced names stay as they are; `undefined` for names that mean nothing. */
export function matchVariable(path: string): string | undefined {
  if (BARE.has(path)) return `alarm.${path}`;
  if (path.startsWith('rule.')) return undefined;
  return isKnownVariable(path) ? path : undefined;
}

function templatesOf(spec: PartialRule): [PathSegment[], string][] {
  const out: [PathSegment[], string | undefined][] = [];
  const inc = spec.incident;
  if (inc) {
    for (const key of [
      'short_description',
      'description',
      'category',
      'subcategory',
      'assignment_group',
    ] as const) {
      out.push([['incident', key], inc[key]]);
    }
    out.push([['incident', 'cmdb_ci', 'value'], inc.cmdb_ci?.value]);
    for (const [k, v] of Object.entries(inc.fields ?? {})) out.push([['incident', 'fields', k], v]);
  }
  out.push([['correlation', 'key'], spec.correlation?.key]);
  spec.close_checks.forEach((c, i) => {
    out.push([['close_checks', i, 'query'], c.query]);
    out.push([['close_checks', i, 'label'], c.label]);
  });
  return out.filter((t): t is [PathSegment[], string] => t[1] !== undefined);
}

function compileRule(
  source: YamlSource,
  part: RulePart,
  ctx: RuleContext,
  errors: MappingError[],
  warnings: MappingError[],
): CompiledCondition[] | undefined {
  const before = errors.length;
  const spec = part.partial;
  const base: PathSegment[] = ['rules', part.index];
  const err = (path: PathSegment[], message: string, at: 'key' | 'value' = 'value'): void => {
    errors.push(errorAt(source, [...base, ...path], message, at));
  };
  const conditions: CompiledCondition[] = [];
  const add = (variable: string, m: Matcher, path: PathSegment[]): void => {
    const c = compileMatcher(m);
    if (!c.ok) return err(path, c.error);
    conditions.push({ variable, matcher: c.matcher });
    const kind = TOPOLOGY_REFS[variable];
    if (kind && c.matcher.kind === 'exact' && ctx.topology.complete) {
      const set = ctx.topology.index[kind];
      const values = Array.isArray(m) ? m.map(String) : [String(m)];
      values.forEach((v, i) => {
        if (!set.has(v))
          err(
            Array.isArray(m) ? [...path, i] : path,
            `unknown ${kind.replace(/s$/, '').replace('_', ' ')} "${v}" in topology${hint(set)}`,
          );
      });
    }
  };

  const match = spec.match ?? {};
  if (match.source !== undefined) {
    const names = Array.isArray(match.source) ? match.source : [match.source];
    names.forEach((n, i) => {
      if (!ctx.sourceNames.has(n)) {
        err(
          Array.isArray(match.source) ? ['match', 'source', i] : ['match', 'source'],
          `unknown source "${n}"${hint(ctx.sourceNames)}`,
        );
      }
    });
    add('alarm.source', names, ['match', 'source']);
  }
  if (match.state !== undefined) add('alarm.state', match.state, ['match', 'state']);
  if (match.severity !== undefined) add('alarm.severity', match.severity, ['match', 'severity']);
  if (match.type !== undefined) add('alarm.type', match.type, ['match', 'type']);
  for (const [path, m] of Object.entries(match.fields ?? {})) {
    const variable = matchVariable(path);
    if (!variable) {
      const s = suggestVariable(path);
      err(
        ['match', 'fields', path],
        `unknown alarm field "${path}"${s ? ` (did you mean "${s}"?)` : ''}`,
        'key',
      );
      continue;
    }
    add(variable, m, ['match', 'fields', path]);
  }

  for (const [path, template] of templatesOf(spec)) {
    for (const problem of checkTemplate(template)) err(path, problem);
  }

  for (const name of Object.keys(spec.incident?.fields ?? {})) {
    const reserved = RESERVED_FIELDS[name];
    if (reserved) err(['incident', 'fields', name], `"${name}" cannot be set here: ${reserved}`, 'key');
    else if (!FIELD_NAME.test(name))
      err(
        ['incident', 'fields', name],
        `"${name}" is not a ServiceNow field name (lower-case, digits, "_")`,
        'key',
      );
  }

  const checkNames = new Set<string>();
  spec.close_checks.forEach((c, i) => {
    if (c.name !== undefined) {
      if (checkNames.has(c.name))
        err(['close_checks', i, 'name'], `duplicate close check name "${c.name}" in this rule`);
      checkNames.add(c.name);
    }
    if (c.provider !== undefined && ctx.providerNames && !ctx.providerNames.has(c.provider)) {
      err(
        ['close_checks', i, 'provider'],
        `unknown telemetry provider "${c.provider}" (closeloop.yaml defines: ${[...ctx.providerNames].join(', ') || 'none'})`,
      );
    }
    if (c.query !== undefined) {
      const language = checkLanguage(c, ctx.providerKinds);
      for (const w of queryTemplateWarnings(c.query, language))
        warnings.push(
          errorAt(source, [...base, 'close_checks', i, 'query'], `${LANGUAGE_NAMES[language]} query: ${w}`),
        );
    }
    if (c.expect && 'range' in c.expect && c.expect.range[0] > c.expect.range[1]) {
      err(
        ['close_checks', i, 'expect', 'range'],
        `range [${c.expect.range.join(', ')}] has its minimum above its maximum`,
      );
    }
  });
  return errors.length === before ? conditions : undefined;
}

export interface CompiledRules {
  rules: CompiledRule[];
  defaultRule: CompiledRule | null;
  errors: MappingError[];
  warnings: MappingError[];
}

export function compileRules(files: FileParts[], ctx: RuleContext): CompiledRules {
  const errors: MappingError[] = [];
  const warnings: MappingError[] = [];
  const rules: CompiledRule[] = [];
  const firstByName = new Map<string, string>();
  for (const f of files) {
    for (const part of f.rules) {
      if (part.name !== undefined) {
        const prev = firstByName.get(part.name);
        const path = ['rules', part.index, 'name'];
        if (prev)
          errors.push(
            errorAt(f.source, path, `duplicate rule name "${part.name}" (first defined at ${prev})`),
          );
        else {
          const e = errorAt(f.source, path, '');
          firstByName.set(part.name, `${e.file}:${e.line}:${e.col}`);
        }
      }
      const conditions = compileRule(f.source, part, ctx, errors, warnings);
      if (!conditions || !part.spec) continue;
      rules.push({
        name: part.spec.name,
        spec: part.spec,
        file: f.source.file,
        index: rules.length,
        conditions,
        severityMatrix: mergeSeverityMatrix(f.severityMatrix, part.spec.incident.severity_matrix),
        queryLanguages: part.spec.close_checks.map((c) => checkLanguage(c, ctx.providerKinds)),
      });
    }
  }

  // default_rule: at most one file may set it (or several, to the same value).
  let defaultName: string | null = null;
  let declaredAt: string | undefined;
  for (const f of files) {
    if (f.defaultRule === undefined) continue;
    const e = errorAt(f.source, ['default_rule'], '');
    if (declaredAt !== undefined && f.defaultRule !== defaultName) {
      errors.push({
        ...e,
        message: `default_rule is already set to ${JSON.stringify(defaultName)} at ${declaredAt}`,
      });
      continue;
    }
    defaultName = f.defaultRule;
    declaredAt = `${e.file}:${e.line}:${e.col}`;
    if (defaultName !== null && !firstByName.has(defaultName)) {
      errors.push({
        ...e,
        message: `default_rule names unknown rule "${defaultName}"${hint(new Set(firstByName.keys()))}`,
      });
    }
  }
  const defaultRule = defaultName === null ? null : (rules.find((r) => r.name === defaultName) ?? null);
  return { rules, defaultRule, errors, warnings };
}

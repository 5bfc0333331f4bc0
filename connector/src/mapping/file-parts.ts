// One mapping file parsed section by section and item by item, so a mistake in one rule does not hide
// the mistakes in the next: every item that parses is kept for the cross-file checks that follow.
import { z } from 'zod';
import type { MappingError, PathSegment } from './errors.js';
import {
  MappingFileSchema,
  RuleSchema,
  SeverityMatrixSchema,
  SourceSchema,
  TopologySchema,
  CloseCheckSchema,
  CorrelationSchema,
  IncidentTemplateSchema,
  MatchSchema,
  MatcherSchema,
  type Matcher,
  type RuleSpec,
  type SourceConfig,
  type Topology,
  MaintenanceWindowSchema,
  type MaintenanceWindow,
} from './schema.js';
import type { CloseCheckSpec } from '../model/close-check.js';
import type { PartialSeverityMatrix } from './severity.js';
import { issuesToErrors } from './zod-issues.js';
import { errorAt, type YamlSource } from './yaml-source.js';

const SourceNameSchema = MappingFileSchema.shape.sources.unwrap().keyType;

export interface SourcePart {
  name: string;
  /** Undefined when this source failed validation (its name still counts as defined). */
  config?: SourceConfig;
}

/**
 * The parts of a rule that passed validation, key by key, so cross-checks (sources, topology,
 * templates, providers) still run on the valid parts of an invalid rule. Close checks keep their
 * positions in the list.
 */
export interface PartialRule {
  match?: Partial<Omit<RuleSpec['match'], 'fields'>> & { fields?: Record<string, Matcher> };
  incident?: Partial<Omit<RuleSpec['incident'], 'fields'>> & { fields?: Record<string, string> };
  correlation?: Partial<RuleSpec['correlation']>;
  close_checks: Partial<CloseCheckSpec>[];
}

export interface RulePart {
  /** Index within this file's `rules` list. */
  index: number;
  /** The name as written, when it is a string (kept even if the rule is invalid). */
  name?: string;
  /** The whole rule, when every part of it is valid. */
  spec?: RuleSpec;
  /** What did validate, so cross-checks still run on the valid parts of an invalid rule. */
  partial: PartialRule;
}

export interface FileParts {
  source: YamlSource;
  sources: SourcePart[];
  /** Undefined when absent; `topologyOk` false when present but invalid. */
  topology?: Topology;
  topologyOk: boolean;
  severityMatrix?: PartialSeverityMatrix;
  /** `undefined` = not set in this file; `null` = explicitly drop unmatched alarms. */
  defaultRule?: string | null;
  rules: RulePart[];
  maintenance: MaintenanceWindow[];
  errors: MappingError[];
}

const TOP_KEYS = new Set(Object.keys(MappingFileSchema.shape));

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readFileParts(source: YamlSource): FileParts {
  const parts: FileParts = { source, sources: [], topologyOk: true, rules: [], maintenance: [], errors: [] };
  const errors = parts.errors;
  const doc = source.value;
  if (doc === undefined || doc === null) return parts; // an empty file is allowed (and contributes nothing)
  if (!isRecord(doc)) {
    errors.push(errorAt(source, [], 'a mapping file must be a mapping with sources, topology, rules, …'));
    return parts;
  }
  for (const key of Object.keys(doc)) {
    if (!TOP_KEYS.has(key)) {
      errors.push(
        errorAt(source, [key], `unknown key "${key}" (expected one of ${[...TOP_KEYS].join(', ')})`, 'key'),
      );
    }
  }
  if ('$schema' in doc && typeof doc.$schema !== 'string')
    errors.push(errorAt(source, ['$schema'], 'expected a string'));

  if (doc.sources !== undefined && doc.sources !== null) {
    if (!isRecord(doc.sources))
      errors.push(errorAt(source, ['sources'], 'expected a mapping of source name → source'));
    else {
      for (const [name, raw] of Object.entries(doc.sources)) {
        const n = SourceNameSchema.safeParse(name);
        if (!n.success)
          errors.push(
            errorAt(
              source,
              ['sources', name],
              `invalid source name "${name}": ${n.error.issues[0]?.message}`,
              'key',
            ),
          );
        const r = SourceSchema.safeParse(raw);
        if (r.success) parts.sources.push({ name, config: r.data });
        else {
          parts.sources.push({ name });
          errors.push(...issuesToErrors(source, ['sources', name], r.error.issues));
        }
      }
    }
  }

  if (doc.topology !== undefined && doc.topology !== null) {
    const r = TopologySchema.safeParse(doc.topology);
    if (r.success) parts.topology = r.data;
    else {
      parts.topologyOk = false;
      errors.push(...issuesToErrors(source, ['topology'], r.error.issues));
    }
  }

  if (doc.maintenance !== undefined && doc.maintenance !== null) {
    const r = z.array(MaintenanceWindowSchema).safeParse(doc.maintenance);
    if (r.success) parts.maintenance = r.data;
    else errors.push(...issuesToErrors(source, ['maintenance'], r.error.issues));
  }

  if (doc.severity_matrix !== undefined) {
    const r = SeverityMatrixSchema.safeParse(doc.severity_matrix);
    if (r.success) parts.severityMatrix = r.data;
    else errors.push(...issuesToErrors(source, ['severity_matrix'], r.error.issues));
  }

  if ('default_rule' in doc) {
    const r = z.string().min(1).nullable().safeParse(doc.default_rule);
    if (r.success) parts.defaultRule = r.data;
    else
      errors.push(
        errorAt(source, ['default_rule'], 'expected a rule name, or null to drop unmatched alarms'),
      );
  }

  if (doc.rules !== undefined && doc.rules !== null) {
    if (!Array.isArray(doc.rules)) errors.push(errorAt(source, ['rules'], 'expected a list of rules'));
    else {
      doc.rules.forEach((raw: unknown, index: number) =>
        parts.rules.push(readRule(source, raw, index, errors)),
      );
    }
  }
  return parts;
}

const RULE_KEYS = Object.keys(RuleSchema.shape);

/**
 * Parses each key of a strict object on its own: unknown keys and invalid values are reported, the
 * valid keys are returned. `nested` names keys parsed entry by entry (records of templates/matchers).
 */
function partialObject<T>(
  schema: z.ZodObject,
  raw: unknown,
  at: { source: YamlSource; path: PathSegment[]; errors: MappingError[] },
  nested: Record<string, z.ZodType> = {},
): Partial<T> | undefined {
  const { source, path, errors } = at;
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) {
    const r = schema.safeParse(raw);
    if (!r.success) errors.push(...issuesToErrors(source, path, r.error.issues));
    return undefined;
  }
  const shape = schema.shape as Record<string, z.ZodType>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    if (raw[key] === undefined && !field.safeParse(undefined).success)
      errors.push(errorAt(source, [...path, key], 'is required'));
  }
  for (const [key, value] of Object.entries(raw)) {
    const field = shape[key];
    if (!field) {
      errors.push(
        errorAt(
          source,
          [...path, key],
          `unknown key "${key}" (expected one of ${Object.keys(shape).join(', ')})`,
          'key',
        ),
      );
      continue;
    }
    const entry = nested[key];
    if (entry && isRecord(value)) {
      const rec: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const r = entry.safeParse(v);
        if (r.success) rec[k] = r.data;
        else errors.push(...issuesToErrors(source, [...path, key, k], r.error.issues));
      }
      out[key] = rec;
      continue;
    }
    const r = field.safeParse(value);
    if (r.success) out[key] = r.data;
    else errors.push(...issuesToErrors(source, [...path, key], r.error.issues));
  }
  return out as Partial<T>;
}

function readRule(source: YamlSource, raw: unknown, index: number, errors: MappingError[]): RulePart {
  const base: PathSegment[] = ['rules', index];
  const partial: PartialRule = { close_checks: [] };
  if (!isRecord(raw)) {
    errors.push(errorAt(source, base, 'a rule must be a mapping with name, match, incident, correlation, …'));
    return { index, partial };
  }
  const before = errors.length;
  const name = typeof raw.name === 'string' ? raw.name : undefined;
  const at = (key: string) => ({ source, path: [...base, key], errors });
  for (const key of Object.keys(raw)) {
    if (!RULE_KEYS.includes(key)) {
      errors.push(
        errorAt(
          source,
          [...base, key],
          `unknown key "${key}" (expected one of ${RULE_KEYS.join(', ')})`,
          'key',
        ),
      );
    }
  }
  for (const key of ['name', 'description', 'options'] as const) {
    const r = RuleSchema.shape[key].safeParse(raw[key]);
    if (!r.success) errors.push(...issuesToErrors(source, [...base, key], r.error.issues));
  }
  partial.match = partialObject(MatchSchema, raw.match, at('match'), { fields: MatcherSchema });
  partial.incident = partialObject(IncidentTemplateSchema, raw.incident, at('incident'), {
    fields: z.string(),
  });
  partial.correlation = partialObject(CorrelationSchema, raw.correlation, at('correlation'));
  if (raw.incident === undefined) errors.push(errorAt(source, [...base, 'incident'], 'is required'));
  if (raw.correlation === undefined) errors.push(errorAt(source, [...base, 'correlation'], 'is required'));
  if (Array.isArray(raw.close_checks)) {
    raw.close_checks.forEach((check: unknown, i: number) => {
      partial.close_checks[i] =
        partialObject<CloseCheckSpec>(CloseCheckSchema, check, {
          source,
          path: [...base, 'close_checks', i],
          errors,
        }) ?? {};
    });
  } else if (raw.close_checks !== undefined) {
    errors.push(errorAt(source, [...base, 'close_checks'], 'expected a list of close checks'));
  }
  if (errors.length > before) return { index, name, partial };
  // Everything valid on its own: the full parse applies defaults and the required-key checks.
  const full = RuleSchema.safeParse(raw);
  if (!full.success) {
    errors.push(...issuesToErrors(source, base, full.error.issues));
    return { index, name, partial };
  }
  return { index, name, spec: full.data, partial };
}

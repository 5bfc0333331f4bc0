// The loaded, validated and merged mappings in the form the matcher and planner use. Built once by
// loadMappings; everything here has already been checked, so using it cannot fail on a bad mapping.
import type { Severity } from '../model/alarm.js';
import type { MaintenanceWindow, RuleSpec, SourceConfig, Topology } from './schema.js';
import type { QueryLanguage } from './query/language.js';
import type { SeverityMatrix } from './severity.js';
import type { TopologyGraph } from './topology-graph.js';

export type CompiledMatcher =
  | { kind: 'exact'; values: string[] }
  | { kind: 'glob'; pattern: string; regex: RegExp }
  | { kind: 'regex'; pattern: string; regex: RegExp }
  | { kind: 'exists'; exists: boolean };

export interface CompiledCondition {
  /** Variable the condition reads (`alarm.type`, `asset.rack`, `labels.gpu`, `topology.cooling_zone`). */
  variable: string;
  matcher: CompiledMatcher;
}

export interface CompiledRule {
  name: string;
  spec: RuleSpec;
  /** File the rule was defined in (as passed to loadMappings, joined with the directory). */
  file: string;
  /** Position in the merged rule list (file-name order, then document order). */
  index: number;
  conditions: CompiledCondition[];
  /** Rule matrix over file matrix over the default. */
  severityMatrix: SeverityMatrix;
  /** The query language of each close check (same order as spec.close_checks). */
  queryLanguages: QueryLanguage[];
}

export interface Mappings {
  files: string[];
  /** Sources that take alarms (enabled). */
  sources: Record<string, SourceConfig>;
  /** Sources switched off with `enabled: false`: validated, kept by name, never started. */
  disabledSources: Record<string, SourceConfig>;
  topology: Topology;
  /** The topology compiled into its dependency graph (what placement and correlation walk). */
  graph: TopologyGraph;
  rules: CompiledRule[];
  /** Applied to alarms no rule matched; null = drop them (with a reason). */
  defaultRule: CompiledRule | null;
  /** Planned maintenance windows from every file. */
  maintenance: MaintenanceWindow[];
}

export type { Severity };

// The mapping engine's public API, in one place.
export type { CompiledCondition, CompiledMatcher, CompiledRule, Mappings } from './compiled.js';
export { formatMappingError, type MappingError } from './errors.js';
export { loadMappingTexts, loadMappings, type LoadMappingsOptions, type LoadMappingsResult } from './load.js';
export { matchRule, type MatchResult, type MatchTraceEntry } from './match.js';
export { planIncident, type PlanError, type PlanResult, type PlannedIncident } from './plan.js';
export type { RenderedCheck } from '../model/close-check.js';
export type { RuleBehaviour } from '../model/rule-behaviour.js';
export { planAlarm, type AlarmPlan } from './plan-alarm.js';
export { previewAlarm, previewNormalisedAlarms, type PreviewAlarm, type PreviewResult } from './preview.js';
export { formatPreview } from './format-preview.js';
export { placeAsset, resolveTopology, type TopologyContext } from './topology.js';
export {
  buildGraph,
  nodeId,
  type GraphSpec,
  type NodeId,
  type NodeKind,
  type RedundancyGroup,
  type TopologyGraph,
} from './topology-graph.js';
export {
  EVERY_PATH,
  REDUNDANCY_HOLDS,
  directDownstream,
  directUpstream,
  downstream,
  isUpstreamOf,
  pathsBetween,
  rootCausePaths,
  scopesOf,
  upstream,
  upstreamThrough,
  type GroupDown,
  type Reach,
} from './topology-walk.js';
export {
  describeGroupState,
  groupState,
  groupsAbove,
  groupsWithMember,
  type GroupCondition,
  type GroupState,
} from './redundancy.js';
export { describeImpact, describePath, nodeLabel } from './topology-describe.js';
export { placeInGraph, type Placement } from './placement.js';
export { renderTemplate, checkTemplate, type RenderResult } from './template.js';
export { normaliseCorrelationKey, MAX_CORRELATION_KEY } from './correlation-key.js';
export { DEFAULT_SEVERITY_MATRIX, type SeverityMatrix } from './severity.js';
export { mappingJsonSchema, mappingJsonSchemaText } from './json-schema.js';

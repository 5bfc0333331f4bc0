// The ServiceNow instance stand-in's public surface (see docs/standin.md).
export { startStandin } from './server.js';
export type {
  Standin,
  StandinLogger,
  StandinOptions,
  StandinProperties,
  StandinTables,
  WriteOptions,
} from './server.js';
export { changesTo, ruleSysId } from './business-rules.js';
export type { BusinessRule, RuleApi, RuleContext, RuleOperation, RuleRunResult } from './business-rules.js';
export type { FaultControls, FaultInput, RequestLogEntry, Scope } from './faults.js';
export type { OAuthClient } from './oauth.js';
export type { SeedUser } from './seed.js';
export type { JournalEntry, Row } from './store.js';
export type { WriteOutcome } from './writes.js';
export { CIS, GROUPS, PLUGIN_PROPERTIES } from './seed.js';
export { PRIORITY_LOOKUP } from './incident-logic.js';
export { startPluginHost, DEFAULT_APP_DIR } from './plugin-host.js';
export type { PluginHost, PluginHostOptions, PluginRunRecord } from './plugin-host.js';
export type { PluginLogEntry } from './plugin-protocol.js';
export type { UiActionHandler, UiActionInput, UiActionResult } from './server.js';
export type { InputValue } from './writes.js';
export type { RateLimitRule } from './rate-limit.js';
export { filterCondition } from './business-rules.js';

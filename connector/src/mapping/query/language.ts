// Which query language a close check's `query` is written in. It follows from the kind of the
// telemetry provider the check names (closeloop.yaml `telemetry.providers`); only when no
// closeloop.yaml is at hand (validating or previewing mappings alone) is it read off the query.

export type QueryLanguage = 'promql' | 'redfish' | 'mqtt';

/** Telemetry provider kinds as configured in closeloop.yaml. */
export type ProviderKind = 'prometheus' | 'redfish' | 'mqtt';

export const LANGUAGE_OF_KIND: Readonly<Record<ProviderKind, QueryLanguage>> = {
  prometheus: 'promql',
  redfish: 'redfish',
  mqtt: 'mqtt',
};

export const LANGUAGE_NAMES: Readonly<Record<QueryLanguage, string>> = {
  promql: 'PromQL',
  redfish: 'Redfish',
  mqtt: 'MQTT',
};

/** Text that only PromQL has: selectors, calls, strings, operators with spaces. */
const PROMQL_SYNTAX = /[{}()[\]"'`=<>!~*,\s]/;

/**
 * A best guess from the query's own text (template variables removed): `/redfish/…` is Redfish,
 * anything with PromQL syntax is PromQL, a bare `a/b/c` path is an MQTT topic.
 */
export function inferQueryLanguage(template: string): QueryLanguage {
  const text = template.replace(/\{\{[^}]*\}\}/g, '').trim();
  if (text.startsWith('/redfish/')) return 'redfish';
  if (PROMQL_SYNTAX.test(text)) return 'promql';
  return text.includes('/') ? 'mqtt' : 'promql';
}

/** Lone UTF-16 surrogates cannot be sent as UTF-8: the value would arrive changed. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** closeloop.yaml `telemetry.providers` → provider name → kind (what loadMappings needs). */
export function providerKindsOf(
  providers: Readonly<Record<string, { kind: ProviderKind }>>,
): Record<string, ProviderKind> {
  return Object.fromEntries(Object.entries(providers).map(([name, p]) => [name, p.kind]));
}

// Rendering a close check's query template for the language of its provider: every value goes
// through that language's placement rules (see promql.ts, redfish.ts, mqtt.ts) and is checked again
// after insertion, so a value either stays data or the query is refused. Also the warnings that
// validation gives for templates written where a value could not be data.
import type { VariableContext } from '../variables.js';
import { renderTemplate, templateSlots, type RenderResult, type ValueEscaper } from '../template.js';
import { LANGUAGE_NAMES, type QueryLanguage } from './language.js';
import { MQTT_START, advanceMqtt, mqttSlotWarning, placeMqtt } from './mqtt.js';
import { PROMQL_START, advancePromql, placePromql, promqlSlotWarning, promqlUnchanged } from './promql.js';
import {
  REDFISH_START,
  advanceRedfish,
  placeRedfish,
  redfishQueryProblem,
  redfishSlotWarning,
} from './redfish.js';

function escaperFor(language: QueryLanguage): ValueEscaper {
  switch (language) {
    case 'promql':
      return (value, _name, before) => {
        const state = advancePromql(PROMQL_START, before);
        const placed = placePromql(value, state);
        if (placed.ok && !promqlUnchanged(state, placed.text))
          return { ok: false, reason: 'would change the structure of the PromQL query' };
        return placed;
      };
    case 'redfish':
      return (value, _name, before) => placeRedfish(value, advanceRedfish(REDFISH_START, before));
    case 'mqtt':
      return (value, _name, before) => {
        const state = advanceMqtt(MQTT_START, before);
        const placed = placeMqtt(value, state);
        if (placed.ok && state.part === 'topic' && advanceMqtt(state, placed.text).part !== 'topic')
          return { ok: false, reason: 'would change the structure of the MQTT topic filter' };
        return placed;
      };
  }
}

/**
 * The query for one alarm. `{ok: false, refused: true}`: every variable was set but a value cannot be
 * placed safely; the error says which and why (the check is then not run, and its verdict is unknown).
 */
export function renderQuery(
  template: string,
  context: VariableContext,
  language: QueryLanguage,
): RenderResult {
  const r = renderTemplate(template, context, escaperFor(language));
  if (!r.ok) {
    return r.refused
      ? { ...r, error: `unsafe value for a ${LANGUAGE_NAMES[language]} query: ${r.error}` }
      : r;
  }
  if (language === 'redfish') {
    const problem = redfishQueryProblem(r.value);
    if (problem) return { ok: false, error: `unsafe value for a Redfish query: ${problem}`, refused: true };
  }
  return r;
}

/** Warnings for a query template: each variable written where an alarm value could not be plain data. */
export function queryTemplateWarnings(template: string, language: QueryLanguage): string[] {
  const out: string[] = [];
  for (const { variable, before } of templateSlots(template)) {
    const warning =
      language === 'promql'
        ? promqlSlotWarning(advancePromql(PROMQL_START, before))
        : language === 'redfish'
          ? redfishSlotWarning(advanceRedfish(REDFISH_START, before))
          : mqttSlotWarning(advanceMqtt(MQTT_START, before));
    if (warning) out.push(`{{${variable}}} ${warning}`);
  }
  return out;
}

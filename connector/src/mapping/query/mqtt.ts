// Placing alarm values into MQTT topic filters (`a/b/c`, Sparkplug `…#metric`). A value fills (part
// of) one topic level: "/", the wildcards "+" and "#", and NUL are refused, so an alarm can neither
// widen the filter nor reach another branch of the topic tree; a leading "$" (broker topics) is
// refused at the start. In a Sparkplug metric name only NUL is refused.
import { isWellFormed } from './language.js';
import type { Placed } from './promql.js';

export type MqttState = { part: 'topic'; levelStart: boolean; firstLevel: boolean } | { part: 'metric' };

export const MQTT_START: MqttState = { part: 'topic', levelStart: true, firstLevel: true };

/** Follows parseMqttQuery: the first "#" that does not begin a level separates the metric name. */
export function advanceMqtt(state: MqttState, text: string): MqttState {
  let s = state;
  for (const c of text) {
    if (s.part === 'metric') break;
    if (c === '/') s = { part: 'topic', levelStart: true, firstLevel: false };
    else if (c === '#' && !s.levelStart) s = { part: 'metric' };
    else s = { ...s, levelStart: false };
  }
  return s;
}

export function placeMqtt(value: string, state: MqttState): Placed {
  if (!isWellFormed(value)) return { ok: false, reason: 'is not valid Unicode' };
  if (value.includes('\u0000')) return { ok: false, reason: 'contains NUL, which MQTT topics cannot hold' };
  if (state.part === 'metric') {
    return value === ''
      ? { ok: false, reason: 'is empty; a Sparkplug metric name cannot be' }
      : { ok: true, text: value };
  }
  if (/[/+#]/.test(value))
    return {
      ok: false,
      reason: 'holds "/", "+" or "#" and would change which MQTT topics are read',
    };
  if (state.firstLevel && state.levelStart && value.startsWith('$'))
    return { ok: false, reason: 'starts the topic with "$" (the broker\'s own topics)' };
  return { ok: true, text: value };
}

export function mqttSlotWarning(state: MqttState): string | undefined {
  if (state.part === 'topic' && state.firstLevel)
    return 'is in the first topic level: the alarm would choose the top of the topic tree; start the query with a fixed level';
  return undefined;
}

// Short human phrases for work notes: what a technician reading the incident needs, in one line.
import type { Alarm } from '../model/alarm.js';

export function describeAlarm(a: Alarm): string {
  const where =
    a.asset.equipmentName ?? a.asset.equipmentId ?? a.asset.rack ?? a.asset.row ?? a.asset.site ?? a.source;
  const reading =
    a.value !== undefined
      ? ` (${a.value}${a.unit ? ` ${a.unit}` : ''}${a.limit !== undefined ? `, limit ${a.limit}` : ''})`
      : '';
  const text = a.text.length > 160 ? `${a.text.slice(0, 157)}…` : a.text;
  return `[${a.severity}] ${where} ${a.type}${reading} from ${a.source}${text ? ` — ${text}` : ''}`;
}

// Alarm severity → ServiceNow impact and urgency (priority is computed by the instance from the two).
// Precedence: the rule's incident.severity_matrix, then its file's severity_matrix, then the default.
import { SEVERITIES, type Severity } from '../model/alarm.js';

export interface ImpactUrgency {
  impact: number;
  urgency: number;
}
export type SeverityMatrix = Record<Severity, ImpactUrgency>;
export type PartialSeverityMatrix = Partial<Record<Severity, ImpactUrgency | undefined>>;

export const DEFAULT_SEVERITY_MATRIX: SeverityMatrix = {
  critical: { impact: 1, urgency: 1 },
  major: { impact: 1, urgency: 2 },
  minor: { impact: 2, urgency: 2 },
  warning: { impact: 2, urgency: 3 },
  info: { impact: 3, urgency: 3 },
};

/** Later layers win, per severity. */
export function mergeSeverityMatrix(...layers: (PartialSeverityMatrix | undefined)[]): SeverityMatrix {
  const out = { ...DEFAULT_SEVERITY_MATRIX };
  for (const layer of layers) {
    if (!layer) continue;
    for (const s of SEVERITIES) {
      const v = layer[s];
      if (v) out[s] = { impact: v.impact, urgency: v.urgency };
    }
  }
  return out;
}

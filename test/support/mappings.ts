// Helpers for mapping tests: load mapping YAML held in memory and read its errors as printed lines.
import type { Mappings } from '../../connector/src/mapping/compiled.js';
import { formatMappingError } from '../../connector/src/mapping/errors.js';
import { loadMappingTexts } from '../../connector/src/mapping/load.js';
import type { TopologyGraph } from '../../connector/src/mapping/topology-graph.js';
import YAML from 'yaml';

export const PROVIDERS = ['prometheus', 'redfish-cdu', 'mqtt'];

/** Loads `files` (name → YAML text); fails the test with every error when they do not load. */
export function loadOk(files: Record<string, string>, providerNames: string[] = PROVIDERS): Mappings {
  const r = loadMappingTexts(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { providerNames },
  );
  if (!r.ok) throw new Error(`mappings did not load:\n${r.errors.map(formatMappingError).join('\n')}`);
  return r.mappings;
}

/** Loads `files` expecting failure; returns the errors as `file:line:col path: message` lines. */
export function loadErrors(files: Record<string, string>, providerNames: string[] = PROVIDERS): string[] {
  const r = loadMappingTexts(
    Object.entries(files).map(([file, text]) => ({ file, text })),
    { providerNames },
  );
  if (r.ok) throw new Error('expected the mappings to be rejected, but they loaded');
  return r.errors.map(formatMappingError);
}

/** A minimal valid source + topology file most tests build on. */
export const BASE = `
sources:
  bms:
    kind: webhook
    fields: { id: $.id, state: $.state, severity: $.severity, type: $.type }
  alertmanager:
    kind: alertmanager
topology:
  sites:
    - id: DC1
      rooms:
        - id: HALL-A
          rows:
            - { id: A1, racks: [R01, R02] }
            - { id: A2, racks: [R03] }
      cooling_zones:
        - { id: ZONE-A1, units: [CRAH-1], rows: [A1] }
        - { id: ZONE-A2, units: [CRAH-2], rows: [A2] }
      power_paths:
        - { id: PP-A, ups: UPS-1, racks: [R01, R02, R03] }
      equipment:
        - { id: CRAH-1, class: CRAH, room: HALL-A, row: A1 }
        - { id: CRAH-2, class: CRAH, room: HALL-A, row: A2 }
        - { id: UPS-1, class: UPS }
`;

/** A rule with the required parts, for tests that only care about one aspect of it. */
export function rule(name: string, extra = '', key = "'{{alarm.source}}/{{alarm.id}}'"): string {
  return `
  - name: ${name}
${extra}
    incident:
      short_description: '${name}: {{alarm.text}}'
    correlation:
      key: ${key}
`;
}

/** The compiled topology graph of a topology given as plain data (through the loader, so it is checked). */
export function graphOf(topology: unknown): TopologyGraph {
  return loadOk({ 'topology.yaml': YAML.stringify({ topology }) }).graph;
}

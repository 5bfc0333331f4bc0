// What a fresh stand-in holds: the users it authenticates, the assignment groups and CIs of the
// shipped demo topology, the dictionary and choice rows that `closeloop doctor` reads, and the
// Closeloop plugin's properties. Seed rows bypass business rules; they are set-up, not traffic.
import { TABLES } from './dictionary.js';
import { STATE_MODELS } from './state-models.js';
import { blankRow, putRow, type Row, type Store } from './store.js';
import { seedApplication } from './platform-seed.js';

export interface SeedUser {
  username: string;
  password: string;
  /** Display name (sys_user.name); defaults to the username. */
  name?: string;
  roles?: string[];
}

export const DEFAULT_USERS: SeedUser[] = [
  { username: 'admin', password: 'admin', name: 'System Administrator', roles: ['admin'] },
];

/** Generic groups, plus the ones the shipped mappings (mappings/*.yaml) assign to. */
export const GROUPS = [
  'Facilities - Cooling',
  'Facilities - Power',
  'IT - GPU Operations',
  'Service Desk',
  'DC Facilities',
  'DC Facilities - Cooling',
  'DC Facilities - Liquid Cooling',
  'DC Facilities - Electrical',
  'DC Operations - GPU Compute',
];

const RACKS = ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R11', 'R12'];
const hallOf = (rack: string) => (Number(rack.slice(1)) <= 6 ? 'Hall A' : 'Hall B');

/** CIs of the shipped topology (mappings/10-topology.yaml, site DC1): name = equipment id. */
export const CIS: { name: string; cls: string; description: string; location: string }[] = [
  { name: 'CRAH-1', cls: 'cmdb_ci_crac', description: 'CRAH-1 Hall A row A1', location: 'DC1 / Hall A / A1' },
  { name: 'CRAH-2', cls: 'cmdb_ci_crac', description: 'CRAH-2 Hall A row A2', location: 'DC1 / Hall A / A2' },
  { name: 'CRAH-3', cls: 'cmdb_ci_crac', description: 'CRAH-3 Hall B', location: 'DC1 / Hall B / B1' },
  { name: 'CRAH-4', cls: 'cmdb_ci_crac', description: 'CRAH-4 Hall B', location: 'DC1 / Hall B / B2' },
  {
    name: 'CDU-1',
    cls: 'cmdb_ci_facility_hardware',
    description: 'CDU-1 Hall B liquid loop',
    location: 'DC1 / Hall B / B2',
  },
  {
    name: 'CH-1',
    cls: 'cmdb_ci_facility_hardware',
    description: 'CH-1 chiller (hall A loop)',
    location: 'DC1 / Plant',
  },
  {
    name: 'CH-2',
    cls: 'cmdb_ci_facility_hardware',
    description: 'CH-2 chiller (hall B loop)',
    location: 'DC1 / Plant',
  },
  ...['A', 'B'].map((side) => ({
    name: `SWGR-${side}`,
    cls: 'cmdb_ci_facility_hardware',
    description: `Switchgear ${side}`,
    location: 'DC1 / Power room',
  })),
  ...[
    ['UPS-1', 'hall A side A'],
    ['UPS-2', 'hall B side A'],
    ['UPS-3', 'hall A side B'],
    ['UPS-4', 'hall B side B'],
  ].map(([name, feeds]) => ({
    name: name!,
    cls: 'cmdb_ci_ups',
    description: `${name} (${feeds})`,
    location: 'DC1 / Power room',
  })),
  ...['A1', 'A2', 'B1', 'B2'].flatMap((row) =>
    ['A', 'B'].map((side) => ({
      name: `PDU-${row}-${side}`,
      cls: 'cmdb_ci_pdu',
      description: `Power distribution unit row ${row} side ${side}`,
      location: `DC1 / Hall ${row[0]} / ${row}`,
    })),
  ),
  // One GPU server per rack: gpu-r01-01 … gpu-r12-01 (the topology names r03, r05, r10, r11).
  ...RACKS.map((rack) => ({
    name: `gpu-${rack.toLowerCase()}-01`,
    cls: 'cmdb_ci_linux_server',
    description: `GPU server in rack ${rack} (8 GPUs)`,
    location: `DC1 / ${hallOf(rack)} / ${rack}`,
  })),
];

type Choice = [value: string, label: string];
const INCIDENT_CHOICES: Record<string, Choice[]> = {
  state: [
    ['1', 'New'],
    ['2', 'In Progress'],
    ['3', 'On Hold'],
    ['6', 'Resolved'],
    ['7', 'Closed'],
    ['8', 'Canceled'],
  ],
  incident_state: [
    ['1', 'New'],
    ['2', 'In Progress'],
    ['3', 'On Hold'],
    ['6', 'Resolved'],
    ['7', 'Closed'],
    ['8', 'Canceled'],
  ],
  close_code: [
    ['Solved (Work Around)', 'Solved (Work Around)'],
    ['Solved (Permanently)', 'Solved (Permanently)'],
    ['Solved Remotely (Work Around)', 'Solved Remotely (Work Around)'],
    ['Solved Remotely (Permanently)', 'Solved Remotely (Permanently)'],
    ['Not Solved (Not Reproducible)', 'Not Solved (Not Reproducible)'],
    ['Not Solved (Too Costly)', 'Not Solved (Too Costly)'],
    ['Closed/Resolved by Caller', 'Closed/Resolved by Caller'],
  ],
  category: [
    ['inquiry', 'Inquiry / Help'],
    ['software', 'Software'],
    ['hardware', 'Hardware'],
    ['network', 'Network'],
    ['database', 'Database'],
  ],
};
const TASK_CHOICES: Record<string, Choice[]> = {
  impact: [
    ['1', '1 - High'],
    ['2', '2 - Medium'],
    ['3', '3 - Low'],
  ],
  urgency: [
    ['1', '1 - High'],
    ['2', '2 - Medium'],
    ['3', '3 - Low'],
  ],
  priority: [
    ['1', '1 - Critical'],
    ['2', '2 - High'],
    ['3', '3 - Moderate'],
    ['4', '4 - Low'],
    ['5', '5 - Planning'],
  ],
};
const VERDICT_CHOICES: Choice[] = [
  ['pass', 'Pass'],
  ['fail', 'Fail'],
  ['unknown', 'Unknown'],
  ['not_applicable', 'Not applicable'],
];
/** Choice columns of the plugin's tables (as in plugin/src/fluent/tables.now.ts). */
const PLUGIN_CHOICES: Record<string, Record<string, Choice[]>> = {
  x_closeloop_closure_audit: {
    outcome: [
      ['allowed', 'Allowed'],
      ['blocked', 'Blocked'],
      ['overridden', 'Overridden'],
      ['unavailable', 'Unavailable'],
      ['canceled', 'Canceled (not checked)'],
    ],
    verdict: VERDICT_CHOICES,
    source: [
      ['live', 'Live'],
      ['pushed', 'Pushed'],
      ['none', 'None'],
    ],
  },
  x_closeloop_verdict: { verdict: VERDICT_CHOICES },
  x_closeloop_guarded_table: {
    fail_mode: [
      ['inherit', 'As x_closeloop.guard.fail_mode'],
      ['block', 'Block'],
      ['allow', 'Allow'],
    ],
  },
  x_closeloop_override_request: {
    status: [
      ['pending', 'Pending'],
      ['used', 'Used'],
      ['superseded', 'Superseded'],
    ],
  },
};
/** Subcategories depend on the category (dependent_value), as on the platform. */
const SUBCATEGORIES: [category: string, value: string, label: string][] = [
  ['hardware', 'cpu', 'CPU'],
  ['hardware', 'disk', 'Disk'],
  ['hardware', 'memory', 'Memory'],
  ['hardware', 'monitor', 'Monitor'],
  ['network', 'dns', 'DNS'],
  ['network', 'wireless', 'Wireless'],
  ['software', 'os', 'Operating System'],
  ['database', 'db2', 'DB2'],
];

/**
 * The Closeloop plugin's properties (names as in plugin/src/server/closure/names.ts) with the
 * plugin's defaults; tests and the demo point x_closeloop.connector.url at a connector.
 */
export const PLUGIN_PROPERTIES: { name: string; value: string; type: string; description: string }[] = [
  {
    name: 'x_closeloop.connector.url',
    value: '',
    type: 'string',
    description: 'Base URL of the Closeloop connector (without a connection alias).',
  },
  { name: 'x_closeloop.connector.api_key', value: '', type: 'password2', description: 'Sent as X-API-Key.' },
  {
    name: 'x_closeloop.connector.mid_server',
    value: '',
    type: 'string',
    description: 'MID Server name; empty = direct.',
  },
  {
    name: 'x_closeloop.connector.timeout_seconds',
    value: '8',
    type: 'integer',
    description: 'Closure check timeout.',
  },
  {
    name: 'x_closeloop.connector.breaker_failures',
    value: '3',
    type: 'integer',
    description: 'Failed calls that open the circuit.',
  },
  {
    name: 'x_closeloop.connector.breaker_open_seconds',
    value: '60',
    type: 'integer',
    description: 'How long the circuit stays open.',
  },
  {
    name: 'x_closeloop.connector.max_live_calls_per_transaction',
    value: '3',
    type: 'integer',
    description: 'Live calls one transaction may make.',
  },
  { name: 'x_closeloop.guard.fail_mode', value: 'block', type: 'choicelist', description: 'block or allow.' },
  {
    name: 'x_closeloop.guard.pushed_verdict_max_age_minutes',
    value: '15',
    type: 'integer',
    description: 'Freshness of a pushed verdict.',
  },
  {
    name: 'x_closeloop.guard.correlation_display',
    value: 'Closeloop',
    type: 'string',
    description: 'Records with this correlation_display are guarded.',
  },
  {
    name: 'x_closeloop.guard.ci_classes',
    value: '',
    type: 'string',
    description: 'CI classes that are guarded.',
  },
  {
    name: 'x_closeloop.guard.cancel',
    value: 'false',
    type: 'boolean',
    description: 'Check cancellations too.',
  },
];

function add(store: Store, table: string, values: Row): Row {
  return putRow(store, table, {
    ...blankRow(store, table, 'system', Date.parse('2025-01-01T00:00:00Z')),
    ...values,
  });
}

export function seedUsers(store: Store, users: readonly SeedUser[]): void {
  add(store, 'sys_user', { user_name: 'system', name: 'System' });
  for (const user of users)
    add(store, 'sys_user', { user_name: user.username, name: user.name ?? user.username });
}

/** Dictionary and choice rows; always present, even without the demo data. */
export function seedMetadata(store: Store): void {
  for (const table of TABLES) {
    add(store, 'sys_dictionary', {
      name: table.name,
      element: '',
      column_label: table.label,
      internal_type: 'collection',
    });
    for (const field of table.fields) {
      add(store, 'sys_dictionary', {
        name: table.name,
        element: field.element,
        column_label: field.label,
        internal_type: field.type,
        max_length: String(field.maxLength),
        reference: field.reference ?? '',
        default_value: field.defaultValue ?? '',
      });
    }
  }
  const choices = (table: string, byElement: Record<string, Choice[]>) => {
    for (const [element, list] of Object.entries(byElement)) {
      list.forEach(([value, label], index) =>
        add(store, 'sys_choice', { name: table, element, value, label, sequence: String((index + 1) * 10) }),
      );
    }
  };
  choices('incident', INCIDENT_CHOICES);
  choices('task', TASK_CHOICES);
  for (const model of STATE_MODELS) choices(model.table, { state: model.states });
  choices('change_request', {
    close_code: [
      ['successful', 'Successful'],
      ['successful_issues', 'Successful with issues'],
      ['unsuccessful', 'Unsuccessful'],
    ],
  });
  for (const [table, byElement] of Object.entries(PLUGIN_CHOICES)) choices(table, byElement);
  SUBCATEGORIES.forEach(([category, value, label], index) =>
    add(store, 'sys_choice', {
      name: 'incident',
      element: 'subcategory',
      value,
      label,
      dependent_value: category,
      sequence: String((index + 1) * 10),
    }),
  );
  for (const property of PLUGIN_PROPERTIES) add(store, 'sys_properties', { ...property });
  seedApplication(store);
}

/** Groups and CIs of the demo site. */
export function seedDemoData(store: Store): void {
  for (const name of GROUPS) add(store, 'sys_user_group', { name, description: `${name} (stand-in seed)` });
  for (const ci of CIS) {
    add(store, 'cmdb_ci', {
      name: ci.name,
      sys_class_name: ci.cls,
      short_description: ci.description,
      location_name: ci.location,
      asset_tag: `A-${ci.name.toUpperCase()}`,
    });
  }
}

// The stand-in's data dictionary: which tables exist, their columns, which table defines each column
// (incident inherits most of its columns from task, as on the platform) and which columns reference
// other tables. The sys_dictionary and sys_choice rows served over the Table API are generated from
// this, so what the API accepts and what it describes cannot drift apart.
import { PLATFORM_TABLES } from './platform-tables.js';

export type FieldType =
  | 'GUID'
  | 'string'
  | 'integer'
  | 'boolean'
  | 'glide_date_time'
  | 'reference'
  | 'journal_input'
  | 'sys_class_name';

export interface FieldDef {
  element: string;
  label: string;
  type: FieldType;
  /** Longer values are truncated on write, as the platform does for string columns. */
  maxLength: number;
  /** Target table of a reference column. */
  reference?: string;
  /** Value given on insert when the request does not set the column. */
  defaultValue?: string;
}

export interface TableDef {
  name: string;
  label: string;
  /** Parent table whose columns this table inherits (incident extends task). */
  extends?: string;
  /** Column shown as a reference's display value. */
  displayField: string;
  /** Own columns only; see `columnsOf` for the inherited view. */
  fields: FieldDef[];
  /** Abstract parents (task) exist in the dictionary but not as Table API endpoints here. */
  queryable: boolean;
  /** Number prefix for tables with an auto-numbered `number` column. */
  numberPrefix?: string;
  /** First value of the number counter (the platform starts incident at 10001). */
  numberStart?: number;
  /** "Allow access to this table via web services"; false = the Table API refuses it (default true). */
  webServiceAccess?: boolean;
  /** Unique database indexes: each entry is one column whose values may not repeat (case-insensitive). */
  unique?: { name: string; column: string }[];
}

const s = (element: string, label: string, maxLength = 40, defaultValue?: string): FieldDef => ({
  element,
  label,
  type: 'string',
  maxLength,
  ...(defaultValue === undefined ? {} : { defaultValue }),
});
const int = (element: string, label: string, defaultValue?: string): FieldDef => ({
  element,
  label,
  type: 'integer',
  maxLength: 40,
  ...(defaultValue === undefined ? {} : { defaultValue }),
});
const bool = (element: string, label: string, defaultValue = 'false'): FieldDef => ({
  element,
  label,
  type: 'boolean',
  maxLength: 40,
  defaultValue,
});
const dt = (element: string, label: string): FieldDef => ({
  element,
  label,
  type: 'glide_date_time',
  maxLength: 40,
});
const ref = (element: string, label: string, reference: string): FieldDef => ({
  element,
  label,
  type: 'reference',
  maxLength: 32,
  reference,
});
const journal = (element: string, label: string): FieldDef => ({
  element,
  label,
  type: 'journal_input',
  maxLength: 4000,
});

/** Columns every table has. */
export const SYSTEM_FIELDS: FieldDef[] = [
  { element: 'sys_id', label: 'Sys ID', type: 'GUID', maxLength: 32 },
  dt('sys_created_on', 'Created'),
  s('sys_created_by', 'Created by'),
  dt('sys_updated_on', 'Updated'),
  s('sys_updated_by', 'Updated by'),
  int('sys_mod_count', 'Updates', '0'),
];

export const TABLES: TableDef[] = [
  {
    name: 'task',
    label: 'Task',
    displayField: 'number',
    queryable: false,
    fields: [
      s('number', 'Number'),
      s('short_description', 'Short description', 160),
      s('description', 'Description', 4000),
      int('state', 'State', '1'),
      int('impact', 'Impact', '3'),
      int('urgency', 'Urgency', '3'),
      int('priority', 'Priority', '5'),
      bool('active', 'Active', 'true'),
      ref('cmdb_ci', 'Configuration item', 'cmdb_ci'),
      ref('assignment_group', 'Assignment group', 'sys_user_group'),
      ref('assigned_to', 'Assigned to', 'sys_user'),
      s('correlation_id', 'Correlation ID', 100),
      s('correlation_display', 'Correlation display', 100),
      journal('work_notes', 'Work notes'),
      journal('comments', 'Additional comments'),
      s('close_notes', 'Resolution notes', 4000),
      dt('opened_at', 'Opened'),
      ref('opened_by', 'Opened by', 'sys_user'),
      dt('closed_at', 'Closed'),
      ref('closed_by', 'Closed by', 'sys_user'),
      { element: 'sys_class_name', label: 'Task type', type: 'sys_class_name', maxLength: 80 },
    ],
  },
  {
    name: 'incident',
    label: 'Incident',
    extends: 'task',
    displayField: 'number',
    queryable: true,
    numberPrefix: 'INC',
    numberStart: 10001,
    fields: [
      ref('caller_id', 'Caller', 'sys_user'),
      s('category', 'Category', 40, 'inquiry'),
      s('subcategory', 'Subcategory', 40),
      s('close_code', 'Resolution code', 40),
      int('incident_state', 'Incident state', '1'),
      dt('resolved_at', 'Resolved'),
      ref('resolved_by', 'Resolved by', 'sys_user'),
    ],
  },
  // Tables the guard also covers (x_closeloop_guarded_table), each with its own state model
  // (state-models.ts). OT Incident Management's sn_ot_incident is deliberately absent: a guarded
  // table an instance does not have must simply be skipped.
  {
    name: 'change_request',
    label: 'Change Request',
    extends: 'task',
    displayField: 'number',
    queryable: true,
    numberPrefix: 'CHG',
    numberStart: 30001,
    fields: [s('close_code', 'Close code', 40), int('type_state', 'Change type state')],
  },
  {
    name: 'wm_order',
    label: 'Work Order',
    extends: 'task',
    displayField: 'number',
    queryable: true,
    numberPrefix: 'WO',
    numberStart: 10001,
    fields: [ref('initiated_from', 'Initiated from', 'task')],
  },
  {
    name: 'wm_task',
    label: 'Work Order Task',
    extends: 'task',
    displayField: 'number',
    queryable: true,
    numberPrefix: 'WOT',
    numberStart: 10001,
    fields: [ref('parent', 'Parent', 'task')],
  },
  {
    name: 'cmdb_ci',
    label: 'Configuration Item',
    displayField: 'name',
    queryable: true,
    fields: [
      s('name', 'Name', 255),
      {
        element: 'sys_class_name',
        label: 'Class',
        type: 'sys_class_name',
        maxLength: 80,
        defaultValue: 'cmdb_ci',
      },
      s('short_description', 'Description', 1000),
      s('asset_tag', 'Asset tag'),
      s('serial_number', 'Serial number', 255),
      s('location_name', 'Location name', 255),
      int('operational_status', 'Operational status', '1'),
      int('install_status', 'Status', '1'),
    ],
  },
  {
    name: 'sys_user',
    label: 'User',
    displayField: 'name',
    queryable: true,
    fields: [
      s('user_name', 'User ID', 40),
      s('name', 'Name', 151),
      s('email', 'Email', 100),
      bool('active', 'Active', 'true'),
    ],
  },
  {
    name: 'sys_user_group',
    label: 'Group',
    displayField: 'name',
    queryable: true,
    fields: [
      s('name', 'Name', 80),
      s('description', 'Description', 1000),
      s('email', 'Group email', 100),
      ref('manager', 'Manager', 'sys_user'),
      bool('active', 'Active', 'true'),
    ],
  },
  {
    name: 'sys_dictionary',
    label: 'Dictionary Entry',
    displayField: 'element',
    queryable: true,
    fields: [
      s('name', 'Table', 80),
      s('element', 'Column name', 80),
      s('column_label', 'Column label', 80),
      s('internal_type', 'Type', 32),
      int('max_length', 'Max length'),
      s('reference', 'Reference', 80),
      bool('mandatory', 'Mandatory'),
      bool('active', 'Active', 'true'),
      s('default_value', 'Default value', 512),
    ],
  },
  {
    name: 'sys_choice',
    label: 'Choice',
    displayField: 'label',
    queryable: true,
    fields: [
      s('name', 'Table', 80),
      s('element', 'Element', 80),
      s('value', 'Value', 40),
      s('label', 'Label', 100),
      int('sequence', 'Sequence'),
      bool('inactive', 'Inactive'),
      s('language', 'Language', 40, 'en'),
      s('dependent_value', 'Dependent value', 40),
    ],
  },
  {
    name: 'sys_journal_field',
    label: 'Journal Entry',
    displayField: 'value',
    queryable: true,
    fields: [
      s('name', 'Table name', 80),
      s('element', 'Element', 40),
      s('element_id', 'Element ID', 32),
      s('value', 'Value', 4000),
    ],
  },
  {
    name: 'sys_properties',
    label: 'System Property',
    displayField: 'name',
    queryable: true,
    fields: [
      s('name', 'Name', 100),
      s('value', 'Value', 4000),
      s('type', 'Type', 40, 'string'),
      s('description', 'Description', 512),
    ],
  },
  {
    name: 'em_event',
    label: 'Event',
    displayField: 'description',
    queryable: true,
    fields: [
      s('source', 'Source', 100),
      s('event_class', 'Source instance', 100),
      s('node', 'Node', 100),
      s('resource', 'Resource', 100),
      s('metric_name', 'Metric Name', 100),
      s('type', 'Type', 100),
      s('message_key', 'Message key', 1024),
      s('severity', 'Severity', 40),
      s('description', 'Description', 4000),
      s('additional_info', 'Additional information', 4000),
      s('time_of_event', 'Time of event', 40),
      s('state', 'State', 40, 'Ready'),
    ],
  },
  {
    name: 'sysevent',
    label: 'Event',
    displayField: 'name',
    queryable: true,
    fields: [
      s('name', 'Name', 40),
      s('table', 'Table', 80),
      s('instance', 'Instance', 32),
      s('parm1', 'Parm1', 4000),
      s('parm2', 'Parm2', 4000),
      s('state', 'State', 40, 'ready'),
    ],
  },
  {
    name: 'x_closeloop_closure_audit',
    label: 'Closure check audit',
    displayField: 'outcome',
    queryable: true,
    // As the plugin defines it: no allowWebServiceAccess, so only scripts on the instance see it.
    webServiceAccess: false,
    fields: [
      s('table_name', 'Table', 80),
      ref('task', 'Record', 'task'),
      s('number', 'Number', 40),
      s('correlation_id', 'Correlation ID', 100),
      ref('assignment_group', 'Assignment group', 'sys_user_group'),
      s('from_state', 'From state', 40),
      s('to_state', 'To state', 40),
      s('outcome', 'Outcome', 40),
      bool('resolution_blocked', 'Resolution blocked'),
      s('verdict', 'Verdict', 40),
      s('source', 'Verdict source', 40),
      s('checks', 'Checks (JSON)', 8000),
      s('evaluated_at', 'Verdict evaluated at', 40),
      ref('user', 'User', 'sys_user'),
      s('justification', 'Justification', 4000),
      dt('checked_at', 'Checked at'),
      s('detail', 'Detail', 4000),
      s('message', 'Message shown', 4000),
    ],
  },
  {
    name: 'x_closeloop_verdict',
    label: 'Pushed telemetry verdict',
    displayField: 'correlation_id',
    queryable: true,
    unique: [{ name: 'x_closeloop_verdict_correlation', column: 'correlation_id' }],
    fields: [
      s('correlation_id', 'Correlation ID', 100),
      s('verdict', 'Verdict', 40),
      s('checks', 'Checks (JSON)', 8000),
      s('evaluated_at', 'Evaluated at (ISO 8601)', 40),
    ],
  },
  {
    name: 'x_closeloop_guarded_table',
    label: 'Closeloop guarded table',
    displayField: 'table_name',
    queryable: true,
    webServiceAccess: false,
    unique: [{ name: 'x_closeloop_guarded_table_name', column: 'table_name' }],
    fields: [
      s('table_name', 'Table', 80),
      bool('active', 'Active', 'true'),
      s('closing_states', 'Closing states', 100),
      s('cancel_states', 'Cancel states', 100),
      s('guarded_close_codes', 'Guarded close codes', 200),
      s('via_field', 'Guarded through', 80),
      bool('own_correlation', 'Own correlation guards', 'true'),
      s('fail_mode', 'Fail mode', 40, 'inherit'),
      s('description', 'Description', 1000),
    ],
  },
  {
    name: 'x_closeloop_override_request',
    label: 'Closeloop override request',
    displayField: 'justification',
    queryable: true,
    webServiceAccess: false,
    fields: [
      s('table_name', 'Table', 80),
      ref('task', 'Record', 'task'),
      ref('user', 'Requested by', 'sys_user'),
      s('justification', 'Justification', 4000),
      dt('requested_at', 'Requested at'),
      s('status', 'Status', 40, 'pending'),
      ref('audit', 'Audit row', 'x_closeloop_closure_audit'),
    ],
  },
  {
    name: 'x_closeloop_connector_state',
    label: 'Closeloop connector state',
    displayField: 'name',
    queryable: true,
    webServiceAccess: false,
    unique: [{ name: 'x_closeloop_connector_state_name', column: 'name' }],
    fields: [
      s('name', 'Name', 40),
      int('failures', 'Consecutive failures', '0'),
      s('open_until_ms', 'Calls paused until (epoch ms)', 20),
      s('last_error', 'Last error', 200),
    ],
  },
];

TABLES.push(...PLATFORM_TABLES);

const byName = new Map(TABLES.map((table) => [table.name, table]));

export function tableDef(name: string): TableDef | undefined {
  return byName.get(name);
}

/** A table's columns including inherited ones and the system columns, each with the table defining it. */
export function columnsOf(name: string): Map<string, FieldDef & { definedOn: string }> {
  const chain: TableDef[] = [];
  for (let table = byName.get(name); table; table = table.extends ? byName.get(table.extends) : undefined) {
    chain.unshift(table);
  }
  const columns = new Map<string, FieldDef & { definedOn: string }>();
  const root = chain[0]?.name ?? name;
  for (const field of SYSTEM_FIELDS) columns.set(field.element, { ...field, definedOn: root });
  for (const table of chain) {
    for (const field of table.fields) columns.set(field.element, { ...field, definedOn: table.name });
  }
  return columns;
}

/** The table and the tables it extends, nearest first (incident → incident, task). */
export function tableChain(name: string): string[] {
  const chain: string[] = [];
  for (let table = byName.get(name); table; table = table.extends ? byName.get(table.extends) : undefined) {
    chain.push(table.name);
  }
  return chain;
}

/** Reference display column of a table ('' when the table is unknown). */
export function displayFieldOf(name: string): string {
  return byName.get(name)?.displayField ?? '';
}

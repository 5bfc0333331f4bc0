// Platform tables `closeloop doctor` reads besides the dictionary: the application scopes (is the
// Closeloop app installed, which version) and the policies that make fields mandatory (data
// policies with their rules, UI policies with their actions). Columns as on the platform, the subset
// doctor reads and tests set; the stand-in stores them but does not enforce the policies.
import type { FieldDef, TableDef } from './dictionary.js';

const s = (element: string, label: string, maxLength = 80, defaultValue?: string): FieldDef => ({
  element,
  label,
  type: 'string',
  maxLength,
  ...(defaultValue === undefined ? {} : { defaultValue }),
});
const bool = (element: string, label: string, defaultValue: string): FieldDef => ({
  element,
  label,
  type: 'boolean',
  maxLength: 40,
  defaultValue,
});
const ref = (element: string, label: string, reference: string): FieldDef => ({
  element,
  label,
  type: 'reference',
  maxLength: 32,
  reference,
});

export const PLATFORM_TABLES: TableDef[] = [
  {
    // sys_app and sys_store_app extend sys_scope on the platform; doctor reads the parent.
    name: 'sys_scope',
    label: 'Application',
    displayField: 'name',
    queryable: true,
    fields: [
      s('scope', 'Scope', 18),
      s('name', 'Name', 100),
      s('version', 'Version', 40),
      bool('active', 'Active', 'true'),
    ],
  },
  {
    name: 'sys_data_policy2',
    label: 'Data Policy',
    displayField: 'short_description',
    queryable: true,
    fields: [
      s('short_description', 'Short description', 160),
      s('model_table', 'Table', 80),
      s('conditions', 'Conditions', 4000),
      bool('active', 'Active', 'true'),
      bool('apply_import_set', 'Apply to import sets', 'true'),
      bool('apply_soap', 'Apply to SOAP', 'true'),
      bool('enforce_ui', 'Use as UI Policy on client', 'true'),
    ],
  },
  {
    name: 'sys_data_policy_rule',
    label: 'Data Policy Rule',
    displayField: 'field',
    queryable: true,
    fields: [
      ref('sys_data_policy', 'Data policy', 'sys_data_policy2'),
      s('table', 'Table', 80),
      s('field', 'Field name', 80),
      s('mandatory', 'Mandatory', 40, 'ignore'),
      s('disabled', 'Read only', 40, 'ignore'),
    ],
  },
  {
    name: 'sys_ui_policy',
    label: 'UI Policy',
    displayField: 'short_description',
    queryable: true,
    fields: [
      s('short_description', 'Short description', 160),
      s('table', 'Table', 80),
      s('conditions', 'Conditions', 4000),
      bool('active', 'Active', 'true'),
      bool('global', 'Global', 'true'),
      bool('on_load', 'On load', 'true'),
      bool('reverse_if_false', 'Reverse if false', 'true'),
    ],
  },
  {
    name: 'sys_ui_policy_action',
    label: 'UI Policy Action',
    displayField: 'field',
    queryable: true,
    fields: [
      ref('ui_policy', 'UI policy', 'sys_ui_policy'),
      s('table', 'Table', 80),
      s('field', 'Field name', 80),
      s('mandatory', 'Mandatory', 40, 'ignore'),
      s('visible', 'Visible', 40, 'ignore'),
      s('disabled', 'Read only', 40, 'ignore'),
    ],
  },
];

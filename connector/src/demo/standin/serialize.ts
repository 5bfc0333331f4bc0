// Rows as the Table API returns them: raw string values, reference columns as {link, value} (or the
// bare sys_id with sysparm_exclude_reference_link), journal columns as "" and, with
// sysparm_display_value=true|all, display values (choice labels, reference display columns, the
// journal text).
import { columnsOf, tableDef } from './dictionary.js';
import { readField, referenceDisplay } from './field-reader.js';
import { allRows, journalOf, type Row, type Store } from './store.js';

export type DisplayMode = 'false' | 'true' | 'all';

export interface RenderOptions {
  /** Requested columns (sysparm_fields); empty = all columns. Unknown names are left out. */
  fields: string[];
  displayValue: DisplayMode;
  excludeReferenceLink: boolean;
  /** Base URL of the instance, for reference links. */
  baseUrl: string;
}

export type RenderedValue = string | Record<string, string>;

export function renderRow(
  store: Store,
  table: string,
  row: Row,
  options: RenderOptions,
): Record<string, RenderedValue> {
  const names = options.fields.length > 0 ? options.fields : [...columnsOf(table).keys()];
  const out: Record<string, RenderedValue> = {};
  for (const name of names) {
    const read = readField(store, table, row, name);
    if (!read) continue;
    out[name] = renderValue(store, read, options);
  }
  return out;
}

function renderValue(
  store: Store,
  read: NonNullable<ReturnType<typeof readField>>,
  options: RenderOptions,
): RenderedValue {
  const { field, value, table, row } = read;
  if (field.type === 'reference' && field.reference) {
    if (!value) return options.displayValue === 'all' ? { display_value: '', value: '' } : '';
    const link = `${options.baseUrl}/api/now/table/${field.reference}/${value}`;
    const display = referenceDisplay(store, field.reference, value);
    const withLink = (shape: Record<string, string>) =>
      options.excludeReferenceLink ? shape : { ...shape, link };
    if (options.displayValue === 'true')
      return options.excludeReferenceLink ? display : withLink({ display_value: display });
    if (options.displayValue === 'all') return withLink({ display_value: display, value });
    return options.excludeReferenceLink ? value : { link, value };
  }
  if (options.displayValue === 'false') return value;
  const display =
    field.type === 'journal_input'
      ? journalText(store, table, row?.sys_id ?? '', field.element, field.label)
      : field.type === 'sys_class_name'
        ? (tableDef(value)?.label ?? value)
        : (choiceLabel(store, table, field.element, value) ?? value);
  return options.displayValue === 'all' ? { display_value: display, value } : display;
}

/** Label of a choice value, looked up on the table and then on the tables it extends. */
export function choiceLabel(store: Store, table: string, element: string, value: string): string | undefined {
  if (value === '') return undefined;
  for (let name: string | undefined = table; name; name = tableDef(name)?.extends) {
    const choice = allRows(store, 'sys_choice').find(
      (c) => c.name === name && c.element === element && c.value === value && c.inactive !== 'true',
    );
    if (choice) return choice.label;
  }
  return undefined;
}

/** A journal column's display value: newest entry first, as the form's activity stream shows it. */
export function journalText(
  store: Store,
  table: string,
  sysId: string,
  element: string,
  label: string,
): string {
  return journalOf(store, table, sysId, element)
    .reverse()
    .map(
      (entry) =>
        `${entry.sys_created_on} - ${userName(store, entry.sys_created_by)} (${label})\n${entry.value}\n\n`,
    )
    .join('');
}

function userName(store: Store, userName: string): string {
  return allRows(store, 'sys_user').find((u) => u.user_name === userName)?.name || userName;
}

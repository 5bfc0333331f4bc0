// Scenario helpers over the Glide fakes: guarded records being closed, the app's properties and
// guarded tables, the fake connector, and the guard's business rules registered as the platform
// runs them (before and after update on task).
import { FakeGlideRecord, world, type FakeConnectorReply, type FakeRow } from './glide-fakes.js';
import type { CheckResult } from '../../../plugin/src/server/closure/types.js';

export const CONNECTOR_URL = 'https://closeloop.dc1.example.com:8080';

/** The app's properties as an admin would set them for a directly reachable connector. */
export function configureApp(overrides: Record<string, string> = {}): void {
  const values: Record<string, string> = {
    'x_closeloop.connector.url': CONNECTOR_URL,
    'x_closeloop.connector.api_key': 'secret-key-123',
    'x_closeloop.connector.mid_server': '',
    'x_closeloop.connector.timeout_seconds': '8',
    'x_closeloop.guard.fail_mode': 'block',
    'x_closeloop.guard.pushed_verdict_max_age_minutes': '15',
    'x_closeloop.guard.correlation_display': 'Closeloop',
    'x_closeloop.guard.ci_classes': '',
    ...overrides,
  };
  for (const [name, value] of Object.entries(values)) world.properties.set(name, value);
  installGuardedTables();
}

/** The shipped x_closeloop_guarded_table rows (plugin/src/fluent/guarded-tables.now.ts). */
export function installGuardedTables(overrides: Record<string, Partial<FakeRow>> = {}): void {
  const rows: FakeRow[] = [
    guardedRow('incident', '6,7', '8'),
    guardedRow('change_request', '3', '4', { guarded_close_codes: 'successful,successful_issues' }),
    guardedRow('wm_order', '3', '7', { via_field: 'initiated_from' }),
    guardedRow('wm_task', '3', '7', { via_field: 'parent' }),
  ];
  world.tables.set(
    'x_closeloop_guarded_table',
    rows.map((row) => ({ ...row, ...(overrides[row.table_name ?? ''] ?? {}) }) as FakeRow),
  );
}

function guardedRow(table: string, closing: string, cancel: string, extra: FakeRow = {}): FakeRow {
  return {
    sys_id: `guarded-${table}`,
    table_name: table,
    active: 'true',
    closing_states: closing,
    cancel_states: cancel,
    guarded_close_codes: '',
    via_field: '',
    own_correlation: 'true',
    fail_mode: 'inherit',
    ...extra,
  };
}

export function connectorAnswers(verdict: string, checks: CheckResult[] = [], extra: Partial<FakeConnectorReply> = {}): void {
  const body = JSON.stringify({ verdict, checks, evaluated_at: new Date().toISOString() });
  world.connector = () => ({ status: 200, body, ...extra }) as FakeConnectorReply;
}

/** A verdict row as the connector pushes it, `minutes` old by the real clock. */
export function pushVerdict(correlationId: string, verdict: string, checks: CheckResult[], minutes: number): void {
  world.insertRow('x_closeloop_verdict', {
    correlation_id: correlationId,
    verdict,
    checks: JSON.stringify(checks),
    evaluated_at: new Date(Date.now() - minutes * 60_000).toISOString(),
  });
}

export function storeIncident(values: Record<string, string> = {}): FakeRow {
  return world.insertRow('incident', {
    number: 'INC0010042',
    state: '2',
    short_description: 'CRAH-3 supply air high',
    correlation_id: 'dc1/hall-a/crah-3/supply-temp',
    correlation_display: 'Closeloop',
    assignment_group: 'group-cooling',
    sys_class_name: 'incident',
    ...values,
  });
}

/** A pending override request, as the dialog of "Resolve despite telemetry" leaves it. */
export function requestOverrideFor(record: FakeRow, justification: string, table = 'incident'): FakeRow {
  return world.insertRow('x_closeloop_override_request', {
    table_name: table,
    task: record.sys_id ?? '',
    user: world.userId,
    justification,
    requested_at: new Date().toISOString().replace('T', ' ').slice(0, 19),
    status: 'pending',
  });
}

/** `current` and `previous` for an update of the stored record with `changes` (default: resolve). */
export function updating(
  stored: FakeRow,
  changes: Record<string, string> = { state: '6', close_code: 'Solution provided', close_notes: 'Fixed' },
  table = 'incident',
): { current: FakeGlideRecord; previous: FakeGlideRecord } {
  return {
    current: FakeGlideRecord.positionedOn(table, { ...stored, ...changes }),
    previous: FakeGlideRecord.positionedOn(table, stored),
  };
}

export function auditRows(): FakeRow[] {
  return world.rows('x_closeloop_closure_audit');
}

const stateOrCorrelationChanges = (current: FakeRow, previous: FakeRow) =>
  current.state !== previous.state ||
  current.correlation_id !== previous.correlation_id ||
  current.correlation_display !== previous.correlation_display;

/**
 * Registers the guard as the platform runs it: "Closeloop: guard closures" before update on task
 * (state, correlation_id or correlation_display changes) and "Closeloop: confirm closures" after.
 */
export function registerGuardRules(
  guard: (current: unknown, previous: unknown) => void,
  confirm: (current: unknown) => void,
): void {
  world.addBeforeUpdateRule('task', stateOrCorrelationChanges, (current, previous) => guard(current, previous));
  world.addAfterUpdateRule('task', (current, previous) => current.state !== previous.state, (current) => confirm(current));
}

export function redirectRecorder(): { setRedirectURL(target: unknown): void; targets: unknown[] } {
  const targets: unknown[] = [];
  return { targets, setRedirectURL: (target) => void targets.push(target) };
}

// Scenario helpers over the Glide fakes: an incident being resolved, the app's properties, the
// fake connector, and the guard business rule registered as the platform would run it.
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
    'x_closeloop.connector.stub_response': '',
    ...overrides,
  };
  for (const [name, value] of Object.entries(values)) world.properties.set(name, value);
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
    x_closeloop_override_requested: 'false',
    ...values,
  });
}

/** `current` and `previous` for an update of the stored incident with `changes` (default: resolve). */
export function updating(
  stored: FakeRow,
  changes: Record<string, string> = { state: '6', close_code: 'Solution provided', close_notes: 'Fixed' },
): { current: FakeGlideRecord; previous: FakeGlideRecord } {
  return {
    current: FakeGlideRecord.positionedOn('incident', { ...stored, ...changes }),
    previous: FakeGlideRecord.positionedOn('incident', stored),
  };
}

export function auditRows(): FakeRow[] {
  return world.rows('x_closeloop_closure_audit');
}

/** Registers the guard as the platform runs it: before update on incident, stateCHANGESTO6. */
export function registerGuardRule(guard: (current: unknown, previous: unknown) => void): void {
  world.addBeforeUpdateRule(
    'incident',
    (current, previous) => current.state === '6' && previous.state !== '6',
    (current, previous) => guard(current, previous),
  );
}

export function redirectRecorder(): { setRedirectURL(target: unknown): void; targets: unknown[] } {
  const targets: unknown[] = [];
  return { targets, setRedirectURL: (target) => void targets.push(target) };
}

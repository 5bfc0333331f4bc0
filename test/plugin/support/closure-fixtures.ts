// Builders for the guard's inputs, shared by the plugin tests.
import type {
  BreakerState,
  CheckResult,
  ConnectorEndpoint,
  ConnectorReply,
  ConnectorRequest,
  GuardEnvironment,
  GuardSettings,
  GuardedTable,
  GuardedTableRow,
  OverrideRequestRow,
  PushedLookup,
  RecordSnapshot,
  RecordUpdate,
} from '../../../plugin/src/server/closure/types.js';

export const NOW_MS = Date.UTC(2025, 5, 1, 12, 0, 0);
export const NOW_ISO = '2025-06-01T12:00:00Z';
export const CONNECTOR_URL = 'https://closeloop.dc1.example.com:8080';
export const INCIDENT_SYS_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const CORRELATION_ID = 'dc1/hall-a/crah-3/supply-temp';

/** An ISO timestamp `minutes` before NOW_MS. */
export function minutesAgo(minutes: number): string {
  return new Date(NOW_MS - minutes * 60_000).toISOString();
}

export function settings(overrides: Partial<GuardSettings> = {}): GuardSettings {
  return {
    failMode: 'block',
    maxPushedAgeMinutes: 15,
    guardedCorrelationDisplay: 'Closeloop',
    guardedCiClasses: [],
    guardCancel: false,
    timeoutSeconds: 8,
    breakerFailures: 3,
    breakerOpenSeconds: 60,
    maxLiveCalls: 3,
    ...overrides,
  };
}

export function endpoint(overrides: Partial<ConnectorEndpoint> = {}): ConnectorEndpoint {
  return { url: CONNECTOR_URL, apiKey: 'secret-key-123', midServer: '', origin: 'properties', ...overrides };
}

/** The shipped configuration rows (plugin/src/fluent/guarded-tables.now.ts). */
export const TABLE_ROWS: Record<string, GuardedTableRow> = {
  incident: row('incident', '6,7', '8'),
  change_request: row('change_request', '3', '4', { guardedCloseCodes: 'successful,successful_issues' }),
  wm_order: row('wm_order', '3', '7', { viaField: 'initiated_from' }),
  wm_task: row('wm_task', '3', '7', { viaField: 'parent' }),
};

export function row(table: string, closing: string, cancel: string, extra: Partial<GuardedTableRow> = {}): GuardedTableRow {
  return {
    table,
    active: 'true',
    closingStates: closing,
    cancelStates: cancel,
    guardedCloseCodes: '',
    viaField: '',
    ownCorrelation: 'true',
    failMode: 'inherit',
    ...extra,
  };
}

export function guardedTable(overrides: Partial<GuardedTable> = {}): GuardedTable {
  return {
    table: 'incident',
    closingStates: ['6', '7'],
    cancelStates: ['8'],
    guardedCloseCodes: [],
    viaField: '',
    ownCorrelation: true,
    failMode: 'inherit',
    ...overrides,
  };
}

export function snapshot(overrides: Partial<RecordSnapshot> = {}): RecordSnapshot {
  return {
    table: 'incident',
    sysId: INCIDENT_SYS_ID,
    number: 'INC0010042',
    state: '2',
    correlationId: CORRELATION_ID,
    correlationDisplay: 'Closeloop',
    cmdbCi: '',
    closeCode: '',
    assignmentGroup: 'group-cooling',
    via: '',
    ...overrides,
  };
}

/** An update of the default incident from `previous` (In Progress) to `current` (Resolved by default). */
export function update(current: Partial<RecordSnapshot> = {}, previous: Partial<RecordSnapshot> = {}): RecordUpdate {
  return { previous: snapshot(previous), current: snapshot({ state: '6', closeCode: 'Solution provided', ...current }) };
}

export const FAILING_CHECK: CheckResult = {
  name: 'crah_supply_temp',
  status: 'fail',
  observed: '29.4 °C',
  expected: '18–27 °C',
  window: '10m',
  message: 'CRAH-3 supply air is 29.4 °C, expected 18–27 °C for 10m',
};
export const PASSING_CHECK: CheckResult = {
  name: 'chw_flow',
  status: 'pass',
  observed: '41 l/s',
  expected: '>= 35 l/s',
  window: '10m',
  message: 'Chilled water flow 41 l/s, within range for 10m',
};
export const UNKNOWN_CHECK: CheckResult = {
  name: 'gpu_slowdown',
  status: 'unknown',
  observed: '',
  expected: '< DCGM_FI_DEV_SLOWDOWN_TEMP',
  window: '5m',
  message: 'GPU temperature data is stale (last sample 14 min ago)',
};

/** A closure-check response body as the connector sends it. */
export function verdictBody(
  verdict: string,
  checks: CheckResult[] = [],
  evaluatedAt: string = NOW_ISO,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({ verdict, checks, evaluated_at: evaluatedAt, ...extra });
}

export function pushedRow(verdict: string, checks: CheckResult[], evaluatedAt: string): PushedLookup {
  return {
    kind: 'found',
    row: { correlationId: 'dc1/hall-a/crah-3/supply-temp', verdict, checks: JSON.stringify(checks), evaluatedAt },
  };
}

export interface EnvOptions {
  properties?: Record<string, string>;
  endpoint?: ConnectorEndpoint | null;
  tables?: Record<string, GuardedTableRow>;
  records?: Record<string, RecordSnapshot>;
  reply?: ConnectorReply | ((request: ConnectorRequest) => ConnectorReply);
  pushed?: PushedLookup;
  ciClass?: string;
  roles?: string[];
  interactive?: boolean;
  breaker?: BreakerState;
  overrideRequest?: OverrideRequestRow | null;
  nowMs?: number;
}

export type FakeEnvironment = GuardEnvironment & {
  sent: ConnectorRequest[];
  pushedLookups: string[];
  ciLookups: string[];
  loads: string[];
  breakerWrites: BreakerState[];
  session: Map<string, string>;
};

/** A GuardEnvironment with recorded calls, for the orchestration tests. */
export function fakeEnvironment(options: EnvOptions = {}): FakeEnvironment {
  const sent: ConnectorRequest[] = [];
  const pushedLookups: string[] = [];
  const ciLookups: string[] = [];
  const loads: string[] = [];
  const breakerWrites: BreakerState[] = [];
  const session = new Map<string, string>();
  let breaker: BreakerState = options.breaker ?? { failures: 0, openUntilMs: 0, lastError: '' };
  const properties: Record<string, string> = { ...options.properties };
  const tables = options.tables ?? TABLE_ROWS;
  return {
    sent,
    pushedLookups,
    ciLookups,
    loads,
    breakerWrites,
    session,
    readProperty: (name) => properties[name],
    connectorEndpoint: () => (options.endpoint === undefined ? endpoint() : options.endpoint),
    guardedTable: (table) => {
      const found = tables[table];
      return found ? { kind: 'found', row: found } : { kind: 'none' };
    },
    loadRecord(sysId) {
      loads.push(sysId);
      return options.records?.[sysId] ?? null;
    },
    sendClosureCheck(request) {
      sent.push(request);
      const reply = options.reply ?? { kind: 'failure', reason: 'unreachable', detail: 'Connection refused' };
      return typeof reply === 'function' ? reply(request) : reply;
    },
    findPushedVerdict(correlationId) {
      pushedLookups.push(correlationId);
      return options.pushed ?? { kind: 'none' };
    },
    lookupCiClass(ciSysId) {
      ciLookups.push(ciSysId);
      return options.ciClass ?? '';
    },
    readBreaker: () => breaker,
    writeBreaker(state) {
      breakerWrites.push(state);
      breaker = state;
    },
    readSession: (key) => session.get(key) ?? '',
    writeSession: (key, value) => void (value === '' ? session.delete(key) : session.set(key, value)),
    findOverrideRequest: () => options.overrideRequest ?? null,
    nowMs: () => options.nowMs ?? NOW_MS,
    userId: () => 'user-42',
    hasRole: (role) => (options.roles ?? []).includes('admin') || (options.roles ?? []).includes(role),
    isInteractive: () => options.interactive ?? true,
  };
}

// Builders for the guard's inputs, shared by the plugin tests.
import type {
  CheckResult,
  ConnectorReply,
  ConnectorRequest,
  GuardEnvironment,
  GuardSettings,
  IncidentFacts,
  PushedLookup,
} from '../../../plugin/src/server/closure/types.js';

export const NOW_MS = Date.UTC(2025, 5, 1, 12, 0, 0);
export const NOW_ISO = '2025-06-01T12:00:00Z';

/** An ISO timestamp `minutes` before NOW_MS. */
export function minutesAgo(minutes: number): string {
  return new Date(NOW_MS - minutes * 60_000).toISOString();
}

export function settings(overrides: Partial<GuardSettings> = {}): GuardSettings {
  return {
    connectorUrl: 'https://closeloop.dc1.example.com:8080',
    apiKey: 'secret-key-123',
    midServer: '',
    timeoutSeconds: 8,
    failMode: 'block',
    maxPushedAgeMinutes: 15,
    guardedCorrelationDisplay: 'Closeloop',
    guardedCiClasses: [],
    stubResponse: '',
    ...overrides,
  };
}

export function incident(overrides: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    sysId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    number: 'INC0010042',
    correlationId: 'dc1/hall-a/crah-3/supply-temp',
    correlationDisplay: 'Closeloop',
    cmdbCi: '',
    stateBefore: '2',
    stateAfter: '6',
    overrideRequested: false,
    justification: '',
    ...overrides,
  };
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
  reply?: ConnectorReply | ((request: ConnectorRequest) => ConnectorReply);
  pushed?: PushedLookup;
  ciClass?: string;
  roles?: string[];
}

/** A GuardEnvironment with recorded calls, for the orchestration tests. */
export function fakeEnvironment(options: EnvOptions = {}): GuardEnvironment & {
  sent: ConnectorRequest[];
  pushedLookups: string[];
  ciLookups: string[];
} {
  const sent: ConnectorRequest[] = [];
  const pushedLookups: string[] = [];
  const ciLookups: string[] = [];
  const properties: Record<string, string> = {
    'x_closeloop.connector.url': 'https://closeloop.dc1.example.com:8080',
    'x_closeloop.connector.api_key': 'secret-key-123',
    ...options.properties,
  };
  return {
    sent,
    pushedLookups,
    ciLookups,
    readProperty: (name) => properties[name],
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
    nowMs: () => NOW_MS,
    userId: () => 'user-42',
    hasRole: (role) => (options.roles ?? []).includes(role),
  };
}

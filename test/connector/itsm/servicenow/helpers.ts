// Shared set-up for the ServiceNow client tests: a loopback instance URL that nock answers (nothing
// ever leaves the machine), realistic envelopes and headers, and a fake clock.
import nock from 'nock';
import type { ServiceNowConfig } from '../../../../connector/src/config/schema.js';
import type { DeliveryAttempt } from '../../../../connector/src/outbox/operations.js';
import { ServiceNowConfigSchema } from '../../../../connector/src/config/schema.js';

export const INSTANCE = 'http://127.0.0.1:4848';

export const SECRETS = {
  username: 'svc.closeloop',
  password: 'Pa55-w0rd_7e91!',
  clientId: '3f4b8c2d1e0a49b7a6c5d4e3f2a1b0c9',
  clientSecret: 'cs_Zq8vT2mK9pLx4wR7',
  accessToken: 'tok_A1b2C3d4E5f6G7h8I9j0kLmNoPqRsTuV',
  refreshToken: 'ref_ZyXwVuTsRqPoNmLk9876543210',
} as const;

/** Headers a real instance sends with Table API answers. */
export const SN_HEADERS = {
  'Content-Type': 'application/json;charset=UTF-8',
  'X-Is-Logged-In': 'true',
  'X-Transaction-ID': '8e1c5b2a1b13',
  Server: 'snow_adc',
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
};

export const SYS_ID = '9d385017c611228701d22104cc95c371';
export const SYS_ID_2 = '46d44a5dc0a8010e0000b3b2cbd5d3b8';
export const CI_SYS_ID = 'a9c0c8d2c6112276018f7705562f9cb0';
export const GROUP_SYS_ID = '8a5055c9c61122780043563ef53438e3';

export function basicConfig(overrides: Record<string, unknown> = {}): ServiceNowConfig {
  return ServiceNowConfigSchema.parse({
    instance_url: `${INSTANCE}/`,
    auth: { type: 'basic', username: SECRETS.username, password: SECRETS.password },
    ...overrides,
  });
}

export function oauthConfig(
  grant: 'password' | 'client_credentials',
  overrides: Record<string, unknown> = {},
): ServiceNowConfig {
  return ServiceNowConfigSchema.parse({
    instance_url: INSTANCE,
    auth: {
      type: 'oauth',
      grant,
      client_id: SECRETS.clientId,
      client_secret: SECRETS.clientSecret,
      ...(grant === 'password' ? { username: SECRETS.username, password: SECRETS.password } : {}),
    },
    ...overrides,
  });
}

export const BASIC_HEADER = `Basic ${Buffer.from(`${SECRETS.username}:${SECRETS.password}`).toString('base64')}`;

export function incident(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    sys_id: SYS_ID,
    number: 'INC0010023',
    state: '1',
    correlation_id: 'dc1/hall-a/crah-07/supply-temp-high',
    ...overrides,
  };
}

export function snError(message: string, detail: string | null = null): object {
  return { error: { message, detail }, status: 'failure' };
}

/** ServiceNow-style query string object for nock's `.query()` (decoded values). */
export function listQuery(params: Record<string, string>): Record<string, string> {
  return { ...params, sysparm_exclude_reference_link: 'true' };
}

export interface FakeClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  advance: (ms: number) => void;
  sleeps: number[];
}

/** A clock that only moves when told to, or when someone sleeps on it. */
export function fakeClock(start = Date.parse('2025-03-14T09:26:53Z')): FakeClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms) => {
      t += ms;
    },
    sleeps,
  };
}

/** Installs nock guards for one describe block: no real connection, no leftover interceptor. */
export function useNock(): void {
  before(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  after(() => nock.enableNetConnect());
}

/** An attempt with nothing in doubt whose writes are never refused: what a first delivery gets. */
export const FIRST_ATTEMPT: DeliveryAttempt = { doubt: null, beforeWrite: async () => undefined };

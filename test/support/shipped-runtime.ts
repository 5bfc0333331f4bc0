// The whole connector (startRuntime) on the shipped closeloop.yaml and mappings, in-process on a free
// loopback port with a temp SQLite store, no listeners and no ServiceNow, for HTTP tests of ingest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../connector/src/config/load.js';
import type { Config } from '../../connector/src/config/schema.js';
import { startRuntime, type Runtime } from '../../connector/src/service/runtime.js';
import type { Store } from '../../connector/src/store/store.js';

export const SHIPPED_BMS_TOKEN = 'shipped-runtime-bms-token';
export const SHIPPED_API_KEY = 'shipped-runtime-api-key';

/** A BMS alarm as the shipped `bms` source reads it. */
export const bmsAlarm = (id: unknown, over: Record<string, unknown> = {}) => ({
  alarmId: id,
  state: 'ACTIVE',
  priority: 'HIGH',
  alarmType: 'supply_air_temp_high',
  timestamp: '2026-11-25T10:00:00Z',
  site: 'DC1',
  device: { id: 'CRAH-1', name: 'CRAH-1', class: 'CRAH' },
  reading: { value: 29.5, unit: '°C', limit: 27 },
  message: 'Supply air high',
  ...over,
});

export interface ShippedRuntime {
  rt: Runtime;
  url: string;
  /** POST /v1/alarms/bms with the token. */
  postBms(body: string | Buffer): Promise<{ status: number; data: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function startShippedRuntime(
  o: { config?: (c: Config) => Config; store?: Store } = {},
): Promise<ShippedRuntime> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-shipped-'));
  const loaded = loadConfig({
    path: 'closeloop.yaml',
    env: { CLOSELOOP_DATA_DIR: dir, CLOSELOOP_PORT: '0', SERVICENOW_INSTANCE_URL: '' },
  });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const base: Config = {
    ...loaded.config,
    api_key: SHIPPED_API_KEY,
    servicenow: { ...loaded.config.servicenow, instance_url: undefined },
    guard: { ...loaded.config.guard, watch_interval: 3_600_000 },
  };
  const rt = await startRuntime({
    config: o.config ? o.config(base) : base,
    env: { CLOSELOOP_BMS_TOKEN: SHIPPED_BMS_TOKEN },
    secrets: [],
    logger: pino({ level: process.env['CLOSELOOP_TEST_LOG'] ?? 'silent' }),
    listeners: false,
    ...(o.store ? { store: o.store } : {}),
  });
  const url = rt.connector.url;
  return {
    rt,
    url,
    postBms: async (body) => {
      const r = await fetch(`${url}/v1/alarms/bms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${SHIPPED_BMS_TOKEN}` },
        body,
      });
      return { status: r.status, data: (await r.json()) as Record<string, unknown> };
    },
    close: async () => {
      await rt.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

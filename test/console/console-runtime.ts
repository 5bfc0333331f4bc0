// A whole connector (startRuntime) with the console mounted the way `closeloop serve` would mount it,
// the ServiceNow stand-in as its instance and, when given, a real Prometheus as its telemetry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ConfigSchema } from '../../connector/src/config/schema.js';
import { startRuntime, type Runtime } from '../../connector/src/service/runtime.js';
import { startStandin, type Standin } from '../../connector/src/demo/standin/index.js';
import { consoleOptionsFromRuntime, consoleRouters } from '../../connector/src/console/index.js';

export const API_KEY = 'console-test-admin-key';
export const READ_ONLY_KEY = 'console-test-readonly-key';
export const BMS_TOKEN = 'console-test-bms-token';
export const ALERTMANAGER_TOKEN = 'console-test-alertmanager-token';
export const REDFISH_TOKEN = 'console-test-redfish-token';

export interface ConsoleRuntime {
  rt: Runtime;
  standin: Standin;
  url: string;
  mappingsDir: string;
  close(): Promise<void>;
}

export async function startConsoleRuntime(o: {
  /** Files to write into a fresh mappings directory (name → YAML), or a directory to copy. */
  mappings: Record<string, string> | string;
  prometheusUrl?: string;
  outbox?: Record<string, unknown>;
}): Promise<ConsoleRuntime> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-console-'));
  const mappingsDir = path.join(dir, 'mappings');
  if (typeof o.mappings === 'string') fs.cpSync(o.mappings, mappingsDir, { recursive: true });
  else {
    fs.mkdirSync(mappingsDir);
    for (const [name, text] of Object.entries(o.mappings))
      fs.writeFileSync(path.join(mappingsDir, name), text);
  }
  // A 3 s transaction quota instead of 60 s; request_lifetime below is set just above it.
  const standin = await startStandin({ transactionQuotaMs: 3000 });
  const config = ConfigSchema.parse({
    server: { host: '127.0.0.1', port: 0 },
    data_dir: dir,
    mappings_dir: mappingsDir,
    api_key: API_KEY,
    log_level: 'silent',
    servicenow: {
      instance_url: standin.url,
      auth: { type: 'basic', username: 'admin', password: 'admin' },
      timeout: 5,
      request_lifetime: 4,
    },
    outbox: { poll_interval: 0.02, base_delay: 0.05, max_delay: 0.2, ...o.outbox },
    telemetry: {
      providers: {
        prometheus: {
          kind: 'prometheus',
          url: o.prometheusUrl ?? 'http://127.0.0.1:9',
          step: 30,
          timeout: 2,
        },
        'redfish-cdu': { kind: 'redfish', url: 'https://127.0.0.1:9', auth: 'none' },
        mqtt: { kind: 'mqtt', url: 'mqtt://127.0.0.1:1883', topics: ['closeloop-console-test/+'] },
      },
    },
    guard: { watch_interval: 3600, budget: 4 },
    noise: { note_interval: 0 },
  });
  let rt: Runtime;
  try {
    rt = await startRuntime({
      config,
      env: {
        CLOSELOOP_BMS_TOKEN: BMS_TOKEN,
        CLOSELOOP_ALERTMANAGER_TOKEN: ALERTMANAGER_TOKEN,
        CLOSELOOP_REDFISH_TOKEN: REDFISH_TOKEN,
        CLOSELOOP_CONSOLE_READONLY_KEY: READ_ONLY_KEY,
      },
      secrets: [],
      logger: pino({ level: process.env['CLOSELOOP_TEST_LOG'] ?? 'silent' }),
      listeners: false,
      routers: (ctx, handles) =>
        consoleRouters(ctx, { ...consoleOptionsFromRuntime(handles), pollIntervalMs: 1000 }),
    });
  } catch (e) {
    await standin.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    rt,
    standin,
    url: rt.connector.url,
    mappingsDir,
    close: async () => {
      await rt.close();
      await standin.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function postAlarm(
  url: string,
  source: string,
  body: unknown,
  token = BMS_TOKEN,
): Promise<Response> {
  return fetch(`${url}/v1/alarms/${source}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

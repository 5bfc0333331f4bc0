// `closeloop serve` as a real child process (node connector/bin/closeloop.js serve --config …), with a
// generated configuration and environment, for tests that stop, kill and restart the connector.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const CLI = path.join(REPO_ROOT, 'connector', 'bin', 'closeloop.js');
export const E2E_MAPPINGS = path.join(REPO_ROOT, 'test', 'e2e', 'mappings');

export interface ConnectorProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote (logs on stdout, messages on stderr), for failure messages. */
  output(): string;
  /** Sends `signal` and waits for the process to exit (SIGKILL after 10 s). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ConnectorFiles {
  configFile: string;
  env: Record<string, string>;
}

/** Writes closeloop.yaml (JSON is YAML) for a connector keeping its SQLite store in `dataDir`. */
export function writeConnectorConfig(o: {
  dir: string;
  dataDir: string;
  standinUrl: string;
  apiKey: string;
  password: string;
  sourceToken: string;
  mappingsDir?: string;
  /** Extra settings: each top-level key's settings are merged over the defaults below. */
  overrides?: Record<string, unknown>;
}): ConnectorFiles {
  const defaults: Record<string, unknown> = {
    server: { host: '127.0.0.1', port: 0 },
    data_dir: o.dataDir,
    mappings_dir: o.mappingsDir ?? E2E_MAPPINGS,
    log_level: 'warn',
    servicenow: {
      instance_url: o.standinUrl,
      auth: { type: 'basic', username: 'closeloop.integration' },
      timeout: '1s',
      // The world's stand-in cancels Table API transactions after 3 s (world.ts): after 4 s a write
      // that got no answer can no longer land.
      request_lifetime: '4s',
    },
    outbox: {
      concurrency: 4,
      max_attempts: 200,
      base_delay: '100ms',
      max_delay: '1s',
      poll_interval: '50ms',
    },
    // No verdicts are pushed unless a test asks: the watcher's first pass is an hour away.
    guard: { watch_interval: '1h', budget: '2s' },
  };
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const config: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(o.overrides ?? {})) {
    const base = defaults[key];
    config[key] = isObject(base) && isObject(value) ? { ...base, ...value } : value;
  }
  const configFile = path.join(o.dir, 'closeloop.yaml');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  return {
    configFile,
    env: { SERVICENOW_PASSWORD: o.password, CLOSELOOP_API_KEY: o.apiKey, E2E_SITE_TOKEN: o.sourceToken },
  };
}

/** The environment of this process without anything that would reconfigure the connector. */
function cleanEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(CLOSELOOP_|SERVICENOW_|PROMETHEUS_|MQTT_|CDU1_)/.test(k)) continue;
    out[k] = v;
  }
  return out;
}

export async function spawnConnector(files: ConnectorFiles, timeoutMs = 45_000): Promise<ConnectorProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--config', files.configFile], {
    cwd: REPO_ROOT,
    env: { ...cleanEnv(), ...files.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`closeloop serve did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = () => {
      const m = /closeloop listening on (http:\/\/\S+)/.exec(output);
      if (!m) return;
      clearTimeout(timer);
      resolve(m[1] ?? '');
    };
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`closeloop serve exited (${code}) before listening:\n${output}`));
    });
  });
  return { url, pid: child.pid ?? 0, child, output: () => output, stop };
}

// `closeloop serve` as its own process for benchmarks (node connector/bin/closeloop.js --config …
// serve), so the load generator never shares the connector's event loop. Configuration is generated
// into a temp dir; secrets go through the environment as in production.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { REPO } from './bench-mappings.js';

export interface ConnectorProcess {
  url: string;
  apiKey: string;
  /** Bearer tokens by source name. */
  tokens: Record<string, string>;
  dir: string;
  pid: number;
  /** SIGTERM, wait for the drain, remove the temp dir (unless kept). */
  stop(): Promise<void>;
}

export interface ConnectorProcessOptions {
  /** Fills the mappings dir (see bench-mappings.ts). */
  mappings: (dir: string) => void;
  servicenowUrl: string;
  prometheusUrl: string;
  /** Extra config merged over the generated one (top-level keys replaced). */
  config?: Record<string, unknown>;
  /** Source name → env var of its bearer token (as the shipped sources name them). */
  tokenEnv: Record<string, string>;
  /** Write a V8 CPU profile of the connector into this directory (node --cpu-prof). */
  cpuProfDir?: string;
  keepDir?: boolean;
  /** DIAGNOSTIC: run serve-variant.ts with this store setting instead of `closeloop serve`. */
  variant?: string;
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const secret = () => crypto.randomBytes(16).toString('hex');

export async function startConnectorProcess(o: ConnectorProcessOptions): Promise<ConnectorProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-bench-'));
  const mappingsDir = path.join(dir, 'mappings');
  o.mappings(mappingsDir);
  const port = await freePort();
  const config = {
    server: { host: '127.0.0.1', port, body_limit: '1mb', public_url: `http://127.0.0.1:${port}` },
    data_dir: path.join(dir, 'data'),
    mappings_dir: mappingsDir,
    log_level: 'info',
    servicenow: {
      instance_url: o.servicenowUrl,
      auth: { type: 'basic' },
      // The stub has no hourly budget; a real instance's (default 30,000/h) would cap delivery itself.
      rate_limit_per_hour: 1_000_000_000,
    },
    telemetry: { providers: { prometheus: { kind: 'prometheus', url: o.prometheusUrl, timeout: '2s' } } },
    // Every alarm counts: no note batching, no storm parking (both tested elsewhere).
    noise: { note_interval: 0, storm_per_source: 1_000_000, storm_global: 1_000_000 },
    ...o.config,
  };
  fs.mkdirSync(config.data_dir, { recursive: true });
  const configFile = path.join(dir, 'closeloop.yaml');
  fs.writeFileSync(configFile, YAML.stringify(config));

  const apiKey = secret();
  const tokens = Object.fromEntries(Object.keys(o.tokenEnv).map((s) => [s, secret()]));
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? dir,
    CLOSELOOP_API_KEY: apiKey,
    SERVICENOW_USERNAME: 'closeloop',
    SERVICENOW_PASSWORD: secret(),
    ...Object.fromEntries(Object.entries(o.tokenEnv).map(([s, name]) => [name, tokens[s]!])),
  };
  const log = fs.openSync(path.join(dir, 'closeloop.log'), 'a');
  const nodeArgs = o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`] : [];
  const command = o.variant
    ? ['--import', 'tsx', path.join(REPO, 'bench/lib/serve-variant.ts'), configFile, o.variant]
    : [path.join(REPO, 'connector/bin/closeloop.js'), '--config', configFile, 'serve'];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...command], {
    cwd: REPO,
    env,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const logTail = () => fs.readFileSync(path.join(dir, 'closeloop.log'), 'utf8').slice(-3000);
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(hard);
    }
    if (!o.keepDir) fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      const tail = logTail();
      await stop();
      throw new Error(`closeloop serve exited with ${child.exitCode}:\n${tail}`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const tail = logTail();
      await stop();
      throw new Error(`closeloop serve not ready after 60 s:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, apiKey, tokens, dir, pid: child.pid ?? 0, stop };
}

/** A gauge or counter from the connector's /metrics (summed over label sets matching `labels`). */
export async function metricValue(url: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? ([0-9.eE+-]+)$/.exec(line);
    if (m && m[1] === name && (m[2] ?? '').includes(labels)) sum += Number(m[3]);
  }
  return sum;
}

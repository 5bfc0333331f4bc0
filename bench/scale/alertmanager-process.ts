// A real Prometheus Alertmanager (Debian prometheus-alertmanager) on a free loopback port, with a temp
// storage dir, a null receiver and clustering off, for the reference measurement.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../lib/connector-process.js';

export const ALERTMANAGER_BIN = process.env['ALERTMANAGER_BIN'] || '/usr/bin/prometheus-alertmanager';

export interface AlertmanagerProcess {
  url: string;
  pid: number;
  version: string;
  stop(): Promise<void>;
}

const CONFIG = `route:
  receiver: 'null'
  group_by: ['...']
receivers:
  - name: 'null'
`;

export async function startAlertmanager(): Promise<AlertmanagerProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-bench-am-'));
  fs.writeFileSync(path.join(dir, 'alertmanager.yml'), CONFIG);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(dir, 'alertmanager.log'), 'a');
  const child = spawn(
    ALERTMANAGER_BIN,
    [
      `--config.file=${path.join(dir, 'alertmanager.yml')}`,
      `--storage.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    { stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(hard);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      const tail = fs.readFileSync(path.join(dir, 'alertmanager.log'), 'utf8').slice(-2000);
      await stop();
      throw new Error(`alertmanager exited with ${child.exitCode}:\n${tail}`);
    }
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('alertmanager not ready after 20 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const status: unknown = await (await fetch(`${url}/api/v2/status`)).json();
  const version =
    typeof status === 'object' && status !== null && 'versionInfo' in status
      ? String((status.versionInfo as Record<string, unknown>)['version'] ?? 'unknown')
      : 'unknown';
  return { url, pid: child.pid ?? 0, version, stop };
}

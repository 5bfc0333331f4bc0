// A real Prometheus for tests: history is written as OpenMetrics, turned into TSDB blocks with
// `promtool tsdb create-blocks-from openmetrics`, and served by a fresh `prometheus` on a free loopback port.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface OmSeries {
  name: string;
  labels?: Record<string, string>;
  /** [epoch ms, value]; the value is written as given (so sentinels and "NaN" go in verbatim). */
  samples: Array<[number, number | string]>;
}

export interface PrometheusHandle {
  url: string;
  stop(): Promise<void>;
}

/** Why Prometheus cannot run here, or null when `prometheus` and `promtool` are both installed. */
export async function prometheusUnavailable(): Promise<string | null> {
  for (const bin of ['prometheus', 'promtool']) {
    try {
      await run(bin, ['--version']);
    } catch {
      return `${bin} is not installed (Debian package "prometheus")`;
    }
  }
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** OpenMetrics text (gauges; timestamps in seconds) ending with the mandatory `# EOF`. */
export function toOpenMetrics(series: OmSeries[]): string {
  const byName = new Map<string, OmSeries[]>();
  for (const s of series) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  const lines: string[] = [];
  for (const [name, list] of byName) {
    lines.push(`# TYPE ${name} gauge`);
    for (const s of list) {
      const labels = Object.entries(s.labels ?? {})
        .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
        .join(',');
      for (const [t, v] of [...s.samples].sort((a, b) => a[0] - b[0])) {
        lines.push(`${name}${labels ? `{${labels}}` : ''} ${v} ${(t / 1000).toFixed(3)}`);
      }
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

async function waitReady(
  url: string,
  child: ChildProcess,
  log: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`prometheus not ready after ${timeoutMs} ms:\n${log()}`);
}

/**
 * Backfill `series` and start Prometheus on them. Call stop() in an after hook. `remoteRead`: also read
 * from this remote-read URL (e.g. one nothing listens on, for partial answers).
 */
export async function startPrometheus(
  series: OmSeries[],
  opts: { remoteRead?: string } = {},
): Promise<PrometheusHandle> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'closeloop-prom-'));
  const data = path.join(dir, 'data');
  await mkdir(data);
  const om = path.join(dir, 'history.om');
  await writeFile(om, toOpenMetrics(series));
  if (series.length) await run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', '-q', om, data]);
  const config = path.join(dir, 'prometheus.yml');
  const remote = opts.remoteRead ? `remote_read:\n  - url: ${opts.remoteRead}\n    read_recent: true\n` : '';
  await writeFile(config, `global:\n  scrape_interval: 15s\nscrape_configs: []\n${remote}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${data}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=30d',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(url, child, () => stderr, 15_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}

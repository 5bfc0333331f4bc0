// Decodes what a real Alertmanager (Debian's prometheus-alertmanager) posts to its webhook receiver:
// alerts are pushed through its API, it groups them and calls a loopback receiver we run here.
import { expect } from 'chai';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { decode } from '../../../../connector/src/sources/alertmanager/decode.js';
import { freePort } from '../../../support/prometheus.js';
import { source } from '../fixtures.js';

const BIN = 'prometheus-alertmanager';

describe('sources/alertmanager decode: payloads from a real Alertmanager', function () {
  this.timeout(30_000);
  let dir = '';
  let child: ChildProcess | null = null;
  let receiver: http.Server | null = null;
  let amUrl = '';
  const posts: unknown[] = [];
  let log = '';

  before(async function () {
    try {
      await promisify(execFile)(BIN, ['--version']);
    } catch {
      console.log(`      skipped: ${BIN} is not installed (Debian package prometheus-alertmanager)`);
      this.skip();
    }
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        posts.push(JSON.parse(body) as unknown);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver?.listen(0, '127.0.0.1', r));
    const addr = receiver.address();
    const hookPort = typeof addr === 'object' && addr ? addr.port : 0;
    const port = await freePort();
    dir = await mkdtemp(path.join(os.tmpdir(), 'closeloop-am-'));
    await writeFile(
      path.join(dir, 'alertmanager.yml'),
      [
        'route:',
        '  receiver: closeloop',
        '  group_by: [alertname]',
        '  group_wait: 100ms',
        '  group_interval: 500ms',
        '  repeat_interval: 1h',
        'receivers:',
        '  - name: closeloop',
        '    webhook_configs:',
        `      - url: http://127.0.0.1:${hookPort}/v1/alarms/alertmanager`,
        '        send_resolved: true',
        '        max_alerts: 2',
        '',
      ].join('\n'),
    );
    child = spawn(
      BIN,
      [
        `--config.file=${path.join(dir, 'alertmanager.yml')}`,
        `--storage.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--cluster.listen-address=',
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr?.on('data', (c: Buffer) => (log += c.toString('utf8')));
    amUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`alertmanager exited ${child.exitCode}: ${log}`);
      try {
        if ((await fetch(`${amUrl}/-/ready`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`alertmanager not ready in 15 s: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await new Promise((r) => (receiver ? receiver.close(r) : r(undefined)));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function pushAlerts(alerts: unknown[]): Promise<void> {
    const res = await fetch(`${amUrl}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    expect(res.status, await res.text()).to.equal(200);
  }

  async function nextPost(where: (p: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const hit = posts.find(
        (p) => typeof p === 'object' && p !== null && where(p as Record<string, unknown>),
      );
      if (hit) return hit as Record<string, unknown>;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no matching webhook post in 15 s; got ${JSON.stringify(posts)}; log: ${log}`);
  }

  it('decodes firing DCGM alerts, reports truncatedAlerts, and clears them on resolve', async () => {
    const cfg = source({ kind: 'alertmanager', asset_labels: { rack: 'rack', equipment_id: 'Hostname' } });
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const gpu = (n: number) => ({
      labels: {
        alertname: 'GpuThermalSlowdown',
        severity: 'warning',
        rack: 'R03',
        Hostname: 'gpu-r03-01',
        gpu: String(n),
        UUID: `GPU-0000000${n}`,
        modelName: 'NVIDIA H100 80GB HBM3',
      },
      annotations: { summary: `GPU ${n} on gpu-r03-01 is in thermal slowdown`, value: '88' },
      startsAt,
      generatorURL: 'http://127.0.0.1:9090/graph',
    });
    await pushAlerts([gpu(1), gpu(2), gpu(3)]);
    const firing = await nextPost((p) => p.status === 'firing');

    const r = decode('alertmanager', cfg, firing, { receivedAt: new Date() });
    expect(r.errors).to.deep.equal([]);
    expect(r.alarms).to.have.length(2);
    expect(r.notes?.[0]).to.match(
      /^Alertmanager truncated 1 alert\(s\) from group \{\}:\{alertname="GpuThermalSlowdown"\}/,
    );
    for (const a of r.alarms) {
      expect(a.id).to.match(/^[0-9a-f]{16}$/);
      expect(a).to.deep.include({
        state: 'active',
        severity: 'warning',
        type: 'GpuThermalSlowdown',
        value: 88,
      });
      expect(a.raisedAt).to.equal(new Date(startsAt).toISOString());
      expect(a.asset).to.deep.equal({ rack: 'R03', equipmentId: 'gpu-r03-01' });
      expect(a.labels).to.include({ Hostname: 'gpu-r03-01', modelName: 'NVIDIA H100 80GB HBM3' });
    }
    // The alarm id is Alertmanager's own fingerprint of the alert, as its API reports it.
    const listed = (await (await fetch(`${amUrl}/api/v2/alerts`)).json()) as Array<{ fingerprint: string }>;
    const fingerprints = listed.map((a) => a.fingerprint);
    expect(fingerprints).to.have.length(3);
    expect(fingerprints).to.include.members(r.alarms.map((a) => a.id));

    const endsAt = new Date(Date.now() - 1000).toISOString();
    await pushAlerts([1, 2, 3].map((n) => ({ ...gpu(n), endsAt })));
    const resolved = await nextPost((p) => p.status === 'resolved');
    const cleared = decode('alertmanager', cfg, resolved, { receivedAt: new Date() });
    expect(cleared.errors).to.deep.equal([]);
    expect(cleared.alarms.map((a) => a.state)).to.deep.equal(['cleared', 'cleared']);
    expect(cleared.alarms.map((a) => a.raisedAt)).to.deep.equal([
      new Date(endsAt).toISOString(),
      new Date(endsAt).toISOString(),
    ]);
    // Fingerprints are stable: the clears name alarms that fired.
    expect(fingerprints).to.include.members(cleared.alarms.map((a) => a.id));
  });
});

// `closeloop demo` as a newcomer runs it: a child process through connector/bin/closeloop.js. With
// --keep-running it stays up after the story until Ctrl-C (SIGINT), then stops everything and exits 0.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { pluginBuildState } from '../../../connector/src/demo/plugin-build.js';
import { runDemo } from '../../../connector/src/demo/run.js';
import { buildPluginOnce } from '../../plugin/support/sdk-build.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

async function ensurePluginBuilt(): Promise<void> {
  if (pluginBuildState().fresh) return;
  const build = await buildPluginOnce();
  if (build.exitCode !== 0) throw new Error(`now-sdk build failed:\n${build.output}`);
}

describe('closeloop demo (CLI)', function () {
  this.timeout(240_000); // a first run may build the plugin

  it('tells the whole story, stays up with --keep-running, and on Ctrl-C cleans up and exits 0', async () => {
    await ensurePluginBuilt();
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(CLOSELOOP_|SERVICENOW_)/.test(k)),
    );
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'connector/bin/closeloop.js'), 'demo', '--keep-running'],
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const started = Date.now();
      while (!out.includes('Press Ctrl-C')) {
        if (child.exitCode !== null) throw new Error(`demo exited early (${child.exitCode}):\n${out}`);
        if (Date.now() - started > 120_000)
          throw new Error(`demo did not finish its story in 120 s:\n${out}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      for (const line of [
        /✓ ONE incident in ServiceNow with both signals: INC\d{7}, 3 alarms attached/,
        /✓ Refused: HTTP 403; INC\d{7} stays New/,
        /CRAH-1 supply air \d+(\.\d)? °C > 27 °C/,
        /✓ The watcher pushed verdict "pass"/,
        /Telemetry back in range and stable for 10 s — OK to resolve\./,
        /✓ Allowed: HTTP 200; INC\d{7} is Resolved\./,
        /✓ Resolved by override: INC\d{7} is Resolved\./,
        /overridden {2}verdict fail \(live\) {2}by Sam Chen, with justification/,
        /Where to look/,
        /Point the connector at a real instance/,
      ])
        expect(out).to.match(line);

      // Still up: the URLs it printed answer.
      const connectorUrl = /Connector +(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const standinUrl = /ServiceNow stand-in +(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const dataDir = /SQLite in (\S+),/.exec(out)?.[1];
      expect((await axios.get(`${connectorUrl}/healthz`, { proxy: false })).status).to.equal(200);
      expect((await axios.get(`${standinUrl}/__standin/health`, { proxy: false })).status).to.equal(200);
      expect(existsSync(dataDir ?? '')).to.equal(true);

      child.kill('SIGINT');
      expect(await exited, out).to.equal(0);
      expect(out).to.match(
        /✓ Done: servers and workers stopped, temporary files removed\. Total \d+\.\d s\./,
      );
      expect(existsSync(dataDir ?? ''), 'temporary directory removed').to.equal(false);
      const down = await axios
        .get(`${connectorUrl}/healthz`, { proxy: false, timeout: 2000 })
        .catch((e: unknown) => e);
      expect(down).to.be.instanceOf(Error);
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        // Killed: it could not remove its own temporary directory.
        const dir = /SQLite in (\S+),/.exec(out)?.[1];
        if (dir?.includes('closeloop-demo-')) rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('a step that fails ends with a clear message and exit code 1', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'closeloop-no-plugin-'));
    let out = '';
    try {
      const code = await runDemo({
        write: (text) => (out += text),
        keepRunning: false,
        stopSignal: new Promise(() => undefined),
        appDir: empty,
      });
      expect(code).to.equal(1);
      expect(out).to.match(/✗ The demo could not start: the built plugin has no active business rule/);
      expect(out).to.not.contain('Where to look');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('Ctrl-C during the story stops everything and exits 130', async () => {
    await ensurePluginBuilt();
    let out = '';
    let stop: () => void = () => undefined;
    const code = runDemo({
      write: (text) => {
        out += text;
        if (text.includes('(a) Alarms')) stop();
      },
      keepRunning: false,
      stopSignal: new Promise((resolve) => (stop = resolve)),
    });
    expect(await code).to.equal(130);
    expect(out).to.contain('Interrupted: stopping everything');
    const dataDir = /SQLite in (\S+),/.exec(out)?.[1];
    expect(existsSync(dataDir ?? ''), 'temporary directory removed').to.equal(false);
  });
});

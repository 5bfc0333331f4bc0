// Runs the real `now-sdk build --frozenKeys` on plugin/ once per test process: every test that
// needs the built app awaits the same promise, so the ~10 s build never runs twice in one run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PLUGIN_DIR } from './plugin-modules.js';

export interface PluginBuild {
  exitCode: number;
  output: string;
  /** dist/app: the installable output (update/, unload/, dictionary/, scope/). */
  appDir: string;
  durationMs: number;
}

let pending: Promise<PluginBuild> | null = null;

export function buildPluginOnce(): Promise<PluginBuild> {
  pending ??= runBuild();
  return pending;
}

/** The SDK CLI of the workspace (hoisted to the root node_modules, or local to plugin/). */
export function nowSdkBin(): string {
  for (let dir = PLUGIN_DIR; ; dir = path.dirname(dir)) {
    const bin = path.join(dir, 'node_modules', '@servicenow', 'sdk', 'bin', 'index.js');
    if (existsSync(bin)) return bin;
    if (path.dirname(dir) === dir) throw new Error('@servicenow/sdk is not installed (run npm ci at the root)');
  }
}

function runBuild(): Promise<PluginBuild> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nowSdkBin(), 'build', '--frozenKeys'], {
      cwd: PLUGIN_DIR,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        exitCode: code ?? 1,
        output,
        appDir: path.join(PLUGIN_DIR, 'dist', 'app'),
        durationMs: Date.now() - started,
      }),
    );
  });
}

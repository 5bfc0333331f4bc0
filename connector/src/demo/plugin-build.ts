// The stand-in runs the plugin's BUILT business rule (plugin/dist/app), so the demo needs a build
// that is at least as new as the plugin's sources. `now-sdk build --frozenKeys` runs offline; it is
// only run when the build is missing or older than a source file.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PLUGIN_DIR = fileURLToPath(new URL('../../../plugin', import.meta.url));
export const PLUGIN_APP_DIR = path.join(PLUGIN_DIR, 'dist', 'app');

export type BuildState = { fresh: true } | { fresh: false; reason: string };

function newestMtime(dir: string, skip: (dir: string) => boolean = () => false): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = skip(full) ? newest : Math.max(newest, newestMtime(full, skip));
    else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether plugin/dist/app holds a build newer than every plugin source. */
export function pluginBuildState(pluginDir = PLUGIN_DIR): BuildState {
  const update = path.join(pluginDir, 'dist', 'app', 'update');
  if (!existsSync(update) || !readdirSync(update).some((f) => f.startsWith('sys_script_')))
    return { fresh: false, reason: 'no build in plugin/dist/app' };
  // src/fluent/generated/keys.ts is rewritten by every build (same content with --frozenKeys).
  const generated = path.join(pluginDir, 'src', 'fluent', 'generated');
  const sources = Math.max(
    newestMtime(path.join(pluginDir, 'src'), (dir) => dir === generated),
    ...['now.config.json', 'package.json'].map((f) => {
      const file = path.join(pluginDir, f);
      return existsSync(file) ? statSync(file).mtimeMs : 0;
    }),
  );
  const built = newestMtime(path.join(pluginDir, 'dist', 'app'));
  return sources > built
    ? { fresh: false, reason: 'plugin sources changed since the last build' }
    : { fresh: true };
}

/** The SDK's CLI (hoisted to the root node_modules by the workspace, or local to plugin/). */
export function nowSdkBin(pluginDir = PLUGIN_DIR): string | null {
  for (let dir = pluginDir; ; dir = path.dirname(dir)) {
    const bin = path.join(dir, 'node_modules', '@servicenow', 'sdk', 'bin', 'index.js');
    if (existsSync(bin)) return bin;
    if (path.dirname(dir) === dir) return null;
  }
}

/** Runs `now-sdk build --frozenKeys` in plugin/; rejects with the build's output when it fails. */
export function buildPlugin(pluginDir = PLUGIN_DIR, signal?: AbortSignal): Promise<void> {
  const bin = nowSdkBin(pluginDir);
  if (!bin)
    return Promise.reject(new Error('@servicenow/sdk is not installed: run `npm ci` at the repository root'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'build', '--frozenKeys'], {
      cwd: pluginDir,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(signal ? { signal } : {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`now-sdk build failed (exit ${code ?? 'signal'}):\n${output.trim().slice(-4000)}`),
          ),
    );
  });
}

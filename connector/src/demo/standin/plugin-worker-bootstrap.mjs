// Worker entry for plugin-host.ts: plain JavaScript, so it starts without a TypeScript loader. Beside
// the compiled release (connector/lib) it loads the compiled worker; beside the sources it registers
// tsx in this thread (workers do not inherit the parent's loader) and loads the TypeScript.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';

const compiled = new URL('./plugin-worker.js', import.meta.url);

async function load() {
  if (existsSync(fileURLToPath(compiled))) return import(compiled.href);
  const { register } = await import('tsx/esm/api');
  register();
  return import('./plugin-worker.ts');
}

load().catch((error) =>
  parentPort?.postMessage({ type: 'load-failed', error: String((error && error.stack) || error) }),
);

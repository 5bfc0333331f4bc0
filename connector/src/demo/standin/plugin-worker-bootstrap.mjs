// Worker entry for plugin-host.ts: plain JavaScript, so it starts without a TypeScript loader, then
// registers tsx in this thread (workers do not inherit the parent's loader) and loads the worker.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
import('./plugin-worker.ts').catch((error) =>
  parentPort?.postMessage({ type: 'load-failed', error: String((error && error.stack) || error) }),
);

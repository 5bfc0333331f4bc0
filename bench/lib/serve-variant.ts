// DIAGNOSTIC ONLY: `closeloop serve` with one store behaviour changed, to show what a change to the
// store would buy before anyone makes it. Run as `node --import tsx bench/lib/serve-variant.ts
// <closeloop.yaml> <variant>`; it loads the config and starts the runtime exactly as serve does, but
// hands startRuntime a SQLite store changed as the variant says (serve-variant-names.ts). Figures
// from it are labelled as such in docs/benchmarks.md and are never the headline numbers.
import path from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../../connector/src/config/load.js';
import { startRuntime } from '../../connector/src/service/runtime.js';
import { createSqliteStore } from '../../connector/src/store/sqlite/store.js';
import type { Store } from '../../connector/src/store/store.js';
import { VARIANTS } from './serve-variant-names.js';

/** Calls of one loop turn are passed on together, after the poll phase has read every ready socket. */
function ingestPerLoopTurn(inner: Store): Store {
  let queued: Array<() => void> = [];
  const ingestTx: Store['ingestTx'] = (items, o, work) =>
    new Promise((resolve, reject) => {
      if (queued.length === 0) {
        setImmediate(() => {
          const calls = queued;
          queued = [];
          for (const call of calls) call();
        });
      }
      queued.push(() => void inner.ingestTx(items, o, work).then(resolve, reject));
    });
  return { ...inner, ingestTx };
}

const [file, variantArg] = process.argv.slice(2);
const variant = z.enum(VARIANTS).parse(variantArg);
const loaded = loadConfig({ path: file, env: process.env, cwd: process.cwd() });
if (!loaded.ok) throw new Error(`configuration is invalid: ${loaded.errors.join('; ')}`);
const config = loaded.config;
// WAL with synchronous=NORMAL: commits reach the OS (a killed connector loses nothing) but are not
// fsynced one by one; a power cut may lose the last transactions.
const sqlite = createSqliteStore(path.join(config.data_dir, 'closeloop.db'), {
  synchronous: variant === 'ingest-per-loop-turn' ? 'FULL' : 'NORMAL',
});
const store = variant === 'sqlite-synchronous-normal' ? sqlite : ingestPerLoopTurn(sqlite);
const rt = await startRuntime({ config, env: process.env, secrets: loaded.secrets, store });
process.stderr.write(`closeloop (variant ${variant}) listening on ${rt.connector.url}\n`);
const stop = () =>
  void rt
    .close()
    .then(() => sqlite.close())
    .then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

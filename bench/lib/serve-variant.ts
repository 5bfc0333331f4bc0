// DIAGNOSTIC ONLY: `closeloop serve` with one store setting changed, to show what a change to the
// store would buy before anyone makes it. Run as `node --import tsx bench/lib/serve-variant.ts
// <closeloop.yaml> <variant>`; it loads the config and starts the runtime exactly as serve does, but
// hands startRuntime a SQLite store opened with the variant's settings. Figures from it are labelled
// as such in docs/benchmarks.md and are never the headline numbers.
import path from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../../connector/src/config/load.js';
import { startRuntime } from '../../connector/src/service/runtime.js';
import { createSqliteStore } from '../../connector/src/store/sqlite/store.js';
import { VARIANTS } from './serve-variant-names.js';

const [file, variantArg] = process.argv.slice(2);
const variant = z.enum(VARIANTS).parse(variantArg);
const loaded = loadConfig({ path: file, env: process.env, cwd: process.cwd() });
if (!loaded.ok) throw new Error(`configuration is invalid: ${loaded.errors.join('; ')}`);
const config = loaded.config;
// WAL with synchronous=NORMAL: commits reach the OS (a killed connector loses nothing) but are not
// fsynced one by one; a power cut may lose the last transactions.
const store = createSqliteStore(path.join(config.data_dir, 'closeloop.db'), {
  synchronous: variant === 'sqlite-synchronous-normal' ? 'NORMAL' : 'FULL',
});
const rt = await startRuntime({ config, env: process.env, secrets: loaded.secrets, store });
process.stderr.write(`closeloop (variant ${variant}) listening on ${rt.connector.url}\n`);
const stop = () =>
  void rt
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

#!/usr/bin/env node
// Entry point. An installed release runs the compiled JavaScript in connector/lib (`npm run build`,
// which `npm pack` runs). A clone of the repository runs its TypeScript sources through tsx (a
// development dependency) instead, so an edit takes effect without a build and every test that spawns
// this file runs the code as it is, never a stale build. A clone installed without development
// dependencies falls back to connector/lib when it has been built.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sources = new URL('../src/cli/main.ts', import.meta.url);
const compiled = new URL('../lib/cli/main.js', import.meta.url);

async function tsxRegister() {
  try {
    return (await import('tsx/esm/api')).register;
  } catch (e) {
    if (e && e.code === 'ERR_MODULE_NOT_FOUND') return null;
    throw e;
  }
}

async function load() {
  if (existsSync(fileURLToPath(sources))) {
    const register = await tsxRegister();
    if (register) {
      register();
      return import(sources.href);
    }
  }
  if (existsSync(fileURLToPath(compiled))) return import(compiled.href);
  process.stderr.write(
    'closeloop: no compiled connector (connector/lib) and no way to run the sources: ' +
      'in a clone run `npm ci` (tsx is a development dependency) or `npm run build`\n',
  );
  process.exit(2);
}

const { main } = await load();
process.exitCode = await main(process.argv.slice(2));

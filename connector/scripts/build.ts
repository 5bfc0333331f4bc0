// `npm run build` (and `npm pack`, through prepack): the release build. After it the connector runs
// with plain `node`: no TypeScript, tsx or esbuild at run time.
//   1. connector/src → connector/lib: tsc with tsconfig.build.json (same folder depth, so paths the code
//      resolves from its own location hold in both trees);
//   2. the files the code reads at run time that are not TypeScript (the demo's mappings, the stand-in's
//      worker bootstrap) are copied beside the compiled code;
//   3. the console is bundled once, into connector/lib/console-bundle with its hash in bundle.json.
// The ServiceNow app is not part of it: `npm run build:plugin` builds that (a development concern).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsole } from '../console-ui/build.js';
import { BUNDLE_FILES } from '../src/console/bundle-hash.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = path.join(ROOT, 'connector/src');
const LIB = path.join(ROOT, 'connector/lib');
const BUNDLE = path.join(LIB, 'console-bundle');
/** Non-TypeScript files under connector/src that the code loads at run time. */
const ASSET = /\.(ya?ml|mjs|json)$/;

function step(text: string): void {
  process.stdout.write(`build: ${text}\n`);
}

function copyAssets(from: string, to: string): number {
  let n = 0;
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) n += copyAssets(src, dst);
    else if (e.isFile() && ASSET.test(e.name)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(src, dst);
      n++;
    }
  }
  return n;
}

const started = Date.now();
fs.rmSync(LIB, { recursive: true, force: true });
step('compiling connector/src → connector/lib (tsc -p tsconfig.build.json)');
const tsc = spawnSync(
  process.execPath,
  [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')],
  { stdio: 'inherit' },
);
if (tsc.status !== 0) {
  process.stderr.write('build: tsc failed\n');
  process.exit(1);
}
step(`copied ${copyAssets(SRC, LIB)} run-time files (mappings, worker bootstrap)`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-console-'));
try {
  const r = await buildConsole({ outDir: tmp });
  fs.mkdirSync(BUNDLE, { recursive: true });
  for (const f of fs.readdirSync(r.dir)) fs.copyFileSync(path.join(r.dir, f), path.join(BUNDLE, f));
  fs.writeFileSync(path.join(BUNDLE, 'bundle.json'), `${JSON.stringify({ hash: r.hash })}\n`);
  const size = BUNDLE_FILES.map((f) => fs.statSync(path.join(BUNDLE, f)).size).reduce((a, b) => a + b, 0);
  step(`console bundle ${r.hash} (${Math.round(size / 1024)} KiB) → connector/lib/console-bundle`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
step(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);

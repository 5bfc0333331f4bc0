// Bundles the console front-end (Preact + htm + uPlot) with esbuild into static files the connector
// serves: `<outDir>/<hash>/app.js` and `app.css`. Offline: everything comes from node_modules.
// The connector runs this on start when the bundle for the current sources is missing; run it by hand with
//   npx tsx connector/console-ui/build.ts [outDir]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleComplete, bundleHash } from '../src/console/bundle-hash.js';

export const UI_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT_DIR = path.resolve(UI_DIR, '../console/dist');

export interface BuiltBundle {
  hash: string;
  /** Directory holding app.js and app.css. */
  dir: string;
  /** False when an identical build was already there. */
  built: boolean;
}

export async function buildConsole(o: { uiDir?: string; outDir?: string } = {}): Promise<BuiltBundle> {
  const uiDir = o.uiDir ?? UI_DIR;
  const outDir = o.outDir ?? DEFAULT_OUT_DIR;
  const hash = bundleHash(uiDir);
  const dir = path.join(outDir, hash);
  if (bundleComplete(dir)) return { hash, dir, built: false };

  fs.mkdirSync(outDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(outDir, `.build-${hash}-`));
  fs.chmodSync(tmp, 0o755);
  try {
    await esbuild.build({
      entryPoints: { app: path.join(uiDir, 'src/main.ts') },
      bundle: true,
      format: 'esm',
      target: ['es2020', 'chrome90', 'safari15', 'firefox90'],
      minify: true,
      sourcemap: 'linked',
      outdir: tmp,
      logLevel: 'silent',
      legalComments: 'linked',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    // Publish atomically: the first builder's rename wins, later ones drop their copy.
    try {
      fs.renameSync(tmp, dir);
    } catch (e) {
      if (!bundleComplete(dir)) throw e;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  pruneOld(outDir, hash);
  return { hash, dir, built: true };
}

/** Drops builds of older sources after an hour (a connector started before may still serve one). */
function pruneOld(outDir: string, keep: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of fs.readdirSync(outDir)) {
    if (name === keep) continue;
    const p = path.join(outDir, name);
    try {
      if (fs.statSync(p).mtimeMs < hourAgo) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      // Another builder removed it first.
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_OUT_DIR;
  const r = await buildConsole({ outDir });
  process.stdout.write(`${r.built ? 'built' : 'up to date'}: ${path.relative(process.cwd(), r.dir)}\n`);
}

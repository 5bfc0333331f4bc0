// Finding (and if needed building) the console bundle. At connector start the bundle for the current
// front-end sources is looked up and built when missing, so a fresh clone needs no separate build step;
// without sources (a packaged install) the newest built bundle is used.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleComplete, bundleHash } from './bundle-hash.js';
import type * as BuildModule from '../../console-ui/build.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_UI_DIR = path.resolve(HERE, '../../console-ui');
export const DEFAULT_OUT_DIR = path.resolve(HERE, '../../console/dist');

export type BundleState = { ok: true; dir: string; hash: string } | { ok: false; problem: string };

function newestBuilt(outDir: string): BundleState | null {
  if (!fs.existsSync(outDir)) return null;
  const dirs = fs
    .readdirSync(outDir)
    .filter((n) => !n.startsWith('.') && bundleComplete(path.join(outDir, n)))
    .map((n) => ({ n, t: fs.statSync(path.join(outDir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  const best = dirs[0];
  return best ? { ok: true, dir: path.join(outDir, best.n), hash: best.n } : null;
}

async function locate(uiDir: string, outDir: string): Promise<BundleState> {
  if (!fs.existsSync(path.join(uiDir, 'src'))) {
    return (
      newestBuilt(outDir) ?? {
        ok: false,
        problem: `no console sources in ${uiDir} and no bundle in ${outDir}`,
      }
    );
  }
  const hash = bundleHash(uiDir);
  const dir = path.join(outDir, hash);
  if (bundleComplete(dir)) return { ok: true, dir, hash };
  try {
    // Only here is esbuild needed (a development dependency): loaded on demand.
    const build: typeof BuildModule = await import('../../console-ui/build.js');
    const r = await build.buildConsole({ uiDir, outDir });
    return { ok: true, dir: r.dir, hash: r.hash };
  } catch (e) {
    const fallback = newestBuilt(outDir);
    if (fallback) return fallback;
    return {
      ok: false,
      problem: `building the console failed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

// One lookup per directory pair per process: several connectors in one process share it.
const pending = new Map<string, Promise<BundleState>>();

export function ensureBundle(uiDir = DEFAULT_UI_DIR, outDir = DEFAULT_OUT_DIR): Promise<BundleState> {
  const k = `${uiDir}\0${outDir}`;
  let p = pending.get(k);
  if (!p) {
    p = locate(uiDir, outDir);
    pending.set(k, p);
    // A failed build is retried by the next connector (or request) rather than remembered forever.
    void p.then((s) => {
      if (!s.ok) pending.delete(k);
    });
  }
  return p;
}

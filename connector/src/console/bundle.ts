// Finding the console bundle. An installed release carries the bundle `npm run build` made, beside the
// compiled code (connector/lib/console-bundle): nothing is built at run time. A clone of the
// repository builds the bundle for its current front-end sources on first use, with esbuild (a
// development dependency), so editing the console needs no separate build step.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bundleComplete, bundleHash } from './bundle-hash.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_UI_DIR = path.resolve(HERE, '../../console-ui');
export const DEFAULT_OUT_DIR = path.resolve(HERE, '../../console/dist');
/** Where `npm run build` writes the release bundle (connector/lib/console-bundle; absent beside the sources). */
export const RELEASE_BUNDLE_DIR = path.resolve(HERE, '../console-bundle');
/** The release bundle's identity file, written by the build next to app.js and app.css. */
export const RELEASE_MANIFEST = 'bundle.json';

const ManifestSchema = z.object({ hash: z.string().regex(/^[0-9a-f]{16}$/) });

export type BundleState = { ok: true; dir: string; hash: string } | { ok: false; problem: string };

/** The console build module of a clone (connector/console-ui/build.ts); typed here, loaded on demand. */
interface BuildModule {
  buildConsole(o: { uiDir: string; outDir: string }): Promise<{ dir: string; hash: string }>;
}

function releaseBundle(dir: string): BundleState | null {
  try {
    const manifest = ManifestSchema.safeParse(
      JSON.parse(fs.readFileSync(path.join(dir, RELEASE_MANIFEST), 'utf8')),
    );
    return manifest.success && bundleComplete(dir) ? { ok: true, dir, hash: manifest.data.hash } : null;
  } catch {
    return null;
  }
}

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

async function locate(uiDir: string, outDir: string, releaseDir: string): Promise<BundleState> {
  const prebuilt = () => releaseBundle(releaseDir) ?? newestBuilt(outDir);
  if (!fs.existsSync(path.join(uiDir, 'src'))) {
    return (
      prebuilt() ?? {
        ok: false,
        problem: `no console sources in ${uiDir} and no built bundle in ${releaseDir} or ${outDir} (run npm run build)`,
      }
    );
  }
  const hash = bundleHash(uiDir);
  const dir = path.join(outDir, hash);
  if (bundleComplete(dir)) return { ok: true, dir, hash };
  try {
    // A specifier in a variable: the compiler must not pull the clone-only build script into the release.
    const spec = new URL('../../console-ui/build.js', import.meta.url).href;
    const build = (await import(spec)) as BuildModule;
    const r = await build.buildConsole({ uiDir, outDir });
    return { ok: true, dir: r.dir, hash: r.hash };
  } catch (e) {
    return (
      prebuilt() ?? {
        ok: false,
        problem: `building the console failed: ${e instanceof Error ? e.message : String(e)}`,
      }
    );
  }
}

// One lookup per directory pair per process: several connectors in one process share it.
const pending = new Map<string, Promise<BundleState>>();

export function ensureBundle(
  uiDir = DEFAULT_UI_DIR,
  outDir = DEFAULT_OUT_DIR,
  releaseDir = RELEASE_BUNDLE_DIR,
): Promise<BundleState> {
  const k = `${uiDir}\0${outDir}\0${releaseDir}`;
  let p = pending.get(k);
  if (!p) {
    p = locate(uiDir, outDir, releaseDir);
    pending.set(k, p);
    // A failed build is retried by the next connector (or request) rather than remembered forever.
    void p.then((s) => {
      if (!s.ok) pending.delete(k);
    });
  }
  return p;
}

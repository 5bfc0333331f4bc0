// The identity of a console build: a hash over the front-end sources, the build script and the
// lock file (dependency versions). The bundle lives in `<outDir>/<hash>/`, so a stale one is never served
// and concurrent builders (several connectors, tests in parallel) never overwrite each other's files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Hash of everything a build of `uiDir` depends on; 16 hex characters. */
export function bundleHash(uiDir: string): string {
  const h = crypto.createHash('sha256');
  const files = [...listFiles(path.join(uiDir, 'src')), path.join(uiDir, 'build.ts')];
  const lock = path.resolve(uiDir, '../../package-lock.json');
  if (fs.existsSync(lock)) files.push(lock);
  for (const f of files) {
    h.update(path.relative(uiDir, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

export const BUNDLE_FILES = ['app.js', 'app.css'] as const;

export function bundleComplete(dir: string): boolean {
  return BUNDLE_FILES.every((f) => fs.existsSync(path.join(dir, f)));
}

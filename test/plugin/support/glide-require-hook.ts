// Swaps `@servicenow/glide` (type declarations only; empty at runtime in Node) for the fakes in
// glide-fakes.ts. The plugin's .ts files load as CommonJS under tsx (plugin/package.json has no
// "type": "module"), so their imports become require() calls, which this hook intercepts in
// Module._resolveFilename. Counting hits lets tests prove the fakes, not empty modules, were used.
import Module, { createRequire } from 'node:module';
import { glideModule, snCcModule, snWsModule } from './glide-fakes.js';

interface ModuleInternals {
  _resolveFilename: (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
  _cache: Record<string, unknown>;
}

const internals = Module as unknown as ModuleInternals;
const VIRTUAL_PREFIX = '\0closeloop-glide-fake:';
const FAKES: Record<string, object> = {
  '@servicenow/glide': glideModule,
  '@servicenow/glide/sn_ws': snWsModule,
  '@servicenow/glide/sn_cc': snCcModule,
};

export const hookHits: Record<string, number> = {};
let installed = false;

/** Installs the hook once per process (idempotent); every later require of Glide gets the fakes. */
export function installGlideFakes(): void {
  if (installed) return;
  installed = true;
  for (const [specifier, exports] of Object.entries(FAKES)) {
    const id = VIRTUAL_PREFIX + specifier;
    const fake = new Module(id);
    fake.filename = id;
    fake.exports = exports;
    fake.loaded = true;
    internals._cache[id] = fake;
  }
  const original = internals._resolveFilename;
  internals._resolveFilename = function resolveWithGlideFakes(request, parent, isMain, options) {
    if (request.startsWith('@servicenow/glide')) {
      if (!(request in FAKES)) throw new Error(`glide fakes: no fake for ${request}; add one to glide-fakes.ts`);
      hookHits[request] = (hookHits[request] ?? 0) + 1;
      return VIRTUAL_PREFIX + request;
    }
    return original.call(this, request, parent, isMain, options);
  };
}

const requireFromHere = createRequire(import.meta.url);

/** require() of a plugin file by absolute path, through tsx's CommonJS loader. */
export function requirePluginFile(absolutePath: string): unknown {
  return requireFromHere(absolutePath);
}

// The decision modules must import nothing from Glide, so they run unchanged in Node and in a
// local stand-in; only glide/* adapters may, and entry/* wire the two together.
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SERVER_DIR } from '../support/plugin-modules.js';

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);

describe('plugin closure/* imports nothing from Glide', () => {
  const dir = path.join(SERVER_DIR, 'closure');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it('has the decision modules', () => {
    expect(files).to.include.members(['decide.ts', 'guard.ts', 'request.ts', 'response.ts', 'settings.ts']);
  });

  for (const file of files) {
    it(`${file} imports only sibling closure modules, with .ts extensions`, () => {
      for (const specifier of importsOf(path.join(dir, file))) {
        expect(specifier, `${file} imports ${specifier}`).to.match(/^\.\/[a-z-]+\.ts$/);
      }
    });
  }

  it('entry points touch Glide only through the adapters (type imports aside)', () => {
    const entryDir = path.join(SERVER_DIR, 'entry');
    for (const file of readdirSync(entryDir)) {
      const source = readFileSync(path.join(entryDir, file), 'utf8');
      const valueImports = [...source.matchAll(/^\s*import\s+(?!type\s)[^'"]*['"](@servicenow\/glide[^'"]*)['"]/gm)];
      expect(valueImports.map((m) => m[1]), `entry/${file}`).to.deep.equal([]);
    }
  });
});

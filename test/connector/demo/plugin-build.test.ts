import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pluginBuildState } from '../../../connector/src/demo/plugin-build.js';

describe('demo: is the plugin build fresh?', () => {
  let dir = '';
  const file = (rel: string, secondsAgo: number) => {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, 'x');
    const t = Date.now() / 1000 - secondsAgo;
    utimesSync(full, t, t);
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'closeloop-plugin-state-'));
    file('src/server/closure/guard.ts', 100);
    file('now.config.json', 100);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('no build yet', () => {
    expect(pluginBuildState(dir)).to.deep.equal({ fresh: false, reason: 'no build in plugin/dist/app' });
    file('dist/app/update/sys_module_1.xml', 10);
    expect(pluginBuildState(dir).fresh, 'a build without a business rule is not a build').to.equal(false);
  });

  it('fresh when the build is newer than every source; keys.ts rewritten by the build does not count', () => {
    file('dist/app/update/sys_script_1.xml', 10);
    file('src/fluent/generated/keys.ts', 5);
    expect(pluginBuildState(dir)).to.deep.equal({ fresh: true });
  });

  it('stale when a source changed after the build', () => {
    file('dist/app/update/sys_script_1.xml', 10);
    file('src/fluent/business-rules.now.ts', 1);
    expect(pluginBuildState(dir)).to.deep.equal({
      fresh: false,
      reason: 'plugin sources changed since the last build',
    });
  });
});

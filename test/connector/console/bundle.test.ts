import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { DEFAULT_UI_DIR, ensureBundle } from '../../../connector/src/console/bundle.js';
import { bundleHash } from '../../../connector/src/console/bundle-hash.js';
import { buildConsole } from '../../../connector/console-ui/build.js';

describe('console bundle', function () {
  this.timeout(30_000);
  let out: string;
  beforeEach(() => (out = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-bundle-'))));
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  it('is built offline on first use into <outDir>/<hash of the sources>, and reused after', async () => {
    const s = await ensureBundle(DEFAULT_UI_DIR, out);
    if (!s.ok) throw new Error(s.problem);
    expect(s.hash).to.equal(bundleHash(DEFAULT_UI_DIR));
    expect(s.dir).to.equal(path.join(out, s.hash));
    const js = fs.readFileSync(path.join(s.dir, 'app.js'), 'utf8');
    const css = fs.readFileSync(path.join(s.dir, 'app.css'), 'utf8');
    expect(js.length).to.be.within(20_000, 400_000);
    expect(css).to.include('.uplot');
    // No URL in the bundle points anywhere but this connector (no CDN at run time).
    const urls = js.match(/https?:\/\/[^\s"'`)]+/g) ?? [];
    expect(urls.filter((u) => !u.startsWith('http://www.w3.org/'))).to.deep.equal([]);
    expect(await ensureBundle(DEFAULT_UI_DIR, out)).to.deep.equal(s);
    expect((await buildConsole({ outDir: out })).built).to.equal(false);
  });

  it('says what is wrong when there are neither sources nor a bundle', async () => {
    const s = await ensureBundle(path.join(out, 'no-ui'), path.join(out, 'dist'));
    expect(s).to.deep.equal({
      ok: false,
      problem: `no console sources in ${path.join(out, 'no-ui')} and no bundle in ${path.join(out, 'dist')}`,
    });
  });

  it('serves the newest built bundle when the sources are not shipped', async () => {
    fs.mkdirSync(path.join(out, 'dist', 'abc'), { recursive: true });
    for (const f of ['app.js', 'app.css']) fs.writeFileSync(path.join(out, 'dist', 'abc', f), '');
    expect(await ensureBundle(path.join(out, 'no-ui'), path.join(out, 'dist'))).to.deep.equal({
      ok: true,
      dir: path.join(out, 'dist', 'abc'),
      hash: 'abc',
    });
  });
});

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
    const [ui, dist, release] = ['no-ui', 'dist', 'release'].map((d) => path.join(out, d));
    const s = await ensureBundle(ui, dist, release);
    expect(s).to.deep.equal({
      ok: false,
      problem: `no console sources in ${ui} and no built bundle in ${release} or ${dist} (run npm run build)`,
    });
  });

  it('serves the newest built bundle when the sources are not shipped', async () => {
    fs.mkdirSync(path.join(out, 'dist', 'abc'), { recursive: true });
    for (const f of ['app.js', 'app.css']) fs.writeFileSync(path.join(out, 'dist', 'abc', f), '');
    expect(
      await ensureBundle(path.join(out, 'no-ui'), path.join(out, 'dist'), path.join(out, 'release')),
    ).to.deep.equal({
      ok: true,
      dir: path.join(out, 'dist', 'abc'),
      hash: 'abc',
    });
  });

  it('a release serves the bundle the build put beside the compiled code, under the hash it recorded', async () => {
    const release = path.join(out, 'release');
    fs.mkdirSync(release);
    for (const f of ['app.js', 'app.css']) fs.writeFileSync(path.join(release, f), '');
    // Without its manifest the directory is not taken for a release bundle.
    expect((await ensureBundle(path.join(out, 'no-ui'), path.join(out, 'dist'), release)).ok).to.equal(false);
    fs.writeFileSync(path.join(release, 'bundle.json'), JSON.stringify({ hash: '0123456789abcdef' }));
    expect(await ensureBundle(path.join(out, 'no-ui'), path.join(out, 'dist'), release)).to.deep.equal({
      ok: true,
      dir: release,
      hash: '0123456789abcdef',
    });
  });
});

// The release as an operator installs it: `npm pack` (which runs the build), then
// `npm install -g <tarball> --omit=dev` into a temporary prefix outside the repository, then
// `closeloop serve` from there with plain `node` and the example site the package carries: the start
// summary, /readyz, the console page and its bundle. Nothing of the repository is on the way: no
// TypeScript sources, no tsx, esbuild or TypeScript in the installed tree, no plugin workspace.
//
// better-sqlite3 is the one native module. Compiling it again costs about a minute of CPU per run,
// so by default the install skips install scripts and the clone's own build of the same version is
// copied in (the version is checked). CLOSELOOP_TEST_FULL_INSTALL=1 runs the install as an operator
// would, scripts included (node-gyp compiles it; the registry has no prebuilt binary here).
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { startStandin, type Standin } from '../../connector/src/demo/standin/index.js';
import { freePort } from '../support/prometheus.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FULL = process.env['CLOSELOOP_TEST_FULL_INSTALL'] === '1';

function version(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Only what any machine has: no NODE_OPTIONS (mocha's tsx loader), no repository variables. */
function bareEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {
    PATH: path.dirname(process.execPath) + ':/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/tmp',
  };
  return { ...env, ...extra };
}

describe('release: npm pack, npm install -g --omit=dev, closeloop serve from the install', function () {
  this.timeout(FULL ? 900_000 : 300_000);
  let tmp: string;
  let prefix: string;
  let pkg: string;
  let standin: Standin;

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'closeloop-release-'));
    prefix = path.join(tmp, 'prefix');
    // npm pack runs prepack (npm run build) first, so the tarball holds a build of these sources.
    await run('npm', ['pack', '--pack-destination', tmp], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const tarball = path.join(tmp, `closeloop-${version(ROOT)}.tgz`);
    await run(
      'npm',
      [
        'install',
        '-g',
        '--prefix',
        prefix,
        tarball,
        '--omit=dev',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        ...(FULL ? [] : ['--ignore-scripts']),
      ],
      { cwd: tmp, env: bareEnv({}), maxBuffer: 64 * 1024 * 1024 },
    );
    pkg = path.join(prefix, 'lib/node_modules/closeloop');
    if (!FULL) {
      const installed = path.join(pkg, 'node_modules/better-sqlite3');
      const built = path.join(ROOT, 'node_modules/better-sqlite3');
      expect(version(installed)).to.equal(version(built));
      mkdirSync(path.join(installed, 'build/Release'), { recursive: true });
      cpSync(
        path.join(built, 'build/Release/better_sqlite3.node'),
        path.join(installed, 'build/Release/better_sqlite3.node'),
      );
    }
    standin = await startStandin({
      users: [{ username: 'closeloop', password: 'sn-pass-8e1f', roles: ['itil'] }],
    });
  });
  after(async () => {
    await standin?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the installed tree holds compiled JavaScript and the built console, not the sources or build tools', () => {
    expect(existsSync(path.join(pkg, 'connector/lib/cli/main.js'))).to.equal(true);
    expect(existsSync(path.join(pkg, 'connector/src'))).to.equal(false);
    expect(existsSync(path.join(pkg, 'connector/console-ui'))).to.equal(false);
    expect(existsSync(path.join(pkg, 'plugin'))).to.equal(false);
    const bundle = path.join(pkg, 'connector/lib/console-bundle');
    expect(readdirSync(bundle)).to.include.members(['app.js', 'app.css', 'bundle.json']);
    const modules = readdirSync(path.join(pkg, 'node_modules'));
    for (const tool of ['tsx', 'esbuild', 'typescript', 'mocha', '@servicenow', 'preact'])
      expect(modules, tool).to.not.include(tool);
    expect(modules).to.include.members(['better-sqlite3', 'express', 'zod']);
  });

  it('closeloop --version and a clear refusal of the demo (it needs a clone)', async () => {
    const bin = path.join(prefix, 'bin/closeloop');
    const { stdout } = await run(bin, ['--version'], { cwd: tmp, env: bareEnv({}) });
    expect(stdout.trim()).to.equal(version(ROOT));
    const demo = await run(bin, ['demo'], { cwd: tmp, env: bareEnv({}) }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(demo).to.have.property('code', 1);
    expect((demo as { stderr: string }).stderr).to.include('the demo runs from a clone of the repository');
  });

  it('serves the example site: summary, readyz, the console page and its bundle', async () => {
    const site = path.join(tmp, 'site');
    cpSync(path.join(pkg, 'examples/minimal'), site, { recursive: true });
    const child = spawn(path.join(prefix, 'bin/closeloop'), ['serve'], {
      cwd: site,
      env: bareEnv({
        CLOSELOOP_PORT: '0',
        CLOSELOOP_HOST: '127.0.0.1',
        CLOSELOOP_LOG_LEVEL: 'warn',
        SERVICENOW_INSTANCE_URL: standin.url,
        SERVICENOW_USERNAME: 'closeloop',
        SERVICENOW_PASSWORD: 'sn-pass-8e1f',
        CLOSELOOP_API_KEY: 'api-key-3b9c',
        CLOSELOOP_ALERTMANAGER_TOKEN: 'am-token-66d0',
        PROMETHEUS_URL: `http://127.0.0.1:${await freePort()}`,
      }),
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready within 60 s:\n${err}`)), 60_000);
        const check = () => {
          const m = /closeloop listening on (http:\/\/\S+)/.exec(err);
          if (m && err.includes('closeloop ready: accepting alarms')) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        };
        child.stderr.on('data', check);
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`serve exited (${code}):\n${err}`));
        });
      });
      expect(err).to.match(/^ {4}ok {8}servicenow +.*: reachable, authenticated$/m);
      expect((await fetch(`${url}/readyz`)).status).to.equal(200);
      const login = await fetch(`${url}/console/login`);
      expect(login.status).to.equal(200);
      const html = await login.text();
      const { hash } = JSON.parse(
        readFileSync(path.join(pkg, 'connector/lib/console-bundle/bundle.json'), 'utf8'),
      ) as { hash: string };
      // The page links the bundle the build recorded; both files are served from the install.
      expect(html).to.include(`/console/assets/app.css?v=${hash}`);
      const js = await fetch(`${url}/console/assets/app.js?v=${hash}`);
      expect(js.status).to.equal(200);
      expect(js.headers.get('content-type')).to.match(/javascript/);
      expect((await js.text()).length).to.be.greaterThan(20_000);
      const css = await fetch(`${url}/console/assets/app.css?v=${hash}`);
      expect(css.status).to.equal(200);
      expect(await css.text()).to.include('.uplot');
    } finally {
      child.kill('SIGTERM');
      expect(await exited).to.equal(0);
    }
  });
});

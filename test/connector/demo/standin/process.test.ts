// The stand-in as its own process (main.ts), as cross-process end-to-end tests run it.
import { expect } from 'chai';
import axios from 'axios';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseStandinArgs } from '../../../../connector/src/demo/standin/cli-args.js';

const MAIN = fileURLToPath(new URL('../../../../connector/src/demo/standin/main.ts', import.meta.url));

describe('stand-in process', function () {
  this.timeout(30_000);
  let child: ChildProcess | null = null;
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'standin-process-'));
  });
  after(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('parses its command line into startStandin options', () => {
    const options = parseStandinArgs([
      '--port',
      '0',
      '--user',
      'tech:pw:itil,x_closeloop.closure_override',
      '--oauth-client',
      'cl:secret',
      '--property',
      'x_closeloop.connector.url=http://127.0.0.1:9/a=b',
      '--no-seed',
    ]);
    expect(options).to.deep.include({
      port: 0,
      seed: false,
      users: [{ username: 'tech', password: 'pw', roles: ['itil', 'x_closeloop.closure_override'] }],
      oauthClients: [{ client_id: 'cl', client_secret: 'secret' }],
      properties: { 'x_closeloop.connector.url': 'http://127.0.0.1:9/a=b' },
    });
    expect(() => parseStandinArgs(['--port', 'x'])).to.throw();
    expect(() => parseStandinArgs(['--bogus'])).to.throw();
  });

  it('prints its URL, serves the Table API, and exits 0 on SIGTERM after writing its snapshot', async () => {
    const snapshot = join(dir, 'instance.json');
    child = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, '--port', '0', '--snapshot', snapshot, '--log-level', 'silent'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const ready = JSON.parse(line) as { url: string; port: number; pid: number };
    expect(ready.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.pid).to.equal(child.pid);

    const created = await axios.post(
      `${ready.url}/api/now/table/incident`,
      { short_description: 'from another process' },
      { auth: { username: 'admin', password: 'admin' }, proxy: false },
    );
    expect(created.status).to.equal(201);

    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).to.equal(0);
    expect(existsSync(snapshot)).to.equal(true);
  });
});

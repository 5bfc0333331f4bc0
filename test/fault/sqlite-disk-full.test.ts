// The disk under SQLite fills up. A size-limited file system needs mount privileges, so the full disk
// is made with the kernel's per-process file-size limit instead: `prlimit --fsize=1:` on the running
// connector makes every write that would grow a file fail (EFBIG), exactly where a full disk fails
// (ENOSPC: no new blocks, while rewriting existing ones still works). SQLite reports both as a failed
// write and rolls the transaction back. The connector must then say not-ready, refuse with 503 and
// acknowledge nothing it did not store; when space is back it recovers without a restart.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axios from 'axios';
import Database from 'better-sqlite3';
import { startStandin, type Standin } from '../../connector/src/demo/standin/index.js';
import { FAULT_STANDIN } from './support/replica.js';
import { spawnReplica, type ReplicaProcess } from './support/runner-process.js';
import { postAlarm, storm, waitFor } from './support/traffic.js';

const readyz = async (url: string) =>
  (await axios.get(`${url}/readyz`, { validateStatus: () => true, timeout: 10_000, proxy: false })).status;

function prlimitAvailable(): boolean {
  try {
    execFileSync('prlimit', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Soft limit only, so it can be lifted again without privileges. */
const setFileSizeLimit = (pid: number, limit: string) =>
  execFileSync('prlimit', ['--pid', String(pid), `--fsize=${limit}:`]);

describe('fault: SQLite disk full', function () {
  this.timeout(60_000);
  let standin: Standin;
  let dir: string;
  let replica: ReplicaProcess | null = null;

  before(async function () {
    if (!prlimitAvailable()) {
      console.warn('  SKIPPED the SQLite disk-full fault test: prlimit (util-linux) is not installed');
      this.skip();
    }
    standin = await startStandin(FAULT_STANDIN);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-fault-'));
  });
  after(async () => {
    await replica?.kill('SIGKILL');
    await standin?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('not ready and 503 while writes fail, nothing acknowledged that was not stored, then recovers', async () => {
    replica = await spawnReplica({ dataDir: dir, workerId: 'sqlite', servicenowUrl: standin.url });
    const url = replica.url;
    const alarms = storm(20, 6, 'D');
    const results: { id: string; status: number; phase: string }[] = [];
    const post = async (phase: string, n: number) => {
      for (let i = 0; i < n; i++) {
        const a = alarms[results.length]!;
        results.push({ id: a.id, status: await postAlarm(url, a), phase });
      }
    };

    await post('before', 20);
    expect(results.every((r) => r.status === 202)).to.equal(true);
    expect(await readyz(url)).to.equal(200);

    setFileSizeLimit(replica.pid, '1');
    await post('full', 30);
    const full = results.filter((r) => r.phase === 'full');
    expect(full.filter((r) => r.status !== 503)).to.deep.equal([]);
    expect(await readyz(url)).to.equal(503);
    const body = (await axios.get(`${url}/readyz`, { validateStatus: () => true, proxy: false })).data;
    expect(JSON.stringify(body)).to.match(/store unavailable/);

    setFileSizeLimit(replica.pid, 'unlimited');
    await waitFor('/readyz to answer 200 again', async () => (await readyz(url)) === 200);
    await post('after', 20);
    expect(results.filter((r) => r.phase === 'after').every((r) => r.status === 202)).to.equal(true);

    await replica.kill('SIGTERM');
    replica = null;
    const db = new Database(path.join(dir, 'closeloop.db'), { readonly: true });
    try {
      const stored = new Set(
        (db.prepare('SELECT alarm_id FROM alarms').all() as { alarm_id: string }[]).map((r) => r.alarm_id),
      );
      const acknowledged = results.filter((r) => r.status === 202).map((r) => r.id);
      expect(acknowledged.filter((id) => !stored.has(id))).to.deep.equal([]);
      expect(full.filter((r) => stored.has(r.id))).to.deep.equal([]);
      expect(stored.size).to.equal(40);
    } finally {
      db.close();
    }
  });
});

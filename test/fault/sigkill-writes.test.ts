// A replica killed with SIGKILL while its incident creates are inside the instance: their bodies have
// arrived, so the instance goes on working on them with nobody waiting. Some finish and land after the
// kill, some run into the transaction quota and are cancelled (nothing stored). The other replica,
// running beside it, takes the claims over at once (the victim's session is gone) but must not search
// and create before those creates can no longer land: every key ends with exactly one incident, none
// blank, and its notes once each, in order.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStandin, type Standin } from '../../connector/src/demo/standin/index.js';
import { createTestSchema, requirePostgres, type TestSchema } from '../support/postgres.js';
import { startReplica, type Replica } from './support/replica.js';
import { spawnReplica, type ReplicaProcess } from './support/runner-process.js';
import { delivered, keyOf, postEach, storm, waitFor } from './support/traffic.js';

const SITES = 6;
/** The stand-in's REST transaction quota, and the replicas' request_lifetime just above it. */
const QUOTA_MS = 8000;
const LIFETIME = '9s';
/** How long the victim's slow inserts take: even sites land after the kill, odd ones are cancelled. */
const LANDS_AFTER_MS = 5000;
const CANCELLED_AFTER_MS = QUOTA_MS + 3000;

describe('fault: a replica killed while its creates are inside the instance', function () {
  this.timeout(90_000);
  let standin: Standin;
  let schema: TestSchema;
  let dir: string;
  let victim: ReplicaProcess | null = null;
  let survivor: Replica | null = null;

  before(async function () {
    await requirePostgres(this, 'the SIGKILL-with-writes fault test');
    standin = await startStandin({ port: 0, transactionQuotaMs: QUOTA_MS });
    schema = await createTestSchema();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-fault-'));
  });
  after(async () => {
    await victim?.kill('SIGKILL');
    await survivor?.close().catch(() => undefined);
    await schema?.drop();
    await standin?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('no key gets a second incident, whether the dead replica’s create landed late or was cancelled', async () => {
    // Inserts by the victim are slow: even sites finish within the quota (they land after the kill),
    // odd sites run past it (cancelled). The survivor's inserts are quick.
    let victimsInserts = true;
    standin.businessRules.add({
      name: 'fault: slow inserts while the victim is alive',
      table: 'incident',
      when: 'before',
      operations: ['insert'],
      run: (ctx) => {
        if (!victimsInserts) return;
        const site = Number(/K(\d+)\//.exec(String(ctx.current.correlation_id ?? ''))?.[1] ?? 0);
        const ms = site % 2 === 0 ? LANDS_AFTER_MS : CANCELLED_AFTER_MS;
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
    });
    victim = await spawnReplica({
      databaseUrl: schema.url,
      dataDir: dir,
      workerId: 'victim',
      servicenowUrl: standin.url,
      servicenowTimeout: '30s',
      servicenowRequestLifetime: LIFETIME,
    });
    const posts = await postEach(victim.url, storm(SITES, 3, 'K'), 4);
    expect(posts.every((p) => p.status === 202)).to.equal(true);
    const inserting = () =>
      standin.faults.requests().filter((r) => r.method === 'POST' && r.path === '/api/now/table/incident');
    await waitFor('every create to be inside the instance', async () => inserting().length === SITES);
    const claims = await schema.query<{ claimed_by: string }>(
      `SELECT claimed_by FROM outbox WHERE state = 'inflight'`,
    );
    expect(claims.map((c) => c.claimed_by)).to.deep.equal(Array(SITES).fill('victim'));
    // The survivor runs beside the live victim (it leaves the victim's claims alone) and takes them
    // over the moment the victim's session is gone.
    survivor = await startReplica({
      databaseUrl: schema.url,
      dataDir: dir,
      workerId: 'survivor',
      servicenowUrl: standin.url,
      servicenowRequestLifetime: LIFETIME,
    });

    const firstVictimCreate = Date.parse(inserting()[0]!.at);
    await victim.kill('SIGKILL');
    victimsInserts = false;
    await delivered(survivor.store, 30_000);

    const incidents = standin.tables.list('incident');
    expect(incidents, 'one incident per key and nothing else (nothing blank)').to.have.length(SITES);
    for (let s = 0; s < SITES; s++) {
      const rows = standin.tables.list('incident', `correlation_id=${keyOf(`K${s}`)}`);
      expect(rows, keyOf(`K${s}`)).to.have.length(1);
      const notes = standin.tables
        .journal('incident', rows[0]!.sys_id ?? '', 'work_notes')
        .map((n) => n.value);
      expect(notes, `notes of ${keyOf(`K${s}`)}`).to.have.length(2);
      expect(new Set(notes).size).to.equal(2);
    }
    // The survivor's own creates (for the cancelled ones) waited until the victim's could not land:
    // each comes at least request_lifetime after the victim sent its create for that key, so at
    // least the quota after the first of them.
    const survivorsCreates = inserting().slice(SITES);
    expect(survivorsCreates, 'the cancelled creates were made again').to.have.length(SITES / 2);
    for (const r of survivorsCreates)
      expect(Date.parse(r.at) - firstVictimCreate, 'not before the fence').to.be.at.least(QUOTA_MS);
    const outbox = await schema.query<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM outbox GROUP BY state`,
    );
    expect(outbox).to.deep.equal([{ state: 'done', n: SITES * 3 }]);
  });
});

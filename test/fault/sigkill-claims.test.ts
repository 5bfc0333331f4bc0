// A replica killed with SIGKILL while it holds delivery claims: the other replica must take them over
// and deliver everything, in order, once. ServiceNow is made slow (stand-in latency) so the victim is
// caught mid-delivery with every incident's create claimed; the claims' lease is the default two
// minutes, so finishing within seconds shows the takeover follows the dead process's session, not
// the lease running out.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStandin, type Standin } from '../../connector/src/demo/standin/index.js';
import { createTestSchema, requirePostgres, type TestSchema } from '../support/postgres.js';
import { FAULT_STANDIN, startReplica, type Replica } from './support/replica.js';
import { spawnReplica, type ReplicaProcess } from './support/runner-process.js';
import { delivered, incidentSummary, keyOf, postEach, storm, waitFor } from './support/traffic.js';

describe('fault: a replica killed while holding claims', function () {
  this.timeout(90_000);
  let standin: Standin;
  let schema: TestSchema;
  let dir: string;
  let victim: ReplicaProcess | null = null;
  let survivor: Replica | null = null;

  before(async function () {
    await requirePostgres(this, 'the SIGKILL fault test');
    standin = await startStandin(FAULT_STANDIN);
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

  it('the other replica completes its deliveries, each incident once and its notes in order', async () => {
    const SITES = 6;
    const alarms = storm(SITES, 3, 'K');
    // Every request to ServiceNow hangs for 30 s: the victim's first delivery of each key stalls (the
    // quota cancels a search after 3 s; the victim searches again, and stalls again).
    const latency = standin.faults.setLatency(30_000);
    victim = await spawnReplica({
      databaseUrl: schema.url,
      dataDir: dir,
      workerId: 'victim',
      servicenowUrl: standin.url,
      servicenowTimeout: '60s',
    });
    const posts = await postEach(victim.url, alarms, 4);
    expect(posts.every((p) => p.status === 202)).to.equal(true);
    const claims = () =>
      schema.query<{ event_key: string; claimed_by: string; op: string }>(
        `SELECT event_key, claimed_by, op_json::json ->> 'op' AS op FROM outbox WHERE state = 'inflight' ORDER BY event_key`,
      );
    await waitFor('the victim to claim every create', async () => (await claims()).length === SITES);
    expect((await claims()).every((c) => c.claimed_by === 'victim' && c.op === 'create')).to.equal(true);

    // The survivor runs beside the live victim and leaves its claims alone.
    survivor = await startReplica({
      databaseUrl: schema.url,
      dataDir: dir,
      workerId: 'survivor',
      servicenowUrl: standin.url,
    });
    await new Promise((r) => setTimeout(r, 700));
    expect((await claims()).every((c) => c.claimed_by === 'victim')).to.equal(true);
    expect(standin.faults.requests().filter((r) => r.method === 'POST')).to.have.length(0);

    const killedAt = Date.now();
    await victim.kill('SIGKILL');
    standin.faults.clear(latency);
    await delivered(survivor.store, 20_000);
    const tookMs = Date.now() - killedAt;
    expect(tookMs).to.be.lessThan(20_000); // the lease (120 s) never ran out

    const incidents = incidentSummary(standin);
    for (let s = 0; s < SITES; s++)
      expect(incidents[keyOf(`K${s}`)], keyOf(`K${s}`)).to.deep.equal({ incidents: 1, workNotes: [2] });
    const outbox = await schema.query<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM outbox GROUP BY state`,
    );
    expect(outbox).to.deep.equal([{ state: 'done', n: SITES * 3 }]);
    // Per key, the create went out before its notes (ids are in enqueue order; done in that order).
    const order = await schema.query<{ event_key: string; ops: string[] }>(
      `SELECT event_key, array_agg(op_json::json ->> 'op' ORDER BY updated_at, id) AS ops FROM outbox GROUP BY event_key`,
    );
    for (const o of order) expect(o.ops, o.event_key).to.deep.equal(['create', 'note', 'note']);
    console.log(`      (survivor finished the victim's deliveries ${tookMs} ms after SIGKILL)`);
  });
});

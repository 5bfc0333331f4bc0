// Two replicas behind a load balancer share one PostgreSQL database. A storm split between them
// (every other alarm to each, and some alarms retried at both) must end in exactly the incidents one
// replica makes from the same storm: one per correlation key, every alarm attached once, each note
// written once, delivered to the ServiceNow stand-in by whichever replica claimed it.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStandin, type Standin } from '../../connector/src/demo/standin/index.js';
import { createTestSchema, requirePostgres, type TestSchema } from '../support/postgres.js';
import { FAULT_STANDIN, startReplica, type Replica } from './support/replica.js';
import { delivered, incidentSummary, keyOf, postEach, storeSummary, storm } from './support/traffic.js';

describe('fault: two replicas on one PostgreSQL', function () {
  this.timeout(90_000);
  let standin: Standin;
  let dir: string;
  const schemas: TestSchema[] = [];
  const replicas: Replica[] = [];

  before(async function () {
    await requirePostgres(this, 'the two-replica fault test');
    standin = await startStandin(FAULT_STANDIN);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-fault-'));
  });
  after(async () => {
    await Promise.all(replicas.splice(0).map((r) => r.close().catch(() => undefined)));
    for (const s of schemas.splice(0)) await s.drop();
    await standin?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const replicaOn = async (schema: TestSchema, workerId: string) => {
    const r = await startReplica({
      databaseUrl: schema.url,
      dataDir: dir,
      workerId,
      servicenowUrl: standin.url,
    });
    replicas.push(r);
    return r;
  };

  it('interleaved halves of a storm make the same incidents as one replica, none twice', async () => {
    const SITES = 31;
    const PER_SITE = 4;
    const alarms = storm(SITES, PER_SITE);

    // One replica: the reference.
    const single = await createTestSchema();
    schemas.push(single);
    const one = await replicaOn(single, 'single');
    const soloPosts = await postEach(one.url, alarms, 8);
    expect(soloPosts.every((p) => p.status === 202)).to.equal(true);
    await delivered(one.store);
    const expectedStore = await storeSummary(one.store);
    const expectedIncidents = incidentSummary(standin);
    expect(Object.keys(expectedIncidents)).to.have.length(SITES);
    standin.reset();

    // Two replicas at once. Every site's first alarm reaches both (a load balancer resending after a
    // timeout), so both race to open the same incident; the rest alternate between them, so the
    // alarms of one site keep arriving at both replicas (the site count is odd).
    const shared = await createTestSchema();
    schemas.push(shared);
    const [a, b] = [await replicaOn(shared, 'replica-a'), await replicaOn(shared, 'replica-b')];
    const first = alarms.slice(0, SITES);
    const rest = alarms.slice(SITES);
    const posts = await Promise.all([
      postEach(a.url, [...first, ...rest.filter((_, i) => i % 2 === 0)], 6),
      postEach(b.url, [...first, ...rest.filter((_, i) => i % 2 === 1)], 6),
    ]);
    expect(posts.flat().every((p) => p.status === 202)).to.equal(true);
    await delivered(a.store);

    expect(await storeSummary(a.store)).to.deep.equal(expectedStore);
    const incidents = incidentSummary(standin);
    expect(incidents).to.deep.equal(expectedIncidents);
    for (let s = 0; s < SITES; s++)
      expect(incidents[keyOf(`S${s}`)], keyOf(`S${s}`)).to.deep.equal({
        incidents: 1,
        workNotes: [PER_SITE - 1],
      });
  });
});

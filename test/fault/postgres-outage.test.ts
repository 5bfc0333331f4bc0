// PostgreSQL goes away mid-run. The shared server is not ours to restart, so the outage is made the
// way the connector would see one: its server sessions are terminated (pg_terminate_backend, what a
// restart does to every client) and the connection path is cut for a while (a loopback TCP proxy
// between connector and server resets every connection and refuses new ones), then restored.
// Throughout, alarms are posted: none may get 202 without being stored; while the database is away
// /readyz answers 503 and posts answer 503; afterwards the connector recovers without help.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axios from 'axios';
import pg from 'pg';
import { startStandin, type Standin } from '../../connector/src/demo/standin/index.js';
import {
  createTestSchema,
  requirePostgres,
  TEST_DATABASE_URL,
  type TestSchema,
} from '../support/postgres.js';
import { startTcpProxy, throughProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { FAULT_STANDIN, startReplica, type Replica } from './support/replica.js';
import { delivered, postAlarm, storm, waitFor, type AlarmBody } from './support/traffic.js';

const readyz = async (url: string) =>
  (await axios.get(`${url}/readyz`, { validateStatus: () => true, timeout: 10_000, proxy: false })).status;

describe('fault: PostgreSQL unavailable mid-run', function () {
  this.timeout(90_000);
  let standin: Standin;
  let schema: TestSchema;
  let proxy: TcpProxy;
  let dir: string;
  let replica: Replica | null = null;

  before(async function () {
    await requirePostgres(this, 'the PostgreSQL outage fault test');
    standin = await startStandin(FAULT_STANDIN);
    schema = await createTestSchema();
    const server = new URL(TEST_DATABASE_URL);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-fault-'));
    replica = await startReplica({
      databaseUrl: throughProxy(schema.url, proxy),
      dataDir: dir,
      workerId: 'outage',
      servicenowUrl: standin.url,
    });
  });
  after(async () => {
    await replica?.close().catch(() => undefined);
    await proxy?.close();
    await schema?.drop();
    await standin?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('never acknowledges an alarm it did not store, reports not-ready, and recovers on its own', async () => {
    const url = replica!.url;
    const alarms = storm(40, 25, 'P');
    const results: { alarm: AlarmBody; status: number; started: number; ended: number }[] = [];
    let stop = false;
    // A steady stream of alarms, one request at a time per lane, across the whole outage.
    let next = 0;
    const lanes = Array.from({ length: 3 }, async () => {
      while (!stop && next < alarms.length) {
        const alarm = alarms[next++]!;
        const started = Date.now();
        const status = await postAlarm(url, alarm);
        results.push({ alarm, status, started, ended: Date.now() });
        await new Promise((r) => setTimeout(r, 15));
      }
    });

    await waitFor('some alarms accepted before the outage', async () => results.length >= 20);
    expect(await readyz(url)).to.equal(200);

    // The server restarts: every session of this connector is terminated…
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    const killed = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [schema.applicationName],
    );
    await admin.end();
    expect(killed.rowCount).to.be.greaterThan(0);
    // …and stays away for a while.
    const cutAt = Date.now();
    await proxy.cut();
    const during: number[] = [];
    for (let i = 0; i < 5; i++) {
      during.push(await readyz(url));
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(during.every((s) => s === 503)).to.equal(true);
    const probe = storm(1, 1, 'PROBE')[0]!;
    expect(await postAlarm(url, probe)).to.equal(503);
    await new Promise((r) => setTimeout(r, 700));

    const restoredAt = Date.now();
    await proxy.restore();
    await waitFor('/readyz to answer 200 again', async () => (await readyz(url)) === 200, 20_000);
    await waitFor('alarms accepted after the outage', async () =>
      results.some((r) => r.started > restoredAt && r.status === 202),
    );
    stop = true;
    await Promise.all(lanes);

    const statuses = new Set(results.map((r) => r.status));
    expect([...statuses].every((s) => s === 202 || s === 503)).to.equal(true);
    // Answered while the database was cut off: refused, every one. (A request still waiting when the
    // database came back may be stored and accepted; the check below covers it.)
    const outage = results.filter((r) => r.started > cutAt && r.ended < restoredAt);
    expect(outage.length).to.be.greaterThan(0);
    expect(outage.filter((r) => r.status !== 503)).to.deep.equal([]);

    // Nothing acknowledged that was not stored: every 202 is a row.
    const stored = new Set(
      (await schema.query<{ alarm_id: string }>('SELECT alarm_id FROM alarms')).map((r) => r.alarm_id),
    );
    const acknowledged = results.filter((r) => r.status === 202).map((r) => r.alarm.id);
    expect(acknowledged.filter((id) => !stored.has(id))).to.deep.equal([]);
    expect(stored.has(probe.id)).to.equal(false);

    // The outbox resumed as well: everything stored reached ServiceNow.
    await delivered(replica!.store);
    const open = await replica!.store.listEvents({ limit: 1000 });
    expect(open.length).to.be.greaterThan(0);
    expect(open.every((e) => e.incidentSysId !== null)).to.equal(true);
    console.log(
      `      (${acknowledged.length} accepted, ${results.filter((r) => r.status === 503).length} refused with 503)`,
    );
  });
});

// What only a shared database has to get right: migrations raced by replicas starting together, one
// correlation key arriving at two stores at once, claims taken by several workers, leases and crashed
// workers, an unreachable server, and choosing the store from the URL. The common behaviour is in the
// store contract.
import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { createPostgresStore } from '../../../connector/src/store/postgres/store.js';
import { POSTGRES_MIGRATIONS } from '../../../connector/src/store/postgres/migrations.js';
import { openStore } from '../../../connector/src/store/open-store.js';
import type { Store } from '../../../connector/src/store/store.js';
import type { NoisePolicy } from '../../../connector/src/lifecycle/types.js';
import {
  createTestSchema,
  requirePostgres,
  TEST_DATABASE_URL,
  type TestSchema,
} from '../../support/postgres.js';
import { startTcpProxy, throughProxy } from '../../support/tcp-proxy.js';
import { alarm, at, plan, QUIET } from '../../support/alarms.js';
import { ingest } from '../../../connector/src/lifecycle/apply.js';
import { raiseDueEvents } from '../../../connector/src/lifecycle/raise-held.js';
import { releaseStorms } from '../../../connector/src/lifecycle/release-storms.js';

const logger = pino({ level: process.env['CLOSELOOP_TEST_LOG'] ?? 'silent' });
const D = 'Closeloop';

describe('PostgreSQL store: several replicas on one database', function () {
  this.timeout(30_000);
  let schema: TestSchema;
  const open: Store[] = [];
  const replica = async (o: { url?: string; pingTimeoutMs?: number } = {}) => {
    const s = await createPostgresStore({
      url: o.url ?? schema.url,
      logger,
      poolMax: 4,
      ...(o.pingTimeoutMs ? { pingTimeoutMs: o.pingTimeoutMs } : {}),
    });
    open.push(s);
    return s;
  };
  before(async function () {
    await requirePostgres(this, 'the PostgreSQL store tests');
  });
  beforeEach(async () => {
    schema = await createTestSchema();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close().catch(() => undefined)));
    await schema?.drop();
  });

  describe('migrations', () => {
    it('replicas starting together apply each version once; a restart applies nothing', async () => {
      await Promise.all([replica(), replica(), replica()]);
      const rows = await schema.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version)).to.deep.equal(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
      await replica();
      expect(await schema.query('SELECT * FROM schema_migrations')).to.have.length(
        POSTGRES_MIGRATIONS.length,
      );
      const tables = await schema.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
        [schema.schema],
      );
      expect(tables.map((t) => t.table_name)).to.deep.equal([
        'alarm_log',
        'alarms',
        'events',
        'meta',
        'outbox',
        'rejected',
        'revoked_sessions',
        'schema_migrations',
        'silences',
      ]);
    });
  });

  describe('correlation across replicas', () => {
    it('the same alarm arriving at two replicas at once makes one event and one create', async () => {
      const [a, b] = [await replica(), await replica()];
      for (let round = 0; round < 10; round++) {
        const p = plan({ correlationKey: `K${round}` });
        const r = await Promise.all([
          ingest(a, [{ alarm: alarm({ id: `A${round}` }), plan: p }], at(round), D, QUIET),
          ingest(b, [{ alarm: alarm({ id: `A${round}` }), plan: p }], at(round), D, QUIET),
        ]);
        expect(r.map((x) => x[0]!.outcome).sort()).to.deep.equal(['created', 'repeat']);
      }
      const creates = await schema.query<{ event_key: string; n: number }>(
        `SELECT event_key, count(*)::int AS n FROM outbox WHERE op_kind = 'create' GROUP BY event_key`,
      );
      expect(creates).to.have.length(10);
      expect(creates.every((c) => c.n === 1)).to.equal(true);
    });

    it('different alarms of one key at two replicas at once: one event, the other alarm attached', async () => {
      const [a, b] = [await replica(), await replica()];
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          ingest(
            i % 2 ? a : b,
            [{ alarm: alarm({ id: `X${i}` }), plan: plan({ correlationKey: `K${i % 8}` }) }],
            at(0),
            D,
            QUIET,
          ),
        ),
      );
      const outcomes = results.map((r) => r[0]!.outcome);
      expect(outcomes.filter((o) => o === 'created')).to.have.length(8);
      expect(outcomes.filter((o) => o === 'attached')).to.have.length(32);
      expect(await a.listEvents({ limit: 100 })).to.have.length(8);
      const creates = await schema.query(`SELECT 1 FROM outbox WHERE op_kind = 'create'`);
      expect(creates).to.have.length(8);
    });

    it('batches touching the same keys in opposite orders neither deadlock nor duplicate', async () => {
      const [a, b] = [await replica(), await replica()];
      const items = (ids: number[], tag: string) =>
        ids.map((i) => ({ alarm: alarm({ id: `${tag}${i}` }), plan: plan({ correlationKey: `K${i}` }) }));
      const keys = Array.from({ length: 30 }, (_, i) => i);
      await Promise.all([
        ingest(a, items(keys, 'a'), at(0), D, QUIET),
        ingest(b, items([...keys].reverse(), 'b'), at(0), D, QUIET),
        ingest(
          a,
          items(
            keys.filter((k) => k % 2 === 0),
            'c',
          ),
          at(0),
          D,
          QUIET,
        ),
        ingest(b, items(keys.filter((k) => k % 3 === 0).reverse(), 'd'), at(0), D, QUIET),
      ]);
      expect(await a.listEvents({ limit: 100 })).to.have.length(30);
      const creates = await schema.query(`SELECT 1 FROM outbox WHERE op_kind = 'create'`);
      expect(creates).to.have.length(30);
    });

    it('a cause at one replica and its effect at the other at once: the effect always ends in the cause event', async () => {
      const [a, b] = [await replica(), await replica()];
      for (let zone = 0; zone < 15; zone++) {
        const scope = `cooling_zone:DC1/Z${zone}`;
        const effect = plan({
          rule: 'gpu-thermal',
          correlationKey: `DC1/rack/R${zone}`,
          role: 'effect',
          scopes: [`rack:DC1/R${zone}`, scope, 'site:DC1'],
        });
        const cause = plan({ correlationKey: `DC1/cooling/Z${zone}`, role: 'cause', scope, scopes: [scope] });
        await Promise.all([
          ingest(a, [{ alarm: alarm({ id: `CRAH-${zone}` }), plan: cause }], at(zone), D, QUIET),
          ingest(
            b,
            [{ alarm: alarm({ source: 'am', id: `gpu-${zone}` }), plan: effect }],
            at(zone),
            D,
            QUIET,
          ),
        ]);
        const d = await a.getEvent(`DC1/cooling/Z${zone}`);
        expect(d!.alarms.map((x) => x.identity).sort()).to.deep.equal([`am:gpu-${zone}`, `bms:CRAH-${zone}`]);
        const stray = await a.getEvent(`DC1/rack/R${zone}`);
        expect(stray === null || stray.event.state === 'merged').to.equal(true);
      }
    });

    it('storm control across replicas makes one storm incident per site', async () => {
      const [a, b] = [await replica(), await replica()];
      const policy: NoisePolicy = {
        noteIntervalMs: 0,
        flapChanges: 4,
        flapWindowMs: 600_000,
        stormPerSource: 2,
        stormGlobal: 100,
      };
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          ingest(
            i % 2 ? a : b,
            [{ alarm: alarm({ id: `S${i}` }), plan: plan({ correlationKey: `DC1/rack/R${i}` }) }],
            at(0),
            D,
            policy,
          ),
        ),
      );
      const storms = await schema.query(`SELECT key FROM events WHERE correlation_key = 'storm/DC1'`);
      expect(storms).to.have.length(1);
      const [created, parked] = [
        await a.listEvents({ state: 'open', limit: 100 }),
        await a.listEvents({ state: 'pending', limit: 100 }),
      ];
      expect(created.length - 1 + parked.length).to.equal(12);
      // Both released once, whichever replica runs the pass first.
      const released = await Promise.all([releaseStorms(a, at(61), 100), releaseStorms(b, at(61), 100)]);
      expect(released[0] + released[1]).to.equal(parked.length);
    });

    it('held events are raised once when both replicas run the hold-down pass together', async () => {
      const [a, b] = [await replica(), await replica()];
      const p = (i: number) =>
        plan({
          correlationKey: `H${i}`,
          behaviour: { autoResolve: true, reopenWindowMs: 0, holdDownMs: 60_000 },
        });
      await ingest(
        a,
        Array.from({ length: 20 }, (_, i) => ({ alarm: alarm({ id: `H${i}` }), plan: p(i) })),
        at(0),
        D,
        QUIET,
      );
      const raised = await Promise.all([raiseDueEvents(a, at(61)), raiseDueEvents(b, at(61))]);
      expect(raised[0] + raised[1]).to.equal(20);
      expect(await schema.query(`SELECT 1 FROM outbox`)).to.have.length(20);
    });
  });

  describe('delivery claims', () => {
    it('workers claiming together never get the same entry, and a key is never claimed twice at once', async () => {
      const [a, b] = [await replica(), await replica()];
      for (let i = 0; i < 30; i++)
        await ingest(
          a,
          [{ alarm: alarm({ id: `C${i}` }), plan: plan({ correlationKey: `K${i % 10}` }) }],
          at(0),
          D,
          QUIET,
        );
      const claims = await Promise.all([
        a.claimDeliveries(7, at(1), 'wa', 60_000),
        b.claimDeliveries(7, at(1), 'wb', 60_000),
        a.claimDeliveries(7, at(1), 'wa2', 60_000),
      ]);
      const all = claims.flat();
      expect(all).to.have.length(10);
      expect(new Set(all.map((e) => e.id)).size).to.equal(10);
      expect(new Set(all.map((e) => e.eventKey)).size).to.equal(10);
      expect(all.every((e) => e.op.op === 'create')).to.equal(true);
    });

    it('a claim whose lease ran out is claimable again, even while its worker lives', async () => {
      const s = await replica();
      await ingest(s, [{ alarm: alarm(), plan: plan() }], at(0), D, QUIET);
      const [c] = await s.claimDeliveries(1, at(1), 'slow', 10_000);
      expect(await s.claimDeliveries(1, at(5), 'other', 10_000)).to.have.length(0);
      const [again] = await s.claimDeliveries(1, at(12), 'other', 10_000);
      expect(again).to.include({ id: c!.id, state: 'inflight' });
    });

    it("a worker's claims are released the moment its database session dies, long before the lease", async () => {
      const a = await replica();
      const b = await replica();
      await ingest(a, [{ alarm: alarm(), plan: plan() }], at(0), D, QUIET);
      expect(await a.claimDeliveries(1, at(1), 'victim', 600_000)).to.have.length(1);
      expect(await b.claimDeliveries(1, at(2), 'survivor', 600_000)).to.have.length(0);
      // As when the process is killed: the server ends the sessions of replica a.
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      try {
        await admin.query(
          `SELECT pg_terminate_backend(l.pid) FROM pg_locks l
           WHERE l.locktype = 'advisory' AND l.objid = hashtext('victim')::oid AND l.objsubid = 2`,
        );
      } finally {
        await admin.end();
      }
      let taken: unknown[] = [];
      for (let i = 0; i < 50 && taken.length === 0; i++) {
        taken = await b.claimDeliveries(1, at(3), 'survivor', 600_000);
        if (!taken.length) await new Promise((r) => setTimeout(r, 50));
      }
      expect(taken).to.have.length(1);
    });
  });

  describe('reachability', () => {
    it('ping and ingest fail while the server is unreachable, and work again when it is back', async () => {
      const proxy = await startTcpProxy({
        host: new URL(TEST_DATABASE_URL).hostname,
        port: Number(new URL(TEST_DATABASE_URL).port || 5432),
      });
      try {
        const s = await replica({ url: throughProxy(schema.url, proxy), pingTimeoutMs: 1000 });
        await s.ping();
        await proxy.cut();
        const t = Date.now();
        let err: unknown = null;
        await s.ping().catch((e: unknown) => (err = e));
        expect(err).to.be.instanceOf(Error);
        expect(Date.now() - t).to.be.lessThan(2000);
        err = null;
        await ingest(s, [{ alarm: alarm(), plan: plan() }], at(0), D, QUIET).catch((e: unknown) => (err = e));
        expect(err).to.be.instanceOf(Error);
        await proxy.restore();
        await s.ping();
        expect((await ingest(s, [{ alarm: alarm(), plan: plan() }], at(1), D, QUIET))[0]!.outcome).to.equal(
          'created',
        );
      } finally {
        await proxy.close();
      }
    });
  });

  describe('a claim whose outcome could not be recorded', () => {
    it('stays its worker’s while it tries again, and is recorded once the database is back', async () => {
      const server = new URL(TEST_DATABASE_URL);
      const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
      try {
        const s = await replica({ url: throughProxy(schema.url, proxy) });
        await ingest(s, [{ alarm: alarm(), plan: plan() }], at(0), D, QUIET);
        const [c] = await s.claimDeliveries(1, at(1), 'w', 600_000);
        // The create went out (and was answered) just before the database went away.
        expect(await s.markSent(c!, at(1), at(60))).to.equal(true);
        await proxy.cut();
        let err: unknown = null;
        const link = { sysId: 'abc', number: 'INC0010001' };
        await s
          .settleDelivery(c!, { ok: true, link }, { dead: false, nextAttemptAt: at(2) }, at(2))
          .catch((e: unknown) => (err = e));
        expect(err).to.be.instanceOf(Error);
        await proxy.restore();
        // Not delivered again meanwhile, by this worker or any other (its liveness session went down
        // with the connection, so it may look dead): the write's doubt holds the entry.
        expect(await s.claimDeliveries(1, at(3), 'w', 600_000)).to.have.length(0);
        expect(await s.claimDeliveries(1, at(3), 'other', 600_000)).to.have.length(0);
        expect(
          await s.settleDelivery(c!, { ok: true, link }, { dead: false, nextAttemptAt: at(4) }, at(4)),
        ).to.equal(true);
        expect((await s.getEvent('DC1/cooling/ZONE-A1'))!.event.incidentNumber).to.equal('INC0010001');
      } finally {
        await proxy.close();
      }
    });

    it('is taken again by its worker (same id) after a restart, without waiting for the lease', async () => {
      const a = await replica();
      await ingest(a, [{ alarm: alarm(), plan: plan() }], at(0), D, QUIET);
      const [c] = await a.claimDeliveries(1, at(1), 'w', 600_000);
      await a.close();
      const b = await replica();
      const [again] = await b.claimDeliveries(1, at(2), 'w', 600_000);
      expect(again).to.include({ id: c!.id, state: 'inflight', claim: c!.claim + 1 });
    });
  });

  describe('openStore', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-open-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('a postgres:// URL opens PostgreSQL; no URL opens <dataDir>/closeloop.db', async () => {
      const p = await openStore({ databaseUrl: schema.url, dataDir: dir, logger });
      open.push(p);
      expect(p.kind).to.equal('postgres');
      const s = await openStore({ dataDir: dir, logger });
      expect(s.kind).to.equal('sqlite');
      await s.close();
      expect(fs.existsSync(path.join(dir, 'closeloop.db'))).to.equal(true);
    });

    it('refuses other URLs and never prints the password', async () => {
      let err: unknown = null;
      await openStore({ databaseUrl: 'mysql://u:s3cret@db/x', dataDir: dir, logger }).catch(
        (e: unknown) => (err = e),
      );
      expect(String(err)).to.match(/must start with postgres:\/\//);
      expect(String(err)).not.to.include('s3cret');
      err = null;
      await openStore({ databaseUrl: 'postgres://u:s3cret@127.0.0.1:1/x', dataDir: dir, logger }).catch(
        (e: unknown) => (err = e),
      );
      expect(String(err)).to.match(/cannot open PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x/);
      expect(String(err)).not.to.include('s3cret');
    });
  });
});

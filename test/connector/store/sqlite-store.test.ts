import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteStore } from '../../../connector/src/store/sqlite/store.js';
import type { Store } from '../../../connector/src/store/store.js';
import type { IngestPlan } from '../../../connector/src/lifecycle/types.js';
import { alarm, at, plan } from '../../support/alarms.js';

const D = 'Closeloop';

describe('SQLite store: lifecycle through ingest', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-store-'));
    store = createSqliteStore(path.join(dir, 'closeloop.db'));
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ops = async (key: string) => (await store.getEvent(key))!.deliveries.map((d) => d.op.op);

  it('create → repeat (nothing) → join (note) → clear (note) → auto-resolve', async () => {
    const p = plan();
    const r1 = await store.ingest([{ alarm: alarm(), plan: p }], at(0), D);
    expect(r1[0]).to.include({ outcome: 'created', eventKey: 'DC1/cooling/ZONE-A1' });
    const r2 = await store.ingest([{ alarm: alarm(), plan: p }], at(5), D);
    expect(r2[0]!.outcome).to.equal('repeat');
    expect(await ops('DC1/cooling/ZONE-A1')).to.deep.equal(['create']);

    const gpu = alarm({
      source: 'alertmanager',
      sourceKind: 'alertmanager',
      id: 'fp1',
      type: 'GpuThermalSlowdown',
      severity: 'warning',
    });
    const r3 = await store.ingest([{ alarm: gpu, plan: p }], at(10), D);
    expect(r3[0]!.outcome).to.equal('attached');
    expect(await ops('DC1/cooling/ZONE-A1')).to.deep.equal(['create', 'note']);

    await store.ingest([{ alarm: alarm({ state: 'cleared' }), plan: p }], at(20), D);
    expect(await ops('DC1/cooling/ZONE-A1')).to.deep.equal(['create', 'note', 'note']);
    const r5 = await store.ingest([{ alarm: { ...gpu, state: 'cleared' }, plan: p }], at(30), D);
    expect(r5[0]!.outcome).to.equal('resolved');
    expect(await ops('DC1/cooling/ZONE-A1')).to.deep.equal(['create', 'note', 'note', 'note', 'resolve']);
    const detail = await store.getEvent('DC1/cooling/ZONE-A1');
    expect(detail!.event.state).to.equal('resolved');
    expect(detail!.alarms).to.have.length(2);
  });

  it('the create operation carries correlation_id = event key and correlation_display', async () => {
    await store.ingest([{ alarm: alarm(), plan: plan() }], at(0), D);
    const d = await store.getEvent('DC1/cooling/ZONE-A1');
    const create = d!.deliveries[0]!.op;
    expect(create.op).to.equal('create');
    if (create.op !== 'create') return;
    expect(create.fields).to.include({
      correlation_id: 'DC1/cooling/ZONE-A1',
      correlation_display: 'Closeloop',
      impact: 1,
      urgency: 2,
    });
  });

  it('severity rising raises impact/urgency; falling never lowers it', async () => {
    await store.ingest(
      [{ alarm: alarm({ severity: 'minor' }), plan: plan({ impact: 2, urgency: 2 }) }],
      at(0),
      D,
    );
    await store.ingest(
      [{ alarm: alarm({ severity: 'critical' }), plan: plan({ impact: 1, urgency: 1 }) }],
      at(5),
      D,
    );
    await store.ingest(
      [{ alarm: alarm({ severity: 'warning' }), plan: plan({ impact: 2, urgency: 3 }) }],
      at(9),
      D,
    );
    const d = await store.getEvent('DC1/cooling/ZONE-A1');
    const update = d!.deliveries.filter((x) => x.op.op === 'update');
    expect(update).to.have.length(1);
    expect(update[0]!.op).to.deep.include({ fields: { impact: 1, urgency: 1 } });
    expect(d!.event.severity).to.equal('critical');
  });

  it('reopens within the reopen window and opens a new incident after it', async () => {
    const p: IngestPlan = plan({ behaviour: { autoResolve: true, reopenWindowMs: 60_000, holdDownMs: 0 } });
    await store.ingest([{ alarm: alarm(), plan: p }], at(0), D);
    // The incident must exist in ServiceNow to be reopened: settle the create with a link.
    const [c] = await store.claimDeliveries(10, at(1), 'w', 1000);
    await store.settleDelivery(
      c!.id,
      { ok: true, link: { sysId: 'abc', number: 'INC0010001' } },
      { dead: false, nextAttemptAt: at(1) },
      at(1),
    );
    await store.ingest([{ alarm: alarm({ state: 'cleared' }), plan: p }], at(2), D);
    const r = await store.ingest([{ alarm: alarm(), plan: p }], at(30), D);
    expect(r[0]).to.include({ outcome: 'reopened', eventKey: 'DC1/cooling/ZONE-A1' });
    expect(await ops('DC1/cooling/ZONE-A1')).to.deep.equal(['create', 'note', 'resolve', 'reopen']);

    await store.ingest([{ alarm: alarm({ state: 'cleared' }), plan: p }], at(40), D);
    const late = await store.ingest([{ alarm: alarm(), plan: p }], at(200), D);
    expect(late[0]).to.include({ outcome: 'created', eventKey: 'DC1/cooling/ZONE-A1#2' });
  });

  it('hold-down: an alarm clearing within the hold-down never opens an incident; one still active is raised', async () => {
    const p = plan({ behaviour: { autoResolve: true, reopenWindowMs: 0, holdDownMs: 60_000 } });
    const r = await store.ingest([{ alarm: alarm(), plan: p }], at(0), D);
    expect(r[0]!.outcome).to.equal('held');
    await store.ingest([{ alarm: alarm({ state: 'cleared' }), plan: p }], at(30), D);
    expect(await store.raiseDueEvents(at(61))).to.equal(0);
    const d = await store.getEvent('DC1/cooling/ZONE-A1');
    expect(d!.event.state).to.equal('discarded');
    expect(d!.deliveries).to.have.length(0);

    const other = plan({ correlationKey: 'DC1/cooling/ZONE-B1', behaviour: p.behaviour });
    await store.ingest([{ alarm: alarm({ id: 'B' }), plan: other }], at(100), D);
    expect(await store.raiseDueEvents(at(120))).to.equal(0);
    expect(await store.raiseDueEvents(at(161))).to.equal(1);
    expect(await ops('DC1/cooling/ZONE-B1')).to.deep.equal(['create']);
  });

  it('unmatched alarms are recorded without an event', async () => {
    const r = await store.ingest([{ alarm: alarm(), plan: null }], at(0), D);
    expect(r[0]).to.deep.equal({ identity: 'bms:A1', outcome: 'unmatched', eventKey: null });
    expect(await store.listEvents({})).to.have.length(0);
  });

  it('auto-resolve waits for a verdict when the rule has close checks', async () => {
    const p = plan({ closeChecks: [{ name: 'supply-air' }] });
    await store.ingest([{ alarm: alarm(), plan: p }], at(0), D);
    const r = await store.ingest([{ alarm: alarm({ state: 'cleared' }), plan: p }], at(10), D);
    expect(r[0]!.outcome).to.equal('awaiting_verdict');
    expect(await ops('DC1/cooling/ZONE-A1')).to.deep.equal(['create', 'note']);
    await store.recordVerdict(
      'DC1/cooling/ZONE-A1',
      { verdict: 'pass', checks: [], evaluatedAt: at(700).toISOString() },
      [{ op: 'resolve' }],
      at(700),
    );
    const d = await store.getEvent('DC1/cooling/ZONE-A1');
    expect(d!.event).to.include({ state: 'resolved', verdict: 'pass' });
  });

  it('claims only the oldest undelivered entry of each key, and a dead entry blocks its key', async () => {
    await store.ingest([{ alarm: alarm(), plan: plan() }], at(0), D);
    await store.ingest([{ alarm: alarm({ id: 'A2' }), plan: plan() }], at(1), D);
    await store.ingest([{ alarm: alarm({ id: 'B1' }), plan: plan({ correlationKey: 'K2' }) }], at(1), D);
    const first = await store.claimDeliveries(10, at(2), 'w', 60_000);
    expect(first.map((e) => [e.eventKey, e.op.op])).to.deep.equal([
      ['DC1/cooling/ZONE-A1', 'create'],
      ['K2', 'create'],
    ]);
    expect(await store.claimDeliveries(10, at(2), 'w', 60_000)).to.have.length(0);
    await store.settleDelivery(
      first[0]!.id,
      { ok: false, retryable: false, status: 400, error: 'bad field' },
      { dead: true, nextAttemptAt: at(2) },
      at(2),
    );
    expect(await store.claimDeliveries(10, at(3), 'w', 60_000)).to.have.length(0);
    const dead = await store.listDeliveries('dead', 10);
    expect(dead).to.have.length(1);
    expect(dead[0]).to.include({ lastError: 'bad field', lastStatus: 400 });
    expect(await store.retryDelivery(dead[0]!.id, at(4))).to.equal(true);
    const again = await store.claimDeliveries(10, at(4), 'w', 60_000);
    expect(again.map((e) => e.op.op)).to.deep.equal(['create']);
  });

  it('a restart releases claims held by the dead process', async () => {
    const file = path.join(dir, 'closeloop.db');
    await store.ingest([{ alarm: alarm(), plan: plan() }], at(0), D);
    expect(await store.claimDeliveries(10, at(1), 'w', 600_000)).to.have.length(1);
    await store.close();
    store = createSqliteStore(file);
    expect(await store.claimDeliveries(10, at(2), 'w', 600_000)).to.have.length(1);
  });

  it('group-commits concurrent ingest calls, each getting its own results', async () => {
    const calls = Array.from({ length: 50 }, (_, i) =>
      store.ingest([{ alarm: alarm({ id: `X${i}` }), plan: plan({ correlationKey: `K${i}` }) }], at(0), D),
    );
    const results = await Promise.all(calls);
    results.forEach((r, i) =>
      expect(r[0]).to.include({ identity: `bms:X${i}`, outcome: 'created', eventKey: `K${i}` }),
    );
    expect((await store.deliveryCounts()).pending).to.equal(50);
  });

  it('keeps rejected payloads', async () => {
    const id = await store.recordRejected({
      source: 'bms',
      reason: 'malformed JSON',
      contentType: 'application/json',
      body: '{nope',
      receivedAt: at(0).toISOString(),
    });
    const rows = await store.listRejected(10);
    expect(rows[0]).to.include({ id, body: '{nope', reason: 'malformed JSON' });
  });
});

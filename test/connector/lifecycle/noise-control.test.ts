import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteStore } from '../../../connector/src/store/sqlite/store.js';
import type { Store } from '../../../connector/src/store/store.js';
import type { NoisePolicy } from '../../../connector/src/lifecycle/types.js';
import { alarm, at, closeCheck, plan } from '../../support/alarms.js';
import { ingest } from '../../../connector/src/lifecycle/apply.js';
import { raiseDueEvents } from '../../../connector/src/lifecycle/raise-held.js';
import { flushDueNotes } from '../../../connector/src/lifecycle/flush-notes.js';
import { releaseStorms } from '../../../connector/src/lifecycle/release-storms.js';

const D = 'Closeloop';
const quiet: NoisePolicy = { noteIntervalMs: 0, flapChanges: 4, flapWindowMs: 600_000 };

describe('noise control through ingest', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-noise-'));
    store = createSqliteStore(path.join(dir, 'db.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const ops = async (key: string) =>
    (await store.getEvent(key))!.deliveries.filter((d) => d.state !== 'cancelled').map((d) => d.op);

  describe('note economy', () => {
    const policy: NoisePolicy = { ...quiet, noteIntervalMs: 60_000 };
    it('writes at most one note per interval and summarises the rest', async () => {
      await ingest(store, [{ alarm: alarm(), plan: plan() }], at(0), D, policy);
      for (let i = 1; i <= 4; i++) {
        await ingest(
          store,
          [{ alarm: alarm({ id: `G${i}`, type: 'GpuThermalSlowdown' }), plan: plan() }],
          at(i),
          D,
          policy,
        );
      }
      let o = await ops('DC1/cooling/ZONE-A1');
      expect(o.map((x) => x.op)).to.deep.equal(['create', 'note']);
      expect(await flushDueNotes(store, at(30))).to.equal(0);
      expect(await flushDueNotes(store, at(62))).to.equal(1);
      o = await ops('DC1/cooling/ZONE-A1');
      expect(o.map((x) => x.op)).to.deep.equal(['create', 'note', 'note']);
      const summary = o[2]!;
      expect(summary.op === 'note' && summary.text).to.match(/^3 changes since 10:00 UTC/);
      expect(summary.op === 'note' && summary.text.split('\n- ')).to.have.length(4);
    });
    it('flushes buffered notes before a resolve so the journal stays in order', async () => {
      const p = plan({ behaviour: { autoResolve: true, reopenWindowMs: 0, holdDownMs: 0 } });
      await ingest(store, [{ alarm: alarm(), plan: p }], at(0), D, policy);
      await ingest(store, [{ alarm: alarm({ id: 'G1' }), plan: p }], at(1), D, policy);
      await ingest(store, [{ alarm: alarm({ id: 'G1', state: 'cleared' }), plan: p }], at(2), D, policy);
      await ingest(store, [{ alarm: alarm({ state: 'cleared' }), plan: p }], at(3), D, policy);
      const o = await ops('DC1/cooling/ZONE-A1');
      expect(o.map((x) => x.op)).to.deep.equal(['create', 'note', 'note', 'resolve']);
      expect(o[2]!.op === 'note' && o[2]!.text).to.match(/^2 changes/);
    });
  });

  describe('flapping', () => {
    it('marks an alarm that changes state too often as flapping and collapses its notes into a summary', async () => {
      const p = plan({ behaviour: { autoResolve: true, reopenWindowMs: 0, holdDownMs: 0 } });
      await ingest(store, [{ alarm: alarm({ id: 'OTHER' }), plan: p }], at(0), D, quiet);
      await ingest(store, [{ alarm: alarm(), plan: p }], at(1), D, quiet);
      for (let i = 0; i < 10; i++) {
        await ingest(
          store,
          [{ alarm: alarm({ state: i % 2 === 0 ? 'cleared' : 'active' }), plan: p }],
          at(2 + i),
          D,
          quiet,
        );
      }
      const o = await ops('DC1/cooling/ZONE-A1');
      // create, joined, then 4 changes noted before the alarm counts as flapping; the rest are collapsed.
      expect(o.map((x) => x.op)).to.deep.equal(['create', 'note', 'note', 'note', 'note', 'note']);
      const d = await store.getEvent('DC1/cooling/ZONE-A1');
      const flapping = d!.event.noise.flapping['bms:A1'];
      expect(flapping).to.include({ changes: 6, state: 'active' });
      expect(await flushDueNotes(store, at(100))).to.equal(1);
      const last = (await ops('DC1/cooling/ZONE-A1')).at(-1)!;
      expect(last.op === 'note' && last.text).to.match(
        /CRAH-2 supply_air_temp_high is flapping: 6 state changes/,
      );
    });
    it('never auto-resolves while an alarm of the event is flapping', async () => {
      const p = plan({ behaviour: { autoResolve: true, reopenWindowMs: 0, holdDownMs: 0 } });
      const pol = { ...quiet, flapChanges: 2 };
      await ingest(store, [{ alarm: alarm({ id: 'OTHER' }), plan: p }], at(0), D, pol);
      for (const [i, state] of (['active', 'cleared', 'active', 'cleared'] as const).entries()) {
        await ingest(store, [{ alarm: alarm({ state }), plan: p }], at(1 + i), D, pol);
      }
      const r = await ingest(
        store,
        [{ alarm: alarm({ id: 'OTHER', state: 'cleared' }), plan: p }],
        at(10),
        D,
        pol,
      );
      expect(r[0]!.outcome).to.equal('cleared');
      expect((await store.getEvent('DC1/cooling/ZONE-A1'))!.event.state).to.equal('open');
    });
  });

  describe('maintenance windows', () => {
    it('records an alarm under a silence, opens nothing, and raises the event when the window ends if still active', async () => {
      const silence = { id: 'chiller-work', untilMs: at(600).getTime() };
      const r = await ingest(store, [{ alarm: alarm(), plan: plan(), silence }], at(0), D, quiet);
      expect(r[0]!.outcome).to.equal('silenced');
      expect(await ops('DC1/cooling/ZONE-A1')).to.have.length(0);
      expect(await raiseDueEvents(store, at(300))).to.equal(0);
      expect(await raiseDueEvents(store, at(601))).to.equal(1);
      expect((await ops('DC1/cooling/ZONE-A1')).map((o) => o.op)).to.deep.equal(['create']);
    });
    it('opens nothing for an alarm that clears during the window', async () => {
      const silence = { id: 's', untilMs: at(600).getTime() };
      await ingest(store, [{ alarm: alarm(), plan: plan(), silence }], at(0), D, quiet);
      await ingest(store, [{ alarm: alarm({ state: 'cleared' }), plan: plan(), silence }], at(100), D, quiet);
      expect(await raiseDueEvents(store, at(601))).to.equal(0);
      expect((await store.getEvent('DC1/cooling/ZONE-A1'))!.event.state).to.equal('discarded');
    });
  });

  describe('cause and effect', () => {
    const gpuPlan = plan({
      rule: 'gpu-thermal',
      closeChecks: [closeCheck({ name: 'gpu-temp', query: 'DCGM_FI_DEV_GPU_TEMP{rack="R03"}' })],
      fields: { short_description: 'GPU thermal slowdown on R03', category: 'hardware' },
      references: {
        assignment_group: { table: 'sys_user_group', field: 'name', value: 'IT - GPU Operations' },
      },
      role: 'effect',
      scopes: ['rack:DC1/R03', 'row:DC1/A1', 'cooling_zone:DC1/ZONE-A1', 'site:DC1'],
    });
    const crahPlan = plan({
      rule: 'crah-supply-air-high',
      closeChecks: [closeCheck({ name: 'supply-air', query: 'crah_supply{unit="CRAH-1"}' })],
      fields: { short_description: 'CRAH-1 supply air high', category: 'facilities' },
      references: {
        assignment_group: { table: 'sys_user_group', field: 'name', value: 'Facilities - Cooling' },
      },
      role: 'cause',
      scope: 'cooling_zone:DC1/ZONE-A1',
      scopes: ['cooling_zone:DC1/ZONE-A1', 'site:DC1'],
    });
    const gpu = alarm({
      source: 'alertmanager',
      sourceKind: 'alertmanager',
      id: 'fp-r03',
      type: 'GpuThermalSlowdown',
      asset: { site: 'DC1', rack: 'R03' },
    });
    const crah = alarm({
      id: 'CRAH-1-SAT',
      asset: { site: 'DC1', equipmentId: 'CRAH-1', equipmentName: 'CRAH-1' },
    });

    it('a cause joining an event opened by effects takes it over: re-described and reassigned to the facility owner', async () => {
      await ingest(store, [{ alarm: gpu, plan: gpuPlan }], at(0), D, quiet);
      await ingest(store, [{ alarm: crah, plan: crahPlan }], at(30), D, quiet);
      const d = await store.getEvent('DC1/cooling/ZONE-A1');
      expect(d!.event).to.include({ rule: 'crah-supply-air-high', title: 'CRAH-1 supply air high' });
      expect(d!.event.noise.role).to.equal('cause');
      const o = d!.deliveries.map((x) => x.op);
      expect(o.map((x) => x.op)).to.deep.equal(['create', 'update']);
      const update = o[1]!;
      expect(update.op === 'update' && update.references).to.deep.equal(crahPlan.references);
      expect(update.op === 'update' && update.fields).to.deep.include({
        short_description: 'CRAH-1 supply air high',
        category: 'facilities',
      });
      expect(update.op === 'update' && update.note).to.match(/^Cause identified/);
      expect(d!.event.closeChecks.map((c) => (c as { name: string }).name)).to.deep.equal([
        'supply-air',
        'gpu-temp',
      ]);
    });

    it('inhibition: an effect keyed elsewhere joins a live cause covering its scope and opens nothing', async () => {
      await ingest(store, [{ alarm: crah, plan: crahPlan }], at(0), D, quiet);
      const r = await ingest(
        store,
        [{ alarm: gpu, plan: { ...gpuPlan, correlationKey: 'DC1/rack/R03' } }],
        at(10),
        D,
        quiet,
      );
      expect(r[0]).to.include({ outcome: 'attached', eventKey: 'DC1/cooling/ZONE-A1' });
      expect(await store.getEvent('DC1/rack/R03')).to.equal(null);
    });

    it('a cause arriving after effects keyed elsewhere adopts them; undelivered effect writes are cancelled', async () => {
      await ingest(
        store,
        [{ alarm: gpu, plan: { ...gpuPlan, correlationKey: 'DC1/rack/R03' } }],
        at(0),
        D,
        quiet,
      );
      await ingest(store, [{ alarm: crah, plan: crahPlan }], at(20), D, quiet);
      const effect = await store.getEvent('DC1/rack/R03');
      expect(effect!.event.state).to.equal('merged');
      expect(effect!.event.noise.mergedInto).to.equal('DC1/cooling/ZONE-A1');
      expect(effect!.deliveries.map((x) => x.state)).to.deep.equal(['cancelled']);
      const cause = await store.getEvent('DC1/cooling/ZONE-A1');
      expect(cause!.alarms.map((a) => a.identity).sort()).to.deep.equal([
        'alertmanager:fp-r03',
        'bms:CRAH-1-SAT',
      ]);
    });

    it('an effect incident already in ServiceNow is noted and resolved in favour of the cause', async () => {
      await ingest(
        store,
        [{ alarm: gpu, plan: { ...gpuPlan, correlationKey: 'DC1/rack/R03' } }],
        at(0),
        D,
        quiet,
      );
      const [c] = await store.claimDeliveries(10, at(1), 'w', 60_000);
      await store.settleDelivery(
        c!,
        { ok: true, link: { sysId: 'e1', number: 'INC0010007' } },
        { dead: false, nextAttemptAt: at(1) },
        at(1),
      );
      await ingest(store, [{ alarm: crah, plan: crahPlan }], at(20), D, quiet);
      const effect = await store.getEvent('DC1/rack/R03');
      expect(effect!.deliveries.map((x) => [x.op.op, x.state])).to.deep.equal([
        ['create', 'done'],
        ['note', 'pending'],
        ['resolve', 'pending'],
      ]);
    });
  });

  describe('storm control', () => {
    const policy: NoisePolicy = { ...quiet, stormPerSource: 3, stormGlobal: 5 };
    const many = (n: number, from: number, source = 'bms') =>
      Array.from({ length: n }, (_, i) => ({
        alarm: alarm({ source, id: `S${from + i}`, asset: { site: 'DC1', rack: `R${from + i}` } }),
        plan: plan({
          correlationKey: `DC1/rack/R${from + i}`,
          fields: { short_description: `Rack R${from + i} hot` },
        }),
      }));

    it('parks new events beyond the per-source rate, in one storm incident with counts; nothing is dropped', async () => {
      const r = await ingest(store, many(6, 0), at(0), D, policy);
      expect(r.map((x) => x.outcome)).to.deep.equal([
        'created',
        'created',
        'created',
        'parked',
        'parked',
        'parked',
      ]);
      const storm = await store.getEvent('storm/DC1');
      expect(storm!.event).to.include({
        state: 'open',
        title: 'Alarm storm at DC1: new incidents held back',
      });
      expect(storm!.event.noise.stormParked).to.equal(3);
      expect(storm!.deliveries.map((d) => d.op.op)).to.deep.equal(['create', 'note', 'note']);
      const pending = await store.listEvents({ state: 'pending' });
      expect(pending.map((e) => e.key).sort()).to.deep.equal(['DC1/rack/R3', 'DC1/rack/R4', 'DC1/rack/R5']);
      expect((await store.getEvent('DC1/rack/R3'))!.deliveries).to.have.length(0);
    });

    it('counts other sources against the global limit only', async () => {
      await ingest(store, many(3, 0), at(0), D, policy);
      const r = await ingest(store, many(3, 10, 'alertmanager'), at(1), D, policy);
      expect(r.map((x) => x.outcome)).to.deep.equal(['created', 'created', 'parked']);
    });

    it('releases parked events still active when the storm passes, and resolves the storm incident', async () => {
      await ingest(store, many(6, 0), at(0), D, policy);
      // One parked event clears while held back: it never becomes an incident.
      await ingest(
        store,
        [{ alarm: alarm({ id: 'S5', state: 'cleared', asset: { site: 'DC1', rack: 'R5' } }), plan: null }],
        at(10),
        D,
        policy,
      );
      expect(await releaseStorms(store, at(30), 5)).to.equal(0);
      expect(await releaseStorms(store, at(61), 5)).to.equal(2);
      expect((await store.getEvent('DC1/rack/R3'))!.deliveries.map((d) => d.op.op)).to.deep.equal(['create']);
      expect((await store.getEvent('DC1/rack/R5'))!.event.state).to.equal('discarded');
      const storm = await store.getEvent('storm/DC1');
      expect(storm!.event.state).to.equal('resolved');
      const last = storm!.deliveries.at(-1)!.op;
      expect(last.op === 'resolve' && last.note).to.equal(
        'Storm over: 3 event(s) were held back; 2 released as incidents, 1 cleared while held back.',
      );
    });
  });
});

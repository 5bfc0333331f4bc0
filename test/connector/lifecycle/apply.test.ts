// The ingest loop (lifecycle/apply.ts) with plain data: an in-memory implementation of the ports
// stands in for the store, so the order of steps is tested without a database.
import { expect } from 'chai';
import { ingest } from '../../../connector/src/lifecycle/apply.js';
import type { NoisePolicy } from '../../../connector/src/lifecycle/types.js';
import { alarm, at, closeCheck, plan, QUIET } from '../../support/alarms.js';
import { memoryLifecycleStore } from '../../support/memory-lifecycle-store.js';

const D = 'Closeloop';
const K = 'DC1/cooling/ZONE-A1';
const MIN = 60_000;

describe('lifecycle/apply: the ingest loop', () => {
  it('decides a batch in order in one transaction, each alarm seeing the writes before it', async () => {
    const store = memoryLifecycleStore();
    const p = plan();
    const r = await ingest(
      store,
      [
        { alarm: alarm(), plan: p },
        { alarm: alarm({ id: 'A2' }), plan: p },
        { alarm: alarm(), plan: p },
        { alarm: alarm({ id: 'A2', state: 'cleared' }), plan: p },
      ],
      at(0),
      D,
      QUIET,
    );
    expect(r.map((x) => x.outcome)).to.deep.equal(['created', 'attached', 'repeat', 'cleared']);
    expect(store.transactions).to.deep.equal({ ingest: 1, pass: 0 });
    expect(store.ops(K)).to.deep.equal(['create', 'note', 'note']);
  });

  it('logs what each update did: not a repeat, and a stale update as it came', async () => {
    const store = memoryLifecycleStore();
    const stamped = (state: 'active' | 'cleared', sec: number) =>
      alarm({
        state,
        clock: 'source',
        raisedAt: at(sec).toISOString(),
        receivedAt: at(sec + 1).toISOString(),
      });
    await ingest(store, [{ alarm: stamped('active', 0), plan: plan() }], at(1), D, QUIET);
    await ingest(store, [{ alarm: stamped('active', 0), plan: plan() }], at(2), D, QUIET);
    const r = await ingest(store, [{ alarm: stamped('cleared', -60), plan: plan() }], at(3), D, QUIET);
    expect(r[0]).to.deep.equal({
      identity: 'bms:A1',
      outcome: 'stale',
      eventKey: K,
      newerAt: at(0).toISOString(),
    });
    expect(store.state.log.map((l) => [l.outcome, l.state, l.alarm?.raisedAt])).to.deep.equal([
      ['created', 'active', at(0).toISOString()],
      ['stale', 'cleared', at(-60).toISOString()],
    ]);
    expect(store.state.alarms.get('bms:A1')!.state).to.equal('active');
  });

  it('an error anywhere in the batch keeps none of it', async () => {
    const store = memoryLifecycleStore();
    const broken = { ...plan(), behaviour: undefined } as unknown as ReturnType<typeof plan>;
    let failed: unknown = null;
    await ingest(
      store,
      [
        { alarm: alarm(), plan: plan() },
        { alarm: alarm({ id: 'B', asset: { site: 'DC1' } }), plan: { ...broken, correlationKey: 'K2' } },
      ],
      at(0),
      D,
      QUIET,
    ).catch((err: unknown) => (failed = err));
    expect(failed).to.be.instanceOf(Error);
    expect(store.state.events.size).to.equal(0);
    expect(store.state.outbox).to.have.length(0);
  });

  describe('correlation.window', () => {
    const p = plan({ correlationWindowMs: 15 * MIN, closeChecks: [closeCheck()] });

    it('counts the active alarms of the key event only once it is older than the window', async () => {
      const store = memoryLifecycleStore();
      await ingest(store, [{ alarm: alarm(), plan: p }], at(0), D, QUIET);
      await ingest(store, [{ alarm: alarm({ state: 'cleared' }), plan: p }], at(60), D, QUIET);
      store.calls.length = 0;
      // Within the window: joined, and nothing counted but the alarm's own (absent) previous event.
      await ingest(store, [{ alarm: alarm({ id: 'A2' }), plan: p }], at(120), D, QUIET);
      expect(store.calls.filter((c) => c === 'countActive')).to.have.length(0);
      expect(store.ops(K)).to.deep.equal(['create', 'note', 'note']);
      await ingest(store, [{ alarm: alarm({ id: 'A2', state: 'cleared' }), plan: p }], at(180), D, QUIET);
      // 20 minutes after the last clear: every alarm of the event is clear, so a new one opens #2.
      store.calls.length = 0;
      const r = await ingest(store, [{ alarm: alarm({ id: 'A3' }), plan: p }], at(180 + 20 * 60), D, QUIET);
      expect(store.calls.filter((c) => c === 'countActive')).to.have.length(1);
      expect(r[0]).to.include({ outcome: 'created', eventKey: `${K}#2` });
      expect(store.state.events.get(K)!.state).to.equal('open');
    });
  });

  describe('storm control', () => {
    const policy: NoisePolicy = { ...QUIET, stormPerSource: 2 };
    const rackAlarm = (i: number) => ({
      alarm: alarm({ id: `S${i}`, asset: { site: 'DC1', rack: `R${i}` } }),
      plan: plan({ correlationKey: `DC1/rack/R${i}` }),
    });

    it('parks new events past the rate under one storm event of kind storm, counted by notes', async () => {
      const store = memoryLifecycleStore();
      const r = await ingest(store, [0, 1, 2, 3].map(rackAlarm), at(0), D, policy);
      expect(r.map((x) => x.outcome)).to.deep.equal(['created', 'created', 'parked', 'parked']);
      const storm = store.state.events.get('storm/DC1')!;
      expect(storm).to.include({ kind: 'storm', state: 'open', rule: 'storm-control' });
      expect(storm.noise.stormParked).to.equal(2);
      expect(store.ops('storm/DC1')).to.deep.equal(['create', 'note']);
      expect(store.state.events.get('DC1/rack/R2')!.noise).to.include({
        parked: true,
        mergedInto: 'storm/DC1',
      });
      expect(store.ops('DC1/rack/R2')).to.deep.equal([]);
    });

    it('an open event under a storm-like key is not a storm event: a storm event of its own opens', async () => {
      const store = memoryLifecycleStore();
      // A rule whose key renders like the storm key of another site.
      await ingest(
        store,
        [{ alarm: alarm({ id: 'X' }), plan: plan({ correlationKey: 'storm/DC1' }) }],
        at(0),
        D,
        QUIET,
      );
      await ingest(store, [0, 1, 2].map(rackAlarm), at(1), D, policy);
      const user = store.state.events.get('storm/DC1')!;
      expect(user).to.include({ kind: 'alarms', rule: 'crah-supply-air-high' });
      expect(user.noise.stormParked).to.equal(0);
      const storm = store.state.events.get('storm/DC1#2')!;
      expect(storm).to.include({ kind: 'storm', state: 'open' });
      // And the rule's next alarm does not join the storm incident: it opens the key's next event.
      const r = await ingest(
        store,
        [{ alarm: alarm({ id: 'Y' }), plan: plan({ correlationKey: 'storm/DC1' }) }],
        at(2),
        D,
        QUIET,
      );
      expect(r[0]).to.include({ outcome: 'created', eventKey: 'storm/DC1#3' });
      expect(store.state.events.get('storm/DC1#2')).to.deep.equal(storm);
    });
  });

  it('a cause arriving after an effect adopts its event and cancels its undelivered writes', async () => {
    const store = memoryLifecycleStore();
    const effect = plan({
      rule: 'gpu-thermal',
      correlationKey: 'DC1/rack/R03',
      role: 'effect',
      scopes: ['rack:DC1/R03', 'cooling_zone:DC1/ZONE-A1'],
    });
    const cause = plan({
      role: 'cause',
      scope: 'cooling_zone:DC1/ZONE-A1',
      scopes: ['cooling_zone:DC1/ZONE-A1'],
    });
    await ingest(store, [{ alarm: alarm({ source: 'am', id: 'fp1' }), plan: effect }], at(0), D, QUIET);
    await ingest(store, [{ alarm: alarm({ id: 'CRAH' }), plan: cause }], at(10), D, QUIET);
    expect(store.state.events.get('DC1/rack/R03')).to.include({ state: 'merged' });
    expect(store.state.outbox.filter((o) => o.eventKey === 'DC1/rack/R03').map((o) => o.state)).to.deep.equal(
      ['cancelled'],
    );
    expect(store.state.alarms.get('am:fp1')!.eventKey).to.equal(K);
  });
});

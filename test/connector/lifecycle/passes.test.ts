// The background passes with plain data: events put straight into an in-memory store, each pass run
// once, and what it wrote read back.
import { expect } from 'chai';
import { flushDueNotes } from '../../../connector/src/lifecycle/flush-notes.js';
import { raiseDueEvents } from '../../../connector/src/lifecycle/raise-held.js';
import { releaseStorms } from '../../../connector/src/lifecycle/release-storms.js';
import { recordVerdict } from '../../../connector/src/lifecycle/verdict-write.js';
import type { AlarmRecord } from '../../../connector/src/model/alarm-record.js';
import type { EventRecord } from '../../../connector/src/model/event.js';
import type { Operation } from '../../../connector/src/model/operation.js';
import { at, checkResult } from '../../support/alarms.js';
import { alarmRecordOf, eventRecord } from '../../support/events.js';
import { memoryLifecycleStore, type MemoryLifecycleStore } from '../../support/memory-lifecycle-store.js';

const create = (key: string): Operation => ({
  op: 'create',
  fields: { short_description: key, correlation_id: key },
  references: {},
});

function storeWith(events: EventRecord[], alarms: AlarmRecord[] = []): MemoryLifecycleStore {
  const store = memoryLifecycleStore();
  for (const e of events) store.state.events.set(e.key, e);
  for (const a of alarms) store.state.alarms.set(a.identity, a);
  return store;
}

const held = (key: string, raiseSec: number) =>
  eventRecord({
    key,
    correlationKey: key,
    state: 'pending',
    raiseAt: at(raiseSec).toISOString(),
    pendingCreate: create(key),
    incidentSysId: null,
  });

describe('lifecycle passes', () => {
  describe('raiseDueEvents', () => {
    it('raises a held event whose time came while any of its alarms is active; discards one with none', async () => {
      const store = storeWith(
        [held('H1', 60), held('H2', 60), held('H3', 600)],
        [
          alarmRecordOf('H1', 'a', 'cleared'),
          alarmRecordOf('H1', 'b', 'active'),
          alarmRecordOf('H2', 'c', 'cleared'),
          alarmRecordOf('H3', 'd', 'active'),
        ],
      );
      expect(await raiseDueEvents(store, at(61))).to.equal(1);
      expect(store.state.events.get('H1')).to.include({ state: 'open', pendingCreate: null, raiseAt: null });
      expect(store.ops('H1')).to.deep.equal(['create']);
      expect(store.state.events.get('H2')).to.include({ state: 'discarded', pendingCreate: null });
      expect(store.ops('H2')).to.deep.equal([]);
      expect(store.state.events.get('H3')!.state).to.equal('pending');
      // Once raised, never again.
      expect(await raiseDueEvents(store, at(62))).to.equal(0);
      expect(store.ops('H1')).to.deep.equal(['create']);
    });

    it('leaves parked events (no raise time) to storm control', async () => {
      const parked = { ...held('P', 0), raiseAt: null };
      const store = storeWith([parked], [alarmRecordOf('P', 'a', 'active')]);
      expect(await raiseDueEvents(store, at(3600))).to.equal(0);
      expect(store.state.events.get('P')!.state).to.equal('pending');
    });
  });

  describe('flushDueNotes', () => {
    const buffered = (key: string, state: EventRecord['state'], dueSec: number) =>
      eventRecord({
        key,
        state,
        noise: {
          ...eventRecord().noise,
          noteBuffer: ['Joined: GPU 3.', 'Joined: GPU 4.'],
          lastNoteAt: at(0).toISOString(),
          noteDueAt: at(dueSec).toISOString(),
        },
      });

    it('writes the buffered lines of an open event as one summary when due', async () => {
      const store = storeWith([buffered('N1', 'open', 60), buffered('N2', 'open', 120)]);
      expect(await flushDueNotes(store, at(30))).to.equal(0);
      expect(await flushDueNotes(store, at(60))).to.equal(1);
      const [note] = store.state.outbox.filter((o) => o.eventKey === 'N1');
      expect(note!.op.op === 'note' && note!.op.text).to.match(
        /^2 changes since 10:00 UTC .*\n- Joined: GPU 3\.\n- Joined: GPU 4\.$/,
      );
      expect(store.state.events.get('N1')!.noise).to.include({
        noteDueAt: null,
        lastNoteAt: at(60).toISOString(),
      });
      expect(store.state.events.get('N1')!.noise.noteBuffer).to.deep.equal([]);
      expect(store.ops('N2')).to.deep.equal([]);
    });

    it('drops the buffer of an event that is no longer open, writing nothing', async () => {
      const store = storeWith([buffered('N1', 'resolved', 60)]);
      expect(await flushDueNotes(store, at(61))).to.equal(0);
      expect(store.state.outbox).to.have.length(0);
      expect(store.state.events.get('N1')!.noise.noteDueAt).to.equal(null);
    });
  });

  describe('releaseStorms', () => {
    const storm = eventRecord({
      key: 'storm/DC1',
      correlationKey: 'storm/DC1',
      kind: 'storm',
      rule: 'storm-control',
      noise: { ...eventRecord().noise, stormParked: 3 },
    });
    const parked = (key: string, createdSec: number): EventRecord => ({
      ...held(key, 0),
      raiseAt: null,
      createdAt: at(createdSec).toISOString(),
      noise: { ...eventRecord().noise, parked: true, mergedInto: 'storm/DC1' },
    });
    const creations = (n: number, sec: number) =>
      Array.from({ length: n }, (_, i) => ({
        identity: `bms:c${i}`,
        eventKey: `c${i}`,
        outcome: 'created' as const,
        state: 'active' as const,
        severity: 'major' as const,
        receivedAt: at(sec).toISOString(),
        alarm: null,
      }));

    it('waits while the last minute had as many new incidents as the limit', async () => {
      const store = storeWith([storm, parked('P1', 1)]);
      store.state.log.push(...creations(2, 30));
      expect(await releaseStorms(store, at(60), 2)).to.equal(0);
      expect(store.state.outbox).to.have.length(0);
    });

    it('releases the oldest parked events within the room left, counting each as a new incident', async () => {
      const store = storeWith([storm, parked('P3', 3), parked('P1', 1), parked('P2', 2)]);
      store.state.log.push(...creations(1, 30));
      expect(await releaseStorms(store, at(60), 3)).to.equal(2);
      expect(store.state.events.get('P1')!.state).to.equal('open');
      expect(store.state.events.get('P1')!.noise).to.include({ parked: false, mergedInto: null });
      expect(store.ops('P1')).to.deep.equal(['create']);
      expect(store.state.events.get('P3')!.state).to.equal('pending');
      expect(store.state.log.filter((l) => l.outcome === 'released').map((l) => l.identity)).to.deep.equal([
        'storm-release:P1',
        'storm-release:P2',
      ]);
      expect(store.ops('storm/DC1')).to.deep.equal(['note']);
      expect(store.state.events.get('storm/DC1')!.noise.stormReleased).to.equal(2);
      // Its releases fill the minute: the last one waits for room.
      expect(await releaseStorms(store, at(61), 3)).to.equal(0);
      expect(await releaseStorms(store, at(121), 3)).to.equal(1);
      expect(store.state.events.get('storm/DC1')).to.include({ state: 'resolved' });
      expect(store.ops('storm/DC1')).to.deep.equal(['note', 'resolve']);
    });

    it('finds storm events by their kind, not their key', async () => {
      const lookalike = { ...storm, kind: 'alarms' as const, rule: 'r' };
      const store = storeWith([lookalike, parked('P1', 1)]);
      expect(await releaseStorms(store, at(60), 10)).to.equal(0);
      expect(store.state.outbox).to.have.length(0);
    });
  });

  describe('recordVerdict', () => {
    const open = eventRecord({ lastAlarmAt: at(10).toISOString() });
    const basis = { lastAlarmAt: at(10).toISOString(), verdictAt: null };
    const v = { verdict: 'pass' as const, checks: [checkResult()], evaluatedAt: at(700).toISOString() };

    it('writes the verdict and its operations; a resolve among them resolves the event', async () => {
      const store = storeWith([open]);
      const ops: Operation[] = [
        { op: 'verdict', verdict: 'pass', checks: [checkResult()], evaluatedAt: v.evaluatedAt },
        { op: 'resolve' },
      ];
      expect(await recordVerdict(store, open.key, v, ops, at(701), basis)).to.deep.equal({ written: true });
      expect(store.state.events.get(open.key)).to.deep.include({
        state: 'resolved',
        resolvedAt: at(701).toISOString(),
        verdict: 'pass',
        verdictAt: v.evaluatedAt,
        verdictChecks: [checkResult()],
      });
      expect(store.ops(open.key)).to.deep.equal(['verdict', 'resolve']);
    });

    it('writes nothing over an event that changed since it was read, or is gone', async () => {
      const store = storeWith([{ ...open, lastAlarmAt: at(650).toISOString() }]);
      expect(await recordVerdict(store, open.key, v, [{ op: 'resolve' }], at(701), basis)).to.deep.equal({
        written: false,
        reason: 'an alarm of the event changed while it was evaluated',
      });
      expect(store.state.events.get(open.key)).to.include({ state: 'open', verdict: null });
      expect(store.state.outbox).to.have.length(0);
      expect(await recordVerdict(store, 'nope', v, [], at(701), basis)).to.deep.equal({
        written: false,
        reason: 'the event is gone',
      });
    });
  });
});

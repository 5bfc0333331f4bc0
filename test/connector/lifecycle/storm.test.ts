// Storm control's pure parts: what a storm event is, parking a decision, the storm incident, and
// the release plan.
import { expect } from 'chai';
import {
  CREATION_OUTCOMES,
  creationCount,
  isStormEvent,
  park,
  planRelease,
  stormControlled,
  stormCorrelationKey,
  stormEvent,
  stormOverOps,
  STORM_KIND,
} from '../../../connector/src/lifecycle/storm.js';
import { decide } from '../../../connector/src/lifecycle/decide.js';
import type { EventRecord } from '../../../connector/src/model/event.js';
import { alarm, at, plan, QUIET, T0 } from '../../support/alarms.js';
import { eventRecord } from '../../support/events.js';

const stormOf = (over: Partial<EventRecord> = {}) =>
  eventRecord({
    key: 'storm/DC1',
    correlationKey: 'storm/DC1',
    kind: STORM_KIND,
    rule: 'storm-control',
    noise: { ...eventRecord().noise, stormParked: 4, stormReleased: 0 },
    ...over,
  });

describe('lifecycle/storm', () => {
  it('counts new incidents (created, parked, released) over the minute before now', () => {
    expect(creationCount(at(60))).to.deep.equal({ sinceIso: T0.toISOString(), outcomes: CREATION_OUTCOMES });
    expect([...CREATION_OUTCOMES]).to.deep.equal(['created', 'parked', 'released']);
    expect(stormControlled(QUIET)).to.equal(false);
    expect(stormControlled({ ...QUIET, stormGlobal: 50 })).to.equal(true);
    expect(stormControlled({ ...QUIET, stormPerSource: 20 })).to.equal(true);
  });

  it('a storm event is one of kind storm, whatever its key', () => {
    expect(isStormEvent(stormOf())).to.equal(true);
    expect(isStormEvent(eventRecord({ key: 'storm/DC1', correlationKey: 'storm/DC1' }))).to.equal(false);
    expect(stormCorrelationKey('DC1')).to.equal('storm/DC1');
    expect(stormCorrelationKey(null)).to.equal('storm/unknown-site');
  });

  it('park turns a creation into a parked pending event that keeps its create', () => {
    const d = decide({
      alarm: alarm(),
      prev: null,
      plan: plan(),
      prevEvent: null,
      keyEvent: null,
      otherActive: 0,
      now: T0,
      correlationDisplay: 'Closeloop',
      policy: QUIET,
      silence: null,
    });
    const p = park(d, 'storm/DC1');
    expect(p.outcome).to.equal('parked');
    expect(p.ops).to.deep.equal([]);
    expect(p.event).to.include({ state: 'pending', raiseAt: null });
    expect(p.event!.pendingCreate).to.deep.equal(d.ops[0]);
    expect(p.event!.noise).to.include({ parked: true, mergedInto: 'storm/DC1' });
    // Anything but a creation is left alone.
    const attached = { ...d, outcome: 'attached' as const };
    expect(park(attached, 'storm/DC1')).to.equal(attached);
  });

  describe('stormEvent', () => {
    it('opens the site storm incident on the first parked event', () => {
      const s = stormEvent(null, 'DC1', 'CRAH-2 supply air high', T0, 'Closeloop');
      expect(s.isNew).to.equal(true);
      expect(s.event).to.include({
        key: 'storm/DC1',
        kind: 'storm',
        state: 'open',
        rule: 'storm-control',
        generation: 1,
      });
      expect(s.event.noise.stormParked).to.equal(1);
      expect(s.ops).to.have.length(1);
      expect(s.ops[0]!.op === 'create' && s.ops[0]!.fields).to.include({
        correlation_id: 'storm/DC1',
        correlation_display: 'Closeloop',
      });
    });

    it('counts further parked events on the open storm incident with a note', () => {
      const s = stormEvent(stormOf(), 'DC1', 'Rack R7 inlet hot', at(5), 'Closeloop');
      expect(s.isNew).to.equal(false);
      expect(s.event.noise.stormParked).to.equal(5);
      expect(s.ops).to.deep.equal([{ op: 'note', text: 'Held back (5): Rack R7 inlet hot' }]);
    });

    it('opens the next generation after a resolved storm, or past an event of another kind', () => {
      expect(stormEvent(stormOf({ state: 'resolved' }), 'DC1', 't', T0, 'C').event).to.include({
        key: 'storm/DC1#2',
        generation: 2,
      });
      const lookalike = eventRecord({ key: 'storm/DC1', correlationKey: 'storm/DC1' });
      const s = stormEvent(lookalike, 'DC1', 't', T0, 'C');
      expect(s.isNew).to.equal(true);
      expect(s.event).to.include({ key: 'storm/DC1#2', kind: 'storm' });
    });
  });

  describe('planRelease', () => {
    const parked = (key: string, sec: number) =>
      eventRecord({ key, state: 'pending', createdAt: at(sec).toISOString() });

    it('releases nothing while the rate is at the limit', () => {
      expect(planRelease(stormOf(), [parked('a', 1)], 5, 5, at(60))).to.equal(null);
    });

    it('releases the oldest first within the room left, and notes the easing', () => {
      const p = planRelease(stormOf(), [parked('c', 3), parked('a', 1), parked('b', 2)], 3, 5, at(60))!;
      expect(p.release.map((e) => e.key)).to.deep.equal(['a', 'b']);
      expect(p.storm.state).to.equal('open');
      expect(p.storm.noise.stormReleased).to.equal(2);
      expect(p.stormOps).to.deep.equal([
        { op: 'note', text: 'Storm easing: released 2 held-back event(s) as incidents; 1 still held.' },
      ]);
    });

    it('resolves the storm incident with totals once nothing is held back', () => {
      const p = planRelease(
        stormOf({ noise: { ...stormOf().noise, stormReleased: 1 } }),
        [parked('a', 1)],
        0,
        5,
        at(60),
      )!;
      expect(p.storm).to.include({ state: 'resolved', resolvedAt: at(60).toISOString() });
      expect(p.stormOps).to.deep.equal([
        {
          op: 'resolve',
          note: 'Storm over: 4 event(s) were held back; 2 released as incidents, 2 cleared while held back.',
        },
      ]);
      expect(stormOverOps(stormOf(), 0, 0)[0]).to.deep.include({ op: 'resolve' });
    });
  });
});

// Ordering alarm updates by the source's own clock, as pure decisions over plain data: an update
// older than the one already applied (delayed, reordered, replayed) changes nothing.
import { expect } from 'chai';
import { decide, newerUpdateAt, sourceTimeMs } from '../../../connector/src/lifecycle/decide.js';
import type { Decision } from '../../../connector/src/lifecycle/types.js';
import type { Alarm } from '../../../connector/src/model/alarm.js';
import type { AlarmRecord } from '../../../connector/src/model/alarm-record.js';
import type { EventRecord } from '../../../connector/src/model/event.js';
import { alarm, plan, QUIET } from '../../support/alarms.js';

const iso = (hhmm: string) => `2026-11-25T${hhmm}:00.000Z`;

/** An update the source stamped at `raised` (its clock) that arrived at `received`. */
function update(
  state: Alarm['state'],
  raised: string,
  received = raised,
  clock: Alarm['clock'] | null = 'source',
): Alarm {
  return alarm({ state, raisedAt: iso(raised), receivedAt: iso(received), ...(clock ? { clock } : {}) });
}

/** Run updates through decide() as the store would: each sees the record and event the last one left. */
function run(updates: Alarm[]): Decision[] {
  let rec: AlarmRecord | null = null;
  let event: EventRecord | null = null;
  const out: Decision[] = [];
  for (const a of updates) {
    const d = decide({
      alarm: a,
      prev: rec,
      plan: plan(),
      prevEvent: rec?.eventKey ? event : null,
      keyEvent: event,
      otherActive: 0,
      now: new Date(a.receivedAt),
      correlationDisplay: 'Closeloop',
      policy: QUIET,
      silence: null,
    });
    out.push(d);
    rec = d.alarm;
    if (d.event) event = d.event.incidentSysId ? d.event : { ...d.event, incidentSysId: 'sys-1' };
  }
  return out;
}

describe('lifecycle: updates ordered by the source clock', () => {
  it('a clear older than the raise already applied is stale: nothing changes, nothing is sent', () => {
    const [raise, clear] = run([update('active', '10:00', '10:00'), update('cleared', '09:58', '10:01')]);
    expect(raise!.outcome).to.equal('created');
    expect(clear).to.deep.include({ outcome: 'stale', event: null, ops: [] });
    // The record keeps the live raise; the stale update itself is kept for the alarm log.
    expect(clear!.alarm).to.include({ state: 'active' });
    expect(clear!.alarm.alarm.raisedAt).to.equal(iso('10:00'));
    expect(clear!.alarm.lastReceivedAt).to.equal(iso('10:01'));
    expect(clear!.stale).to.deep.equal({
      update: update('cleared', '09:58', '10:01'),
      newerAt: iso('10:00'),
    });
  });

  it('a replayed clear after a new raise does not resolve the reopened incident', () => {
    const ds = run([
      update('active', '10:00'),
      update('cleared', '10:05'),
      update('active', '10:20'),
      update('cleared', '10:05', '10:30'), // captured earlier, sent again
    ]);
    expect(ds.map((d) => d.outcome)).to.deep.equal(['created', 'resolved', 'reopened', 'stale']);
    expect(ds[3]!.ops).to.deep.equal([]);
    expect(ds[3]!.alarm.state).to.equal('active');
  });

  it('a delayed raise after its clear is stale too (it would reopen what is over)', () => {
    const ds = run([
      update('active', '10:00'),
      update('cleared', '10:05'),
      update('active', '10:00', '10:06'),
    ]);
    expect(ds.map((d) => d.outcome)).to.deep.equal(['created', 'resolved', 'stale']);
  });

  it('updates in source order apply, equal times apply in arrival order', () => {
    const ds = run([update('active', '10:00'), update('cleared', '10:00', '10:01')]);
    expect(ds.map((d) => d.outcome)).to.deep.equal(['created', 'resolved']);
  });

  it('with a receive time on either side, arrival order stands (no source time to compare)', () => {
    const noClock = run([update('active', '10:00'), update('cleared', '09:00', '10:01', 'received')]);
    expect(noClock.map((d) => d.outcome)).to.deep.equal(['created', 'resolved']);
    const raisedByReceipt = run([
      update('active', '10:00', '10:00', 'received'),
      update('cleared', '09:00', '10:01'),
    ]);
    expect(raisedByReceipt.map((d) => d.outcome)).to.deep.equal(['created', 'resolved']);
    // Alarms stored before the clock was known carry none: the same.
    const old = run([update('active', '10:00', '10:00', null), update('cleared', '09:00', '10:01')]);
    expect(old.map((d) => d.outcome)).to.deep.equal(['created', 'resolved']);
  });

  it('a source clock running ahead counts as its arrival, so it cannot shut out the updates after it', () => {
    // A raise stamped a day ahead, then the real clear a minute later (stamped correctly).
    const ds = run([
      update('active', '10:00', '10:00'),
      update('active', '23:59', '10:01'),
      update('cleared', '10:02'),
    ]);
    expect(ds.map((d) => d.outcome)).to.deep.equal(['created', 'repeat', 'resolved']);
    expect(sourceTimeMs(update('active', '23:59', '10:01'))).to.equal(Date.parse(iso('10:01')));
  });

  it('newerUpdateAt compares only two source times', () => {
    const rec = run([update('active', '10:00')])[0]!.alarm;
    expect(newerUpdateAt(update('cleared', '09:59'), rec)).to.equal(iso('10:00'));
    expect(newerUpdateAt(update('cleared', '10:00'), rec)).to.equal(undefined);
    expect(newerUpdateAt(update('cleared', '09:59', '09:59', 'received'), rec)).to.equal(undefined);
    expect(newerUpdateAt(update('cleared', '09:59'), null)).to.equal(undefined);
  });
});

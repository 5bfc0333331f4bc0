// Note economy's pure parts: the note budget applied to one decision's operations, the summary, and
// the flush of a buffer that came due.
import { expect } from 'chai';
import { economise, flushDue, summaryText } from '../../../connector/src/lifecycle/note-economy.js';
import type { EventRecord } from '../../../connector/src/model/event.js';
import type { Operation } from '../../../connector/src/model/operation.js';
import { at } from '../../support/alarms.js';
import { eventRecord } from '../../support/events.js';

const note = (text: string): Operation => ({ op: 'note', text });
const MIN = 60_000;

const withNoise = (noise: Partial<EventRecord['noise']>) =>
  eventRecord({ noise: { ...eventRecord().noise, ...noise } });

describe('lifecycle/note-economy', () => {
  it('with no interval every note goes out at once', () => {
    const r = economise(eventRecord(), [note('a'), note('b')], at(0), 0);
    expect(r.ops).to.deep.equal([note('a'), note('b')]);
    expect(r.event.noise).to.include({ lastNoteAt: at(0).toISOString(), noteDueAt: null });
  });

  it('one note per interval: the first goes out, later ones are buffered until the interval has passed', () => {
    const first = economise(eventRecord(), [note('a')], at(0), MIN);
    expect(first.ops).to.deep.equal([note('a')]);
    const second = economise(first.event, [note('b'), note('c')], at(10), MIN);
    expect(second.ops).to.deep.equal([]);
    expect(second.event.noise).to.include({ noteDueAt: at(60).toISOString() });
    expect(second.event.noise.noteBuffer).to.deep.equal(['b', 'c']);
    // While lines wait, a new note joins them even after the interval (the order stays).
    const third = economise(second.event, [note('d')], at(70), MIN);
    expect(third.ops).to.deep.equal([]);
    expect(third.event.noise.noteBuffer).to.deep.equal(['b', 'c', 'd']);
  });

  it('anything but a note first flushes the buffer as a summary, so the journal reads in order', () => {
    const buffered = withNoise({
      noteBuffer: ['b', 'c'],
      lastNoteAt: at(0).toISOString(),
      noteDueAt: at(60).toISOString(),
    });
    const r = economise(buffered, [{ op: 'resolve', note: 'done' }], at(30), MIN);
    expect(r.ops.map((o) => o.op)).to.deep.equal(['note', 'resolve']);
    expect(r.ops[0]).to.deep.equal(note('2 changes since 10:00 UTC (summary at 10:00 UTC):\n- b\n- c'));
    expect(r.event.noise).to.include({ noteDueAt: null, lastNoteAt: at(30).toISOString() });
    // A create never flushes (nothing to note on yet).
    expect(
      economise(buffered, [{ op: 'create', fields: {}, references: {} }], at(30), MIN).ops,
    ).to.have.length(1);
  });

  it('a flapping alarm recorded by a decision schedules a summary at the next allowed time', () => {
    const flapping = withNoise({
      lastNoteAt: at(0).toISOString(),
      flapping: {
        'bms:A1': {
          label: 'CRAH-2 supply_air_temp_high',
          changes: 6,
          since: at(0).toISOString(),
          state: 'active',
        },
      },
    });
    const r = economise(flapping, [], at(10), 0);
    expect(r.event.noise.noteDueAt).to.equal(at(60).toISOString());
    expect(summaryText(r.event, at(60).toISOString())).to.equal(
      'CRAH-2 supply_air_temp_high is flapping: 6 state changes since 10:00 UTC, now active.',
    );
  });

  it('a long buffer is summarised in 25 lines and a count', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    const text = summaryText(withNoise({ noteBuffer: lines }), at(0).toISOString())!;
    expect(text.split('\n')).to.have.length(27);
    expect(text).to.match(/… and 5 more$/);
    expect(summaryText(eventRecord(), at(0).toISOString())).to.equal(null);
  });

  it('flushDue writes the summary once due, and only then', () => {
    const due = withNoise({ noteBuffer: ['b'], noteDueAt: at(60).toISOString() });
    expect(flushDue(due, at(59))).to.equal(null);
    const f = flushDue(due, at(60))!;
    expect(f.op).to.deep.equal(note('b'));
    expect(f.event.noise).to.include({ noteDueAt: null, lastNoteAt: at(60).toISOString() });
    expect(f.event.noise.noteBuffer).to.deep.equal([]);
    // Due but nothing left to say: the due time is dropped, no note.
    expect(flushDue(withNoise({ noteDueAt: at(0).toISOString() }), at(1))).to.deep.equal({
      event: withNoise({ noteDueAt: null }),
      op: null,
    });
  });
});

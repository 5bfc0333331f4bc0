import { expect } from 'chai';
import { createNarrator, formatIncident, stamp, wrap } from '../../../connector/src/demo/narrate.js';
import { htmlToText, type IncidentView } from '../../../connector/src/demo/servicenow-user.js';

const view = (over: Partial<IncidentView> = {}): IncidentView => ({
  sysId: 'abc',
  number: 'INC0010001',
  state: { value: '1', label: 'New' },
  priority: '2 - High',
  shortDescription: 'CRAH-1 supply air temperature high: 29.4 °C',
  description: 'line one\n\nline two',
  assignmentGroup: 'Facilities - Cooling',
  ci: 'CRAH-1',
  correlationId: 'DC1/cooling/ZONE-A1',
  closeCode: '',
  resolvedBy: '',
  workNotes: [
    { at: '2026-01-01 12:00:01', by: 'Closeloop Integration', text: 'first note' },
    { at: '2026-01-01 12:00:02', by: 'Closeloop Integration', text: 'second note' },
  ],
  ...over,
});

describe('demo narration', () => {
  it('draws an incident as the form shows it: header fields, then work notes newest first', () => {
    const lines = formatIncident(view());
    expect(lines[0]).to.match(/^┌─ INC0010001 · New · Priority 2 - High ─+$/);
    expect(lines).to.include('│ Assignment group   Facilities - Cooling');
    expect(lines).to.include('│ Configuration item CRAH-1');
    expect(lines).to.include('│ Work notes (newest first, 2)');
    expect(lines.indexOf('│     second note')).to.be.below(lines.indexOf('│     first note'));
    expect(lines.some((l) => l.includes('Resolved by'))).to.equal(false);
    expect(lines[lines.length - 1]).to.match(/^└─+$/);
  });

  it('shows the resolver once resolved, the description on request, and only new notes after `since`', () => {
    const lines = formatIncident(
      view({
        state: { value: '6', label: 'Resolved' },
        resolvedBy: 'Alex Rivera',
        closeCode: 'Solved (Permanently)',
      }),
      { description: true, since: 1 },
    );
    expect(lines).to.include('│ Resolved by        Alex Rivera (Solved (Permanently))');
    expect(lines).to.include('│ Description        line one');
    expect(lines).to.include(`│ ${' '.repeat(19)}line two`);
    expect(lines).to.include('│ Work notes: 1 new (newest first; 1 earlier ones above)');
    expect(lines.some((l) => l.includes('first note'))).to.equal(false);
    expect(formatIncident(view(), { noNotes: true }).some((l) => l.includes('note'))).to.equal(false);
  });

  it('wraps at spaces and cuts words longer than the width', () => {
    expect(wrap('aaa bbb ccc', 7)).to.deep.equal(['aaa bbb', 'ccc']);
    expect(wrap('abcdefghij', 4)).to.deep.equal(['abcd', 'efgh', 'ij']);
    expect(wrap('a\nb', 10)).to.deep.equal(['a', 'b']);
  });

  it('stamps steps and milestones with the time since the start', () => {
    let t = 1000;
    let out = '';
    const n = createNarrator(
      (text) => (out += text),
      () => t,
    );
    t = 3500;
    n.step('(a) something');
    n.say('detail');
    n.ok('done');
    expect(stamp(61_234)).to.equal('[ 61.2s]');
    expect(out).to.equal('\n[  2.5s] (a) something\n          detail\n[  2.5s]   ✓ done\n');
  });

  it('turns the guard message HTML into the text the form shows', () => {
    const html =
      '<p><strong>Closeloop: INC0010001 cannot be resolved yet.</strong></p><ul><li>supply air 29 °C &gt; 27 °C</li>' +
      '<li>it&#39;s &quot;hot&quot; &amp; humid</li></ul><p><a href="http://c/console/events/k" target="_blank">See why</a></p>';
    expect(htmlToText(html)).to.equal(
      'Closeloop: INC0010001 cannot be resolved yet.\n- supply air 29 °C > 27 °C\n- it\'s "hot" & humid\nSee why: http://c/console/events/k',
    );
  });

  it("puts the items and the link of the guard's one-line plain-text message on lines of their own", () => {
    expect(
      htmlToText(
        'Closeloop: INC1 cannot be resolved yet. • flow < 30 L/min • supply air 29 °C > 27 °C See why: http://c/e Users with …',
      ),
    ).to.equal(
      'Closeloop: INC1 cannot be resolved yet.\n- flow < 30 L/min\n- supply air 29 °C > 27 °C\nSee why: http://c/e Users with …',
    );
  });
});

import { expect } from 'chai';
import { BASE, loadErrors, loadOk, rule } from '../../support/mappings.js';
import { createEngine } from '../../../connector/src/service/engine.js';
import { matchSilence } from '../../../connector/src/correlation/silences.js';
import { alarm } from '../../support/alarms.js';

const RULES = `rules:${rule('crah')}`;

describe('maintenance windows in mappings', () => {
  it('loads windows and hands them to ingest as silences', () => {
    const m = loadOk({
      'a.yaml': BASE,
      'b.yaml': `${RULES}
maintenance:
  - id: crah-1-filters
    starts_at: 2026-12-01T06:00:00Z
    ends_at: 2026-12-01T10:00:00Z
    match: { equipment_id: CRAH-1 }
    comment: Filter change on CRAH-1
`,
    });
    expect(m.maintenance).to.have.length(1);
    const engine = createEngine(m);
    expect(engine.maintenance[0]).to.include({
      id: 'mappings:crah-1-filters',
      endsAt: '2026-12-01T10:00:00.000Z',
    });
    const a = alarm({ asset: { site: 'DC1', equipmentId: 'CRAH-1' } });
    expect(matchSilence(engine.maintenance, a, 'crah', new Date('2026-12-01T07:00:00Z'))).to.deep.equal({
      id: 'mappings:crah-1-filters',
      untilMs: Date.parse('2026-12-01T10:00:00Z'),
    });
    expect(matchSilence(engine.maintenance, a, 'crah', new Date('2026-12-01T11:00:00Z'))).to.equal(null);
    expect(
      matchSilence(
        engine.maintenance,
        alarm({ asset: { equipmentId: 'CRAH-2' } }),
        'crah',
        new Date('2026-12-01T07:00:00Z'),
      ),
    ).to.equal(null);
  });

  it('reports bad windows with file:line:col', () => {
    const errors = loadErrors({
      'a.yaml': BASE,
      'b.yaml': `${RULES}
maintenance:
  - id: w1
    starts_at: 2026-12-01T06:00:00Z
    ends_at: 2026-12-01T05:00:00Z
    match: { rule: nope }
    comment: backwards
  - id: w1
    starts_at: yesterday
    ends_at: 2026-12-01T05:00:00Z
    match: {}
    comment: x
`,
    });
    const text = errors.join('\n');
    expect(text).to.match(/b\.yaml:\d+:\d+ maintenance\[0\]\.ends_at: ends_at must be after starts_at/);
    expect(text).to.match(/b\.yaml:\d+:\d+ maintenance\[1\]\.starts_at: /);
    expect(text).to.match(/b\.yaml:\d+:\d+ maintenance\[1\]\.match: match at least one of/);
  });

  it('rejects windows naming unknown rules and duplicate ids', () => {
    const errors = loadErrors({
      'a.yaml': BASE,
      'b.yaml': `${RULES}
maintenance:
  - { id: w1, starts_at: 2026-12-01T06:00:00Z, ends_at: 2026-12-01T07:00:00Z, match: { rule: nope }, comment: x }
  - { id: w1, starts_at: 2026-12-01T06:00:00Z, ends_at: 2026-12-01T07:00:00Z, match: { site: DC1 }, comment: y }
`,
    });
    const text = errors.join('\n');
    expect(text).to.match(/maintenance\[0\]\.match\.rule: unknown rule "nope"/);
    expect(text).to.match(/maintenance\[1\]\.id: maintenance window "w1" is already defined in b\.yaml/);
  });
});

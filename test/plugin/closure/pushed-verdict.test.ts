import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';
import { FAILING_CHECK, NOW_MS, minutesAgo, pushedRow } from '../support/closure-fixtures.js';

const { pushedVerdict } = loadClosureModules();
const { interpretPushedVerdict } = pushedVerdict;

describe('plugin closure/pushed-verdict', () => {
  it('accepts a verdict younger than the maximum age', () => {
    const result = interpretPushedVerdict(pushedRow('fail', [FAILING_CHECK], minutesAgo(14)), NOW_MS, 15);
    expect(result).to.deep.include({ ok: true, ageMs: 14 * 60_000 });
  });

  it('refuses a stale verdict, saying how old it is', () => {
    expect(interpretPushedVerdict(pushedRow('pass', [], minutesAgo(16)), NOW_MS, 15)).to.deep.equal({
      ok: false,
      problem: 'pushed verdict is stale (16 min old, maximum 15 min)',
    });
  });

  it('tolerates small clock skew but refuses a verdict dated well in the future', () => {
    expect(interpretPushedVerdict(pushedRow('pass', [], minutesAgo(-2)), NOW_MS, 15).ok).to.equal(true);
    const future = interpretPushedVerdict(pushedRow('pass', [], minutesAgo(-30)), NOW_MS, 15);
    expect(!future.ok && future.problem).to.equal('pushed verdict is dated 30 min in the future');
  });

  it('is disabled by a maximum age of 0', () => {
    expect(interpretPushedVerdict(pushedRow('pass', [], minutesAgo(0)), NOW_MS, 0)).to.deep.equal({
      ok: false,
      problem: 'pushed-verdict fallback is disabled',
    });
  });

  it('reports a missing row and a failed lookup', () => {
    expect(interpretPushedVerdict({ kind: 'none' }, NOW_MS, 15)).to.deep.equal({
      ok: false,
      problem: 'no pushed verdict for this incident',
    });
    expect(interpretPushedVerdict({ kind: 'error', problem: 'two rows' }, NOW_MS, 15)).to.deep.equal({
      ok: false,
      problem: 'pushed verdict lookup failed: two rows',
    });
  });

  it('validates the stored row like a live response', () => {
    const badChecks = { kind: 'found' as const, row: { correlationId: 'k', verdict: 'fail', checks: '{oops', evaluatedAt: minutesAgo(1) } };
    expect(interpretPushedVerdict(badChecks, NOW_MS, 15)).to.deep.equal({
      ok: false,
      problem: 'malformed pushed verdict: checks is not JSON',
    });
    const badVerdict = interpretPushedVerdict(pushedRow('red', [], minutesAgo(1)), NOW_MS, 15);
    expect(!badVerdict.ok && badVerdict.problem).to.match(/^malformed pushed verdict: verdict must be one of/);
  });

  it('accepts empty checks and the glide date-time format (UTC)', () => {
    const row = { kind: 'found' as const, row: { correlationId: 'k', verdict: 'pass', checks: '', evaluatedAt: '2025-06-01 11:55:00' } };
    expect(interpretPushedVerdict(row, NOW_MS, 15)).to.deep.include({ ok: true, ageMs: 5 * 60_000 });
  });
});

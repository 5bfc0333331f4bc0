import { expect } from 'chai';
import { checkChart, conditionBand } from '../../../connector/src/console/check-chart.js';
import { evaluateCheck } from '../../../connector/src/guard/evaluate-check.js';
import { check, MIN, NOW, samples, series } from '../guard/checks.js';

describe('console check charts', () => {
  it('flags exactly the samples the guard judges out of range, and says when the window passes', () => {
    const c = check();
    const spike = NOW - 4 * MIN;
    const s = samples(NOW - 12 * MIN, NOW - 30_000, 30_000, (t) => (t === spike ? 29.4 : 23));
    const result = evaluateCheck(c, [series(s)], NOW);
    const chart = checkChart(c, result, NOW);
    expect(chart.status).to.equal('fail');
    expect(chart.points.filter((p) => p.out)).to.deep.equal([{ t: spike, v: 29.4, out: true }]);
    expect(chart.outOfRange).to.equal(1);
    expect(chart.band).to.deep.equal({ min: 18, max: 27 });
    expect(chart.windowStart).to.equal(new Date(NOW - 10 * MIN).toISOString());
    expect(chart.satisfiedAt).to.equal(new Date(spike + 30_000 + 10 * MIN).toISOString());
    expect(chart.worst).to.deep.equal({ value: 29.4, at: new Date(spike).toISOString() });
  });

  it('gives no pass time for a passing check', () => {
    const c = check();
    // One scrape absent (no sample at all): bridged, the check passes.
    const s = samples(NOW - 12 * MIN, NOW - 30_000, 30_000, () => 22).filter((p) => p.t !== NOW - 5 * MIN);
    const chart = checkChart(c, evaluateCheck(c, [series(s)], NOW), NOW);
    expect(chart.status).to.equal('pass');
    expect(chart.satisfiedAt).to.equal(null);
    expect(chart.outOfRange).to.equal(0);
  });

  it('keeps an invalid reading unflagged as out of range, with what it was, and says when the window passes', () => {
    const c = check();
    const bad = NOW - 5 * MIN;
    const s = samples(NOW - 12 * MIN, NOW - 30_000, 30_000, () => 22).map((p) =>
      p.t === bad ? { t: bad, v: null, invalid: 'NaN' } : p,
    );
    const chart = checkChart(c, evaluateCheck(c, [series(s)], NOW), NOW);
    expect(chart).to.include({ status: 'unknown', reason: 'invalid', outOfRange: 0 });
    expect(chart.points.find((p) => p.v === null)).to.deep.equal({
      t: bad,
      v: null,
      out: false,
      invalid: 'NaN',
    });
    expect(chart.satisfiedAt).to.equal(new Date(bad + 30_000 + 10 * MIN).toISOString());
  });

  it('judges counters step by step (no_increase) like the guard', () => {
    const c = check({ expect: { no_increase: true }, unit: undefined });
    const values = [3, 3, 5, 5, 2, 2];
    const s = values.map((v, i) => ({ t: NOW - (values.length - i) * MIN, v }));
    const chart = checkChart(c, evaluateCheck(c, [series(s)], NOW), NOW);
    expect(chart.points.map((p) => p.out)).to.deep.equal([false, false, true, false, false, false]);
    expect(chart.band).to.equal(null);
  });

  it('draws open-ended bands for min and max, a line for equals, none for bit masks', () => {
    expect(conditionBand({ max: 85 })).to.deep.equal({ min: null, max: 85 });
    expect(conditionBand({ min: 30 })).to.deep.equal({ min: 30, max: null });
    expect(conditionBand({ equals: 0 })).to.deep.equal({ min: 0, max: 0 });
    expect(conditionBand({ bits_clear: [3, 5] })).to.equal(null);
  });
});

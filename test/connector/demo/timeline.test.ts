import { expect } from 'chai';
import {
  latestSample,
  samplesBetween,
  schedule,
  trendAt,
  valueAt,
  type ScriptedSeries,
  type Timeline,
} from '../../../connector/src/demo/timeline.js';

const T = Date.parse('2026-01-01T12:00:00Z');
const series = (over: Partial<ScriptedSeries> = {}): ScriptedSeries => ({
  labels: { __name__: 'temp', unit: 'A' },
  segments: [{ fromMs: T, shape: { kind: 'steady', value: 20 } }],
  jitter: 0,
  decimals: 1,
  ...over,
});

describe('demo site feed: scripted timeline', () => {
  it('has no value before the first segment and the segment in force after', () => {
    const s = series({
      segments: [
        { fromMs: T, shape: { kind: 'steady', value: 20 } },
        { fromMs: T + 10_000, shape: { kind: 'settle', from: 20, to: 30, tauMs: 1_000 } },
      ],
    });
    expect(valueAt(s, T - 1)).to.equal(null);
    expect(valueAt(s, T + 9_999)).to.equal(20);
    expect(valueAt(s, T + 10_000)).to.equal(20);
    expect(trendAt(s, T + 11_000)).to.be.closeTo(30 - 10 * Math.exp(-1), 1e-9);
    expect(valueAt(s, T + 30_000)).to.equal(30);
  });

  it('adds the same bounded noise every time for the same series and time', () => {
    const s = series({ jitter: 0.5, decimals: 2 });
    const values = Array.from({ length: 50 }, (_, i) => valueAt(s, T + i * 1000)!);
    expect(values.every((v) => Math.abs(v - 20) <= 0.5)).to.equal(true);
    expect(new Set(values).size).to.be.greaterThan(10);
    expect(Array.from({ length: 50 }, (_, i) => valueAt(s, T + i * 1000))).to.deep.equal(values);
  });

  it('samples on the scrape grid, never after now', () => {
    const s = series();
    const samples = samplesBetween(s, T + 500, T + 5_000, 1_000, T + 3_200);
    expect(samples.map((p) => p.t - T)).to.deep.equal([1_000, 2_000, 3_000]);
    expect(latestSample(s, T + 10_000, 1_000, 300_000, T + 3_200)?.t).to.equal(T + 3_000);
    expect(latestSample(s, T + 10_000, 1_000, 5_000, T + 20_000)?.t).to.equal(T + 10_000);
  });

  it('schedule() replaces what came after, and can start from the value in force', () => {
    const timeline: Timeline = {
      scrapeMs: 1000,
      series: [
        series(),
        series({ labels: { __name__: 'temp', unit: 'B' } }),
        series({ labels: { __name__: 'other', unit: 'A' } }),
      ],
    };
    schedule(timeline, { __name__: 'temp', unit: 'A' }, T + 20_000, { kind: 'steady', value: 99 });
    const changed = schedule(timeline, { __name__: 'temp' }, T + 10_000, (v) => ({
      kind: 'settle',
      from: v,
      to: 0,
      tauMs: 1,
    }));
    expect(changed).to.equal(2);
    const [a, b, other] = timeline.series;
    expect(a!.segments.map((s) => s.fromMs - T)).to.deep.equal([0, 10_000]);
    expect(a!.segments[1]!.shape).to.deep.equal({ kind: 'settle', from: 20, to: 0, tauMs: 1 });
    expect(valueAt(b!, T + 25_000)).to.equal(0);
    expect(other!.segments).to.have.length(1);
  });
});

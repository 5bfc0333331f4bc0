import { expect } from 'chai';
import {
  appendSample,
  lastSample,
  samplesBetween,
  type History,
} from '../../../connector/src/telemetry/history.js';

describe('telemetry/history', () => {
  it('keeps samples in time order, bounded, newest kept', () => {
    const h: History = new Map();
    for (const t of [1, 2, 4, 3, 5, 6]) appendSample(h, 'k', { t, v: t * 10 }, 4);
    expect(h.get('k')!.map((s) => s.t)).to.deep.equal([3, 4, 5, 6]);
    expect(lastSample(h.get('k'))).to.deep.equal({ t: 6, v: 60 });
    expect(lastSample(h.get('other'))).to.equal(undefined);
  });

  it('replaces a sample with the same timestamp (a retransmission)', () => {
    const h: History = new Map();
    appendSample(h, 'k', { t: 1, v: 1 }, 10);
    appendSample(h, 'k', { t: 1, v: 2 }, 10);
    expect(h.get('k')).to.deep.equal([{ t: 1, v: 2 }]);
  });

  it('selects a window inclusively', () => {
    const s = [1, 2, 3, 4].map((t) => ({ t, v: t }));
    expect(samplesBetween(s, 2, 3).map((x) => x.t)).to.deep.equal([2, 3]);
  });
});

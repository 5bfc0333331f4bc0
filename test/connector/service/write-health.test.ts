import { expect } from 'chai';
import { createWriteHealth } from '../../../connector/src/service/write-health.js';

describe('service/write-health', () => {
  it('a failed write is a problem until a write succeeds', () => {
    let t = 0;
    const h = createWriteHealth({ holdMs: 10_000, now: () => t });
    expect(h.problem()).to.equal(null);
    h.record(new Error('disk I/O error'));
    t = 5000;
    expect(h.problem()).to.equal(
      'alarms could not be stored: the last write failed at 1970-01-01T00:00:00.000Z (disk I/O error)',
    );
    h.record(null);
    expect(h.problem()).to.equal(null);
  });

  it('without another write, the problem lapses after holdMs (so traffic may probe the store again)', () => {
    let t = 0;
    const h = createWriteHealth({ holdMs: 10_000, now: () => t });
    h.record(new Error('SQLITE_FULL'));
    t = 9999;
    expect(h.problem()).to.match(/SQLITE_FULL/);
    t = 10_000;
    expect(h.problem()).to.equal(null);
  });
});

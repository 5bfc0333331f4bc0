import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';

const { timestamps } = loadClosureModules();
const { parseTimestamp, formatGlideDateTime, describeAge } = timestamps;

describe('plugin closure/timestamps', () => {
  it('parses ISO 8601 with Z, offsets and fractions, and the glide format as UTC', () => {
    const noon = Date.UTC(2025, 5, 1, 12, 0, 0);
    expect(parseTimestamp('2025-06-01T12:00:00Z')).to.equal(noon);
    expect(parseTimestamp('2025-06-01T12:00:00.250Z')).to.equal(noon + 250);
    expect(parseTimestamp('2025-06-01T14:00:00+02:00')).to.equal(noon);
    expect(parseTimestamp('2025-06-01T07:30:00-0430')).to.equal(noon);
    expect(parseTimestamp('2025-06-01 12:00:00')).to.equal(noon);
  });

  it('refuses zone-less ISO, impossible dates and junk', () => {
    for (const text of ['2025-06-01T12:00:00', '2025-02-31T00:00:00Z', '2025-13-01T00:00:00Z', 'yesterday', '']) {
      expect(parseTimestamp(text), text).to.equal(null);
    }
  });

  it('formats the glide internal date-time in UTC', () => {
    expect(formatGlideDateTime(Date.UTC(2025, 0, 2, 3, 4, 5))).to.equal('2025-01-02 03:04:05');
  });

  it('describes ages for messages', () => {
    expect([12_000, 42 * 60_000, 3 * 3600_000, (3 * 60 + 5) * 60_000].map(describeAge)).to.deep.equal([
      '12 s',
      '42 min',
      '3 h',
      '3 h 5 min',
    ]);
  });
});

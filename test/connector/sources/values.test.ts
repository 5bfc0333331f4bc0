import { expect } from 'chai';
import { show, toIsoTime, toNumber, toSeverity, toText } from '../../../connector/src/sources/values.js';

describe('sources/values', () => {
  describe('toIsoTime', () => {
    const ok: Array<[unknown, string]> = [
      ['2025-06-12T14:02:11Z', '2025-06-12T14:02:11.000Z'],
      ['2025-06-12T16:02:11+02:00', '2025-06-12T14:02:11.000Z'],
      ['2025-06-12T16:02:11.250+0200', '2025-06-12T14:02:11.250Z'],
      ['2025-06-12T14:02Z', '2025-06-12T14:02:00.000Z'],
      [1749736931, '2025-06-12T14:02:11.000Z'],
      [1749736931250, '2025-06-12T14:02:11.250Z'],
      ['1749736931', '2025-06-12T14:02:11.000Z'],
      [1749736931.5, '2025-06-12T14:02:11.500Z'],
    ];
    for (const [input, want] of ok) {
      it(`${JSON.stringify(input)} → ${want}`, () => {
        expect(toIsoTime(input)).to.deep.equal({ ok: true, value: want });
      });
    }
    const bad: Array<[unknown, RegExp]> = [
      ['2025-06-12T14:02:11', /not an ISO 8601 time with offset/],
      ['2025-06-12 14:02:11Z', /not an ISO 8601 time with offset/],
      ['yesterday', /not an ISO 8601 time/],
      ['2025-13-45T99:00:00Z', /not a valid time/],
      [0, /not a time/],
      [-5, /not a time/],
      [null, /not a time/],
      [{}, /not a time/],
    ];
    for (const [input, message] of bad) {
      it(`rejects ${JSON.stringify(input)}`, () => {
        const r = toIsoTime(input);
        expect(r.ok).to.equal(false);
        if (!r.ok) expect(r.message).to.match(message);
      });
    }
  });

  it('toNumber accepts numbers and numeric strings only', () => {
    expect(toNumber(29.4)).to.deep.equal({ ok: true, value: 29.4 });
    expect(toNumber(' 24.8 ')).to.deep.equal({ ok: true, value: 24.8 });
    expect(toNumber('-3e2')).to.deep.equal({ ok: true, value: -300 });
    for (const v of ['', 'abc', '12 kW', null, true, Number.NaN, Infinity, [1]]) {
      expect(toNumber(v).ok, JSON.stringify(v)).to.equal(false);
    }
  });

  it('toNumber says a literal beyond the double range is out of range (not "null is not a number")', () => {
    expect(toNumber('1e400')).to.deep.equal({
      ok: false,
      message: '1e400 is out of range for a number (beyond ±1.8e308)',
    });
    expect(toNumber(Infinity)).to.deep.equal({ ok: false, message: 'Infinity is not a finite number' });
  });

  it('show renders what JSON cannot, and never throws on deep values', () => {
    expect(show(Number.NaN)).to.equal('NaN');
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(show(deep)).to.equal('[…]');
  });

  it('toText takes scalars, not structures', () => {
    expect(toText(42)).to.deep.equal({ ok: true, value: '42' });
    expect(toText(false)).to.deep.equal({ ok: true, value: 'false' });
    expect(toText({}).ok).to.equal(false);
    expect(toText(null).ok).to.equal(false);
  });

  describe('toSeverity', () => {
    const map = { HIGH: 'major', P1: 'critical' } as const;
    it('maps through the configured values, then case-insensitively, then severity names', () => {
      expect(toSeverity('HIGH', map)).to.deep.equal({ ok: true, value: 'major' });
      expect(toSeverity('high', map)).to.deep.equal({ ok: true, value: 'major' });
      expect(toSeverity('p1', map)).to.deep.equal({ ok: true, value: 'critical' });
      expect(toSeverity('Warning', map)).to.deep.equal({ ok: true, value: 'warning' });
    });
    it('lists the accepted values when it cannot map', () => {
      expect(toSeverity('urgent', map)).to.deep.equal({
        ok: false,
        message: '"urgent" is not one of critical, major, minor, warning, info, HIGH, P1',
      });
      expect(toSeverity(3, {})).to.deep.equal({
        ok: false,
        message: '3 is not one of critical, major, minor, warning, info',
      });
    });
  });
});

import { expect } from 'chai';
import { isDcgmBlank, parseValue, readValue } from '../../../connector/src/telemetry/values.js';

describe('telemetry/parseValue', () => {
  it('parses numbers sent as text, as Prometheus does', () => {
    expect(parseValue('29.4')).to.equal(29.4);
    expect(parseValue(' 1e3 ')).to.equal(1000);
    expect(parseValue('-3')).to.equal(-3);
    expect(parseValue(42)).to.equal(42);
    expect(parseValue(12n)).to.equal(12);
  });

  it('treats NaN, infinities, empty and non-numeric text as missing', () => {
    for (const raw of ['NaN', '+Inf', '-Inf', '', 'abc', NaN, Infinity, null, undefined, {}]) {
      expect(parseValue(raw), String(raw)).to.equal(null);
    }
  });

  it('treats every DCGM blank sentinel as missing', () => {
    for (const raw of [
      '9223372036854775794', // DCGM_INT64_NOT_SUPPORTED, as the exporter prints it
      '9223372036854775792',
      '9.223372036854776e+18', // the same after a round trip through a float64 (Prometheus)
      Number('9223372036854775794'), // = 2^63: what a double holds for any int64 blank
      2147483632, // DCGM_INT32_BLANK
      2147483634,
      140737488355328, // DCGM_FP64_BLANK
      '140737488355330',
    ]) {
      expect(parseValue(raw), String(raw)).to.equal(null);
    }
    expect(isDcgmBlank(2147483631)).to.equal(false);
    // Doubles near 2^63 are 2048 apart: a value clearly below the sentinels stays a value.
    expect(parseValue('9223372036854770000')).to.not.equal(null);
  });

  it('reads booleans as 1/0', () => {
    expect(parseValue(true)).to.equal(1);
    expect(parseValue(false)).to.equal(0);
  });
});

describe('telemetry/readValue', () => {
  it('says what an invalid reading was, so a message can name it', () => {
    const cases: Array<[unknown, string]> = [
      ['NaN', 'NaN'],
      ['nan', 'NaN'],
      [NaN, 'NaN'],
      ['+Inf', '+Inf'],
      ['Inf', '+Inf'],
      ['-Inf', '-Inf'],
      [-Infinity, '-Inf'],
      ['9223372036854775792', 'DCGM BLANK sentinel 9223372036854775792'],
      ['9223372036854775793', 'DCGM NOT_FOUND sentinel 9223372036854775793'],
      ['9223372036854775794', 'DCGM NOT_SUPPORTED sentinel 9223372036854775794'],
      ['9223372036854775795', 'DCGM NOT_PERMISSIONED sentinel 9223372036854775795'],
      ['9.223372036854776e+18', 'DCGM int64 blank sentinel (≈ 2^63)'],
      [2147483635, 'DCGM NOT_PERMISSIONED sentinel 2147483635'],
      [140737488355329, 'DCGM NOT_FOUND sentinel 140737488355329'],
      [null, 'null (no value)'],
      ['', 'an empty value'],
      ['<<<NULL>>>', '"<<<NULL>>>" (not a number)'],
      [{}, 'an object, not a number'],
      [[1], 'a list, not a number'],
    ];
    for (const [raw, invalid] of cases)
      expect(readValue(raw), String(raw)).to.deep.equal({ v: null, invalid });
    expect(readValue('22.5')).to.deep.equal({ v: 22.5 });
    expect(readValue(true)).to.deep.equal({ v: 1 });
  });
});

import { expect } from 'chai';
import { isDcgmBlank, parseValue } from '../../../connector/src/telemetry/values.js';

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

import { expect } from 'chai';
import {
  isPlainSelector,
  toPromTime,
  toSeries,
} from '../../../../connector/src/telemetry/prometheus/query.js';
import { WireSuccessSchema } from '../../../../connector/src/telemetry/prometheus/wire.js';

describe('telemetry/prometheus/query', () => {
  it('recognises plain selectors (read as raw samples)', () => {
    for (const q of [
      'DCGM_FI_DEV_GPU_TEMP',
      'DCGM_FI_DEV_GPU_TEMP{Hostname="node-3", gpu=~"[0-7]"}',
      '{__name__="up"}',
      'x{a="}{\\"quoted"}',
      ' ns:metric:rate5m ',
    ]) {
      expect(isPlainSelector(q), q).to.equal(true);
    }
    for (const q of ['max(x)', 'x > 5', 'rate(x[5m])', 'x[5m]', 'x offset 5m', '', '{}', 'x{a="b"} * 2']) {
      expect(isPlainSelector(q), q).to.equal(false);
    }
  });

  it('writes times as API seconds', () => {
    expect(toPromTime(1736937000123)).to.equal('1736937000.123');
  });

  it('turns matrix, vector and scalar answers into series, values parsed', () => {
    const matrix = WireSuccessSchema.parse({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { gpu: '0' },
            values: [
              [1736937000, '71'],
              [1736937015.5, 'NaN'],
              [1736937030, '9223372036854775794'],
              [1736937045, '+Inf'],
              [1736937060, '-Inf'],
              [1736937075, '9.223372036854776e+18'],
            ],
          },
        ],
      },
    });
    expect(toSeries(matrix.data)).to.deep.equal([
      {
        labels: { gpu: '0' },
        samples: [
          { t: 1736937000000, v: 71 },
          { t: 1736937015500, v: null, invalid: 'NaN' },
          { t: 1736937030000, v: null, invalid: 'DCGM NOT_SUPPORTED sentinel 9223372036854775794' },
          { t: 1736937045000, v: null, invalid: '+Inf' },
          { t: 1736937060000, v: null, invalid: '-Inf' },
          { t: 1736937075000, v: null, invalid: 'DCGM int64 blank sentinel (≈ 2^63)' },
        ],
      },
    ]);
    const vector = WireSuccessSchema.parse({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: {}, value: [1, '2'] }] },
    });
    expect(toSeries(vector.data)).to.deep.equal([{ labels: {}, samples: [{ t: 1000, v: 2 }] }]);
    const scalar = WireSuccessSchema.parse({
      status: 'success',
      data: { resultType: 'scalar', result: [1, '3'] },
    });
    expect(toSeries(scalar.data)).to.deep.equal([{ labels: {}, samples: [{ t: 1000, v: 3 }] }]);
  });

  it('rejects answers that are not Prometheus API shapes', () => {
    expect(
      WireSuccessSchema.safeParse({
        status: 'success',
        data: { resultType: 'matrix', result: [{ values: 'x' }] },
      }).success,
    ).to.equal(false);
  });
});

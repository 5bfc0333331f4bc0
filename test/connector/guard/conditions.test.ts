import { expect } from 'chai';
import {
  badness,
  describeCondition,
  describeViolation,
  margin,
  requirement,
  setBits,
  type ValueFormat,
} from '../../../connector/src/guard/conditions.js';
import type { Condition } from '../../../connector/src/model/close-check.js';

const degC: ValueFormat = { value: (v) => `${v} °C`, bare: (v) => String(v) };

describe('guard/conditions', () => {
  const table: Array<{ cond: Condition; ok: number[]; bad: Array<[number, number]> }> = [
    {
      cond: { range: [18, 27] },
      ok: [18, 22.5, 27],
      bad: [
        [17, 1],
        [29.5, 2.5],
      ],
    },
    { cond: { max: 85 }, ok: [-5, 85], bad: [[91, 6]] },
    { cond: { min: 35 }, ok: [35, 80], bad: [[31, 4]] },
    {
      cond: { equals: 0 },
      ok: [0],
      bad: [
        [2, 2],
        [-1, 1],
      ],
    },
    {
      cond: { bits_clear: [5, 6] },
      ok: [0, 0x1, 0x80, 0x1f],
      bad: [
        [0x20, 1],
        [0x60, 2],
        [0.5, 2],
        [-1, 2],
      ],
    },
  ];
  for (const { cond, ok, bad } of table) {
    it(`${JSON.stringify(cond)}: in range ${ok.join(', ')}; out ${bad.map(([v]) => v).join(', ')}`, () => {
      for (const v of ok) expect(badness(cond, v, undefined), `value ${v}`).to.equal(0);
      for (const [v, b] of bad) expect(badness(cond, v, undefined), `value ${v}`).to.equal(b);
    });
  }

  it('no_increase compares with the previous sample; the first and decreases are fine', () => {
    const c: Condition = { no_increase: true };
    expect(badness(c, 5, undefined)).to.equal(0);
    expect(badness(c, 5, 5)).to.equal(0);
    expect(badness(c, 0, 5)).to.equal(0);
    expect(badness(c, 7, 5)).to.equal(2);
  });

  it('reads high bits of a 64-bit bitmask', () => {
    expect(setBits([40, 52], 2 ** 40 + 2 ** 52)).to.deep.equal([40, 52]);
    expect(setBits([0, 1], 2 ** 40)).to.deep.equal([]);
  });

  it('margin: distance to the nearest limit', () => {
    expect(margin({ range: [18, 27] }, 25)).to.equal(2);
    expect(margin({ max: 85 }, 80)).to.equal(5);
    expect(margin({ min: 35 }, 40)).to.equal(5);
  });

  it('describes conditions, requirements and violations', () => {
    expect(describeCondition({ range: [18, 27] }, degC)).to.equal('18–27 °C');
    expect(describeCondition({ max: 27 }, degC)).to.equal('≤ 27 °C');
    expect(describeCondition({ min: 18 }, degC)).to.equal('≥ 18 °C');
    expect(describeCondition({ equals: 0 }, degC)).to.equal('= 0 °C');
    expect(describeCondition({ bits_clear: [6] }, degC)).to.equal('bit 6 clear');
    expect(describeCondition({ no_increase: true }, degC)).to.equal('no increase');
    expect(requirement({ range: [18, 27] }, degC)).to.equal('in 18–27 °C');
    expect(requirement({ bits_clear: [5, 6] }, degC)).to.equal('with bits 5, 6 clear');
    expect(requirement({ no_increase: true }, degC)).to.equal('without increase');
    expect(describeViolation({ range: [18, 27] }, 29.4, undefined, degC)).to.equal('29.4 °C > 27 °C');
    expect(describeViolation({ range: [18, 27] }, 12, undefined, degC)).to.equal('12 °C < 18 °C');
    expect(describeViolation({ bits_clear: [5, 6] }, 0x60, undefined, degC)).to.equal(
      '96 °C has bits 5, 6 set',
    );
    expect(describeViolation({ bits_clear: [5] }, -1, undefined, degC)).to.equal('-1 °C is not a bitmask');
    expect(describeViolation({ no_increase: true }, 5, 3, degC)).to.equal('rose from 3 °C to 5 °C');
  });
});

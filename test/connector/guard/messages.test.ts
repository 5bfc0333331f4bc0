import { expect } from 'chai';
import {
  formatAge,
  formatBitmask,
  formatClock,
  formatValue,
  seriesName,
} from '../../../connector/src/guard/messages.js';

describe('guard/messages', () => {
  it('formats values with units', () => {
    expect(formatValue(29.4, '°C')).to.equal('29.4 °C');
    expect(formatValue(29.4049, '°C')).to.equal('29.4 °C');
    expect(formatValue(0.125, 'kPa')).to.equal('0.13 kPa');
    expect(formatValue(1234.56, 'W')).to.equal('1234.6 W');
    expect(formatValue(42, undefined)).to.equal('42');
    expect(formatValue(87, '%')).to.equal('87%');
  });

  it('formats bitmasks in hex', () => {
    expect(formatBitmask(72)).to.equal('0x48');
    expect(formatBitmask(0)).to.equal('0x0');
    expect(formatBitmask(1.5)).to.equal('1.5');
  });

  it('formats clock times and ages', () => {
    expect(formatClock(Date.UTC(2025, 0, 15, 10, 42, 31), 'UTC')).to.equal('10:42');
    expect(formatClock(Date.UTC(2025, 0, 15, 10, 42), 'Europe/Berlin')).to.equal('11:42');
    expect(formatAge(45_000)).to.equal('45 s');
    expect(formatAge(5 * 60_000 + 10_000)).to.equal('5 min');
    expect(formatAge(3 * 3_600_000)).to.equal('3 h');
    expect(formatAge(3 * 86_400_000)).to.equal('3 d');
  });

  it('names a series by the labels that tell it apart', () => {
    const a = { __name__: 'DCGM_FI_DEV_GPU_TEMP', Hostname: 'node-3', gpu: '5' };
    const b = { __name__: 'DCGM_FI_DEV_GPU_TEMP', Hostname: 'node-3', gpu: '6' };
    expect(seriesName(a, [b])).to.equal('gpu=5');
    expect(seriesName({ topic: 'x' }, [])).to.equal('topic=x');
  });
});

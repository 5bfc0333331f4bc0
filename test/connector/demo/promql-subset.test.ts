import { expect } from 'chai';
import {
  aggregate,
  matchesLabels,
  parseQuery,
  PromQlSubsetError,
} from '../../../connector/src/demo/promql-subset.js';

describe('demo site feed: PromQL subset', () => {
  it('parses a selector with every matcher operator', () => {
    expect(
      parseQuery('DCGM_FI_DEV_GPU_TEMP{Hostname="gpu-r01-01", gpu!="1",rack=~"R0[12]",x!~"a\\"b"}'),
    ).to.deep.equal({
      matchers: [
        { name: '__name__', op: '=', value: 'DCGM_FI_DEV_GPU_TEMP' },
        { name: 'Hostname', op: '=', value: 'gpu-r01-01' },
        { name: 'gpu', op: '!=', value: '1' },
        { name: 'rack', op: '=~', value: 'R0[12]' },
        { name: 'x', op: '!~', value: 'a"b' },
      ],
      rangeMs: null,
      aggregation: null,
    });
  });

  it('parses a range selector (what the Prometheus provider sends for raw samples)', () => {
    expect(parseQuery('up{job="a"}[12000ms]')).to.include({ rangeMs: 12_000, aggregation: null });
    expect(parseQuery('up[30s]').rangeMs).to.equal(30_000);
  });

  it('parses count_over_time around a range selector (the provider asks which series reported)', () => {
    expect(parseQuery('count_over_time(up{job="a"}[600000ms])')).to.include({
      rangeMs: 600_000,
      countOverTime: true,
    });
    expect(() => parseQuery('count_over_time(up)')).to.throw(PromQlSubsetError, /needs a range selector/);
  });

  it('parses one aggregation around an instant selector', () => {
    const q = parseQuery('max(rack_inlet_temperature_celsius{site="DC1",cooling_zone="ZONE-A1"})');
    expect(q.aggregation).to.equal('max');
    expect(q.matchers).to.have.length(3);
    expect(parseQuery('{__name__="up"}').matchers).to.deep.equal([
      { name: '__name__', op: '=', value: 'up' },
    ]);
  });

  for (const bad of [
    '',
    'rate(up[5m])',
    'max by (rack) (up)',
    'up{job=}',
    'up{job="a"',
    'up + 1',
    'max(up[5m])',
    'up[0s]',
  ]) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      expect(() => parseQuery(bad)).to.throw(PromQlSubsetError);
    });
  }

  it('matches labels (missing labels are empty, regexes are anchored)', () => {
    const labels = { __name__: 'up', rack: 'R01' };
    expect(matchesLabels(parseQuery('up{rack=~"R0"}').matchers, labels)).to.equal(false);
    expect(matchesLabels(parseQuery('up{rack=~"R0."}').matchers, labels)).to.equal(true);
    expect(matchesLabels(parseQuery('up{missing=""}').matchers, labels)).to.equal(true);
    expect(matchesLabels(parseQuery('up{rack!="R01"}').matchers, labels)).to.equal(false);
  });

  it('aggregates', () => {
    expect(aggregate('max', [1, 3, 2])).to.equal(3);
    expect(aggregate('min', [1, 3, 2])).to.equal(1);
    expect(aggregate('avg', [1, 3, 2])).to.equal(2);
    expect(aggregate('sum', [1, 3, 2])).to.equal(6);
    expect(aggregate('count', [1, 3, 2])).to.equal(3);
    expect(aggregate('max', [])).to.equal(null);
  });
});

import { expect } from 'chai';
import { hasWildcard, parseMqttQuery, topicMatches } from '../../../../connector/src/telemetry/mqtt/topic.js';

describe('telemetry/mqtt/topic', () => {
  it('splits topic#metric but keeps the # wildcard', () => {
    expect(parseMqttQuery('dc1/crah-2/supply')).to.deep.equal({
      filter: 'dc1/crah-2/supply',
      metric: undefined,
    });
    expect(parseMqttQuery('spBv1.0/dc1/NDATA/cdu-1#Secondary/Flow')).to.deep.equal({
      filter: 'spBv1.0/dc1/NDATA/cdu-1',
      metric: 'Secondary/Flow',
    });
    expect(parseMqttQuery('dc1/#')).to.deep.equal({ filter: 'dc1/#', metric: undefined });
    expect(parseMqttQuery('#')).to.deep.equal({ filter: '#', metric: undefined });
    expect(parseMqttQuery('spBv1.0/dc1/NDATA/+#Temp')).to.deep.equal({
      filter: 'spBv1.0/dc1/NDATA/+',
      metric: 'Temp',
    });
  });

  it('matches topic filters like a broker', () => {
    expect(topicMatches('a/+/c', 'a/b/c')).to.equal(true);
    expect(topicMatches('a/+/c', 'a/b/d')).to.equal(false);
    expect(topicMatches('a/#', 'a/b/c')).to.equal(true);
    expect(topicMatches('a/#', 'a')).to.equal(true);
    expect(topicMatches('a/b', 'a/b/c')).to.equal(false);
    expect(topicMatches('#', '$SYS/x')).to.equal(false);
    expect(hasWildcard('a/+/c')).to.equal(true);
    expect(hasWildcard('a/b+/c')).to.equal(false);
  });
});

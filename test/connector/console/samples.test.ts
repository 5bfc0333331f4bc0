import { expect } from 'chai';
import { loadMappings } from '../../../connector/src/mapping/load.js';
import { previewAlarm, previewNormalisedAlarms } from '../../../connector/src/mapping/preview.js';
import { builtInSample, fieldMapSkeleton, recentSamples } from '../../../connector/src/console/samples.js';
import { alarm } from '../../support/alarms.js';

const NOW = new Date('2026-11-25T10:00:00.000Z');

describe('console playground samples', () => {
  const loaded = loadMappings('mappings');
  if (!loaded.ok) throw new Error('shipped mappings do not load');
  const m = loaded.mappings;

  it('gives every shipped source an example that decodes without errors', () => {
    for (const [name, source] of Object.entries(m.sources)) {
      const s = builtInSample(name, source, NOW);
      const r =
        s.format === 'wire'
          ? previewAlarm(m, name, s.payload, NOW)
          : previewNormalisedAlarms(m, name, s.payload);
      expect(r.decodeErrors, `${name}: ${JSON.stringify(r.decodeErrors)}`).to.deep.equal([]);
      expect(r.alarms, name).to.have.length(1);
    }
  });

  it('builds webhook payloads from the field map, using the configured state and severity words', () => {
    const p = fieldMapSkeleton(
      {
        id: '$.alarm.id',
        state: '$.st',
        severity: '$.prio',
        type: '$.kind',
        rack: "$.where['rack id']",
        labels: { point: '$.points[1]' },
      },
      { ON: 'active', OFF: 'cleared' },
      { P1: 'critical', P2: 'major' },
      NOW,
    );
    expect(p).to.deep.equal({
      alarm: { id: 'SAMPLE-1' },
      st: 'ON',
      prio: 'P2',
      kind: 'sample_alarm',
      where: { 'rack id': 'RACK-1' },
      points: [undefined, 'sample-point'],
    });
  });

  it('offers the newest alarm of each source, raw for field-mapped sources and normalised for all', () => {
    const older = alarm({ id: 'old', receivedAt: '2026-11-25T09:00:00.000Z', raw: { alarmId: 'old' } });
    const newer = alarm({ id: 'new', receivedAt: '2026-11-25T09:30:00.000Z', raw: { alarmId: 'new' } });
    const am = alarm({ source: 'alertmanager', sourceKind: 'alertmanager', id: 'fp', raw: { labels: {} } });
    const s = recentSamples([older, newer, am], m.sources);
    expect(s.map((x) => [x.id, x.format])).to.deep.equal([
      ['recent:alertmanager', 'normalised'],
      ['recent-wire:bms', 'wire'],
      ['recent:bms', 'normalised'],
    ]);
    expect(s[1]!.payload).to.deep.equal({ alarmId: 'new' });
    expect(s[2]!.payload).to.not.have.property('raw');
  });
});

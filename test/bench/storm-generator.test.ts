// The storm generator is the benchmark's ground truth: same seed, same storm; and the storm has the
// mix docs/storm-benchmark.md describes.
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { generateStorm, stormSummary, type Storm } from '../../bench/storm/generate.js';

const digest = (s: Storm): string => createHash('sha256').update(JSON.stringify(s.messages)).digest('hex');

describe('storm generator', () => {
  const storm = generateStorm({ seed: 7 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(digest(generateStorm({ seed: 7 }))).to.equal(digest(storm));
    expect(digest(generateStorm({ seed: 8 }))).to.not.equal(digest(storm));
  });

  it('shifts only timestamps with the epoch', () => {
    const later = generateStorm({ seed: 7, epochMs: storm.epochMs + 3_600_000 });
    expect(later.messages.map((m) => [m.atMs, m.stream, m.kind])).to.deep.equal(
      storm.messages.map((m) => [m.atMs, m.stream, m.kind]),
    );
    expect(digest(later)).to.not.equal(digest(storm));
  });

  it('sends 10,000 messages within 60 s, in time order, from 300 devices over four source kinds', () => {
    const s = stormSummary(storm);
    expect(s.messages).to.equal(10_000);
    expect(s.devices).to.equal(300);
    expect(storm.messages.every((m, i) => m.atMs >= 0 && m.atMs < 60_000 && m.seq === i + 1)).to.equal(true);
    expect(storm.messages.every((m, i) => i === 0 || storm.messages[i - 1]!.atMs <= m.atMs)).to.equal(true);
    for (const source of ['bms', 'bmc', 'redfish', 'alertmanager', 'snmp'])
      expect(s.bySource[source]).to.be.above(0);
    expect(
      storm.messages.filter((m) => m.source === 'snmp').every((m) => m.payload.transport === 'snmp'),
    ).to.equal(true);
  });

  it('has repeats, clears and flapping alarms', () => {
    const s = stormSummary(storm);
    expect(s.byKind['repeat']).to.be.above(5_000);
    expect(s.byKind['clear']).to.be.above(50);
    expect(s.flappingStreams).to.be.at.least(10);
  });

  it('names 18 real-world faults: a chiller cascade across hall A zones and independent faults', () => {
    expect(storm.faults).to.have.length(18);
    const devicesOf = new Map(storm.faults.map((f) => [f.id, new Set(f.devices)]));
    // Every message belongs to a named fault and comes from one of its devices.
    expect(storm.messages.every((m) => devicesOf.get(m.fault)?.has(m.device))).to.equal(true);
    const chiller = storm.faults.find((f) => f.id.includes('chiller'))!;
    const sources = new Set(storm.messages.filter((m) => m.fault === chiller.id).map((m) => m.source));
    expect([...sources].sort()).to.deep.equal(['alertmanager', 'bmc', 'bms']);
    const hallA = storm.site.rows.filter((r) => r.room === 'HALL-A');
    for (const row of hallA) {
      expect(chiller.devices).to.include(row.crah);
      expect(chiller.devices).to.include(`RIS-${row.racks[0]}`);
    }
    const chillerAlerts = storm.messages.filter((m) => m.fault === chiller.id && m.source === 'alertmanager');
    expect(chillerAlerts.length).to.be.above(500);
    expect(storm.faults.filter((f) => f.kind === 'independent')).to.have.length(11);
    expect(storm.faults.filter((f) => f.kind === 'hot_spot')).to.have.length(5);
  });
});

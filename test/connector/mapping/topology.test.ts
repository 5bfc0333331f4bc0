import { expect } from 'chai';
import { resolveTopology } from '../../../connector/src/mapping/topology.js';
import { graphOf } from '../../support/mappings.js';

const topology = graphOf({
  sites: [
    {
      id: 'DC1',
      name: 'Frankfurt DC1',
      rooms: [
        {
          id: 'HALL-A',
          name: 'Hall A',
          rows: [
            { id: 'A1', racks: ['R01', 'R02'] },
            { id: 'A2', racks: ['R03', 'R04'] },
          ],
        },
      ],
      cooling_zones: [
        { id: 'ZONE-A1', units: ['CRAH-1'], rows: ['A1'] },
        { id: 'ZONE-A2', units: ['CRAH-2'], rows: ['A2'] },
        { id: 'ZONE-LIQ', units: ['CDU-1'], racks: ['R04'] },
      ],
      power_paths: [{ id: 'PP-A', ups: 'UPS-1', pdus: ['PDU-1'], racks: ['R01', 'R02', 'R03', 'R04'] }],
      equipment: [
        { id: 'CRAH-1', name: 'CRAH-1 Hall A', class: 'CRAH', room: 'HALL-A', row: 'A2' },
        { id: 'CRAH-2', class: 'CRAH' },
        { id: 'CDU-1', class: 'CDU', rack: 'R03' },
        { id: 'UPS-1', name: 'UPS one', class: 'UPS' },
        { id: 'PDU-1', class: 'PDU' },
        { id: 'gpu-01', class: 'GPU_SERVER', rack: 'R02' },
      ],
    },
    {
      id: 'DC2',
      rooms: [{ id: 'H1', rows: [{ id: 'X1', racks: ['R01', 'R99'] }] }],
      cooling_zones: [{ id: 'ZONE-X', units: ['CRAH-9'], rows: ['X1'] }],
      equipment: [{ id: 'CRAH-9', class: 'CRAH' }],
    },
  ],
});

describe('mapping/topology', () => {
  it('places a rack: row, room, cooling zone by row, power path', () => {
    expect(resolveTopology(topology, { site: 'DC1', rack: 'R01' })).to.deep.equal({
      site: 'DC1',
      site_name: 'Frankfurt DC1',
      room: 'HALL-A',
      room_name: 'Hall A',
      row: 'A1',
      rack: 'R01',
      cooling_zone: 'ZONE-A1',
      cooling_units: ['CRAH-1'],
      power_path: 'PP-A',
      ups: 'UPS-1',
      pdus: ['PDU-1'],
    });
  });

  it('a zone listing the rack wins over a zone listing its row', () => {
    expect(resolveTopology(topology, { site: 'DC1', rack: 'R04' }).cooling_zone).to.equal('ZONE-LIQ');
    expect(resolveTopology(topology, { site: 'DC1', rack: 'R03' }).cooling_zone).to.equal('ZONE-A2');
  });

  it('a cooling unit belongs to the zone it serves, not to the row it stands in', () => {
    const crah = resolveTopology(topology, { equipmentId: 'CRAH-1', site: 'DC1' });
    expect(crah).to.include({ cooling_zone: 'ZONE-A1', row: 'A2', room: 'HALL-A', equipment_class: 'CRAH' });
    expect(crah.equipment_name).to.equal('CRAH-1 Hall A');
    expect(resolveTopology(topology, { site: 'DC1', equipmentId: 'CDU-1' })).to.include({
      cooling_zone: 'ZONE-LIQ',
      rack: 'R03',
      row: 'A2',
    });
  });

  it('fills equipment name/class from the equipment list only when the alarm lacks them', () => {
    expect(resolveTopology(topology, { site: 'DC1', equipmentId: 'UPS-1' })).to.include({
      equipment_name: 'UPS one',
      equipment_class: 'UPS',
      power_path: 'PP-A',
      ups: 'UPS-1',
    });
    expect(
      resolveTopology(topology, { site: 'DC1', equipmentId: 'UPS-1', equipmentName: 'UPS-A' }).equipment_name,
    ).to.equal('UPS-A');
    expect(resolveTopology(topology, { site: 'DC1', equipmentId: 'PDU-1' }).power_path).to.equal('PP-A');
  });

  it('finds equipment by its name when the source only knows the name', () => {
    expect(resolveTopology(topology, { site: 'DC1', equipmentName: 'UPS one' })).to.include({
      equipment_id: 'UPS-1',
    });
  });

  it('a server inherits its rack, and so its zone', () => {
    expect(resolveTopology(topology, { site: 'DC1', equipmentId: 'gpu-01' })).to.include({
      rack: 'R02',
      row: 'A1',
      cooling_zone: 'ZONE-A1',
    });
  });

  it('with several sites, the site comes from the alarm or from a unique match', () => {
    expect(resolveTopology(topology, { site: 'DC2', rack: 'R01' })).to.include({
      cooling_zone: 'ZONE-X',
      row: 'X1',
    });
    expect(resolveTopology(topology, { rack: 'R99' })).to.include({ site: 'DC2', cooling_zone: 'ZONE-X' });
    // R01 exists in both sites: ambiguous, so nothing is guessed.
    expect(resolveTopology(topology, { rack: 'R01' })).to.deep.equal({ rack: 'R01' });
  });

  it('an unknown site keeps what the alarm said and adds nothing', () => {
    expect(resolveTopology(topology, { site: 'DC9', rack: 'R01', equipmentId: 'X' })).to.deep.equal({
      site: 'DC9',
      rack: 'R01',
      equipment_id: 'X',
    });
  });
});

describe('mapping/topology: placement read from the graph', () => {
  // Zones get their units from `feeds`, racks their power path through their PDUs, and row B1 lies
  // in two zones (air and liquid).
  const graph = graphOf({
    sites: [
      {
        id: 'DC1',
        rooms: [{ id: 'HALL-B', rows: [{ id: 'B1', racks: ['R07', 'R08'] }] }],
        cooling_zones: [
          { id: 'ZONE-B', rows: ['B1'], redundancy: 'N+1' },
          { id: 'ZONE-LIQ', racks: ['R08'] },
        ],
        power_paths: [
          { id: 'PP-A', ups: 'UPS-A', pdus: ['PDU-A'] },
          { id: 'PP-B', ups: 'UPS-B', pdus: ['PDU-B'] },
        ],
        redundancy_groups: [
          { id: 'B1-POWER', members: ['PDU-A', 'PDU-B'], serves: ['R07', 'R08'], redundancy: '2N' },
        ],
        equipment: [
          { id: 'CH-2', class: 'CHILLER', feeds: ['CRAH-3', 'CRAH-4', 'CDU-1'] },
          { id: 'CRAH-3', class: 'CRAH', room: 'HALL-B', row: 'B1', feeds: ['ZONE-B'] },
          { id: 'CRAH-4', class: 'CRAH', feeds: ['ZONE-B'] },
          { id: 'CDU-1', class: 'CDU', feeds: ['ZONE-LIQ'] },
          { id: 'UPS-A', class: 'UPS' },
          { id: 'UPS-B', class: 'UPS' },
          { id: 'PDU-A', class: 'PDU', feeds: ['R07', 'R08'] },
          { id: 'PDU-B', class: 'PDU', feeds: ['R07', 'R08'] },
          { id: 'gpu-08', class: 'GPU_SERVER', rack: 'R08' },
        ],
      },
    ],
  });

  it('a unit given by its feeds is a unit of the zone; an N+1 zone lists both', () => {
    expect(resolveTopology(graph, { equipmentId: 'CRAH-4' })).to.include({ cooling_zone: 'ZONE-B' });
    expect(resolveTopology(graph, { equipmentId: 'CRAH-3' }).cooling_units).to.deep.equal([
      'CRAH-3',
      'CRAH-4',
    ]);
    expect(resolveTopology(graph, { equipmentId: 'CDU-1' }).cooling_units).to.deep.equal(['CDU-1']);
    // A chiller feeds units, not a zone: it is placed in none (its scope is what it feeds).
    expect(resolveTopology(graph, { equipmentId: 'CH-2' })).to.not.have.property('cooling_zone');
  });

  it('a rack in two zones keeps the one listing it; its power path comes through its PDUs', () => {
    expect(resolveTopology(graph, { rack: 'R08' })).to.include({
      cooling_zone: 'ZONE-LIQ',
      power_path: 'PP-A',
      ups: 'UPS-A',
      row: 'B1',
      room: 'HALL-B',
    });
    expect(resolveTopology(graph, { rack: 'R07' })).to.include({
      cooling_zone: 'ZONE-B',
      power_path: 'PP-A',
    });
    expect(resolveTopology(graph, { equipmentId: 'gpu-08' })).to.deep.include({
      rack: 'R08',
      cooling_zone: 'ZONE-LIQ',
      cooling_units: ['CDU-1'],
      power_path: 'PP-A',
      pdus: ['PDU-A'],
    });
    expect(resolveTopology(graph, { equipmentId: 'PDU-B' })).to.include({ power_path: 'PP-B', ups: 'UPS-B' });
  });
});

// The topology graph as admins write it: feeds, redundancy groups and their checks, each error with its
// file:line:col and path, and the simple cooling_zones / power_paths compiled into the same graph.
import { expect } from 'chai';
import { nodeId } from '../../../connector/src/mapping/topology-graph.js';
import { loadErrors, loadOk } from '../../support/mappings.js';

/** A small dual-fed, N+1 cooled hall that loads; each test breaks one thing in it. */
const HALL = `
topology:
  sites:
    - id: DC1
      rooms:
        - id: HALL-A
          rows:
            - { id: A1, racks: [R01, R02] }
      cooling_zones:
        - { id: ZONE-A1, units: [CRAH-1, CRAH-2], rows: [A1], redundancy: N+1 }
      power_paths:
        - { id: PP-A, ups: UPS-A, pdus: [PDU-A] }
        - { id: PP-B, ups: UPS-B, pdus: [PDU-B] }
      equipment:
        - { id: CH-1, class: CHILLER, feeds: [CRAH-1, CRAH-2] }
        - { id: CRAH-1, class: CRAH, room: HALL-A, row: A1 }
        - { id: CRAH-2, class: CRAH, room: HALL-A, row: A1 }
        - { id: SWGR-1, class: SWITCHGEAR, feeds: [UPS-A, UPS-B] }
        - { id: UPS-A, class: UPS }
        - { id: UPS-B, class: UPS }
        - { id: PDU-A, class: PDU, feeds: [R01, R02] }
        - { id: PDU-B, class: PDU, feeds: [R01, R02] }
        - { id: gpu-1, class: GPU_SERVER, rack: R01 }
      redundancy_groups:
        - { id: A1-POWER, members: [PDU-A, PDU-B], serves: [R01, R02], redundancy: 2N }
`;

function hall(replace: [string, string][] = []): string {
  let text = HALL;
  for (const [from, to] of replace) {
    if (!text.includes(from)) throw new Error(`test fixture has no ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

const id = (kind: Parameters<typeof nodeId>[0], local: string) => nodeId(kind, 'DC1', local);

describe('mapping/topology graph: validation', () => {
  it('the hall loads, and compiles into feeds, containment and groups', () => {
    const g = loadOk({ 't.yaml': hall() }).graph;
    const edges = (to: string) => (g.parents.get(to) ?? []).map((e) => `${e.kind} ${e.from}`);
    expect(edges(id('equipment', 'CRAH-1'))).to.deep.equal(['feeds equipment:DC1/CH-1']);
    // Units of an N+1 zone feed it through the zone's redundancy group.
    expect(edges(id('cooling_zone', 'ZONE-A1'))).to.deep.equal(['serves group:DC1/ZONE-A1']);
    expect(edges(id('group', 'ZONE-A1'))).to.deep.equal([
      'member equipment:DC1/CRAH-1',
      'member equipment:DC1/CRAH-2',
    ]);
    expect(edges(id('rack', 'R01'))).to.deep.equal(['contains row:DC1/A1', 'serves group:DC1/A1-POWER']);
    // A server depends on what its rack depends on; a CRAH standing in a row does not depend on it.
    expect(edges(id('equipment', 'gpu-1'))).to.deep.equal(['contains rack:DC1/R01']);
    expect(edges(id('equipment', 'CRAH-2'))).to.deep.equal(['feeds equipment:DC1/CH-1']);
    expect(g.groups.get(id('group', 'A1-POWER'))).to.include({ need: 1, mode: '2N', label: '2N' });
    expect(g.groups.get(id('group', 'ZONE-A1'))?.commonCauses).to.deep.equal([
      { node: id('equipment', 'CH-1'), distance: 2 },
    ]);
  });

  it('a feed may name a node of any kind; kind:id resolves ids two kinds share', () => {
    const ok = loadOk({
      't.yaml': hall([
        ['racks: [R01, R02] }', 'racks: [R01, R02, A1] }'],
        [
          '{ id: gpu-1, class: GPU_SERVER, rack: R01 }',
          '{ id: CDU-1, class: CDU, feeds: [rack:A1, ZONE-A1] }',
        ],
      ]),
    }).graph;
    expect(ok.parents.get(id('rack', 'A1'))?.map((e) => e.from)).to.deep.equal([
      id('row', 'A1'),
      id('equipment', 'CDU-1'),
    ]);
    const errors = loadErrors({
      't.yaml': hall([
        ['racks: [R01, R02] }', 'racks: [R01, R02, A1] }'],
        [
          '{ id: gpu-1, class: GPU_SERVER, rack: R01 }',
          '{ id: CDU-1, class: CDU, feeds: [A1, rack:A9, row:R01] }',
        ],
      ]),
    });
    expect(errors).to.deep.equal([
      't.yaml:23:44 topology.sites[0].equipment[8].feeds[0]: "A1" is both a rack and a row in site DC1: write rack:A1 or row:A1',
      't.yaml:23:48 topology.sites[0].equipment[8].feeds[1]: unknown rack "A9" in site DC1 (known: R01, R02, A1)',
      't.yaml:23:57 topology.sites[0].equipment[8].feeds[2]: unknown row "R01" in site DC1 (known: A1)',
    ]);
  });

  it('unknown feeds with a "did you mean", a unit feeding itself, a target listed twice', () => {
    const errors = loadErrors({
      't.yaml': hall([['feeds: [CRAH-1, CRAH-2] }', 'feeds: [CRHA-1, CRAH-2, CH-1, CRAH-2, NOWHERE] }']]),
    });
    expect(errors).to.deep.equal([
      't.yaml:15:47 topology.sites[0].equipment[0].feeds[0]: unknown node "CRHA-1" in site DC1 (did you mean "CRAH-1"?)',
      't.yaml:15:63 topology.sites[0].equipment[0].feeds[2]: CH-1 cannot feed itself',
      't.yaml:15:69 topology.sites[0].equipment[0].feeds[3]: "CRAH-2" is listed twice in the feeds of CH-1',
      't.yaml:15:77 topology.sites[0].equipment[0].feeds[4]: unknown node "NOWHERE" in site DC1 (known: CH-1, CRAH-1, CRAH-2, SWGR-1, UPS-A, UPS-B, PDU-A, PDU-B, gpu-1, R01, R02, A1, …)',
    ]);
  });

  it('cycles are refused, naming the cycle', () => {
    const errors = loadErrors({
      't.yaml': hall([
        ['{ id: CRAH-2, class: CRAH, room: HALL-A, row: A1 }', '{ id: CRAH-2, class: CRAH, feeds: [CH-1] }'],
        ['{ id: UPS-A, class: UPS }', '{ id: UPS-A, class: UPS, feeds: [SWGR-1] }'],
        [
          '{ id: PDU-B, class: PDU, feeds: [R01, R02] }',
          '{ id: PDU-B, class: PDU, feeds: [R01, R02, UPS-B] }',
        ],
      ]),
    });
    expect(errors).to.deep.equal([
      't.yaml:15:55 topology.sites[0].equipment[0].feeds[1]: feeds cycle: CH-1 → CRAH-2 → CH-1 (nothing may depend on itself)',
      't.yaml:18:52 topology.sites[0].equipment[3].feeds[0]: feeds cycle: SWGR-1 → UPS-A → SWGR-1 (nothing may depend on itself)',
      't.yaml:22:54 topology.sites[0].equipment[7].feeds[2]: feeds cycle: UPS-B → power path PP-B → PDU-B → UPS-B (nothing may depend on itself)',
    ]);
  });

  it('redundancy groups: members must feed what the group serves, and the mode must fit the members', () => {
    const errors = loadErrors({
      't.yaml': hall([
        ['{ id: PDU-B, class: PDU, feeds: [R01, R02] }', '{ id: PDU-B, class: PDU, feeds: [R01] }'],
        [
          'redundancy: 2N }',
          `redundancy: 2N }
        - { id: PLANT, members: [CH-1, UPS-A], serves: [CRAH-1], redundancy: N+2 }
        - { id: SIDES, members: [UPS-A, UPS-B, SWGR-9], serves: [PP-A], redundancy: 2N }
        - { id: ALL, members: [UPS-A, UPS-B], serves: [PP-A], redundancy: { need: 2 } }
        - { id: ZONE-A1, members: [CRAH-1, CRAH-2], serves: [ZONE-A1], redundancy: N+1 }`,
        ],
      ]),
    });
    expect(errors).to.deep.equal([
      't.yaml:25:44 topology.sites[0].redundancy_groups[0].members[1]: PDU-B does not feed R02: each member of redundancy group A1-POWER must feed every node it serves directly (add R02 to the feeds of PDU-B)',
      't.yaml:26:78 topology.sites[0].redundancy_groups[1].redundancy: N+2 needs at least 3 members (group PLANT has 2 members)',
      't.yaml:27:48 topology.sites[0].redundancy_groups[2].members[2]: unknown node "SWGR-9" in site DC1 (did you mean "SWGR-1"?)',
      't.yaml:28:83 topology.sites[0].redundancy_groups[3].redundancy.need: need 2 of 2 leaves no redundancy (group ALL has 2 members): need fewer than the members',
      't.yaml:29:17 topology.sites[0].redundancy_groups[4].id: duplicate redundancy group "ZONE-A1" (first defined at t.yaml:10:75)',
    ]);
  });

  it('a node belongs to one group per served node; a direct feed around a group is refused', () => {
    const errors = loadErrors({
      't.yaml': hall([
        ['{ id: PP-A, ups: UPS-A, pdus: [PDU-A] }', '{ id: PP-A, ups: UPS-A, pdus: [PDU-A], racks: [R02] }'],
        [
          'redundancy: 2N }',
          `redundancy: 2N }
        - { id: AGAIN, members: [PDU-A, PDU-B], serves: [R01], redundancy: { need: 1 } }`,
        ],
      ]),
    });
    expect(errors).to.deep.equal([
      't.yaml:12:58 topology.sites[0].power_paths[0].racks[0]: PP-A feeds R02 directly and through PDU-A of redundancy group A1-POWER: the direct feed bypasses the redundancy (remove it)',
      't.yaml:26:34 topology.sites[0].redundancy_groups[1].members[0]: PDU-A → R01 is already redundant in group A1-POWER',
      't.yaml:26:41 topology.sites[0].redundancy_groups[1].members[1]: PDU-B → R01 is already redundant in group A1-POWER',
    ]);
  });

  it('zones: a zone with no units, and redundancy on a zone with one unit', () => {
    const errors = loadErrors({
      't.yaml': hall([
        [
          '{ id: ZONE-A1, units: [CRAH-1, CRAH-2], rows: [A1], redundancy: N+1 }',
          `{ id: ZONE-A1, units: [CRAH-1], rows: [A1], redundancy: N+1 }
        - { id: ZONE-EMPTY, racks: [R02] }`,
        ],
      ]),
    });
    expect(errors).to.deep.equal([
      't.yaml:10:67 topology.sites[0].cooling_zones[0].redundancy: N+1 needs at least 2 members (zone ZONE-A1 has 1 unit)',
      't.yaml:11:17 topology.sites[0].cooling_zones[1].id: cooling zone ZONE-EMPTY has no units: list them in units, or give the units feeds: [ZONE-EMPTY]',
    ]);
  });

  it('a zone may get its units from their feeds, and a site may be spread over files', () => {
    const g = loadOk({
      '10.yaml': `
topology:
  sites:
    - id: DC1
      rooms: [{ id: HALL-A, rows: [{ id: A1, racks: [R01] }] }]
      cooling_zones: [{ id: ZONE-A1, rows: [A1], redundancy: N+1 }]
`,
      '20.yaml': `
topology:
  sites:
    - id: DC1
      equipment:
        - { id: CRAH-1, feeds: [ZONE-A1] }
        - { id: CRAH-2, feeds: [ZONE-A1] }
`,
    }).graph;
    expect(g.groups.get(id('group', 'ZONE-A1'))?.members).to.deep.equal([
      id('equipment', 'CRAH-1'),
      id('equipment', 'CRAH-2'),
    ]);
    const errors = loadErrors({
      '10.yaml': `
topology:
  sites:
    - id: DC1
      cooling_zones: [{ id: ZONE-A1, units: [CRAH-1] }]
`,
      '20.yaml': `
topology:
  sites:
    - id: DC1
      equipment:
        - { id: CRAH-1, feeds: [ZONE-B1] }
`,
    });
    expect(errors).to.deep.equal([
      '20.yaml:6:33 topology.sites[0].equipment[0].feeds[0]: unknown node "ZONE-B1" in site DC1 (did you mean "ZONE-A1"?)',
    ]);
  });

  it('schema errors in the new keys keep their positions', () => {
    const errors = loadErrors({
      't.yaml': hall([
        ['redundancy: N+1 }', 'redundancy: N+3 }'],
        ['members: [PDU-A, PDU-B]', 'members: [PDU-A]'],
      ]),
    });
    expect(errors).to.deep.equal([
      't.yaml:10:75 topology.sites[0].cooling_zones[0].redundancy: expected N+1, N+2, 2N, or {need: k} (k of the members must work), got string "N+3"',
      't.yaml:25:36 topology.sites[0].redundancy_groups[0].members: Too small: expected array to have >=2 items',
    ]);
  });
});

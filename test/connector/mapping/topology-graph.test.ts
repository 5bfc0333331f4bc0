// The pure graph module with plain data: upstream causes through any number of levels, downstream
// effects, paths, redundancy groups (common causes, state), scopes, and the text of a path.
import { expect } from 'chai';
import {
  describeGroupState,
  groupState,
  groupsAbove,
  groupsWithMember,
} from '../../../connector/src/mapping/redundancy.js';
import { describeImpact, describePath } from '../../../connector/src/mapping/topology-describe.js';
import {
  buildGraph,
  findCycles,
  nodeId,
  type GraphEdge,
  type GraphNode,
  type NodeKind,
  type RedundancySpec,
  type TopologyGraph,
} from '../../../connector/src/mapping/topology-graph.js';
import {
  EVERY_PATH,
  downstream,
  isUpstreamOf,
  pathsBetween,
  rootCausePaths,
  scopesOf,
  upstream,
  upstreamThrough,
} from '../../../connector/src/mapping/topology-walk.js';

const S = 'DC1';
const kinds: Record<string, NodeKind> = {
  HALL: 'room',
  A1: 'row',
  R01: 'rack',
  R02: 'rack',
  R03: 'rack',
  'ZONE-A1': 'cooling_zone',
  'PP-A': 'power_path',
  'PP-B': 'power_path',
};
const kindOf = (local: string): NodeKind => kinds[local] ?? 'equipment';
const n = (local: string): string => nodeId(kindOf(local), S, local);
const ids = (list: { node: string }[]) => list.map((r) => r.node.slice(r.node.indexOf('/') + 1));

const CLASS: Record<string, string> = { 'CH-1': 'CHILLER', 'CH-2': 'CHILLER', UTIL: 'SWITCHGEAR' };

/** A graph from `A>B` pairs (A feeds B) and groups `name: members -> served (need)`. */
function graph(
  pairs: string[],
  groups: { name: string; members: string[]; serves: string[]; need: number }[] = [],
) {
  const locals = new Set<string>();
  const edges: GraphEdge[] = pairs.map((p) => {
    const [from, to] = p.split('>') as [string, string];
    locals.add(from).add(to);
    const contains = ['room', 'row', 'rack'].includes(kindOf(from)) && kindOf(to) !== 'power_path';
    return { from: n(from), to: n(to), kind: contains ? 'contains' : 'feeds' };
  });
  for (const grp of groups) for (const l of [...grp.members, ...grp.serves]) locals.add(l);
  const nodes: GraphNode[] = [...locals].map((l) => ({
    id: n(l),
    kind: kindOf(l),
    site: S,
    local: l,
    ...(CLASS[l] ? { class: CLASS[l] } : {}),
  }));
  const specs: RedundancySpec[] = groups.map((grp) => ({
    site: S,
    local: grp.name,
    members: grp.members.map(n),
    serves: grp.serves.map(n),
    need: grp.need,
    mode: grp.need === grp.members.length - 1 ? 'N+1' : null,
  }));
  return buildGraph({ sites: [{ id: S }], nodes, edges, groups: specs });
}

/** The hall of the issue: CH-1 feeds an N+1 CRAH pair serving ZONE-A1, which cools row A1. */
const COOLING = [
  'CH-1>CRAH-1',
  'CH-1>CRAH-2',
  'CRAH-1>ZONE-A1',
  'CRAH-2>ZONE-A1',
  'ZONE-A1>A1',
  'HALL>A1',
  'A1>R01',
  'A1>R02',
  'R01>gpu-1',
];
const CRAH_PAIR = { name: 'ZONE-A1', members: ['CRAH-1', 'CRAH-2'], serves: ['ZONE-A1'], need: 1 };

describe('mapping/topology graph: walks', () => {
  const g = graph(COOLING, [CRAH_PAIR]);
  const group = nodeId('group', S, 'ZONE-A1');

  it('upstream, all levels: a common cause passes a group that holds, a single member does not', () => {
    expect(ids(upstream(g, n('gpu-1')))).to.deep.equal(['R01', 'A1', 'ZONE-A1', 'HALL', 'ZONE-A1', 'CH-1']);
    expect(upstream(g, n('gpu-1')).map((r) => r.node))
      .to.include(group)
      .and.not.include(n('CRAH-1'));
    expect(upstream(g, n('gpu-1')).find((r) => r.node === n('CH-1'))).to.deep.include({
      depth: 6,
      via: group,
    });
    // With the group in outage, its members are upstream causes too.
    const down = upstream(g, n('gpu-1'), (id) => id === group).map((r) => r.node);
    expect(down).to.include.members([n('CRAH-1'), n('CRAH-2'), n('CH-1')]);
    expect(isUpstreamOf(g, n('CRAH-1'), n('R02'))).to.equal(false);
    expect(isUpstreamOf(g, n('CRAH-1'), n('R02'), EVERY_PATH)).to.equal(true);
    expect(isUpstreamOf(g, n('CH-1'), n('R02'))).to.equal(true);
  });

  it('downstream: a member reaches its group only; a common cause or an outage goes through', () => {
    expect(ids(downstream(g, n('CRAH-1')))).to.deep.equal(['ZONE-A1']);
    expect(downstream(g, n('CRAH-1'))[0]!.node).to.equal(group);
    expect(ids(downstream(g, n('CRAH-1'), () => true))).to.deep.equal([
      'ZONE-A1',
      'ZONE-A1',
      'A1',
      'R01',
      'R02',
      'gpu-1',
    ]);
    expect(ids(downstream(g, n('CH-1')))).to.deep.equal([
      'CRAH-1',
      'CRAH-2',
      'ZONE-A1',
      'ZONE-A1',
      'A1',
      'R01',
      'R02',
      'gpu-1',
    ]);
  });

  it('a group behind a redundant plant: a chiller of an N+1 plant is no common cause of the CRAH pair', () => {
    const plant = graph(
      ['CH-1>LOOP', 'CH-2>LOOP', 'LOOP>CRAH-1', 'LOOP>CRAH-2', ...COOLING.slice(2)],
      [{ name: 'PLANT', members: ['CH-1', 'CH-2'], serves: ['LOOP'], need: 1 }, CRAH_PAIR],
    );
    const crahs = plant.groups.get(group)!;
    expect(crahs.commonCauses).to.deep.equal([
      { node: n('LOOP'), distance: 2 },
      { node: nodeId('group', S, 'PLANT'), distance: 3 },
    ]);
    expect(ids(upstream(plant, n('R01')))).to.deep.equal([
      'A1',
      'ZONE-A1',
      'HALL',
      'ZONE-A1',
      'LOOP',
      'PLANT',
    ]);
    expect(isUpstreamOf(plant, n('CH-1'), n('R01'))).to.equal(false);
    // Both chillers lost: the plant is in outage and CH-1 is a cause of the racks' trouble.
    const plantDown = (id: string) => id === nodeId('group', S, 'PLANT');
    expect(isUpstreamOf(plant, n('CH-1'), n('R01'), plantDown)).to.equal(true);
    expect(ids(downstream(plant, n('CH-1')))).to.deep.equal(['PLANT']);
  });

  it('dual feeds: independent switchgear is no common cause of a rack PDU pair, one utility is', () => {
    const power = graph(
      [
        'UTIL>SWGR-A',
        'UTIL>SWGR-B',
        'SWGR-A>UPS-A',
        'SWGR-B>UPS-B',
        'UPS-A>PP-A',
        'UPS-B>PP-B',
        'PP-A>PDU-A',
        'PP-B>PDU-B',
        'PDU-A>R03',
        'PDU-B>R03',
      ],
      [{ name: 'R03-POWER', members: ['PDU-A', 'PDU-B'], serves: ['R03'], need: 1 }],
    );
    const pair = power.groups.get(nodeId('group', S, 'R03-POWER'))!;
    expect(pair.commonCauses.map((c) => c.node)).to.deep.equal([n('UTIL')]);
    expect(isUpstreamOf(power, n('UPS-A'), n('R03'))).to.equal(false);
    expect(isUpstreamOf(power, n('UTIL'), n('R03'))).to.equal(true);
    expect(scopesOf(power, n('R03')).fedBy).to.deep.equal([n('PP-A'), n('PP-B')]);
  });

  it('upstream through a scope kind keeps cooling causes and power feeds apart', () => {
    const both = graph(
      [
        ...COOLING,
        'SWGR-A>UPS-A',
        'SWGR-B>UPS-B',
        'UPS-A>PP-A',
        'UPS-B>PP-B',
        'PP-A>PDU-A',
        'PP-B>PDU-B',
        'PDU-A>R01',
        'PDU-B>R01',
      ],
      [CRAH_PAIR, { name: 'R01-POWER', members: ['PDU-A', 'PDU-B'], serves: ['R01'], need: 1 }],
    );
    const power = nodeId('group', S, 'R01-POWER');
    expect(ids(upstreamThrough(both, n('gpu-1'), ['cooling_zone']))).to.deep.equal([
      'R01',
      'A1',
      'ZONE-A1',
      'ZONE-A1',
      'CH-1',
    ]);
    // A unit feeding a zone is in the cooling dimension, a UPS in the power one.
    expect(ids(upstreamThrough(both, n('CRAH-1'), ['cooling_zone']))).to.deep.equal(['CH-1']);
    expect(ids(upstreamThrough(both, n('UPS-A'), ['power_path']))).to.deep.equal(['SWGR-A']);
    expect(ids(upstreamThrough(both, n('UPS-A'), ['cooling_zone']))).to.deep.equal([]);
    expect(ids(upstreamThrough(both, n('PDU-B'), ['power_path']))).to.deep.equal(['PP-B', 'UPS-B', 'SWGR-B']);
    // The PDU pair holds: no power cause reaches the server; with it in outage, the whole A and B side.
    expect(ids(upstreamThrough(both, n('gpu-1'), ['power_path']))).to.deep.equal([]);
    expect(ids(upstreamThrough(both, n('gpu-1'), ['power_path'], (id) => id === power))).to.deep.equal([
      'R01',
      'R01-POWER',
      'PDU-A',
      'PDU-B',
      'PP-A',
      'PP-B',
      'UPS-A',
      'UPS-B',
      'SWGR-A',
      'SWGR-B',
    ]);
  });

  it('paths from a root cause, and every path between two nodes', () => {
    expect(rootCausePaths(g, n('gpu-1')).paths.map((p) => describePath(g, p))).to.deep.equal([
      'chiller CH-1 → CRAH-1 → [N+1] → cooling zone ZONE-A1 → row A1 → rack R01 → gpu-1',
      'chiller CH-1 → CRAH-2 → [N+1] → cooling zone ZONE-A1 → row A1 → rack R01 → gpu-1',
    ]);
    expect(pathsBetween(g, n('CRAH-2'), n('R02')).paths).to.have.length(1);
    expect(pathsBetween(g, n('R01'), n('R02')).paths).to.deep.equal([]);
    const limited = pathsBetween(g, n('CH-1'), n('gpu-1'), 1);
    expect(limited).to.deep.include({ truncated: true });
    expect(limited.paths).to.have.length(1);
  });

  it('the impact of a cause as text, grouped by branch, with a redundancy group shown whole', () => {
    expect(describeImpact(g, n('CH-1'), [n('R01'), n('R02')])).to.deep.equal([
      'chiller CH-1 → CRAH-1 + CRAH-2 (N+1) → cooling zone ZONE-A1 → row A1 → racks R01, R02',
    ]);
    expect(describeImpact(g, n('ZONE-A1'), [n('gpu-1'), n('R02'), n('CH-1')])).to.deep.equal([
      'cooling zone ZONE-A1 → row A1 → rack R01 → gpu-1',
      'cooling zone ZONE-A1 → row A1 → rack R02',
      'not fed by cooling zone ZONE-A1: chiller CH-1',
    ]);
  });

  it('scopes: where a node stands, what feeds it, what a cause covers', () => {
    expect(scopesOf(g, n('gpu-1'))).to.deep.equal({
      located: [n('R01'), n('A1'), n('HALL')],
      fedBy: [n('ZONE-A1')],
      serves: [],
    });
    expect(scopesOf(g, n('CH-1'))).to.deep.equal({ located: [], fedBy: [], serves: [n('ZONE-A1')] });
  });

  it('groups of a node and group state: N+1, N+2, 2N and need-k-of-n', () => {
    expect(groupsWithMember(g, n('CRAH-2')).map((x) => x.id)).to.deep.equal([group]);
    expect(groupsAbove(g, n('gpu-1')).map((x) => x.id)).to.deep.equal([group]);
    const pair = g.groups.get(group)!;
    expect(groupState(pair, []).condition).to.equal('ok');
    const one = groupState(pair, [n('CRAH-1')]);
    expect(one).to.deep.equal({
      group,
      condition: 'lost',
      working: [n('CRAH-2')],
      down: [n('CRAH-1')],
      need: 1,
      spare: 0,
    });
    expect(describeGroupState(g, one)).to.equal(
      'redundancy lost in ZONE-A1 (N+1): CRAH-1 down, CRAH-2 carrying the load',
    );
    const both = groupState(pair, [n('CRAH-1'), n('CRAH-2'), n('elsewhere')]);
    expect(both).to.deep.include({ condition: 'outage', spare: -1 });
    expect(describeGroupState(g, both)).to.equal('outage of ZONE-A1 (N+1 needs 1 of 2): CRAH-1, CRAH-2 down');

    const four = graph(
      ['U1>Z', 'U2>Z', 'U3>Z', 'U4>Z'],
      [{ name: 'Z-UNITS', members: ['U1', 'U2', 'U3', 'U4'], serves: ['Z'], need: 2 }],
    );
    const z = four.groups.get(nodeId('group', S, 'Z-UNITS'))!;
    expect(z.label).to.equal('2 of 4');
    expect(groupState(z, [n('U1')]).condition).to.equal('degraded');
    expect(describeGroupState(four, groupState(z, [n('U1')]))).to.equal(
      'redundancy reduced in Z (group Z-UNITS) (2 of 4): U1 down, U2, U3, U4 carry the load, 1 spare',
    );
    expect(groupState(z, [n('U1'), n('U2')]).condition).to.equal('lost');
    expect(describeGroupState(four, groupState(z, [n('U1'), n('U2'), n('U3')]))).to.equal(
      'outage of Z (group Z-UNITS) (2 of 4 needs 2 of 4): U1, U2, U3 down, only U4 working',
    );
  });

  it('cycles are found once each; a graph with one cannot be built', () => {
    const edges: GraphEdge[] = ['A>B', 'B>C', 'C>A', 'C>D', 'D>C'].map((p) => {
      const [from, to] = p.split('>') as [string, string];
      return { from: n(from), to: n(to), kind: 'feeds' };
    });
    expect(
      findCycles([n('A'), n('B'), n('C'), n('D')], edges).map((c) => ids(c.map((node) => ({ node })))),
    ).to.deep.equal([
      ['A', 'B', 'C', 'A'],
      ['C', 'D', 'C'],
    ]);
    expect(() => graph(['A>B', 'B>A'])).to.throw(
      'topology graph has a cycle: equipment:DC1/A → equipment:DC1/B → equipment:DC1/A',
    );
  });

  it('keeps declaration order: nodes as given, groups last', () => {
    const g2: TopologyGraph = graph(COOLING, [CRAH_PAIR]);
    expect([...g2.nodes.keys()]).to.have.length([...g.nodes.keys()].length);
    expect(g2.order.get(n('CH-1'))).to.equal(0);
    expect(g2.order.get(group)).to.equal(g2.nodes.size - 1);
  });
});

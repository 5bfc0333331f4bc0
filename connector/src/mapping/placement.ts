// Where an alarm lies in the topology graph, for the preview: the node it was placed on, where that
// stands, the scopes feeding it, every path from a root cause down to it, the redundancy groups it is a
// member of or depends on, and what it feeds. Plain JSON-able data.
import { groupScope, groupsAbove, groupsWithMember, localList } from './redundancy.js';
import { describeImpact, describePath, nodeLabel } from './topology-describe.js';
import type { NodeId, NodeKind, RedundancyGroup, TopologyGraph } from './topology-graph.js';
import { EVERY_PATH, directDownstream, downstream, rootCausePaths, scopesOf } from './topology-walk.js';
import { placeAsset, type TopologyContext } from './topology.js';

export interface PlacedNode {
  id: NodeId;
  kind: NodeKind;
  /** The id as written in the site. */
  local: string;
  /** For people: `rack R01`, `chiller CH-1`. */
  label: string;
}

export interface PlacementGroup {
  id: NodeId;
  local: string;
  /** `N+1`, `2N`, `2 of 3`. */
  redundancy: string;
  need: number;
  members: NodeId[];
  serves: NodeId[];
  /** `member`: the alarm's node is one of the redundant feeds; `upstream`: the node depends on the group. */
  relation: 'member' | 'upstream';
  /** One line for people. */
  text: string;
}

export interface Placement {
  /** Null when the alarm names nothing the topology knows (then only its own asset fields are known). */
  node: PlacedNode | null;
  /** Racks, rows and rooms it stands in, narrowest first. */
  located: NodeId[];
  /** Cooling zones and power paths upstream of it, nearest first. */
  fedBy: NodeId[];
  upstream: { paths: NodeId[][]; text: string[]; truncated: boolean };
  groups: PlacementGroup[];
  /** What depends on it in the static graph (every group passed), counted by kind. */
  downstream: { total: number; byKind: Partial<Record<NodeKind, number>>; text: string[] };
}

const EMPTY: Placement = {
  node: null,
  located: [],
  fedBy: [],
  upstream: { paths: [], text: [], truncated: false },
  groups: [],
  downstream: { total: 0, byKind: {}, text: [] },
};

function groupView(
  g: TopologyGraph,
  grp: RedundancyGroup,
  relation: PlacementGroup['relation'],
): PlacementGroup {
  const members = localList(g, grp.members);
  const text =
    relation === 'member'
      ? `member of ${grp.local} (${grp.label}: ${members}; needs ${grp.need}) serving ${groupScope(g, grp)}`
      : `fed through ${grp.local} (${grp.label}: ${members}; needs ${grp.need}) serving ${groupScope(g, grp)}`;
  return {
    id: grp.id,
    local: grp.local,
    redundancy: grp.label,
    need: grp.need,
    members: grp.members,
    serves: grp.serves,
    relation,
    text,
  };
}

export function placeInGraph(g: TopologyGraph, topology: TopologyContext): Placement {
  const id = placeAsset(g, topology);
  const node = id ? g.nodes.get(id) : undefined;
  if (!id || !node) return EMPTY;
  const scopes = scopesOf(g, id);
  const roots = rootCausePaths(g, id);
  const below = downstream(g, id, EVERY_PATH);
  const byKind: Partial<Record<NodeKind, number>> = {};
  for (const r of below) {
    const kind = g.nodes.get(r.node)!.kind;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  // What it feeds, to the first scope on each branch (or one step, when no scope is below it).
  const leaves = scopes.serves.length ? scopes.serves : directDownstream(g, id);
  return {
    node: { id, kind: node.kind, local: node.local, label: nodeLabel(g, id) },
    located: scopes.located,
    fedBy: scopes.fedBy,
    upstream: {
      paths: roots.paths,
      text: roots.paths.map((p) => describePath(g, p)),
      truncated: roots.truncated,
    },
    groups: [
      ...groupsWithMember(g, id).map((grp) => groupView(g, grp, 'member')),
      ...groupsAbove(g, id).map((grp) => groupView(g, grp, 'upstream')),
    ],
    downstream: {
      total: below.length,
      byKind,
      text: leaves.length ? describeImpact(g, id, leaves) : [],
    },
  };
}

// Walks over the topology graph: what a node depends on (upstream, all levels), what depends on it
// (downstream), the paths between two nodes, and the scopes a node lies in. Pure functions of the graph
// and of which redundancy groups are down, so correlation can ask "is an upstream cause of this alarm
// open?" and "which effects does this cause explain?" with plain data.
import type { NodeId, NodeKind, TopologyGraph } from './topology-graph.js';

/**
 * Whether a redundancy group is in outage (fewer working members than it needs). A walk passes
 * through a group that is down; through one that holds it continues only to the group's common causes,
 * because the failure of a single member is absorbed by the others.
 */
export type GroupDown = (group: NodeId) => boolean;

/** Every group holds: the steady-state view (one member down is redundancy lost, not an outage). */
export const REDUNDANCY_HOLDS: GroupDown = () => false;
/** Every group is down: everything a node could ever depend on (the static view preview shows). */
export const EVERY_PATH: GroupDown = () => true;

export interface Reach {
  node: NodeId;
  /** Edges from the start (a group's common cause counts its distance through the members). */
  depth: number;
  /** The node this one was reached from, towards the start (null for none). */
  via: NodeId | null;
}

/** Min-first queue on depth; graphs are small and depths short, so a sorted insert is enough. */
function queue() {
  const items: Reach[] = [];
  return {
    push(r: Reach): void {
      let i = items.length;
      while (i > 0 && items[i - 1]!.depth > r.depth) i--;
      items.splice(i, 0, r);
    },
    shift: (): Reach | undefined => items.shift(),
  };
}

/**
 * What `start` depends on, nearest first (the start itself excluded). With the default
 * REDUNDANCY_HOLDS, a chiller feeding both CRAHs of an N+1 zone is upstream of the zone's racks, a
 * single CRAH is not; pass the live group states to walk through groups in outage.
 */
export function upstream(g: TopologyGraph, start: NodeId, groupDown: GroupDown = REDUNDANCY_HOLDS): Reach[] {
  const out: Reach[] = [];
  const best = new Map<NodeId, number>([[start, 0]]);
  const done = new Set<NodeId>();
  const q = queue();
  const offer = (node: NodeId, depth: number, via: NodeId): void => {
    if (done.has(node) || (best.get(node) ?? Infinity) <= depth) return;
    best.set(node, depth);
    q.push({ node, depth, via });
  };
  q.push({ node: start, depth: 0, via: null });
  // Shortest depth first (Dijkstra): a jump to a group's common cause may cost more than one edge.
  for (let r = q.shift(); r; r = q.shift()) {
    if (done.has(r.node) || r.depth > best.get(r.node)!) continue;
    done.add(r.node);
    if (r.node !== start) out.push(r);
    const group = g.groups.get(r.node);
    if (group && !groupDown(group.id)) {
      for (const c of group.commonCauses) offer(c.node, r.depth + c.distance, r.node);
      continue;
    }
    for (const e of g.parents.get(r.node) ?? []) offer(e.from, r.depth + 1, r.node);
  }
  return out;
}

/**
 * What depends on `start`, nearest first (the start excluded). A group is reached (its redundancy is
 * reduced) but passed only when it is down or when `start` alone defeats it (a common cause).
 */
export function downstream(
  g: TopologyGraph,
  start: NodeId,
  groupDown: GroupDown = REDUNDANCY_HOLDS,
): Reach[] {
  const out: Reach[] = [];
  const seen = new Set<NodeId>([start]);
  let frontier: Reach[] = [{ node: start, depth: 0, via: null }];
  while (frontier.length) {
    const next: Reach[] = [];
    for (const r of frontier) {
      const group = g.groups.get(r.node);
      if (
        group &&
        r.node !== start &&
        !groupDown(group.id) &&
        !group.commonCauses.some((c) => c.node === start)
      )
        continue;
      for (const e of g.children.get(r.node) ?? [])
        if (!seen.has(e.to)) {
          seen.add(e.to);
          const reach = { node: e.to, depth: r.depth + 1, via: r.node };
          out.push(reach);
          next.push(reach);
        }
    }
    frontier = next;
  }
  return out;
}

/**
 * What `start` depends on through a scope of one of `kinds`: the scopes themselves, everything above
 * them, and what lies between them and `start`. A GPU alarm's cooling causes (`['cooling_zone']`:
 * the zone, its CRAHs, their chiller, the row between) leave out its power feeds, and the reverse, the
 * way correlation keeps power and cooling apart today. A node that itself feeds such a scope (a CRAH,
 * a UPS) is in that dimension: all it depends on counts.
 */
export function upstreamThrough(
  g: TopologyGraph,
  start: NodeId,
  kinds: readonly NodeKind[],
  groupDown: GroupDown = REDUNDANCY_HOLDS,
): Reach[] {
  const all = upstream(g, start, groupDown);
  if (downstream(g, start, EVERY_PATH).some((r) => kinds.includes(g.nodes.get(r.node)!.kind))) return all;
  const reached = new Set(all.map((r) => r.node));
  const keep = new Set<NodeId>();
  for (const r of all) {
    if (!kinds.includes(g.nodes.get(r.node)!.kind)) continue;
    keep.add(r.node);
    for (const above of upstream(g, r.node, groupDown)) keep.add(above.node);
    for (const below of downstream(g, r.node, groupDown)) if (reached.has(below.node)) keep.add(below.node);
  }
  return all.filter((r) => keep.has(r.node));
}

/** `true` when `cause` is upstream of `node` under the given group states. */
export function isUpstreamOf(
  g: TopologyGraph,
  cause: NodeId,
  node: NodeId,
  groupDown: GroupDown = REDUNDANCY_HOLDS,
): boolean {
  return upstream(g, node, groupDown).some((r) => r.node === cause);
}

function ancestorSet(g: TopologyGraph, node: NodeId): Set<NodeId> {
  return new Set([node, ...upstream(g, node, EVERY_PATH).map((r) => r.node)]);
}

export interface Paths {
  /** Each path from its first node to the target, node ids in order. */
  paths: NodeId[][];
  /** More paths exist than the limit allowed. */
  truncated: boolean;
}

/** Every path from `from` down to `to` in the static graph (through every group), at most `limit`. */
export function pathsBetween(g: TopologyGraph, from: NodeId, to: NodeId, limit = 32): Paths {
  const allowed = ancestorSet(g, to);
  const paths: NodeId[][] = [];
  let truncated = false;
  if (!allowed.has(from)) return { paths, truncated };
  const walk = (node: NodeId, path: NodeId[]): void => {
    if (truncated) return;
    if (node === to) {
      if (paths.length >= limit) truncated = true;
      else paths.push(path);
      return;
    }
    for (const e of g.children.get(node) ?? [])
      if (allowed.has(e.to) && !path.includes(e.to)) walk(e.to, [...path, e.to]);
  };
  walk(from, [from]);
  return { paths, truncated };
}

/**
 * The root causes a node could suffer from: upstream equipment that depends on nothing else
 * (switchgear, a chiller), each with its paths down to `node`. Rooms and rows are places, not causes.
 */
export function rootCausePaths(g: TopologyGraph, node: NodeId, limit = 32): Paths {
  const roots = upstream(g, node, EVERY_PATH)
    .map((r) => r.node)
    .filter((id) => g.nodes.get(id)?.kind === 'equipment' && !(g.parents.get(id)?.length ?? 0));
  const paths: NodeId[][] = [];
  let truncated = false;
  for (const root of roots) {
    const p = pathsBetween(g, root, node, limit - paths.length);
    paths.push(...p.paths);
    if (p.truncated || paths.length >= limit) {
      truncated = p.truncated || roots.indexOf(root) < roots.length - 1;
      break;
    }
  }
  return { paths, truncated };
}

/** Parents with groups replaced by their members: who feeds this node directly. */
export function directUpstream(g: TopologyGraph, node: NodeId): NodeId[] {
  const out: NodeId[] = [];
  for (const e of g.parents.get(node) ?? []) {
    const group = g.groups.get(e.from);
    for (const id of group ? group.members : [e.from]) if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** Children with groups replaced by what they serve: what this node feeds directly. */
export function directDownstream(g: TopologyGraph, node: NodeId): NodeId[] {
  const out: NodeId[] = [];
  for (const e of g.children.get(node) ?? []) {
    const group = g.groups.get(e.to);
    for (const id of group ? group.serves : [e.to]) if (!out.includes(id)) out.push(id);
  }
  return out;
}

const PLACES: readonly NodeKind[] = ['rack', 'row', 'room'];
const SCOPES: readonly NodeKind[] = ['cooling_zone', 'power_path'];

export interface NodeScopes {
  /** Racks, rows and rooms the node stands in or belongs to, narrowest first. */
  located: NodeId[];
  /** Cooling zones and power paths upstream of the node: the scopes it lies in, nearest first. */
  fedBy: NodeId[];
  /** The first cooling zones and power paths downstream on each branch: the scopes a cause covers. */
  serves: NodeId[];
}

/**
 * The scopes of a node, in the static graph. A rack lies in the zones and power paths feeding it; a
 * CRAH stands in a row but does not depend on it, and covers the zone it serves.
 */
export function scopesOf(g: TopologyGraph, node: NodeId): NodeScopes {
  const n = g.nodes.get(node);
  const located: NodeId[] = [];
  const add = (id: NodeId | undefined): void => {
    if (id && g.nodes.has(id) && !located.includes(id)) located.push(id);
  };
  const up = upstream(g, node, EVERY_PATH);
  if (n && PLACES.includes(n.kind)) add(node);
  if (n?.location) {
    const at = (kind: NodeKind, local: string | undefined) =>
      local === undefined ? undefined : `${kind}:${n.site}/${local}`;
    add(at('rack', n.location.rack));
    add(at('row', n.location.row));
    add(at('room', n.location.room));
  }
  // Containment continues above whatever the node was placed in (rack → row → room).
  for (let i = 0; i < located.length; i++)
    for (const e of g.parents.get(located[i]!) ?? []) if (e.kind === 'contains') add(e.from);
  for (const r of up) if (PLACES.includes(g.nodes.get(r.node)!.kind)) add(r.node);
  const order = (id: NodeId) => PLACES.indexOf(g.nodes.get(id)!.kind);
  located.sort((a, b) => order(a) - order(b));

  const fedBy = up.filter((r) => SCOPES.includes(g.nodes.get(r.node)!.kind)).map((r) => r.node);

  const serves: NodeId[] = [];
  const seen = new Set<NodeId>([node]);
  let frontier = [node];
  while (frontier.length) {
    const next: NodeId[] = [];
    for (const id of frontier)
      for (const e of g.children.get(id) ?? []) {
        if (seen.has(e.to)) continue;
        seen.add(e.to);
        if (SCOPES.includes(g.nodes.get(e.to)!.kind)) serves.push(e.to);
        else next.push(e.to);
      }
    frontier = next;
  }
  return { located, fedBy, serves };
}

// The site topology as a dependency graph: rooms, rows, racks, equipment, cooling zones, power paths
// and redundancy groups are nodes; an edge A → B says B depends on A (A feeds, serves or contains B).
// Built once from plain data (the mapping loader compiles mappings/*.yaml into that data); everything
// here and in the walks over it is pure, so correlation can call it with plain values.

export type NodeKind = 'room' | 'row' | 'rack' | 'equipment' | 'cooling_zone' | 'power_path' | 'group';

/**
 * `<kind>:<site>/<id>`, e.g. `equipment:DC1/CRAH-1`, `cooling_zone:DC1/ZONE-A1`, `group:DC1/ZONE-B`.
 * For rooms, rows, racks, zones and power paths this is the same string `correlation/scopes.ts` uses
 * for a scope, so a scope and the graph node it names compare equal.
 */
export type NodeId = string;

/**
 * `contains`: room → row → rack → equipment in the rack. `feeds`: equipment or a scope → what depends
 * on it (a unit → its zone, a zone → its rows and racks, a UPS → its power path → its PDUs, a PDU →
 * racks, a chiller → CRAHs). `member` / `serves`: redundant feeds pass through their group node
 * (CRAH-3 → group → ZONE-B), so a walk meets the group before it reaches the members.
 */
export type EdgeKind = 'contains' | 'feeds' | 'member' | 'serves';

export interface NodeLocation {
  room?: string;
  row?: string;
  rack?: string;
}

export interface GraphNode {
  id: NodeId;
  kind: NodeKind;
  site: string;
  /** The id as written in the site (`CRAH-1`). */
  local: string;
  name?: string;
  /** Equipment class (CRAH, CHILLER, UPS, …). */
  class?: string;
  /** Where equipment stands, as written (local ids). Standing in a row is not depending on it. */
  location?: NodeLocation;
}

export interface GraphEdge {
  from: NodeId;
  to: NodeId;
  kind: EdgeKind;
}

export type RedundancyMode = 'N+1' | 'N+2' | '2N';

export interface RedundancySpec {
  site: string;
  local: string;
  /** Members, each feeding every served node directly. */
  members: NodeId[];
  serves: NodeId[];
  /** How many members must work for the served nodes to be fed. */
  need: number;
  mode: RedundancyMode | null;
}

export interface RedundancyGroup extends RedundancySpec {
  id: NodeId;
  /** `N+1`, `2N`, or `2 of 3` when written as a need. */
  label: string;
  /**
   * Upstream nodes whose loss alone takes the group below `need` (a chiller feeding both CRAHs of an
   * N+1 zone), nearest first, with their distance from the group. A walk up through a group that still
   * holds continues only to these: a failure of anything else is absorbed by the redundancy.
   */
  commonCauses: { node: NodeId; distance: number }[];
}

export interface GraphSite {
  id: string;
  name?: string;
}

/** Plain data a graph is built from (what the loader compiles, what tests write). */
export interface GraphSpec {
  sites: GraphSite[];
  /** In declaration order; rooms, rows, racks, equipment, zones, power paths (not groups). */
  nodes: GraphNode[];
  /** Edges between members and served nodes of a group are routed through the group when built. */
  edges: GraphEdge[];
  groups: RedundancySpec[];
}

export interface TopologyGraph {
  sites: ReadonlyMap<string, GraphSite>;
  /** Every node, in declaration order (groups last). */
  nodes: ReadonlyMap<NodeId, GraphNode>;
  /** Declaration order of each node, for "the first zone listing it" precedence. */
  order: ReadonlyMap<NodeId, number>;
  parents: ReadonlyMap<NodeId, readonly GraphEdge[]>;
  children: ReadonlyMap<NodeId, readonly GraphEdge[]>;
  groups: ReadonlyMap<NodeId, RedundancyGroup>;
  /** Per site: equipment by id or name (first declared wins), for placing alarms that only carry a name. */
  equipmentByName: ReadonlyMap<string, ReadonlyMap<string, NodeId>>;
  /** Local id → the sites defining a rack or equipment with that id. */
  sitesOf: ReadonlyMap<string, readonly string[]>;
}

export function nodeId(kind: NodeKind, site: string, local: string): NodeId {
  return `${kind}:${site}/${local}`;
}

export function redundancyLabel(mode: RedundancyMode | null, need: number, size: number): string {
  return mode ?? `${need} of ${size}`;
}

/** `need` for a mode over `size` members (the loader refuses sizes a mode cannot have). */
export function needFor(mode: RedundancyMode, size: number): number {
  if (mode === 'N+1') return size - 1;
  if (mode === 'N+2') return size - 2;
  return size / 2;
}

/** Every cycle among `edges`, each once, as the node list that closes it (first node repeated last). */
export function findCycles(nodes: Iterable<NodeId>, edges: readonly GraphEdge[]): NodeId[][] {
  const out = new Map<NodeId, NodeId[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const state = new Map<NodeId, 'open' | 'done'>();
  const stack: NodeId[] = [];
  const cycles: NodeId[][] = [];
  const seen = new Set<string>();
  // Iterative DFS: a site with thousands of racks must not overflow the call stack.
  for (const root of nodes) {
    if (state.has(root)) continue;
    const frames: { node: NodeId; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 'open');
    stack.push(root);
    while (frames.length) {
      const f = frames[frames.length - 1]!;
      const targets = out.get(f.node) ?? [];
      if (f.next >= targets.length) {
        state.set(f.node, 'done');
        stack.pop();
        frames.pop();
        continue;
      }
      const t = targets[f.next++]!;
      const s = state.get(t);
      if (s === 'open') {
        const cycle = [...stack.slice(stack.indexOf(t)), t];
        const key = [...new Set(cycle)].sort().join('\n');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (s === undefined) {
        state.set(t, 'open');
        stack.push(t);
        frames.push({ node: t, next: 0 });
      }
    }
  }
  return cycles;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Nodes in an order where every node comes after all its parents. */
function topologicalOrder(
  ids: readonly NodeId[],
  parents: ReadonlyMap<NodeId, readonly GraphEdge[]>,
  children: ReadonlyMap<NodeId, readonly GraphEdge[]>,
): NodeId[] {
  const pending = new Map(ids.map((id) => [id, parents.get(id)?.length ?? 0]));
  const ready = ids.filter((id) => pending.get(id) === 0);
  const out: NodeId[] = [];
  while (ready.length) {
    const n = ready.shift()!;
    out.push(n);
    for (const e of children.get(n) ?? []) {
      const left = pending.get(e.to)! - 1;
      pending.set(e.to, left);
      if (left === 0) ready.push(e.to);
    }
  }
  if (out.length !== ids.length) {
    const cycle = findCycles(ids, [...children.values()].flat())[0] ?? [];
    throw new Error(`topology graph has a cycle: ${cycle.join(' → ')}`);
  }
  return out;
}

/**
 * Builds the graph. Throws on a cycle or an edge to an unknown node: the loader refuses those with
 * positioned errors first, so here they are programming errors.
 */
export function buildGraph(spec: GraphSpec): TopologyGraph {
  const nodes = new Map<NodeId, GraphNode>();
  for (const n of spec.nodes) nodes.set(n.id, n);
  const groupIds = new Map<string, RedundancySpec>();
  for (const g of spec.groups) {
    const id = nodeId('group', g.site, g.local);
    groupIds.set(id, g);
    nodes.set(id, { id, kind: 'group', site: g.site, local: g.local });
  }
  // Redundant feeds pass through their group: member → group → served instead of member → served.
  const routed = new Map<string, NodeId>();
  for (const [id, g] of groupIds)
    for (const m of g.members) for (const s of g.serves) routed.set(`${m}\n${s}`, id);
  const edges: GraphEdge[] = [];
  const have = new Set<string>();
  const add = (e: GraphEdge): void => {
    const k = `${e.from}\n${e.to}`;
    if (have.has(k)) return;
    for (const end of [e.from, e.to])
      if (!nodes.has(end)) throw new Error(`topology edge ${e.from} → ${e.to}: unknown node ${end}`);
    have.add(k);
    edges.push(e);
  };
  for (const e of spec.edges) if (!routed.has(`${e.from}\n${e.to}`)) add(e);
  for (const [id, g] of groupIds) {
    for (const m of g.members) add({ from: m, to: id, kind: 'member' });
    for (const s of g.serves) add({ from: id, to: s, kind: 'serves' });
  }

  const parents = new Map<NodeId, GraphEdge[]>();
  const children = new Map<NodeId, GraphEdge[]>();
  for (const e of edges) {
    push(children, e.from, e);
    push(parents, e.to, e);
  }
  const ids = [...nodes.keys()];
  const topo = topologicalOrder(ids, parents, children);

  // Common causes, groups nearest the roots first: whether an ancestor defeats a group depends on
  // whether it defeats the groups between it and the members.
  const groups = new Map<NodeId, RedundancyGroup>();
  const partial: TopologyGraph = {
    sites: new Map(),
    nodes,
    order: new Map(),
    parents,
    children,
    groups,
    equipmentByName: new Map(),
    sitesOf: new Map(),
  };
  for (const id of topo) {
    const g = groupIds.get(id);
    if (!g) continue;
    const distances = memberAncestors(partial, g.members);
    const spare = g.members.length - g.need;
    const commonCauses = [...distances]
      .filter(([a]) => reachedMembers(partial, a, g.members, distances) > spare)
      .map(([node, d]) => ({ node, distance: d + 1 }))
      .sort((x, y) => x.distance - y.distance);
    groups.set(id, {
      ...g,
      id,
      label: redundancyLabel(g.mode, g.need, g.members.length),
      commonCauses,
    });
  }

  const equipmentByName = new Map<string, Map<string, NodeId>>();
  const sitesOf = new Map<string, string[]>();
  for (const n of spec.nodes) {
    if (n.kind !== 'equipment' && n.kind !== 'rack') continue;
    const known = sitesOf.get(n.local) ?? [];
    if (!known.includes(n.site)) sitesOf.set(n.local, [...known, n.site]);
    if (n.kind !== 'equipment') continue;
    const byName = equipmentByName.get(n.site) ?? new Map<string, NodeId>();
    equipmentByName.set(n.site, byName);
    for (const key of [n.name, n.local]) if (key !== undefined && !byName.has(key)) byName.set(key, n.id);
  }
  return {
    ...partial,
    sites: new Map(spec.sites.map((s) => [s.id, s])),
    order: new Map(ids.map((id, i) => [id, i])),
    equipmentByName,
    sitesOf,
  };
}

/** Every ancestor of the members (ignoring groups' state), with its distance from the nearest member. */
function memberAncestors(g: TopologyGraph, members: readonly NodeId[]): Map<NodeId, number> {
  const dist = new Map<NodeId, number>();
  let frontier = [...members];
  let d = 0;
  const seen = new Set(members);
  while (frontier.length) {
    d++;
    const next: NodeId[] = [];
    for (const n of frontier)
      for (const e of g.parents.get(n) ?? []) {
        if (seen.has(e.from)) continue;
        seen.add(e.from);
        dist.set(e.from, d);
        next.push(e.from);
      }
    frontier = next;
  }
  return dist;
}

/**
 * How many of `members` fail when `from` fails, with every group in between holding unless `from`
 * defeats it too. Only ancestors of the members can lead to one, so the walk stays among them.
 */
function reachedMembers(
  g: TopologyGraph,
  from: NodeId,
  members: readonly NodeId[],
  ancestors: ReadonlyMap<NodeId, number>,
): number {
  const wanted = new Set(members);
  const seen = new Set<NodeId>([from]);
  const queue = [from];
  let count = 0;
  while (queue.length) {
    const n = queue.pop()!;
    if (wanted.has(n)) count++;
    // A group in the way holds unless `from` defeats it too; `from` itself may be a group (its outage).
    const group = n === from ? undefined : g.groups.get(n);
    if (group && !group.commonCauses.some((c) => c.node === from)) continue;
    for (const e of g.children.get(n) ?? [])
      if (!seen.has(e.to) && (wanted.has(e.to) || ancestors.has(e.to))) {
        seen.add(e.to);
        queue.push(e.to);
      }
  }
  return count;
}

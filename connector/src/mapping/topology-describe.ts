// Topology paths as text for people: "chiller CH-1 → CRAH-1 → cooling zone ZONE-A1 → row A1 → racks
// R01, R02". Used by the preview and, later, by incident descriptions that name the path of a fault.
import type { NodeId, NodeKind, TopologyGraph } from './topology-graph.js';
import { EVERY_PATH, downstream } from './topology-walk.js';

const KIND_WORD: Record<Exclude<NodeKind, 'equipment' | 'group'>, [string, string]> = {
  room: ['room', 'rooms'],
  row: ['row', 'rows'],
  rack: ['rack', 'racks'],
  cooling_zone: ['cooling zone', 'cooling zones'],
  power_path: ['power path', 'power paths'],
};

const CLASS_WORD: Record<string, string> = {
  CHILLER: 'chiller',
  SWITCHGEAR: 'switchgear',
  GENERATOR: 'generator',
  GPU_SERVER: 'GPU server',
  RACK_SENSOR: 'sensor',
  CHW_LOOP: 'chilled-water loop',
};

/** `rack R01`, `cooling zone ZONE-A1`, `chiller CH-1`, `CRAH-1` (an id that already says its class). */
export function nodeLabel(g: TopologyGraph, id: NodeId): string {
  const n = g.nodes.get(id);
  if (!n) return id;
  if (n.kind === 'group') {
    const grp = g.groups.get(id);
    const label = grp?.label ?? 'redundancy';
    const namesServed = grp?.serves.some((s) => g.nodes.get(s)?.local === n.local);
    return namesServed ? `[${label}]` : `[${label} ${n.local}]`;
  }
  if (n.kind !== 'equipment') return `${KIND_WORD[n.kind][0]} ${n.local}`;
  const cls = n.class;
  if (!cls || n.local.toUpperCase().includes(cls.toUpperCase())) return n.local;
  return `${CLASS_WORD[cls.toUpperCase()] ?? cls} ${n.local}`;
}

/** One path, first node to last. */
export function describePath(g: TopologyGraph, path: readonly NodeId[]): string {
  return path.map((id) => nodeLabel(g, id)).join(' → ');
}

/**
 * A path with each pass through a redundancy group shown as the whole group, `CRAH-1 + CRAH-2 (N+1)`,
 * rather than the one member the path happens to take.
 */
function describeThroughGroups(g: TopologyGraph, path: readonly NodeId[]): string {
  const parts: string[] = [];
  path.forEach((id, i) => {
    const grp = g.groups.get(id);
    if (grp && i > 0 && grp.members.includes(path[i - 1]!)) {
      const named = grp.serves.some((s) => g.nodes.get(s)?.local === grp.local);
      const members = grp.members.map((m) => nodeLabel(g, m)).join(' + ');
      parts[parts.length - 1] = `${members} (${grp.label}${named ? '' : ` ${grp.local}`})`;
      return;
    }
    parts.push(nodeLabel(g, id));
  });
  return parts.join(' → ');
}

/** `racks R01, R02` or `gpu-r03-01, gpu-r03-02`: several end nodes of one kind, in one phrase. */
function describeLeaves(g: TopologyGraph, ids: readonly NodeId[]): string {
  const byKind = new Map<NodeKind, NodeId[]>();
  for (const id of ids) {
    const kind = g.nodes.get(id)?.kind ?? 'equipment';
    byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  }
  return [...byKind]
    .map(([kind, list]) => {
      if (list.length === 1 || kind === 'equipment' || kind === 'group')
        return list.map((id) => nodeLabel(g, id)).join(', ');
      const locals = list.map((id) => g.nodes.get(id)!.local).join(', ');
      return `${KIND_WORD[kind][1]} ${locals}`;
    })
    .join(', ');
}

/**
 * How a cause reaches what it affects, one line per branch: `chiller CH-1 → CRAH-1 + CRAH-2 (N+1) →
 * cooling zone ZONE-A1 → row A1 → racks R01, R02`. Each affected node is shown on its shortest path
 * from the cause; affected nodes the cause does not reach are listed on their own line.
 */
export function describeImpact(g: TopologyGraph, cause: NodeId, affected: readonly NodeId[]): string[] {
  const via = new Map<NodeId, NodeId | null>([[cause, null]]);
  for (const r of downstream(g, cause, EVERY_PATH)) via.set(r.node, r.via);
  const branches = new Map<string, { prefix: NodeId[]; leaves: NodeId[] }>();
  const unreached: NodeId[] = [];
  for (const leaf of affected) {
    if (leaf === cause) continue;
    if (!via.has(leaf)) {
      unreached.push(leaf);
      continue;
    }
    const path: NodeId[] = [];
    for (let n: NodeId | null | undefined = via.get(leaf); n; n = via.get(n)) path.unshift(n);
    const key = path.join('\n');
    const b = branches.get(key) ?? { prefix: path, leaves: [] };
    if (!b.leaves.includes(leaf)) b.leaves.push(leaf);
    branches.set(key, b);
  }
  const lines = [...branches.values()].map(
    (b) => `${describeThroughGroups(g, b.prefix)} → ${describeLeaves(g, b.leaves)}`,
  );
  if (unreached.length) lines.push(`not fed by ${nodeLabel(g, cause)}: ${describeLeaves(g, unreached)}`);
  if (!lines.length) lines.push(nodeLabel(g, cause));
  return lines;
}
